// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Globalization;
using NodaTime;
using ServicePolicy.Calendars;
using ServicePolicy.Internal;

namespace ServicePolicy.Commitments;

/// <summary>A deadline rule: due once <see cref="Amount"/> of elapsed (calendar) time has passed since the cycle
/// started, whatever the business hours. Create it with <see cref="DeadlineRule.WithinElapsedTime"/>.</summary>
/// <remarks>Immutable. Equal to another rule of this type with the same <see cref="Amount"/>.</remarks>
[Immutable]
public sealed class WithinElapsedTimeRule : DeadlineRule
{
    internal WithinElapsedTimeRule(Duration amount)
    {
        Amount = amount;
    }

    /// <summary>Gets the elapsed time allowed; positive.</summary>
    public Duration Amount { get; }

    /// <inheritdoc/>
    public override bool UsesBusinessTime => false;

    /// <inheritdoc/>
    public override string Describe(CultureInfo? culture = null) =>
        RuleText.Format(culture, "Rule.WithinElapsedTime", RuleText.FormatDuration(Amount, business: false, culture));

    internal override Instant GetDeadline(Instant start, BusinessCalendar calendar, Interval? window) => start + Amount;

    /// <inheritdoc/>
    internal override Duration? FixedTarget => Amount;

    /// <inheritdoc/>
    public override bool Equals(DeadlineRule? other) => other is WithinElapsedTimeRule rule && rule.Amount == Amount;

    /// <inheritdoc/>
    public override int GetHashCode() => Amount.GetHashCode() ^ 0x5A5A;
}
