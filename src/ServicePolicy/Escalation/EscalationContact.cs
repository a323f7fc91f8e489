// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using ServicePolicy.Calendars;
using ServicePolicy.Internal;

namespace ServicePolicy.Escalation;

/// <summary>
/// A person (or channel, such as a team's pager) an escalation reaches, with the hours they work, as the host's
/// <see cref="IEscalationDirectory"/> resolves a recipient to it.
/// </summary>
/// <remarks>Immutable. Equal to another contact with the same <see cref="Id"/> (ordinal) and the same
/// <see cref="WorkingHours"/> instance.</remarks>
[Immutable]
public sealed class EscalationContact : IEquatable<EscalationContact>
{
    /// <summary>Creates a contact.</summary>
    /// <param name="id">The host's id of the person or channel.</param>
    /// <param name="workingHours">The hours they work, for levels that wait for their recipient's working hours; null
    /// when they can be reached at any hour.</param>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> is empty or white space.</exception>
    public EscalationContact(string id, BusinessCalendar? workingHours = null)
    {
        Preconditions.CheckNotNull(id);
        Preconditions.CheckArgument(!string.IsNullOrWhiteSpace(id), nameof(id), "A contact id must not be empty or white space.");
        Id = id;
        WorkingHours = workingHours;
    }

    /// <summary>Gets the host's id of the person or channel.</summary>
    public string Id { get; }

    /// <summary>Gets the hours the contact works; null when they can be reached at any hour.</summary>
    public BusinessCalendar? WorkingHours { get; }

    /// <inheritdoc/>
    public bool Equals(EscalationContact? other) =>
        other is not null && string.Equals(Id, other.Id, StringComparison.Ordinal) && ReferenceEquals(WorkingHours, other.WorkingHours);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as EscalationContact);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Id);

    /// <summary>Returns the contact's id.</summary>
    /// <returns>The id.</returns>
    public override string ToString() => Id;
}
