// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using Microsoft.Extensions.Logging;

namespace ServicePolicy.Configuration;

/// <summary>The configuration layer's log messages, with fixed event ids.</summary>
internal static partial class ServicePolicyLog
{
    [LoggerMessage(EventId = 1001, EventName = "CatalogLoaded", Level = LogLevel.Information,
        Message = "ServicePolicy catalogue version {Version} loaded: {CalendarCount} calendars, {PolicyCount} policies")]
    internal static partial void CatalogLoaded(ILogger logger, long version, int calendarCount, int policyCount);

    [LoggerMessage(EventId = 1002, EventName = "ReloadRejected", Level = LogLevel.Error,
        Message = "ServicePolicy configuration reload rejected with {ErrorCount} errors; catalogue version {Version} stays current")]
    internal static partial void ReloadRejected(ILogger logger, int errorCount, long version);

    [LoggerMessage(EventId = 1003, EventName = "ConfigurationError", Level = LogLevel.Error,
        Message = "ServicePolicy configuration error: {Error}")]
    internal static partial void ConfigurationError(ILogger logger, string error);
}
