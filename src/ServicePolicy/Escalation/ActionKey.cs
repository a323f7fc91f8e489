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
/// <para>A key holds only its text (one reference, like the string it replaces); the parts are read from the text on
/// each access, so the string parts allocate. Equality is ordinal equality of the canonical text, which is the same as
/// equality of every part. The default value is not a key: its <see cref="ToString"/> is empty, its
/// <see cref="InteractionId"/> is empty, its optional parts are null and its numbers zero; it equals only itself, and
/// the library's APIs that take a key reject it.</para>
/// </remarks>
public readonly struct ActionKey : IEquatable<ActionKey>
{
    /// <summary>Characters formatted on the stack for a key; longer keys (long ids or names) take a pooled buffer.</summary>
    private const int KeyBuffer = 128;

    private const string HandoffLimitPart = "HandoffLimit";
    private const string RemedyPart = "remedy";
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

    /// <summary>Gets the name of a custom commitment; null otherwise.</summary>
    public string? CommitmentName => text is not null && Read() is { NameStart: >= 0 } parts ? text[parts.NameStart..parts.NameEnd] : null;

    /// <summary>Gets the commitment's zero-based cycle; null for the handoff limit and for the default value.</summary>
    public int? Cycle => text is not null && Read() is { HandoffLimit: false } parts ? parts.Cycle : null;

    /// <summary>Gets the escalation chain's name; null for remedies and for the default value.</summary>
    public string? ChainName => text is not null && Read() is { ChainStart: >= 0 } parts ? text[parts.ChainStart..parts.ChainEnd] : null;

    /// <summary>Gets the escalation chain's version, 1 or more; null for remedies and for the default value.</summary>
    public int? ChainVersion => text is not null && Read() is { ChainStart: >= 0 } parts ? parts.ChainVersion : null;

    /// <summary>Gets the step the key names: a warning, a level or a remedy.</summary>
    public ActionKeyStep Step => text is null ? default : Read().Step;

    /// <summary>Gets the zero-based index of the warning or level in the chain, or of the remedy in the policy.</summary>
    public int Index => text is null ? 0 : Read().Index;

    /// <summary>Gets, for a level, how many times it fired before in the cycle; 0 for the handoff limit's level,
    /// warnings and remedies.</summary>
    public int Repeat => text is null ? 0 : Read().Repeat;

    /// <summary>Gets whether this is the default value, which is not a key.</summary>
    internal bool IsDefault => text is null;

    /// <summary>The key of a warning, <c>{interaction}/{kind}/{cycle}/{chain}@v{version}/W{warning}</c>, built in one string.</summary>
    internal static ActionKey Warning(string interactionId, CommitmentKind kind, string? name, int cycle, string chainName, int chainVersion, int warning)
    {
        AssertCommitment(kind, name);
        return new ActionKey(name is null
            ? string.Create(CultureInfo.InvariantCulture, stackalloc char[KeyBuffer], $"{interactionId}/{KindName(kind)}/{cycle}/{chainName}@v{chainVersion}/W{warning}")
            : string.Create(CultureInfo.InvariantCulture, stackalloc char[KeyBuffer], $"{interactionId}/Custom:{name}/{cycle}/{chainName}@v{chainVersion}/W{warning}"));
    }

    /// <summary>The key of a level, <c>{interaction}/{kind}/{cycle}/{chain}@v{version}/L{level}/R{repeat}</c>.</summary>
    internal static ActionKey Level(string interactionId, CommitmentKind kind, string? name, int cycle, string chainName, int chainVersion, int level, int repeat)
    {
        AssertCommitment(kind, name);
        return new ActionKey(name is null
            ? string.Create(CultureInfo.InvariantCulture, stackalloc char[KeyBuffer], $"{interactionId}/{KindName(kind)}/{cycle}/{chainName}@v{chainVersion}/L{level}/R{repeat}")
            : string.Create(CultureInfo.InvariantCulture, stackalloc char[KeyBuffer], $"{interactionId}/Custom:{name}/{cycle}/{chainName}@v{chainVersion}/L{level}/R{repeat}"));
    }

    /// <summary>The key of the handoff limit's level, <c>{interaction}/HandoffLimit/{chain}@v{version}/L{level}/R0</c>.</summary>
    internal static ActionKey HandoffLimitLevel(string interactionId, string chainName, int chainVersion, int level) =>
        new(string.Create(CultureInfo.InvariantCulture, stackalloc char[KeyBuffer], $"{interactionId}/HandoffLimit/{chainName}@v{chainVersion}/L{level}/R0"));

    /// <summary>The key of a commitment's remedy, <c>{interaction}/{kind}/{cycle}/remedy/{remedy}</c>.</summary>
    internal static ActionKey Remedy(string interactionId, CommitmentKind kind, string? name, int cycle, int remedy)
    {
        AssertCommitment(kind, name);
        return new ActionKey(name is null
            ? string.Create(CultureInfo.InvariantCulture, stackalloc char[KeyBuffer], $"{interactionId}/{KindName(kind)}/{cycle}/remedy/{remedy}")
            : string.Create(CultureInfo.InvariantCulture, stackalloc char[KeyBuffer], $"{interactionId}/Custom:{name}/{cycle}/remedy/{remedy}"));
    }

    /// <summary>The key of the handoff limit's remedy, <c>{interaction}/HandoffLimit/remedy/{remedy}</c>.</summary>
    internal static ActionKey HandoffLimitRemedy(string interactionId, int remedy) =>
        new(string.Create(CultureInfo.InvariantCulture, stackalloc char[KeyBuffer], $"{interactionId}/HandoffLimit/remedy/{remedy}"));

    /// <summary>Parses a key in the canonical form <see cref="ToString"/> writes (see the grammar in the remarks).</summary>
    /// <param name="text">The text to parse, such as <c>T-1/FirstResponse/0/standard@v1/L0/R0</c>.</param>
    /// <returns>The key, whose <see cref="ToString"/> is <paramref name="text"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="ActionKeyFormatException"><paramref name="text"/> is not a key; the message quotes it and says
    /// what was expected where.</exception>
    public static ActionKey Parse(string text)
    {
        Preconditions.CheckNotNull(text);
        return TryRead(text, out _, out int position, out string? expected)
            ? new ActionKey(text)
            : throw new ActionKeyFormatException(text, position, expected);
    }

    /// <summary>Parses a key in the canonical form <see cref="ToString"/> writes, without throwing.</summary>
    /// <param name="text">The text to parse; null is not a key.</param>
    /// <param name="key">The key, or the default value when <paramref name="text"/> is not a key.</param>
    /// <returns>Whether <paramref name="text"/> is a key.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out ActionKey key)
    {
        key = text is not null && TryRead(text, out _, out _, out _) ? new ActionKey(text) : default;
        return !key.IsDefault;
    }

    /// <summary>The parts of this key, read again from its text (which is a key: this never fails).</summary>
    private Parts Read()
    {
        bool read = TryRead(text!, out Parts parts, out _, out _);
        Debug.Assert(read, "A key's text is a key.");
        return parts;
    }

    /// <summary>The parser, the one place the grammar is read: the parts as positions in the text and numbers, without
    /// allocating; on failure, the zero-based position and what was expected there.</summary>
    private static bool TryRead(string text, out Parts parts, out int position, [NotNullWhen(false)] out string? expected)
    {
        parts = new Parts { NameStart = -1, NameEnd = -1, ChainStart = -1, ChainEnd = -1 };
        int p = 0;
        // The interaction id: the first part.
        if (!TryPart(text, ref p, "an interaction id", out position, out expected)
            || !TrySeparator(text, ref p, "'/' after the interaction id", out position, out expected))
        {
            return false;
        }
        parts.InteractionEnd = p - 1;
        int partStart = p;
        int partEnd = PartEnd(text, p);
        ReadOnlySpan<char> part = text.AsSpan(p, partEnd - p);
        if (part.SequenceEqual(HandoffLimitPart))
        {
            parts.HandoffLimit = true;
            p = partEnd;
            if (!TrySeparator(text, ref p, "'/' after HandoffLimit", out position, out expected)
                || !TryRemedy(text, ref p, ref parts, out bool isRemedy, out position, out expected))
            {
                return false;
            }
            if (isRemedy)
            {
                return true;
            }
            parts.Step = ActionKeyStep.Level;
            return TryChain(text, ref p, ref parts, out position, out expected)
                && TryLiteral(text, ref p, "/L", "'/L' and the level after the chain", out position, out expected)
                && TryNumber(text, ref p, 0, "a level number", out parts.Index, out position, out expected)
                && TryLiteral(text, ref p, "/R0", "'/R0' after the level (the handoff limit's level fires once)", out position, out expected)
                && TryEnd(text, p, out position, out expected);
        }

        // A commitment: its kind (or custom name), then its cycle.
        if (part.StartsWith(CustomPrefix, StringComparison.Ordinal))
        {
            if (!ActionKeyPart.IsValid(part[CustomPrefix.Length..]))
            {
                return Fail(partStart + CustomPrefix.Length, "a custom commitment name after 'Custom:'", out position, out expected);
            }
            parts.Kind = CommitmentKind.Custom;
            (parts.NameStart, parts.NameEnd) = (partStart + CustomPrefix.Length, partEnd);
        }
        else if (!TryKind(part, out parts.Kind))
        {
            return Fail(partStart,
                "a commitment kind (FirstResponse, NextResponse, PeriodicUpdate, FollowUp, Resolution, Appointment, FeedbackRequest or Custom:{name}) or HandoffLimit",
                out position, out expected);
        }
        p = partEnd;
        if (!TrySeparator(text, ref p, "'/' after the commitment", out position, out expected)
            || !TryNumber(text, ref p, 0, "a cycle number", out parts.Cycle, out position, out expected)
            || !TrySeparator(text, ref p, "'/' after the cycle", out position, out expected)
            || !TryRemedy(text, ref p, ref parts, out bool remedyKey, out position, out expected))
        {
            return false;
        }
        if (remedyKey)
        {
            return true;
        }
        if (!TryChain(text, ref p, ref parts, out position, out expected)
            || !TrySeparator(text, ref p, "'/' after the chain", out position, out expected))
        {
            return false;
        }
        if (p < text.Length && text[p] == 'W')
        {
            p++;
            parts.Step = ActionKeyStep.Warning;
            return TryNumber(text, ref p, 0, "a warning number", out parts.Index, out position, out expected)
                && TryEnd(text, p, out position, out expected);
        }
        if (p >= text.Length || text[p] != 'L')
        {
            return Fail(p, "a step, W{warning} or L{level}/R{repeat}", out position, out expected);
        }
        p++;
        parts.Step = ActionKeyStep.Level;
        return TryNumber(text, ref p, 0, "a level number", out parts.Index, out position, out expected)
            && TryLiteral(text, ref p, "/R", "'/R' and the repeat after the level", out position, out expected)
            && TryNumber(text, ref p, 0, "a repeat number", out parts.Repeat, out position, out expected)
            && TryEnd(text, p, out position, out expected);
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

    private static bool Succeed(out int position, out string? expected)
    {
        (position, expected) = (0, null);
        return true;
    }

    /// <summary>Skips a name part (up to the next separator): not empty and not only white space.</summary>
    private static bool TryPart(string text, ref int p, string what, out int position, [NotNullWhen(false)] out string? expected)
    {
        int end = PartEnd(text, p);
        if (!ActionKeyPart.IsValid(text.AsSpan(p, end - p)))
        {
            return Fail(p, what + " (not empty nor only white space)", out position, out expected);
        }
        p = end;
        return Succeed(out position, out expected);
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
        return Succeed(out position, out expected);
    }

    private static bool TryEnd(string text, int p, out int position, [NotNullWhen(false)] out string? expected) =>
        p == text.Length ? Succeed(out position, out expected) : Fail(p, "the end of the key", out position, out expected);

    /// <summary>Reads <c>remedy/{number}</c> and the end of the text when the part at <paramref name="p"/> is
    /// <c>remedy</c>; otherwise leaves <paramref name="p"/> where it is, with <paramref name="isRemedy"/> false.</summary>
    private static bool TryRemedy(string text, ref int p, ref Parts parts, out bool isRemedy, out int position, [NotNullWhen(false)] out string? expected)
    {
        isRemedy = text.AsSpan(p, PartEnd(text, p) - p).SequenceEqual(RemedyPart);
        if (!isRemedy)
        {
            return Succeed(out position, out expected);
        }
        p += RemedyPart.Length;
        parts.Step = ActionKeyStep.Remedy;
        return TrySeparator(text, ref p, "'/' after remedy", out position, out expected)
            && TryNumber(text, ref p, 0, "a remedy number", out parts.Index, out position, out expected)
            && TryEnd(text, p, out position, out expected);
    }

    /// <summary>Reads <c>{chain}@v{version}</c>, splitting the part at its last <c>@</c>.</summary>
    private static bool TryChain(string text, ref int p, ref Parts parts, out int position, [NotNullWhen(false)] out string? expected)
    {
        int end = PartEnd(text, p);
        int at = text.AsSpan(p, end - p).LastIndexOf('@');
        if (at < 0)
        {
            return Fail(p, "a chain, {name}@v{version}, or 'remedy'", out position, out expected);
        }
        at += p;
        if (!ActionKeyPart.IsValid(text.AsSpan(p, at - p)))
        {
            return Fail(p, "a chain name (not empty nor only white space) before '@v'", out position, out expected);
        }
        int q = at + 1;
        if (!TryLiteral(text, ref q, "v", "'v' and the chain version after '@'", out position, out expected)
            || !TryNumber(text, ref q, 1, "a chain version (1 or more)", out parts.ChainVersion, out position, out expected))
        {
            return false;
        }
        if (q != end)
        {
            return Fail(q, "'/' after the chain version", out position, out expected);
        }
        (parts.ChainStart, parts.ChainEnd) = (p, at);
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
        return Succeed(out position, out expected);
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
    private static void AssertCommitment(CommitmentKind kind, string? name) =>
        Debug.Assert((kind == CommitmentKind.Custom) == (name is not null), "Exactly custom commitments have a name.");

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

    /// <summary>The parts of a key as the parser found them: positions in its text (end exclusive; -1 when absent)
    /// and numbers.</summary>
    private struct Parts
    {
        public int InteractionEnd;
        public bool HandoffLimit;
        public CommitmentKind Kind;
        public int NameStart;
        public int NameEnd;
        public int Cycle;
        public int ChainStart;
        public int ChainEnd;
        public int ChainVersion;
        public ActionKeyStep Step;
        public int Index;
        public int Repeat;
    }
}
