// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Threading;
using NodaTime;
using NodaTime.Text;
using NodaTime.TimeZones;
using ServicePolicy.Internal;

namespace ServicePolicy.Calendars;

/// <content>Compiling a slice: the calendar's working ranges, holidays, special days and closures of the local dates
/// that can touch the slice, resolved to instants and merged into one sorted list of working intervals, then published
/// once with a compare-exchange (<see cref="GetChunk"/> reads it without a lock).</content>
internal sealed partial class WorkingTimeline
{
    [MethodImpl(MethodImplOptions.NoInlining)]
    private WorkingChunk BuildAndPublish(int k)
    {
        WorkingChunk built = Build(k);
        return Interlocked.CompareExchange(ref chunks[k - FirstChunk], built, null) ?? built;
    }

    private WorkingChunk Build(int k)
    {
        long sliceStart = (long)k << ChunkShift;
        long sliceEnd = ((long)k + 1) << ChunkShift;
        long from = Math.Max(sliceStart, horizonStart);
        long to = Math.Min(sliceEnd, horizonEnd);
        if (from >= to)
        {
            return new WorkingChunk(sliceStart, sliceEnd, Array.Empty<long>(), Array.Empty<long>());
        }

        DateTimeZone zone = calendar.Zone;
        Instant fromInstant = FromNanos(from);
        Instant toInstant = FromNanos(to);

        // 1. Local working ranges of every date that can reach into the slice, merged in local time.
        var local = new List<(long Start, long End)>();
        LocalDate lastDate = toInstant.InZone(zone).Date;
        // Two days back: a range opening the day before can end after midnight, and a clock change can move the slice's
        // local start back across midnight too.
        for (LocalDate date = fromInstant.InZone(zone).Date.PlusDays(-2); date <= lastDate; date = date.PlusDays(1))
        {
            long midnight = LocalNanos(date.AtMidnight());
            foreach (TimeRange range in calendar.RangesOf(date))
            {
                long s = midnight + range.Open.NanosecondOfDay;
                long e = s + range.WallClockLength.ToInt64Nanoseconds();
                if (local.Count > 0 && s <= local[local.Count - 1].End)
                {
                    var last = local[local.Count - 1];
                    local[local.Count - 1] = (last.Start, Math.Max(last.End, e));
                }
                else
                {
                    local.Add((s, e));
                }
            }
        }

        // 2. Map to instants, one constant-offset zone interval at a time: an instant i is working iff its local time
        //    i + offset lies in a range. Gaps and overlaps fall out of this definition.
        var pieces = new List<(long Start, long End)>();
        var zoneIntervals = new List<(long Start, long End, long Offset)>();
        foreach (ZoneInterval zoneInterval in zone.GetZoneIntervals(new Interval(FromNanos(from), FromNanos(to))))
        {
            long zs = zoneInterval.HasStart ? Math.Max(ToNanos(Clamp(zoneInterval.Start)), from) : from;
            long ze = zoneInterval.HasEnd ? Math.Min(ToNanos(Clamp(zoneInterval.End)), to) : to;
            if (zs < ze)
            {
                zoneIntervals.Add((zs, ze, zoneInterval.WallOffset.Nanoseconds));
            }
        }
        foreach ((long ls, long le) in local)
        {
            foreach ((long zs, long ze, long offset) in zoneIntervals)
            {
                long s = Math.Max(ls - offset, zs);
                long e = Math.Min(le - offset, ze);
                if (s < e)
                {
                    pieces.Add((s, e));
                }
            }
        }
        pieces.Sort();

        // 3. Remove closures and join pieces that touch.
        var starts = new List<long>(pieces.Count);
        var ends = new List<long>(pieces.Count);
        int c = 0;
        foreach ((long pieceStart, long pieceEnd) in pieces)
        {
            long s = pieceStart;
            while (c < closureStarts.Length && closureEnds[c] <= s)
            {
                c++;
            }
            int j = c;
            while (s < pieceEnd)
            {
                if (j < closureStarts.Length && closureStarts[j] < pieceEnd)
                {
                    if (closureStarts[j] > s)
                    {
                        Append(starts, ends, s, closureStarts[j]);
                    }
                    s = Math.Max(s, closureEnds[j]);
                    j++;
                }
                else
                {
                    Append(starts, ends, s, pieceEnd);
                    break;
                }
            }
        }
        return new WorkingChunk(sliceStart, sliceEnd, starts.ToArray(), ends.ToArray());
    }

    private static void Append(List<long> starts, List<long> ends, long s, long e)
    {
        int n = ends.Count;
        if (n > 0 && s <= ends[n - 1])
        {
            ends[n - 1] = Math.Max(ends[n - 1], e);
        }
        else
        {
            starts.Add(s);
            ends.Add(e);
        }
    }

    private static List<(long Start, long End)> MergeClosures(IReadOnlyList<Interval> closures)
    {
        var list = new List<(long Start, long End)>();
        foreach (Interval closure in closures)
        {
            long s = closure.HasStart ? ToNanos(Clamp(closure.Start)) : MinNanos;
            long e = closure.HasEnd ? ToNanos(Clamp(closure.End)) : MaxNanos;
            if (s < e)
            {
                list.Add((s, e));
            }
        }
        list.Sort();
        var merged = new List<(long Start, long End)>();
        foreach (var closure in list)
        {
            if (merged.Count > 0 && closure.Start <= merged[merged.Count - 1].End)
            {
                var last = merged[merged.Count - 1];
                merged[merged.Count - 1] = (last.Start, Math.Max(last.End, closure.End));
            }
            else
            {
                merged.Add(closure);
            }
        }
        return merged;
    }
}
