// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Json.Serialization;

namespace ServicePolicy.Reporting;

/// <summary>How a commitment cycle counts in a report: kept, kept late or early, broken, still open, called off, or waived.</summary>
/// <remarks>The default value is <see cref="MetOnTime"/>. Mapped from <see cref="Evaluation.CommitmentState"/>: <c>Met</c>
/// is <see cref="MetOnTime"/>, <c>MetLate</c> <see cref="MetLate"/>, <c>Breached</c> <see cref="Breached"/> (running or
/// ended unmet after its deadline), <c>AtRisk</c> <see cref="OpenAtRisk"/>, <c>OnTrack</c> and <c>Paused</c>
/// <see cref="OpenOnTrack"/> (a paused cycle was not breached before it paused), <c>Cancelled</c>
/// <see cref="Cancelled"/>, <c>Waived</c> <see cref="Waived"/>, <c>MetEarly</c> <see cref="MetEarly"/>. Serialized to JSON
/// by name.</remarks>
[JsonConverter(typeof(JsonStringEnumConverter<Attainment>))]
public enum Attainment
{
    /// <summary>Met at or before its deadline.</summary>
    MetOnTime,

    /// <summary>Met after its deadline.</summary>
    MetLate,

    /// <summary>Its deadline passed unmet: still running, or ended unmet after the deadline.</summary>
    Breached,

    /// <summary>Running, deadline ahead, at-risk threshold reached.</summary>
    OpenAtRisk,

    /// <summary>Running (or paused) with its deadline ahead and its at-risk threshold not reached.</summary>
    OpenOnTrack,

    /// <summary>Ended unmet before its deadline (resolved, cancelled or replaced): neither kept nor broken.</summary>
    Cancelled,

    /// <summary>Ended at or before its deadline because its target was waived: neither kept nor broken, and counted
    /// apart from <see cref="Cancelled"/>.</summary>
    Waived,

    /// <summary>An appointment arrived for before its window opened, which does not keep it: broken, like
    /// <see cref="MetLate"/>.</summary>
    MetEarly,
}
