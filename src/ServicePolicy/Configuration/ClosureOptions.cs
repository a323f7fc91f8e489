// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using ServicePolicy.Internal;

namespace ServicePolicy.Configuration;

/// <summary>A closure of a calendar in configuration: <c>[Start, End)</c>, never working time.</summary>
/// <remarks>Mutable options POCO. The default value has neither end, which is invalid.</remarks>
[Mutable]
public sealed class ClosureOptions
{
    /// <summary>Gets or sets when the closure starts (inclusive).</summary>
    /// <value>Required: an ISO date-time with an offset (<c>2026-06-01T08:00:00Z</c>,
    /// <c>2026-06-01T09:00:00+01:00</c>), or without one (<c>2026-06-01T09:00</c>) for the calendar's local time. Default: null.</value>
    public string? Start { get; set; }

    /// <summary>Gets or sets when the closure ends (exclusive).</summary>
    /// <value>Required, after <see cref="Start"/>; same forms as <see cref="Start"/>. Default: null.</value>
    public string? End { get; set; }
}
