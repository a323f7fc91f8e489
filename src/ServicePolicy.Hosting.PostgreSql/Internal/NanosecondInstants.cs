// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using NodaTime;

namespace ServicePolicy.Hosting.PostgreSql.Internal;

/// <summary>
/// Instants as the store keeps them: <c>bigint</c> nanoseconds since the Unix epoch. A <c>timestamptz</c> holds
/// microseconds and would round NodaTime's nanosecond instants, so an instant read back would no longer equal the one
/// written (a deadline one nanosecond late compares differently). A <c>bigint</c> covers the years 1678 to 2261.
/// </summary>
internal static class NanosecondInstants
{
    /// <summary>The database's clock in nanoseconds, exact integer arithmetic on the microseconds PostgreSQL has
    /// (<c>extract(epoch ...)</c> is <c>numeric</c> since PostgreSQL 14; rounding keeps older servers' doubles exact to the
    /// microsecond).</summary>
    public const string DatabaseClockSql = "(round(extract(epoch from clock_timestamp()) * 1000000)::bigint * 1000)";

    /// <summary>The earliest instant the store keeps: <c>long.MinValue</c> nanoseconds.</summary>
    public static readonly Instant Earliest = NodaConstants.UnixEpoch + Duration.FromNanoseconds(long.MinValue);

    /// <summary>The latest instant the store keeps: <c>long.MaxValue</c> nanoseconds.</summary>
    public static readonly Instant Latest = NodaConstants.UnixEpoch + Duration.FromNanoseconds(long.MaxValue);

    public static long ToNanoseconds(Instant instant, string what)
    {
        if (instant < Earliest || instant > Latest)
        {
            throw new System.ArgumentOutOfRangeException(what, instant,
                $"The PostgreSQL store keeps instants as nanoseconds since 1970 in a bigint, from {Earliest} to {Latest}; {what} {instant} is outside.");
        }
        return (instant - NodaConstants.UnixEpoch).ToInt64Nanoseconds();
    }

    public static long? ToNanoseconds(Instant? instant, string what) => instant is { } value ? ToNanoseconds(value, what) : null;

    public static Instant FromNanoseconds(long nanoseconds) => NodaConstants.UnixEpoch + Duration.FromNanoseconds(nanoseconds);
}
