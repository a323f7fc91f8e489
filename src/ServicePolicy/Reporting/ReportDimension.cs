// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Text.Json.Serialization;

namespace ServicePolicy.Reporting;

/// <summary>What an <see cref="AttainmentRow"/> groups commitment cycles by.</summary>
/// <remarks>The default value is <see cref="Kind"/>. <see cref="Kind"/> and <see cref="Period"/> group cycles (one
/// interaction can be in several rows of them); the others group interactions (each interaction is in exactly one row
/// of each). Serialized to JSON by name.</remarks>
[JsonConverter(typeof(JsonStringEnumConverter<ReportDimension>))]
public enum ReportDimension
{
    /// <summary>The commitment kind: <c>FirstResponse</c>, <c>Resolution</c>, …, or <c>Custom:{name}</c>.</summary>
    Kind,

    /// <summary>The policy and its version, such as <c>standard v1</c>.</summary>
    Policy,

    /// <summary>The team the host names for the interaction; by default the owner's id when the owner is a team;
    /// empty when unknown.</summary>
    Team,

    /// <summary>The current owner, such as <c>person:alice</c> or <c>team:support</c>.</summary>
    Owner,

    /// <summary>The profile's channel; empty when unknown.</summary>
    Channel,

    /// <summary>The profile's customer tier; empty when unknown.</summary>
    Tier,

    /// <summary><c>internal</c> or <c>external</c>, from the profile.</summary>
    Audience,

    /// <summary>The period the cycle started in, as the period's first date <c>yyyy-MM-dd</c> in the report's zone.</summary>
    Period,
}
