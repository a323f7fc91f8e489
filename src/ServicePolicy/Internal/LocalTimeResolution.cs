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

    /// <summary>Wall-clock times read as UTC outside these bounds take NodaTime's path: within four days of the ends of
    /// time, the candidate instant could be out of range.</summary>
    private static readonly Instant EarliestNear = Instant.MinValue + Duration.FromDays(4);
    private static readonly Instant LatestNear = Instant.MaxValue - Duration.FromDays(4);

    /// <summary>Resolves <paramref name="local"/> in <paramref name="zone"/>; in a gap or an overlap, as
    /// <paramref name="resolver"/> does.</summary>
    internal static Instant Resolve(DateTimeZone zone, LocalDateTime local, ZoneLocalMappingResolver resolver)
    {
        Instant wallClockAsUtc = local.InUtc().ToInstant();
        return wallClockAsUtc > EarliestNear && wallClockAsUtc < LatestNear
            ? ResolveNear(zone, wallClockAsUtc, resolver)
            : local.InZone(zone, resolver).ToInstant();
    }

    /// <summary>Resolves a wall-clock time given as nanoseconds since the epoch of the local date-time read as if it
    /// were UTC (so within about 292 years of 1970); in a gap or an overlap, as <paramref name="resolver"/> does.</summary>
    internal static Instant Resolve(DateTimeZone zone, long wallClockNanos, ZoneLocalMappingResolver resolver) =>
        ResolveNear(zone, NodaConstants.UnixEpoch.PlusNanoseconds(wallClockNanos), resolver);

    private static Instant ResolveNear(DateTimeZone zone, Instant wallClockAsUtc, ZoneLocalMappingResolver resolver)
    {
        ZoneInterval interval = zone.GetZoneInterval(wallClockAsUtc);
        Instant candidate = wallClockAsUtc - Duration.FromNanoseconds(interval.WallOffset.Nanoseconds);
        // The candidate shows the wall-clock time. With the interval's bounds further from it than any two offsets
        // differ, no instant outside the interval shows that time too: it is neither in a gap nor in an overlap.
        if ((!interval.HasStart || candidate - UnambiguousMargin >= interval.Start) &&
            (!interval.HasEnd || candidate + UnambiguousMargin < interval.End))
        {
            return candidate;
        }
        return wallClockAsUtc.InUtc().LocalDateTime.InZone(zone, resolver).ToInstant();
    }
}
