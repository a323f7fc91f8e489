// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using ServicePolicy.Internal;

namespace ServicePolicy.Escalation;

/// <summary>
/// A role in an escalation chain, such as "the owner's lead" or "the duty manager", resolved to people when an action
/// is due through the host's <see cref="IEscalationDirectory"/> (an on-call rota is resolved by the library first, to
/// the person on call, and that person through the directory).
/// </summary>
/// <remarks>Immutable. Equal to another recipient of the same <see cref="Kind"/> with the same <see cref="Name"/>
/// (ordinal) and the same <see cref="Rota"/> instance.</remarks>
[Immutable]
public sealed class EscalationRecipient : IEquatable<EscalationRecipient>
{
    private EscalationRecipient(EscalationRecipientKind kind, string? name, WeeklyRota? rota)
    {
        Kind = kind;
        Name = name;
        Rota = rota;
    }

    /// <summary>Gets the interaction's current owner.</summary>
    public static EscalationRecipient Owner { get; } = new(EscalationRecipientKind.Owner, null, null);

    /// <summary>Gets the team lead of the interaction's current owner.</summary>
    public static EscalationRecipient OwnersLead { get; } = new(EscalationRecipientKind.OwnersLead, null, null);

    /// <summary>Gets the manager of the interaction's current owner.</summary>
    public static EscalationRecipient OwnersManager { get; } = new(EscalationRecipientKind.OwnersManager, null, null);

    /// <summary>Gets who the recipient stands for.</summary>
    public EscalationRecipientKind Kind { get; }

    /// <summary>Gets the role's name, the person's id, or the rota's name; null for the owner, lead and manager.</summary>
    public string? Name { get; }

    /// <summary>Gets the rota of an <see cref="EscalationRecipientKind.OnCall"/> recipient; null otherwise.</summary>
    public WeeklyRota? Rota { get; }

    /// <summary>Creates a recipient for whoever holds a named role, such as <c>duty-manager</c>.</summary>
    /// <param name="name">The host's name of the role.</param>
    /// <returns>The recipient.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or white space.</exception>
    public static EscalationRecipient Role(string name) => new(EscalationRecipientKind.Role, CheckName(name), null);

    /// <summary>Creates a recipient for a named person.</summary>
    /// <param name="id">The host's id of the person.</param>
    /// <returns>The recipient.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> is empty or white space.</exception>
    public static EscalationRecipient Person(string id) => new(EscalationRecipientKind.Person, CheckName(id), null);

    /// <summary>Creates a recipient for the person on call in a rota at the step's instant (<see cref="WeeklyRota.OnCallAt"/>:
    /// its cycle of hand-overs, and an override that applies then).</summary>
    /// <param name="rota">The rota.</param>
    /// <returns>The recipient.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="rota"/> is null.</exception>
    public static EscalationRecipient OnCall(WeeklyRota rota) =>
        new(EscalationRecipientKind.OnCall, Preconditions.CheckNotNull(rota).Name, rota);

    /// <inheritdoc/>
    public bool Equals(EscalationRecipient? other) =>
        other is not null && Kind == other.Kind && string.Equals(Name, other.Name, StringComparison.Ordinal) && ReferenceEquals(Rota, other.Rota);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as EscalationRecipient);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Kind, Name is null ? 0 : StringComparer.Ordinal.GetHashCode(Name));

    /// <summary>Returns the recipient for logs: <c>owner</c>, <c>owner's lead</c>, <c>owner's manager</c>,
    /// <c>role:name</c>, <c>person:id</c> or <c>on-call:rota</c>.</summary>
    /// <returns>The recipient.</returns>
    public override string ToString() => Kind switch
    {
        EscalationRecipientKind.Owner => "owner",
        EscalationRecipientKind.OwnersLead => "owner's lead",
        EscalationRecipientKind.OwnersManager => "owner's manager",
        EscalationRecipientKind.Role => "role:" + Name,
        EscalationRecipientKind.Person => "person:" + Name,
        _ => "on-call:" + Name,
    };

    private static string CheckName(string name)
    {
        Preconditions.CheckNotNull(name);
        Preconditions.CheckArgument(!string.IsNullOrWhiteSpace(name), nameof(name), "A recipient's name must not be empty or white space.");
        return name;
    }
}
