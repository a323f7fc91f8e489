// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using NodaTime;
using ServicePolicy.Escalation;
using ServicePolicy.Internal;

namespace ServicePolicy.Evaluation;

/// <summary>The host gave a remedy that was due (an apology sent, a credit applied), named by the key of its
/// <see cref="RemedyDue"/> (<see cref="RemedyDue.Key"/>; a key stored as text is read back with
/// <see cref="ActionKey.Parse"/>). From then on the remedy is listed in <see cref="EvaluationResult.RemediesGiven"/>
/// instead of <see cref="EvaluationResult.RemediesDue"/>, and its deadline, if it has one, is met (or met late). A key
/// that names no remedy due at the evaluated instant is ignored; a remedy given twice counts from the first.</summary>
/// <remarks>Immutable. Equality is reference equality.</remarks>
[Immutable]
public sealed class RemedyGiven : TimelineFact
{
    /// <summary>Creates the fact.</summary>
    /// <param name="at">The instant the remedy was given.</param>
    /// <param name="key">The remedy's key: a key whose <see cref="ActionKey.Step"/> is <see cref="ActionKeyStep.Remedy"/>.</param>
    /// <param name="amount">The amount actually applied (a credit or an accommodation); null when none is recorded;
    /// otherwise positive.</param>
    /// <param name="currency">The ISO 4217 currency code of <paramref name="amount"/>, three letters such as
    /// <c>GBP</c>; required with an amount, otherwise null.</param>
    /// <param name="by">The host's id of who gave it; null when unknown.</param>
    /// <exception cref="ArgumentException"><paramref name="key"/> is the default value or not a remedy's key, or the
    /// currency is missing with an amount, given without one, or not three letters.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="amount"/> is zero or negative, or
    /// <paramref name="at"/> is outside the supported range 1700-01-01T00:00Z (inclusive) to 2250-01-01T00:00Z
    /// (exclusive); see <c>docs/limits.md#supported-range</c>.</exception>
    public RemedyGiven(Instant at, ActionKey key, decimal? amount = null, string? currency = null, string? by = null)
        : base(at)
    {
        Preconditions.CheckArgument(!key.IsDefault, nameof(key), "A given remedy's key must not be the default value; read a stored key with ActionKey.Parse.");
        Preconditions.CheckArgument(key.Step == ActionKeyStep.Remedy, nameof(key), $"Key '{key}' names an escalation step, not a remedy: a remedy's key ends in remedy/{{index}}.");
        if (amount is { } value)
        {
            if (value <= 0)
            {
                Preconditions.ThrowArgumentOutOfRange(nameof(amount), value, FormattableString.Invariant($"Amount {value} must be positive."));
            }
            Preconditions.CheckArgument(currency is { Length: 3 } && IsAsciiLetters(currency), nameof(currency),
                $"Currency '{currency}' is not an ISO 4217 code of three letters such as 'GBP'.");
            currency = currency.ToUpperInvariant();
        }
        else
        {
            Preconditions.CheckArgument(currency is null, nameof(currency), $"Currency '{currency}' was given without an amount.");
        }
        Key = key;
        Amount = amount;
        Currency = currency;
        By = by;
    }

    /// <summary>Gets the key of the remedy given.</summary>
    public ActionKey Key { get; }

    /// <summary>Gets the amount actually applied; null when none is recorded.</summary>
    public decimal? Amount { get; }

    /// <summary>Gets the ISO 4217 currency code of <see cref="Amount"/>, in upper case; null when there is no amount.</summary>
    public string? Currency { get; }

    /// <summary>Gets who gave the remedy; null when unknown.</summary>
    public string? By { get; }

    /// <summary>Returns the fact, its instant and the key.</summary>
    /// <returns>The fact for messages and logs.</returns>
    public override string ToString() => $"{base.ToString()} ({Key})";

    private static bool IsAsciiLetters(string text)
    {
        foreach (char c in text)
        {
            if (!char.IsAsciiLetter(c))
            {
                return false;
            }
        }
        return true;
    }
}
