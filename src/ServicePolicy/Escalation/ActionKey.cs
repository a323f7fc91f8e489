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
/// key        = interaction "/" ( commitment "/" cycle "/" ( chain "/" step / "remedy/" number )
///                              / "HandoffLimit/" ( chain "/L" number "/R0" / "remedy/" number ) )
/// commitment = "FirstResponse" / "NextResponse" / "PeriodicUpdate" / "FollowUp" / "Resolution"
///            / "Appointment" / "FeedbackRequest" / "Custom:" name
/// chain      = chain-name "@v" version          ; split at the last "@" of the part
/// step       = "W" number / "L" number "/R" number
/// interaction, name, chain-name = one or more characters other than "/", not all white space
/// cycle, number = "0" / 1-9 *digit            ; at most 2147483647
/// version    = 1-9 *digit                      ; at most 2147483647
/// </code>
/// <para>So the forms are: a warning <c>{interaction}/{kind}/{cycle}/{chain}@v{version}/W{warning}</c>, a level
/// <c>{interaction}/{kind}/{cycle}/{chain}@v{version}/L{level}/R{repeat}</c>, the handoff limit's level
/// <c>{interaction}/HandoffLimit/{chain}@v{version}/L{level}/R0</c>, a remedy
/// <c>{interaction}/{kind}/{cycle}/remedy/{remedy}</c> and the handoff limit's remedy
/// <c>{interaction}/HandoffLimit/remedy/{remedy}</c>, where kind is <c>Custom:{name}</c> for custom commitments. Every
/// text <see cref="Parse"/> accepts formats back to itself, and every key formats to text it accepts.</para>
/// <para>Interaction ids (<see cref="Evaluation.Timeline.Create"/>), custom target names
/// (<see cref="Policies.ServiceTarget.Custom"/>) and chain names (<see cref="EscalationChain.CreateBuilder"/>) that
/// contain <c>/</c> are rejected where they enter the library, so every key parses back to its parts.</para>
/// <para>Equality is ordinal equality of the canonical text, which is the same as equality of every part. The default
/// value is not a key: its <see cref="ToString"/> is empty, its <see cref="InteractionId"/> is empty, its optional
/// parts are null and its numbers zero; it equals only itself, and the library's APIs that take a key reject it.</para>
/// </remarks>
public readonly struct ActionKey : IEquatable<ActionKey>
{
    /// <summary>Characters formatted on the stack for a key; longer keys (long ids or names) take a pooled buffer.</summary>
    private const int KeyBuffer = 128;

    private const string HandoffLimitPart = "HandoffLimit";
    private const string RemedyPart = "remedy";
    private const string CustomPrefix = "Custom:";

    private readonly string? text;
    private readonly string? interactionId;
    private readonly string? commitmentName;
    private readonly string? chainName;
    private readonly int cycle;
    private readonly int chainVersion;
    private readonly int index;
    private readonly int repeat;
    private readonly CommitmentKind kind;
    private readonly ActionKeyStep step;
    private readonly bool handoffLimit;

    private ActionKey(string text, string interactionId, bool handoffLimit, CommitmentKind kind, string? commitmentName, int cycle,
        string? chainName, int chainVersion, ActionKeyStep step, int index, int repeat)
    {
        this.text = text;
        this.interactionId = interactionId;
        this.handoffLimit = handoffLimit;
        this.kind = kind;
        this.commitmentName = commitmentName;
        this.cycle = cycle;
        this.chainName = chainName;
        this.chainVersion = chainVersion;
        this.step = step;
        this.index = index;
        this.repeat = repeat;
    }

    /// <summary>Gets the host's id of the interaction; empty for the default value.</summary>
    public string InteractionId => interactionId ?? string.Empty;

    /// <summary>Gets whether the key names a step or remedy of the policy's handoff limit rather than of a commitment.</summary>
    public bool IsHandoffLimit => handoffLimit;

    /// <summary>Gets the kind of the commitment (<see cref="CommitmentKind.Custom"/> for a custom one); null for the
    /// handoff limit and for the default value.</summary>
    public CommitmentKind? Commitment => text is null || handoffLimit ? null : kind;

    /// <summary>Gets the name of a custom commitment; null otherwise.</summary>
    public string? CommitmentName => commitmentName;

    /// <summary>Gets the commitment's zero-based cycle; null for the handoff limit and for the default value.</summary>
    public int? Cycle => text is null || handoffLimit ? null : cycle;

    /// <summary>Gets the escalation chain's name; null for remedies and for the default value.</summary>
    public string? ChainName => chainName;

    /// <summary>Gets the escalation chain's version, 1 or more; null for remedies and for the default value.</summary>
    public int? ChainVersion => chainName is null ? null : chainVersion;

    /// <summary>Gets the step the key names: a warning, a level or a remedy.</summary>
    public ActionKeyStep Step => step;

    /// <summary>Gets the zero-based index of the warning or level in the chain, or of the remedy in the policy.</summary>
    public int Index => index;

    /// <summary>Gets, for a level, how many times it fired before in the cycle; 0 for the handoff limit's level,
    /// warnings and remedies.</summary>
    public int Repeat => repeat;

    /// <summary>Gets whether this is the default value, which is not a key.</summary>
    internal bool IsDefault => text is null;

    /// <summary>The key of a warning, <c>{interaction}/{kind}/{cycle}/{chain}@v{version}/W{warning}</c>, built in one string.</summary>
    internal static ActionKey Warning(string interactionId, CommitmentKind kind, string? name, int cycle, string chainName, int chainVersion, int warning)
    {
        AssertCommitment(interactionId, kind, name, cycle);
        string text = name is null
            ? string.Create(CultureInfo.InvariantCulture, stackalloc char[KeyBuffer], $"{interactionId}/{KindName(kind)}/{cycle}/{chainName}@v{chainVersion}/W{warning}")
            : string.Create(CultureInfo.InvariantCulture, stackalloc char[KeyBuffer], $"{interactionId}/Custom:{name}/{cycle}/{chainName}@v{chainVersion}/W{warning}");
        return new ActionKey(text, interactionId, false, kind, name, cycle, chainName, chainVersion, ActionKeyStep.Warning, warning, 0);
    }

    /// <summary>The key of a level, <c>{interaction}/{kind}/{cycle}/{chain}@v{version}/L{level}/R{repeat}</c>.</summary>
    internal static ActionKey Level(string interactionId, CommitmentKind kind, string? name, int cycle, string chainName, int chainVersion, int level, int repeat)
    {
        AssertCommitment(interactionId, kind, name, cycle);
        string text = name is null
            ? string.Create(CultureInfo.InvariantCulture, stackalloc char[KeyBuffer], $"{interactionId}/{KindName(kind)}/{cycle}/{chainName}@v{chainVersion}/L{level}/R{repeat}")
            : string.Create(CultureInfo.InvariantCulture, stackalloc char[KeyBuffer], $"{interactionId}/Custom:{name}/{cycle}/{chainName}@v{chainVersion}/L{level}/R{repeat}");
        return new ActionKey(text, interactionId, false, kind, name, cycle, chainName, chainVersion, ActionKeyStep.Level, level, repeat);
    }

    /// <summary>The key of the handoff limit's level, <c>{interaction}/HandoffLimit/{chain}@v{version}/L{level}/R0</c>.</summary>
    internal static ActionKey HandoffLimitLevel(string interactionId, string chainName, int chainVersion, int level)
    {
        Debug.Assert(ActionKeyPart.IsValid(interactionId), "A timeline's interaction id is a valid key part.");
        string text = string.Create(CultureInfo.InvariantCulture, stackalloc char[KeyBuffer], $"{interactionId}/HandoffLimit/{chainName}@v{chainVersion}/L{level}/R0");
        return new ActionKey(text, interactionId, true, default, null, 0, chainName, chainVersion, ActionKeyStep.Level, level, 0);
    }

    /// <summary>The key of a commitment's remedy, <c>{interaction}/{kind}/{cycle}/remedy/{remedy}</c>.</summary>
    internal static ActionKey Remedy(string interactionId, CommitmentKind kind, string? name, int cycle, int remedy)
    {
        AssertCommitment(interactionId, kind, name, cycle);
        string text = name is null
            ? string.Create(CultureInfo.InvariantCulture, stackalloc char[KeyBuffer], $"{interactionId}/{KindName(kind)}/{cycle}/remedy/{remedy}")
            : string.Create(CultureInfo.InvariantCulture, stackalloc char[KeyBuffer], $"{interactionId}/Custom:{name}/{cycle}/remedy/{remedy}");
        return new ActionKey(text, interactionId, false, kind, name, cycle, null, 0, ActionKeyStep.Remedy, remedy, 0);
    }

    /// <summary>The key of the handoff limit's remedy, <c>{interaction}/HandoffLimit/remedy/{remedy}</c>.</summary>
    internal static ActionKey HandoffLimitRemedy(string interactionId, int remedy)
    {
        Debug.Assert(ActionKeyPart.IsValid(interactionId), "A timeline's interaction id is a valid key part.");
        string text = string.Create(CultureInfo.InvariantCulture, stackalloc char[KeyBuffer], $"{interactionId}/HandoffLimit/remedy/{remedy}");
        return new ActionKey(text, interactionId, true, default, null, 0, null, 0, ActionKeyStep.Remedy, remedy, 0);
    }

    /// <summary>Parses a key in the canonical form <see cref="ToString"/> writes (see the grammar in the remarks).</summary>
    /// <param name="text">The text to parse, such as <c>T-1/FirstResponse/0/standard@v1/L0/R0</c>.</param>
    /// <returns>The key, whose <see cref="ToString"/> is <paramref name="text"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="ActionKeyFormatException"><paramref name="text"/> is not a key; the message quotes it and says
    /// what was expected where.</exception>
    public static ActionKey Parse(string text)
    {
        Preconditions.CheckNotNull(text);
        return TryParse(text, out ActionKey key, out int position, out string? expected)
            ? key
            : throw new ActionKeyFormatException(text, position, expected);
    }

    /// <summary>Parses a key in the canonical form <see cref="ToString"/> writes, without throwing.</summary>
    /// <param name="text">The text to parse; null is not a key.</param>
    /// <param name="key">The key, or the default value when <paramref name="text"/> is not a key.</param>
    /// <returns>Whether <paramref name="text"/> is a key.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out ActionKey key)
    {
        if (text is null)
        {
            key = default;
            return false;
        }
        return TryParse(text, out key, out _, out _);
    }

    /// <summary>The parser: on failure, the zero-based position and what was expected there.</summary>
    private static bool TryParse(string text, out ActionKey key, out int position, [NotNullWhen(false)] out string? expected)
    {
        key = default;
        int p = 0;
        // The interaction id: the first part.
        if (!TryPart(text, ref p, "an interaction id", out string? interactionId, out position, out expected))
        {
            return false;
        }
        if (!TrySeparator(text, ref p, "'/' after the interaction id", out position, out expected))
        {
            return false;
        }
        int partStart = p;
        int partEnd = PartEnd(text, p);
        ReadOnlySpan<char> part = text.AsSpan(p, partEnd - p);
        if (part.SequenceEqual(HandoffLimitPart))
        {
            p = partEnd;
            if (!TrySeparator(text, ref p, "'/' after HandoffLimit", out position, out expected))
            {
                return false;
            }
            if (TryRemedy(text, ref p, out int handoffRemedy, out bool isRemedy, out position, out expected))
            {
                if (isRemedy)
                {
                    key = new ActionKey(text, interactionId, true, default, null, 0, null, 0, ActionKeyStep.Remedy, handoffRemedy, 0);
                    return true;
                }
            }
            else
            {
                return false;
            }
            if (!TryChain(text, ref p, out string? handoffChain, out int handoffVersion, out position, out expected)
                || !TryLiteral(text, ref p, "/L", "'/L' and the level after the chain", out position, out expected)
                || !TryNumber(text, ref p, 0, "a level number", out int handoffLevel, out position, out expected)
                || !TryLiteral(text, ref p, "/R0", "'/R0' after the level (the handoff limit's level fires once)", out position, out expected)
                || !TryEnd(text, p, out position, out expected))
            {
                return false;
            }
            key = new ActionKey(text, interactionId, true, default, null, 0, handoffChain, handoffVersion, ActionKeyStep.Level, handoffLevel, 0);
            return true;
        }

        // A commitment: its kind (or custom name), then its cycle.
        CommitmentKind kind;
        string? name = null;
        if (part.StartsWith(CustomPrefix, StringComparison.Ordinal))
        {
            ReadOnlySpan<char> custom = part[CustomPrefix.Length..];
            if (!ActionKeyPart.IsValid(custom))
            {
                return Fail(partStart + CustomPrefix.Length, "a custom commitment name after 'Custom:'", out position, out expected);
            }
            kind = CommitmentKind.Custom;
            name = custom.ToString();
        }
        else if (!TryKind(part, out kind))
        {
            return Fail(partStart,
                "a commitment kind (FirstResponse, NextResponse, PeriodicUpdate, FollowUp, Resolution, Appointment, FeedbackRequest or Custom:{name}) or HandoffLimit",
                out position, out expected);
        }
        p = partEnd;
        if (!TrySeparator(text, ref p, "'/' after the commitment", out position, out expected)
            || !TryNumber(text, ref p, 0, "a cycle number", out int cycle, out position, out expected)
            || !TrySeparator(text, ref p, "'/' after the cycle", out position, out expected))
        {
            return false;
        }
        if (!TryRemedy(text, ref p, out int remedy, out bool remedyKey, out position, out expected))
        {
            return false;
        }
        if (remedyKey)
        {
            key = new ActionKey(text, interactionId, false, kind, name, cycle, null, 0, ActionKeyStep.Remedy, remedy, 0);
            return true;
        }
        if (!TryChain(text, ref p, out string? chainName, out int chainVersion, out position, out expected)
            || !TrySeparator(text, ref p, "'/' after the chain", out position, out expected))
        {
            return false;
        }
        if (p < text.Length && text[p] == 'W')
        {
            p++;
            if (!TryNumber(text, ref p, 0, "a warning number", out int warning, out position, out expected)
                || !TryEnd(text, p, out position, out expected))
            {
                return false;
            }
            key = new ActionKey(text, interactionId, false, kind, name, cycle, chainName, chainVersion, ActionKeyStep.Warning, warning, 0);
            return true;
        }
        if (p >= text.Length || text[p] != 'L')
        {
            return Fail(p, "a step, W{warning} or L{level}/R{repeat}", out position, out expected);
        }
        p++;
        if (!TryNumber(text, ref p, 0, "a level number", out int level, out position, out expected)
            || !TryLiteral(text, ref p, "/R", "'/R' and the repeat after the level", out position, out expected)
            || !TryNumber(text, ref p, 0, "a repeat number", out int repeatNumber, out position, out expected)
            || !TryEnd(text, p, out position, out expected))
        {
            return false;
        }
        key = new ActionKey(text, interactionId, false, kind, name, cycle, chainName, chainVersion, ActionKeyStep.Level, level, repeatNumber);
        return true;
    }

    private static int PartEnd(string text, int start)
    {
        int end = text.IndexOf(ActionKeyPart.Separator, start);
        return end < 0 ? text.Length : end;
    }

    private static bool Fail(int at, string what, out int position, out string expected)
    {
        position = at;
        expected = what;
        return false;
    }

    /// <summary>Reads a name part (up to the next separator): not empty and not only white space.</summary>
    private static bool TryPart(string text, ref int p, string what, [NotNullWhen(true)] out string? value, out int position,
        [NotNullWhen(false)] out string? expected)
    {
        int end = PartEnd(text, p);
        if (!ActionKeyPart.IsValid(text.AsSpan(p, end - p)))
        {
            value = null;
            return Fail(p, what + " (not empty nor only white space)", out position, out expected);
        }
        value = text[p..end];
        p = end;
        (position, expected) = (0, null);
        return true;
    }

    private static bool TrySeparator(string text, ref int p, string what, out int position, [NotNullWhen(false)] out string? expected) =>
        TryLiteral(text, ref p, "/", what, out position, out expected);

    private static bool TryLiteral(string text, ref int p, string literal, string what, out int position, [NotNullWhen(false)] out string? expected)
    {
        if (!text.AsSpan(p).StartsWith(literal, StringComparison.Ordinal))
        {
            return Fail(p, what, out position, out expected);
        }
        p += literal.Length;
        (position, expected) = (0, null);
        return true;
    }

    private static bool TryEnd(string text, int p, out int position, [NotNullWhen(false)] out string? expected)
    {
        (position, expected) = (0, null);
        return p == text.Length || Fail(p, "the end of the key", out position, out expected);
    }

    /// <summary>Reads <c>remedy/{number}</c> and the end of the text when the part at <paramref name="p"/> is
    /// <c>remedy</c>; otherwise leaves <paramref name="p"/> where it is, with <paramref name="isRemedy"/> false.</summary>
    private static bool TryRemedy(string text, ref int p, out int remedy, out bool isRemedy, out int position, [NotNullWhen(false)] out string? expected)
    {
        remedy = 0;
        isRemedy = text.AsSpan(p, PartEnd(text, p) - p).SequenceEqual(RemedyPart);
        if (!isRemedy)
        {
            (position, expected) = (0, null);
            return true;
        }
        p += RemedyPart.Length;
        return TrySeparator(text, ref p, "'/' after remedy", out position, out expected)
            && TryNumber(text, ref p, 0, "a remedy number", out remedy, out position, out expected)
            && TryEnd(text, p, out position, out expected);
    }

    /// <summary>Reads <c>{chain}@v{version}</c>, splitting the part at its last <c>@</c>.</summary>
    private static bool TryChain(string text, ref int p, [NotNullWhen(true)] out string? chainName, out int version, out int position,
        [NotNullWhen(false)] out string? expected)
    {
        chainName = null;
        version = 0;
        int end = PartEnd(text, p);
        int at = text.LastIndexOf('@', end - 1, end - p);
        if (at < 0)
        {
            return Fail(p, "a chain, {name}@v{version}, or 'remedy'", out position, out expected);
        }
        if (!ActionKeyPart.IsValid(text.AsSpan(p, at - p)))
        {
            return Fail(p, "a chain name (not empty nor only white space) before '@v'", out position, out expected);
        }
        string name = text[p..at];
        int q = at + 1;
        if (!TryLiteral(text, ref q, "v", "'v' and the chain version after '@'", out position, out expected)
            || !TryNumber(text, ref q, 1, "a chain version (1 or more)", out version, out position, out expected))
        {
            return false;
        }
        if (q != end)
        {
            return Fail(q, "'/' after the chain version", out position, out expected);
        }
        chainName = name;
        p = q;
        return true;
    }

    /// <summary>Reads a decimal number without sign or leading zeros, at least <paramref name="minimum"/> and at most
    /// <see cref="int.MaxValue"/>.</summary>
    private static bool TryNumber(string text, ref int p, int minimum, string what, out int value, out int position,
        [NotNullWhen(false)] out string? expected)
    {
        value = 0;
        int start = p;
        long number = 0;
        int q = p;
        while (q < text.Length && text[q] is >= '0' and <= '9' && q - start < 11)
        {
            number = number * 10 + (text[q] - '0');
            q++;
        }
        bool canonical = q > start && (q == start + 1 || text[start] != '0') && number >= minimum && number <= int.MaxValue
            && (q == text.Length || text[q] is < '0' or > '9');
        if (!canonical)
        {
            return Fail(start, what + " in decimal without leading zeros", out position, out expected);
        }
        value = (int)number;
        p = q;
        (position, expected) = (0, null);
        return true;
    }

    private static bool TryKind(ReadOnlySpan<char> part, out CommitmentKind kind)
    {
        for (kind = CommitmentKind.FirstResponse; kind < CommitmentKind.Custom; kind++)
        {
            if (part.SequenceEqual(KindName(kind)))
            {
                return true;
            }
        }
        return false;
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
    private static void AssertCommitment(string interactionId, CommitmentKind kind, string? name, int cycle)
    {
        Debug.Assert(ActionKeyPart.IsValid(interactionId), "A timeline's interaction id is a valid key part.");
        Debug.Assert((kind == CommitmentKind.Custom) == (name is not null), "Exactly custom commitments have a name.");
        Debug.Assert(name is null || ActionKeyPart.IsValid(name), "A custom target's name is a valid key part.");
        Debug.Assert(cycle >= 0, "Cycles count from zero.");
    }

    /// <summary>Returns the canonical text of the key, which <see cref="Parse"/> reads back; empty for the default value.</summary>
    /// <returns>The key's text, such as <c>T-1/FirstResponse/0/standard@v1/L0/R0</c>.</returns>
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
