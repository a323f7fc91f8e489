// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Globalization;
using NodaTime;
using ServicePolicy.Calendars;
using ServicePolicy.Internal;

namespace ServicePolicy.Commitments;

/// <summary>A deadline rule: due once <see cref="Amount"/> of business time has passed since the cycle started
/// (<see cref="BusinessCalendar.AddBusinessTime"/>). Create it with <see cref="DeadlineRule.WithinBusinessTime"/>.</summary>
/// <remarks>Immutable. Equal to another rule of this type with the same <see cref="Amount"/>.</remarks>
[Immutable]
public sealed class WithinBusinessTimeRule : DeadlineRule
{
    internal WithinBusinessTimeRule(Duration amount)
    {
        Amount = amount;
    }

    /// <summary>Gets the business time allowed; positive.</summary>
    public Duration Amount { get; }

    /// <inheritdoc/>
    public override bool UsesBusinessTime => true;

    /// <inheritdoc/>
    public override string Describe(CultureInfo? culture = null) =>
        RuleText.Format(culture, "Rule.WithinBusinessTime", RuleText.FormatDuration(Amount, business: true, culture));

    internal override Instant GetDeadline(Instant start, BusinessCalendar calendar, Interval? window) => calendar.AddBusinessTime(start, Amount);

    /// <inheritdoc/>
    internal override Duration? FixedTarget => Amount;

    /// <inheritdoc/>
    public override bool Equals(DeadlineRule? other) => other is WithinBusinessTimeRule rule && rule.Amount == Amount;

    /// <inheritdoc/>
    public override int GetHashCode() => Amount.GetHashCode();
}
