// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using System.Diagnostics;

namespace ServicePolicy.Hosting.Telemetry;

/// <summary>Helpers for the runtime's spans.</summary>
internal static class HostingTelemetry
{
    /// <summary>Marks a span as failed with an exception (status <see cref="ActivityStatusCode.Error"/> and
    /// OpenTelemetry's <c>error.type</c>); for an exception filter, so it always returns false and the exception
    /// propagates unchanged.</summary>
    /// <param name="activity">The span; null when nobody listens.</param>
    /// <param name="error">The exception.</param>
    /// <returns>False.</returns>
    internal static bool Failed(Activity? activity, Exception error)
    {
        if (activity is not null)
        {
            activity.SetStatus(ActivityStatusCode.Error, error.Message);
            activity.SetTag("error.type", error.GetType().FullName);
        }
        return false;
    }
}
