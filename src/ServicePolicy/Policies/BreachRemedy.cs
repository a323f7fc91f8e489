// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using ServicePolicy.Commitments;
using ServicePolicy.Internal;

namespace ServicePolicy.Policies;

/// <summary>
/// Something a host owes the customer when a commitment is breached: an apology, an accommodation or credit with an
/// amount, or a proactive message. Remedies are data: the library says which are due, the host acts on them.
/// </summary>
/// <remarks>Immutable. Two remedies are equal when their kind, detail, amount, currency and deadline rule are equal
/// (detail and currency compared ordinally).</remarks>
[Immutable]
public sealed class BreachRemedy : IEquatable<BreachRemedy>
{
    private BreachRemedy(RemedyKind kind, string? detail, decimal? amount, string? currency, DeadlineRule? deadline = null)
    {
        Kind = kind;
        Detail = detail;
        Amount = amount;
        Currency = currency;
        Deadline = deadline;
    }

    /// <summary>Gets what kind of remedy this is.</summary>
    public RemedyKind Kind { get; }

    /// <summary>Gets the accommodation's description or the proactive message's template id; null for apologies and credits.</summary>
    public string? Detail { get; }

    /// <summary>Gets the amount of an accommodation or credit, in <see cref="Currency"/>; null when there is none.</summary>
    public decimal? Amount { get; }

    /// <summary>Gets the ISO 4217 currency code of <see cref="Amount"/>, such as <c>GBP</c>; null when there is no amount.</summary>
    public string? Currency { get; }

    /// <summary>Gets the rule of the remedy's own deadline, counted from the breach that made it due (from the breached
    /// deadline, as escalation delays are) on the breached target's calendar ("apologise within 1 business hour of a breach"); null when the remedy has no deadline. Giving
    /// the remedy (a <c>RemedyGiven</c> fact) at or before the deadline meets it, after it is late; a remedy still not
    /// given after it is overdue and escalates like a breached commitment (see <c>docs/concepts.md</c>, "Amends").</summary>
    public DeadlineRule? Deadline { get; }

    /// <summary>Returns a copy that must be given within <paramref name="rule"/> of the breach.</summary>
    /// <param name="rule">The deadline rule, counted from the breach; not an appointment window rule.</param>
    /// <returns>The modified copy.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="rule"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="rule"/> is an appointment window rule.</exception>
    /// <example><code>
    /// // "Apologise within 1 business hour of a breach."
    /// BreachRemedy.Apology().WithDeadline(DeadlineRule.WithinBusinessTime(Duration.FromHours(1)))
    /// </code></example>
    public BreachRemedy WithDeadline(DeadlineRule rule)
    {
        Preconditions.CheckNotNull(rule);
        Preconditions.CheckArgument(rule is not AppointmentWindowRule, nameof(rule), $"Rule '{rule}' is an appointment window rule; a remedy's deadline is counted from the breach.");
        return new BreachRemedy(Kind, Detail, Amount, Currency, rule);
    }

    /// <summary>Creates an apology.</summary>
    /// <returns>The remedy.</returns>
    public static BreachRemedy Apology() => new(RemedyKind.Apology, null, null, null);

    /// <summary>Creates an accommodation, such as a discount, with an optional amount.</summary>
    /// <param name="description">What is offered, for the host and its staff.</param>
    /// <param name="amount">The amount; null for none; otherwise positive.</param>
    /// <param name="currency">The ISO 4217 currency code; required with an amount, otherwise null.</param>
    /// <returns>The remedy.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="description"/> is null.</exception>
    /// <exception cref="ArgumentException">The description is empty, or the currency is missing with an amount or given without one.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="amount"/> is zero or negative.</exception>
    public static BreachRemedy Accommodation(string description, decimal? amount = null, string? currency = null)
    {
        CheckText(description);
        if (amount is null)
        {
            Preconditions.CheckArgument(currency is null, nameof(currency), $"Currency '{currency}' was given without an amount.");
            return new BreachRemedy(RemedyKind.Accommodation, description, null, null);
        }
        return new BreachRemedy(RemedyKind.Accommodation, description, CheckAmount(amount.Value), CheckCurrency(currency));
    }

    /// <summary>Creates a credit to the customer's account.</summary>
    /// <param name="amount">The amount; positive.</param>
    /// <param name="currency">The ISO 4217 currency code, three letters such as <c>GBP</c>.</param>
    /// <returns>The remedy.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="amount"/> is zero or negative.</exception>
    /// <exception cref="ArgumentException"><paramref name="currency"/> is missing or not three letters.</exception>
    public static BreachRemedy Credit(decimal amount, string currency) =>
        new(RemedyKind.Credit, null, CheckAmount(amount), CheckCurrency(currency));

    /// <summary>Creates a proactive message to the customer.</summary>
    /// <param name="templateId">The host's id of the message template.</param>
    /// <returns>The remedy.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="templateId"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="templateId"/> is empty or white space.</exception>
    public static BreachRemedy ProactiveMessage(string templateId) => new(RemedyKind.ProactiveMessage, CheckText(templateId), null, null);

    /// <inheritdoc/>
    public bool Equals(BreachRemedy? other) =>
        other is not null && Kind == other.Kind && Amount == other.Amount
        && string.Equals(Detail, other.Detail, StringComparison.Ordinal) && string.Equals(Currency, other.Currency, StringComparison.Ordinal)
        && Equals(Deadline, other.Deadline);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as BreachRemedy);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Kind, Detail, Amount, Currency, Deadline);

    /// <summary>Returns the remedy for logs, such as <c>Credit 10.00 GBP</c>, <c>Accommodation 'free delivery'</c> or
    /// <c>Apology, within 1 business hour</c>.</summary>
    /// <returns>The remedy's kind and details.</returns>
    public override string ToString()
    {
        string text = Kind.ToString();
        if (Detail is not null)
        {
            text += " '" + Detail + "'";
        }
        if (Amount is { } amount)
        {
            text += " " + amount.ToString(System.Globalization.CultureInfo.InvariantCulture) + " " + Currency;
        }
        if (Deadline is not null)
        {
            text += ", " + Deadline;
        }
        return text;
    }

    private static string CheckText(string text, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(text))] string? paramName = null)
    {
        Preconditions.CheckNotNull(text, paramName);
        Preconditions.CheckArgument(!string.IsNullOrWhiteSpace(text), paramName, "The text must not be empty or white space.");
        return text;
    }

    private static decimal CheckAmount(decimal amount, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(amount))] string? paramName = null)
    {
        if (amount <= 0)
        {
            Preconditions.ThrowArgumentOutOfRange(paramName, amount, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Amount {amount} must be positive."));
        }
        return amount;
    }

    private static string CheckCurrency(string? currency)
    {
        Preconditions.CheckArgument(currency is { Length: 3 } && IsAsciiLetters(currency), nameof(currency),
            $"Currency '{currency}' is not an ISO 4217 code of three letters such as 'GBP'.");
        return currency.ToUpperInvariant();
    }

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
