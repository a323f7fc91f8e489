// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Diagnostics.Contracts;
using System.Globalization;
using ServicePolicy.Commitments;
using ServicePolicy.Internal;

namespace ServicePolicy.Escalation;

/// <summary>
/// The deterministic idempotency key of an escalation action or a breach remedy: the same on every evaluation, machine
/// and restart, so a host, an outbox or a channel de-duplicates by it, and an acknowledgement names the step by it.
/// <see cref="ToString"/> is the canonical text, which hosts store; <see cref="Parse"/> reads it back.
/// </summary>
/// <remarks>
/// <para>The grammar (parts separated by <c>/</c>; numbers in decimal, without sign or leading zeros):</para>
/// <code>
/// key        = interaction "/" ( commitment "/" cycle "/" ( chain "/" step / remedy / "notice" )
///                              / "HandoffLimit/" ( chain "/L" number "/R0" / remedy ) )
/// remedy     = "remedy/" number [ "/" chain "/L" number "/R" number ]   ; with a level: its overdue escalation
/// commitment = kind [ ":" name ] / "Custom:" name ; a name after a built-in kind: a named measure
/// kind       = "FirstResponse" / "NextResponse" / "PeriodicUpdate" / "FollowUp" / "Resolution"
///            / "Appointment" / "FeedbackRequest"
/// chain      = chain-name "@" step-id          ; split at the last "@" of the part
///            / chain-name "@v" version          ; the form before step ids: read, never written
/// step       = "W" number / "L" number "/R" number
/// interaction, name, chain-name = one or more characters other than "/", not all white space
/// cycle, number = "0" / 1-9 *digit            ; at most 2147483647
/// version    = 1-9 *digit                      ; at most 2147483647
/// step-id    = 12 ( DIGIT / "a"-"f" )
/// </code>
/// <para>So the forms are: a warning <c>{interaction}/{kind}/{cycle}/{chain}@{step-id}/W{warning}</c>, a level
/// <c>{interaction}/{kind}/{cycle}/{chain}@{step-id}/L{level}/R{repeat}</c>, the handoff limit's level
/// <c>{interaction}/HandoffLimit/{chain}@{step-id}/L{level}/R0</c>, a remedy
/// <c>{interaction}/{kind}/{cycle}/remedy/{remedy}</c> and the handoff limit's remedy
/// <c>{interaction}/HandoffLimit/remedy/{remedy}</c>, a level escalating a remedy given after its own deadline
/// <c>{remedy-key}/{chain}@{step-id}/L{level}/R{repeat}</c>, and a cycle's early delay notice
/// <c>{interaction}/{kind}/{cycle}/notice</c>, where kind is <c>Custom:{name}</c> for custom commitments and
/// <c>{kind}:{name}</c> for a named measure of a built-in kind (<c>Resolution:agent work time</c>). Every
/// text <see cref="Parse"/> accepts formats back to itself, and every key formats to text it accepts.</para>
/// <para>The step id is a fingerprint of the warning's or level's definition (its position, recipient, delay, action;
/// see docs/escalation.md), not the chain version: a new version of a chain keeps the keys of the steps it did not
/// change, so nodes that reload one by one plan an unchanged step under one key. Keys written before step ids, with
/// <c>@v{version}</c>, still parse (stored acknowledgements, outbox rows) but never equal a key evaluation lists now.</para>
/// <para>Interaction ids (<see cref="Evaluation.Timeline.Create"/>), custom target names
/// (<see cref="Policies.ServiceTarget.Custom"/>) and chain names (<see cref="EscalationChain.CreateBuilder"/>) that
/// contain <c>/</c> are rejected where they enter the library, so every key parses back to its parts.</para>
/// <para>A key holds only its text (one reference, like the string it replaces); the parts are read from the text on
/// each access, so the string parts allocate. Equality is ordinal equality of the canonical text, which is the same as
/// equality of every part. The default value is not a key: its <see cref="ToString"/> is empty, its
/// <see cref="InteractionId"/> is empty, its optional parts are null and its numbers zero; it equals only itself, and
/// the library's APIs that take a key reject it.</para>
/// </remarks>
public readonly partial struct ActionKey : IEquatable<ActionKey>
{
    /// <summary>Characters formatted on the stack for a key; longer keys (long ids or names) take a pooled buffer.</summary>
    private const int KeyBuffer = 128;

    private const string HandoffLimitPart = "HandoffLimit";
    private const string RemedyPart = "remedy";
    private const string NoticePart = "notice";
    private const string CustomPrefix = "Custom:";

    private readonly string? text;

    /// <summary>Wraps text that is a key (the factories' output, or text <see cref="TryRead"/> accepted).</summary>
    private ActionKey(string text)
    {
        Debug.Assert(TryRead(text, out _, out _, out _), "Only keys are wrapped.");
        this.text = text;
    }

    /// <summary>Gets the host's id of the interaction; empty for the default value.</summary>
    public string InteractionId => text is null ? string.Empty : text[..Read().InteractionEnd];

    /// <summary>Gets whether the key names a step or remedy of the policy's handoff limit rather than of a commitment.</summary>
    public bool IsHandoffLimit => text is not null && Read().HandoffLimit;

    /// <summary>Gets the kind of the commitment (<see cref="CommitmentKind.Custom"/> for a custom one); null for the
    /// handoff limit and for the default value.</summary>
    public CommitmentKind? Commitment => text is not null && Read() is { HandoffLimit: false } parts ? parts.Kind : null;

    /// <summary>Gets the name of a custom commitment or of a named measure (<c>agent work time</c> of
    /// <c>Resolution:agent work time</c>); null otherwise.</summary>
    public string? CommitmentName => text is not null && Read() is { NameStart: >= 0 } parts ? text[parts.NameStart..parts.NameEnd] : null;

    /// <summary>Gets the commitment's zero-based cycle; null for the handoff limit and for the default value.</summary>
    public int? Cycle => text is not null && Read() is { HandoffLimit: false } parts ? parts.Cycle : null;

    /// <summary>Gets the escalation chain's name; null for remedies, delay notices and the default value.</summary>
    public string? ChainName => text is not null && Read() is { ChainStart: >= 0 } parts ? text[parts.ChainStart..parts.ChainEnd] : null;

    /// <summary>Gets the escalation chain's version of a key in the form before step ids (<c>{chain}@v{version}</c>);
    /// null for keys with a step id, remedies and the default value.</summary>
    public int? ChainVersion => text is not null && Read() is { ChainStart: >= 0, StepIdStart: < 0 } parts ? parts.ChainVersion : null;

    /// <summary>Gets the step id after the chain's name: the fingerprint of the warning's or level's definition that
    /// identifies the step across the chain's versions; null for remedies, keys in the form before step ids and the
    /// default value.</summary>
    public string? StepId => text is not null && Read() is { StepIdStart: >= 0 } parts ? text.Substring(parts.StepIdStart, StepIds.Length) : null;

    /// <summary>Gets the step the key names: a warning, a level or a remedy.</summary>
    public ActionKeyStep Step => text is null ? default : Read().Step;

    /// <summary>Gets the zero-based index of the warning or level in the chain, or of the remedy in the policy; 0 for a
    /// delay notice.</summary>
    public int Index => text is null ? 0 : Read().Index;

    /// <summary>Gets, for a level, how many times it fired before in the cycle; 0 for the handoff limit's level,
    /// warnings and remedies.</summary>
    public int Repeat => text is null ? 0 : Read().Repeat;

    /// <summary>Gets the zero-based index in the policy of the remedy the key names: a remedy's key, or the key of a
    /// level escalating that remedy once it is overdue (its <see cref="Step"/> is then <see cref="ActionKeyStep.Level"/>
    /// and <see cref="Index"/> the level); null for other keys and the default value.</summary>
    public int? RemedyIndex => text is not null && Read() is { RemedyIndex: >= 0 } parts ? parts.RemedyIndex : null;

    /// <summary>Gets whether this is the default value, which is not a key.</summary>
    internal bool IsDefault => text is null;

    /// <summary>Whether this key and <paramref name="other"/> are keys of the same escalation level of the same cycle
    /// and chain version, whatever their repeat numbers: in the grammar a level key's repeat is its last part.</summary>
    internal bool IsSameLevelAs(ActionKey other)
    {
        if (text is null || other.text is null || Step != ActionKeyStep.Level || other.Step != ActionKeyStep.Level)
        {
            return false;
        }
        int end = text.LastIndexOf('/');
        return end == other.text.LastIndexOf('/') && text.AsSpan(0, end).SequenceEqual(other.text.AsSpan(0, end));
    }

    /// <summary>The key of a warning, <c>{interaction}/{kind}/{cycle}/{chain}@{step-id}/W{warning}</c>, built in one string.</summary>
    internal static ActionKey Warning(string interactionId, CommitmentKind kind, string? name, int cycle, string chainName, string stepId, int warning)
    {
        AssertCommitment(kind, name);
        return new ActionKey(name is null
            ? string.Create(CultureInfo.InvariantCulture, stackalloc char[KeyBuffer], $"{interactionId}/{KindName(kind)}/{cycle}/{chainName}@{stepId}/W{warning}")
            : string.Create(CultureInfo.InvariantCulture, stackalloc char[KeyBuffer], $"{interactionId}/{CommitmentPart(kind, name)}/{cycle}/{chainName}@{stepId}/W{warning}"));
    }

    /// <summary>The key of a level, <c>{interaction}/{kind}/{cycle}/{chain}@{step-id}/L{level}/R{repeat}</c>.</summary>
    internal static ActionKey Level(string interactionId, CommitmentKind kind, string? name, int cycle, string chainName, string stepId, int level, int repeat)
    {
        AssertCommitment(kind, name);
        return new ActionKey(name is null
            ? string.Create(CultureInfo.InvariantCulture, stackalloc char[KeyBuffer], $"{interactionId}/{KindName(kind)}/{cycle}/{chainName}@{stepId}/L{level}/R{repeat}")
            : string.Create(CultureInfo.InvariantCulture, stackalloc char[KeyBuffer], $"{interactionId}/{CommitmentPart(kind, name)}/{cycle}/{chainName}@{stepId}/L{level}/R{repeat}"));
    }

    /// <summary>The key of the handoff limit's level, <c>{interaction}/HandoffLimit/{chain}@{step-id}/L{level}/R0</c>.</summary>
    internal static ActionKey HandoffLimitLevel(string interactionId, string chainName, string stepId, int level) =>
        new(string.Create(CultureInfo.InvariantCulture, stackalloc char[KeyBuffer], $"{interactionId}/HandoffLimit/{chainName}@{stepId}/L{level}/R0"));

    /// <summary>The key of a commitment's remedy, <c>{interaction}/{kind}/{cycle}/remedy/{remedy}</c>.</summary>
    internal static ActionKey Remedy(string interactionId, CommitmentKind kind, string? name, int cycle, int remedy)
    {
        AssertCommitment(kind, name);
        return new ActionKey(name is null
            ? string.Create(CultureInfo.InvariantCulture, stackalloc char[KeyBuffer], $"{interactionId}/{KindName(kind)}/{cycle}/remedy/{remedy}")
            : string.Create(CultureInfo.InvariantCulture, stackalloc char[KeyBuffer], $"{interactionId}/{CommitmentPart(kind, name)}/{cycle}/remedy/{remedy}"));
    }

    /// <summary>The key of a cycle's early delay notice, <c>{interaction}/{kind}/{cycle}/notice</c>.</summary>
    internal static ActionKey DelayNotice(string interactionId, CommitmentKind kind, string? name, int cycle)
    {
        AssertCommitment(kind, name);
        return new ActionKey(name is null
            ? string.Create(CultureInfo.InvariantCulture, stackalloc char[KeyBuffer], $"{interactionId}/{KindName(kind)}/{cycle}/notice")
            : string.Create(CultureInfo.InvariantCulture, stackalloc char[KeyBuffer], $"{interactionId}/Custom:{name}/{cycle}/notice"));
    }

    /// <summary>The key of the handoff limit's remedy, <c>{interaction}/HandoffLimit/remedy/{remedy}</c>.</summary>
    internal static ActionKey HandoffLimitRemedy(string interactionId, int remedy) =>
        new(string.Create(CultureInfo.InvariantCulture, stackalloc char[KeyBuffer], $"{interactionId}/HandoffLimit/remedy/{remedy}"));

    /// <summary>The key of a level escalating an overdue remedy, <c>{remedy-key}/{chain}@{step-id}/L{level}/R{repeat}</c>.</summary>
    internal static ActionKey RemedyLevel(ActionKey remedy, string chainName, string stepId, int level, int repeat)
    {
        Debug.Assert(remedy.Step == ActionKeyStep.Remedy, "Only a remedy's key is escalated.");
        return new ActionKey(string.Create(CultureInfo.InvariantCulture, stackalloc char[KeyBuffer], $"{remedy.text}/{chainName}@{stepId}/L{level}/R{repeat}"));
    }

    /// <summary>The kind's part of a key: its name; never the enum's formatting, which a rename would change.</summary>
    private static string KindName(CommitmentKind kind) => kind switch
    {
        CommitmentKind.FirstResponse => "FirstResponse",
        CommitmentKind.NextResponse => "NextResponse",
        CommitmentKind.PeriodicUpdate => "PeriodicUpdate",
        CommitmentKind.FollowUp => "FollowUp",
        CommitmentKind.Resolution => "Resolution",
        CommitmentKind.Appointment => "Appointment",
        CommitmentKind.FeedbackRequest => "FeedbackRequest",
        _ => throw new UnreachableException($"Commitment kind {kind} has no name of its own in keys."),
    };

    [Conditional("DEBUG")]
    private static void AssertCommitment(CommitmentKind kind, string? name) =>
        Debug.Assert(kind != CommitmentKind.Custom || name is not null, "Custom commitments have a name.");

    /// <summary>The commitment's part of a key: the kind's name, <c>{kind}:{name}</c> for a named measure, or
    /// <c>Custom:{name}</c>.</summary>
    private static string CommitmentPart(CommitmentKind kind, string name) =>
        kind == CommitmentKind.Custom ? CustomPrefix + name : KindName(kind) + ":" + name;

    /// <summary>Returns the canonical text of the key, which <see cref="Parse"/> reads back; empty for the default value.</summary>
    /// <returns>The key's text, such as <c>T-1/FirstResponse/0/standard@a8d12acb2806/L0/R0</c>.</returns>
    [Pure]
    public override string ToString() => text ?? string.Empty;

    /// <inheritdoc/>
    [Pure]
    public bool Equals(ActionKey other) => string.Equals(text, other.text, StringComparison.Ordinal);

    /// <inheritdoc/>
    [Pure]
    public override bool Equals(object? obj) => obj is ActionKey other && Equals(other);

    /// <inheritdoc/>
    [Pure]
    public override int GetHashCode() => text is null ? 0 : StringComparer.Ordinal.GetHashCode(text);

    /// <summary>Compares two keys for equality.</summary>
    /// <param name="left">The first key.</param>
    /// <param name="right">The second key.</param>
    /// <returns>Whether the keys have the same text.</returns>
    public static bool operator ==(ActionKey left, ActionKey right) => left.Equals(right);

    /// <summary>Compares two keys for inequality.</summary>
    /// <param name="left">The first key.</param>
    /// <param name="right">The second key.</param>
    /// <returns>Whether the keys differ.</returns>
    public static bool operator !=(ActionKey left, ActionKey right) => !left.Equals(right);
}
