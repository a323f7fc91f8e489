// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using ServicePolicy.Commitments;
using ServicePolicy.Internal;

namespace ServicePolicy.Escalation;

/// <content>Reading a key: <see cref="Parse"/>, <see cref="TryParse"/> and the non-throwing, non-allocating parser under
/// both and under the part properties.</content>
public readonly partial struct ActionKey
{
    /// <summary>Parses a key in the canonical form <see cref="ToString"/> writes (see the grammar in the remarks).</summary>
    /// <param name="text">The text to parse, such as <c>T-1/FirstResponse/0/standard@a8d12acb2806/L0/R0</c>.</param>
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
        parts = new Parts { NameStart = -1, NameEnd = -1, ChainStart = -1, ChainEnd = -1, StepIdStart = -1, RemedyIndex = -1 };
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

        // A commitment: its kind (or custom name, or kind and measure name), then its cycle.
        if (part.StartsWith(CustomPrefix, StringComparison.Ordinal))
        {
            if (!ActionKeyPart.IsValid(part[CustomPrefix.Length..]))
            {
                return Fail(partStart + CustomPrefix.Length, "a custom commitment name after 'Custom:'", out position, out expected);
            }
            parts.Kind = CommitmentKind.Custom;
            (parts.NameStart, parts.NameEnd) = (partStart + CustomPrefix.Length, partEnd);
        }
        else if (part.IndexOf(':') is var colon and >= 0 && TryKind(part[..colon], out parts.Kind))
        {
            if (!ActionKeyPart.IsValid(part[(colon + 1)..]))
            {
                return Fail(partStart + colon + 1, "a measure name after the commitment kind and ':'", out position, out expected);
            }
            (parts.NameStart, parts.NameEnd) = (partStart + colon + 1, partEnd);
        }
        else if (!TryKind(part, out parts.Kind))
        {
            return Fail(partStart,
                "a commitment kind (FirstResponse, NextResponse, PeriodicUpdate, FollowUp, Resolution, Appointment, FeedbackRequest, each optionally with ':' and a measure name, or Custom:{name}) or HandoffLimit",
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
        if (text.AsSpan(p).SequenceEqual(NoticePart))
        {
            parts.Step = ActionKeyStep.DelayNotice;
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

    /// <summary>Reads <c>remedy/{number}</c> and the end of the text, or the level escalating the overdue remedy after
    /// it (<c>/{chain}/L{level}/R{repeat}</c>), when the part at <paramref name="p"/> is <c>remedy</c>; otherwise leaves
    /// <paramref name="p"/> where it is, with <paramref name="isRemedy"/> false.</summary>
    private static bool TryRemedy(string text, ref int p, ref Parts parts, out bool isRemedy, out int position, [NotNullWhen(false)] out string? expected)
    {
        isRemedy = text.AsSpan(p, PartEnd(text, p) - p).SequenceEqual(RemedyPart);
        if (!isRemedy)
        {
            return Succeed(out position, out expected);
        }
        p += RemedyPart.Length;
        parts.Step = ActionKeyStep.Remedy;
        if (!TrySeparator(text, ref p, "'/' after remedy", out position, out expected)
            || !TryNumber(text, ref p, 0, "a remedy number", out parts.Index, out position, out expected))
        {
            return false;
        }
        parts.RemedyIndex = parts.Index;
        if (p == text.Length)
        {
            return Succeed(out position, out expected);
        }
        parts.Step = ActionKeyStep.Level;
        return TrySeparator(text, ref p, "the end of the key, or '/' and the chain escalating the overdue remedy", out position, out expected)
            && TryChain(text, ref p, ref parts, out position, out expected)
            && TryLiteral(text, ref p, "/L", "'/L' and the level after the chain", out position, out expected)
            && TryNumber(text, ref p, 0, "a level number", out parts.Index, out position, out expected)
            && TryLiteral(text, ref p, "/R", "'/R' and the repeat after the level", out position, out expected)
            && TryNumber(text, ref p, 0, "a repeat number", out parts.Repeat, out position, out expected)
            && TryEnd(text, p, out position, out expected);
    }

    /// <summary>Reads <c>{chain}@{step-id}</c> or <c>{chain}@v{version}</c>, splitting the part at its last <c>@</c>.</summary>
    private static bool TryChain(string text, ref int p, ref Parts parts, out int position, [NotNullWhen(false)] out string? expected)
    {
        int end = PartEnd(text, p);
        int at = text.AsSpan(p, end - p).LastIndexOf('@');
        if (at < 0)
        {
            return Fail(p, "a chain, {name}@{step-id}, or 'remedy'", out position, out expected);
        }
        at += p;
        if (!ActionKeyPart.IsValid(text.AsSpan(p, at - p)))
        {
            return Fail(p, "a chain name (not empty nor only white space) before '@'", out position, out expected);
        }
        int q = at + 1;
        if (StepIds.IsStepId(text.AsSpan(q, end - q)))
        {
            parts.StepIdStart = q;
            q = end;
        }
        else if (!TryLiteral(text, ref q, "v", "a step id (12 lower-case hexadecimal digits) or 'v' and the chain version after '@'", out position, out expected)
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
        return Succeed(out position, out expected);
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
        public int StepIdStart;
        public ActionKeyStep Step;
        public int Index;
        public int Repeat;
        public int RemedyIndex;
    }
}
