// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Json.Serialization;

namespace ServicePolicy.Reporting;

/// <summary>The length of the periods a report groups cycles by (<see cref="ReportDimension.Period"/>).</summary>
/// <remarks>The default value is <see cref="Day"/>. Periods are local dates of the report's time zone; a cycle belongs to
/// the period its <see cref="Evaluation.CommitmentStatus.StartedAt"/> falls in (the start never moves; the deadline moves
/// while a cycle is paused). Serialized to JSON by name.</remarks>
[JsonConverter(typeof(JsonStringEnumConverter<ReportPeriod>))]
public enum ReportPeriod
{
    /// <summary>Calendar days.</summary>
    Day,

    /// <summary>ISO weeks, Monday to Sunday; keyed by the Monday.</summary>
    Week,

    /// <summary>Calendar months; keyed by the first of the month.</summary>
    Month,
}
