// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using System.Text.Json.Serialization;
using ServicePolicy.Internal;

namespace ServicePolicy.Reporting;

/// <summary>How many commitment cycles ended up in each <see cref="Attainment"/>.</summary>
/// <remarks>Immutable. Equality is value equality of the eight counts (a record). The default value does not exist (a
/// reference type); <see cref="Zero"/> has every count zero.</remarks>
[Immutable]
public sealed record AttainmentCounts
{
    /// <summary>Creates the counts.</summary>
    /// <param name="metOnTime">Cycles met on time.</param>
    /// <param name="metLate">Cycles met late.</param>
    /// <param name="breached">Cycles breached and not met.</param>
    /// <param name="openAtRisk">Running cycles at risk.</param>
    /// <param name="openOnTrack">Running or paused cycles on track.</param>
    /// <param name="cancelled">Cycles ended unmet before their deadline.</param>
    /// <param name="waived">Cycles whose target was waived before their deadline.</param>
    /// <param name="metEarly">Appointments arrived for before their window opened.</param>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative.</exception>
    [JsonConstructor]
    public AttainmentCounts(long metOnTime, long metLate, long breached, long openAtRisk, long openOnTrack, long cancelled, long waived = 0, long metEarly = 0)
    {
        Waived = CheckCount(waived, nameof(waived));
        MetEarly = CheckCount(metEarly, nameof(metEarly));
        MetOnTime = CheckCount(metOnTime, nameof(metOnTime));
        MetLate = CheckCount(metLate, nameof(metLate));
        Breached = CheckCount(breached, nameof(breached));
        OpenAtRisk = CheckCount(openAtRisk, nameof(openAtRisk));
        OpenOnTrack = CheckCount(openOnTrack, nameof(openOnTrack));
        Cancelled = CheckCount(cancelled, nameof(cancelled));
    }

    /// <summary>Gets counts that are all zero.</summary>
    public static AttainmentCounts Zero { get; } = new(0, 0, 0, 0, 0, 0);

    /// <summary>Gets the cycles met on time.</summary>
    public long MetOnTime { get; }

    /// <summary>Gets the cycles met late.</summary>
    public long MetLate { get; }

    /// <summary>Gets the cycles breached and not met.</summary>
    public long Breached { get; }

    /// <summary>Gets the running cycles at risk.</summary>
    public long OpenAtRisk { get; }

    /// <summary>Gets the running or paused cycles on track.</summary>
    public long OpenOnTrack { get; }

    /// <summary>Gets the cycles ended unmet before their deadline.</summary>
    public long Cancelled { get; }

    /// <summary>Gets the cycles whose target was waived before their deadline.</summary>
    public long Waived { get; }

    /// <summary>Gets the appointments arrived for before their window opened (not kept).</summary>
    public long MetEarly { get; }

    /// <summary>Gets all the cycles counted.</summary>
    [JsonIgnore]
    public long Total => MetOnTime + MetLate + Breached + OpenAtRisk + OpenOnTrack + Cancelled + Waived + MetEarly;

    /// <summary>Gets the cycles not kept: <see cref="MetLate"/>, <see cref="MetEarly"/> and <see cref="Breached"/>.</summary>
    [JsonIgnore]
    public long Breaches => MetLate + MetEarly + Breached;

    /// <summary>Gets the share of decided cycles (met on time, met late or early, or breached) met on time, from 0 to 1;
    /// null when none is decided.</summary>
    [JsonIgnore]
    public double? OnTimeShare
    {
        get
        {
            long decided = MetOnTime + MetLate + MetEarly + Breached;
            return decided == 0 ? null : (double)MetOnTime / decided;
        }
    }

    /// <summary>Returns the count of one attainment.</summary>
    /// <param name="attainment">The attainment.</param>
    /// <returns>Its count.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="attainment"/> is not a defined value.</exception>
    public long Get(Attainment attainment) => attainment switch
    {
        Attainment.MetOnTime => MetOnTime,
        Attainment.MetLate => MetLate,
        Attainment.Breached => Breached,
        Attainment.OpenAtRisk => OpenAtRisk,
        Attainment.OpenOnTrack => OpenOnTrack,
        Attainment.Cancelled => Cancelled,
        Attainment.Waived => Waived,
        Attainment.MetEarly => MetEarly,
        _ => throw new ArgumentOutOfRangeException(nameof(attainment), attainment, "Not a defined Attainment value."),
    };

    /// <summary>Returns the sum of these counts and others.</summary>
    /// <param name="other">The other counts.</param>
    /// <returns>The counts added one by one.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is null.</exception>
    public AttainmentCounts Plus(AttainmentCounts other)
    {
        Preconditions.CheckNotNull(other);
        return new(MetOnTime + other.MetOnTime, MetLate + other.MetLate, Breached + other.Breached,
            OpenAtRisk + other.OpenAtRisk, OpenOnTrack + other.OpenOnTrack, Cancelled + other.Cancelled, Waived + other.Waived,
            MetEarly + other.MetEarly);
    }

    /// <summary>The number of <see cref="Attainment"/> values: the counts of a row.</summary>
    internal const int Attainments = 8;

    internal static AttainmentCounts From(ReadOnlySpan<long> counts) =>
        new(counts[0], counts[1], counts[2], counts[3], counts[4], counts[5], counts[6], counts[7]);

    private static long CheckCount(long value, string name)
    {
        if (value < 0)
        {
            Preconditions.ThrowArgumentOutOfRange(name, value, $"A count must not be negative; {name} is {value}.");
        }
        return value;
    }
}
