// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using NodaTime;
using NodaTime.TimeZones;

namespace ServicePolicy.Internal;

/// <summary>
/// Resolves wall-clock times in a time zone to instants, as a NodaTime <see cref="ZoneLocalMappingResolver"/> does, but
/// without allocating away from offset changes, which is almost always: NodaTime's own resolution allocates a mapping on
/// every call, and calendars, deadline rules and rotas resolve wall-clock times in the evaluation's inner loops.
/// </summary>
internal static class LocalTimeResolution
{
    /// <summary>UTC offsets are within ±18 hours, so two of them differ by at most this.</summary>
    private static readonly Duration UnambiguousMargin = Duration.FromHours(36);

    /// <summary>Wall-clock times read as UTC within this much of the ends of time take NodaTime's path (the candidate
    /// instant could be out of range).</summary>
    private static readonly Duration EdgeOfTime = Duration.FromDays(2);

    /// <summary>Resolves <paramref name="local"/> in <paramref name="zone"/>; in a gap or an overlap, as
    /// <paramref name="resolver"/> does.</summary>
    internal static Instant Resolve(DateTimeZone zone, LocalDateTime local, ZoneLocalMappingResolver resolver) =>
        Resolve(zone, local.InUtc().ToInstant(), resolver);

    /// <summary>Resolves a wall-clock time given as the instant at which UTC shows it (the local date-time read as if it
    /// were UTC); in a gap or an overlap, as <paramref name="resolver"/> does.</summary>
    internal static Instant Resolve(DateTimeZone zone, Instant wallClockAsUtc, ZoneLocalMappingResolver resolver)
    {
        if (wallClockAsUtc - Instant.MinValue > EdgeOfTime && Instant.MaxValue - wallClockAsUtc > EdgeOfTime)
        {
            ZoneInterval interval = zone.GetZoneInterval(wallClockAsUtc);
            Duration offset = Duration.FromNanoseconds(interval.WallOffset.Nanoseconds);
            // The candidate shows the wall-clock time. With the interval's bounds further from it than any two offsets
            // differ, no instant outside the interval shows that time too: it is neither in a gap nor in an overlap.
            if ((!interval.HasStart || wallClockAsUtc - interval.Start >= UnambiguousMargin + offset) &&
                (!interval.HasEnd || interval.End - wallClockAsUtc > UnambiguousMargin - offset))
            {
                return wallClockAsUtc - offset;
            }
        }
        return wallClockAsUtc.InUtc().LocalDateTime.InZone(zone, resolver).ToInstant();
    }
}
