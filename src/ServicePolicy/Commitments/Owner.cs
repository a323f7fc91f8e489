// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using ServicePolicy.Internal;

namespace ServicePolicy.Commitments;

/// <summary>
/// The person or team responsible for an interaction, identified by the host's own id. An interaction always has an
/// owner; handing it to another owner keeps every commitment running.
/// </summary>
/// <remarks>Instances are immutable. Two owners are equal when their <see cref="Kind"/> is the same and their
/// <see cref="Id"/> is equal ordinally (case-sensitive), so <c>person:alice</c> and <c>team:alice</c> differ.</remarks>
[Immutable]
public sealed class Owner : IEquatable<Owner>
{
    private Owner(OwnerKind kind, string id)
    {
        Kind = kind;
        Id = id;
    }

    /// <summary>Gets whether the owner is a person or a team.</summary>
    public OwnerKind Kind { get; }

    /// <summary>Gets the host's id for the person or team; never empty.</summary>
    public string Id { get; }

    /// <summary>Creates an owner that is one person.</summary>
    /// <param name="id">The host's id for the person.</param>
    /// <returns>The owner.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> is empty or white space.</exception>
    public static Owner Person(string id) => new(OwnerKind.Person, CheckId(id));

    /// <summary>Creates an owner that is a team.</summary>
    /// <param name="id">The host's id for the team.</param>
    /// <returns>The owner.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> is empty or white space.</exception>
    public static Owner Team(string id) => new(OwnerKind.Team, CheckId(id));

    /// <inheritdoc/>
    public bool Equals(Owner? other) => other is not null && Kind == other.Kind && string.Equals(Id, other.Id, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as Owner);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Kind, StringComparer.Ordinal.GetHashCode(Id));

    /// <summary>Returns the owner as <c>person:id</c> or <c>team:id</c>.</summary>
    /// <returns>The owner's kind and id.</returns>
    public override string ToString() => (Kind == OwnerKind.Person ? "person:" : "team:") + Id;

    private static string CheckId(string id)
    {
        Preconditions.CheckNotNull(id);
        Preconditions.CheckArgument(!string.IsNullOrWhiteSpace(id), nameof(id), "An owner id must not be empty or white space.");
        return id;
    }
}
