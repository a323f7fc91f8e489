// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using System.Diagnostics.Contracts;
using ServicePolicy.Internal;

namespace ServicePolicy.Policies;

/// <summary>Why an interaction is waiting, so that a policy can say which commitments stop their clocks meanwhile: one
/// of the two built-in reasons (<see cref="WaitingOnCustomer"/>, <see cref="WaitingOnThirdParty"/>) or a reason the host
/// declares (<see cref="Create"/>, or <c>ServicePolicy:PauseReasons</c> in configuration), such as "WaitingOnVendor" or
/// "ChangeFreeze".</summary>
/// <remarks>
/// <para>A reason is its <see cref="Name"/>: two reasons with the same name (compared ordinally) are equal, wherever
/// they were created. A timeline may name a reason its policy has no pause rule for: such a wait pauses nothing (as
/// waiting on a third party does under a policy that only pauses for the customer), so a timeline stays valid under
/// every version of every policy (docs/concepts.md, "Pausing").</para>
/// <para>The default value is <see cref="WaitingOnCustomer"/> (as the default of the enum this type replaces was).
/// Immutable and thread-safe.</para>
/// </remarks>
public readonly struct PauseReason : IEquatable<PauseReason>
{
    private const string CustomerName = "WaitingOnCustomer";
    private const string ThirdPartyName = "WaitingOnThirdParty";

    /// <summary>The name; null for <see cref="WaitingOnCustomer"/>, which is the default value.</summary>
    private readonly string? name;

    private PauseReason(string? name) => this.name = name;

    /// <summary>Gets the built-in reason: waiting for the customer to reply or act (the default value).</summary>
    public static PauseReason WaitingOnCustomer => default;

    /// <summary>Gets the built-in reason: waiting for a third party, such as a supplier or a carrier.</summary>
    public static PauseReason WaitingOnThirdParty { get; } = new(ThirdPartyName);

    /// <summary>Gets the reason's name, such as <c>WaitingOnCustomer</c> or <c>WaitingOnVendor</c>.</summary>
    public string Name => name ?? CustomerName;

    /// <summary>Gets whether this is one of the two built-in reasons, <see cref="WaitingOnCustomer"/> or
    /// <see cref="WaitingOnThirdParty"/>.</summary>
    public bool IsBuiltIn => name is null || string.Equals(name, ThirdPartyName, StringComparison.Ordinal);

    /// <summary>Returns the reason with a name: one of the built-in reasons for their names, otherwise a reason of the
    /// host's own.</summary>
    /// <param name="name">The name, such as <c>WaitingOnVendor</c> or <c>change freeze</c>: not empty, not white space
    /// at either end, at most 200 characters, without <c>:</c> (which separates configuration keys), and not a built-in
    /// reason's name spelt in another case (which would silently pause nothing).</param>
    /// <returns>The reason.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is not a valid name; the message says why.</exception>
    public static PauseReason Create(string name)
    {
        Preconditions.CheckNotNull(name);
        if (Validate(name) is { } problem)
        {
            throw new ArgumentException($"'{name}' is not a pause reason name: {problem}.", nameof(name));
        }
        // The built-in reasons come back as their own values, so that comparing them (once per pause per cycle in every
        // evaluation) finds the same string reference and stops there.
        return string.Equals(name, CustomerName, StringComparison.Ordinal) ? default
            : string.Equals(name, ThirdPartyName, StringComparison.Ordinal) ? WaitingOnThirdParty
            : new PauseReason(name);
    }

    /// <summary>Returns why <paramref name="name"/> is not a valid reason name, or null when it is.</summary>
    internal static string? Validate(string name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return "it is empty or white space";
        }
        if (char.IsWhiteSpace(name[0]) || char.IsWhiteSpace(name[^1]))
        {
            return "it starts or ends with white space";
        }
        if (name.Length > Limits.MaxNameLength)
        {
            return $"it is longer than {Limits.MaxNameLength} characters";
        }
        if (name.Contains(':', StringComparison.Ordinal))
        {
            return "it contains ':', which separates configuration keys";
        }
        foreach (string builtIn in new[] { CustomerName, ThirdPartyName })
        {
            if (!string.Equals(name, builtIn, StringComparison.Ordinal) && string.Equals(name, builtIn, StringComparison.OrdinalIgnoreCase))
            {
                return $"it differs from the built-in reason '{builtIn}' only in case";
            }
        }
        return null;
    }

    /// <summary>Returns whether this reason has the same name as <paramref name="other"/> (compared ordinally).</summary>
    /// <param name="other">The other reason.</param>
    /// <returns>Whether the names are equal.</returns>
    [Pure]
    public bool Equals(PauseReason other) => ReferenceEquals(name, other.name) || string.Equals(Name, other.Name, StringComparison.Ordinal);

    /// <inheritdoc/>
    [Pure]
    public override bool Equals(object? obj) => obj is PauseReason other && Equals(other);

    /// <inheritdoc/>
    [Pure]
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Name);

    /// <summary>Returns the reason's <see cref="Name"/>, the text timelines are stored with.</summary>
    /// <returns>The name.</returns>
    [Pure]
    public override string ToString() => Name;

    /// <summary>Compares two reasons for equality.</summary>
    /// <param name="left">The first reason.</param>
    /// <param name="right">The second reason.</param>
    /// <returns>Whether the reasons have the same name.</returns>
    public static bool operator ==(PauseReason left, PauseReason right) => left.Equals(right);

    /// <summary>Compares two reasons for inequality.</summary>
    /// <param name="left">The first reason.</param>
    /// <param name="right">The second reason.</param>
    /// <returns>Whether the names differ.</returns>
    public static bool operator !=(PauseReason left, PauseReason right) => !left.Equals(right);
}
