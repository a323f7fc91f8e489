// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using Microsoft.Extensions.Logging;

namespace ServicePolicy.Catalog;

/// <summary>The catalogue provider's log messages, with fixed event ids (documented in <c>docs/configuration.md</c>).
/// <c>ConfigurationName</c> is the name given to <c>AddServicePolicy</c>, or <c>(default)</c>.</summary>
internal static partial class ServicePolicyLog
{
    [LoggerMessage(EventId = 1001, EventName = "CatalogLoaded", Level = LogLevel.Information,
        Message = "ServicePolicy catalogue '{ConfigurationName}' version {Version} loaded: {CalendarCount} calendars, {PolicyCount} policies")]
    internal static partial void CatalogLoaded(ILogger logger, string configurationName, long version, int calendarCount, int policyCount);

    [LoggerMessage(EventId = 1002, EventName = "ReloadRejected", Level = LogLevel.Error,
        Message = "ServicePolicy configuration '{ConfigurationName}' reload rejected with {ErrorCount} errors; catalogue version {Version} stays current")]
    internal static partial void ReloadRejected(ILogger logger, string configurationName, int errorCount, long version);

    [LoggerMessage(EventId = 1003, EventName = "ConfigurationError", Level = LogLevel.Error,
        Message = "ServicePolicy configuration '{ConfigurationName}' error: {Error}")]
    internal static partial void ConfigurationError(ILogger logger, string configurationName, string error);

    [LoggerMessage(EventId = 1004, EventName = "ReloadFailed", Level = LogLevel.Error,
        Message = "ServicePolicy configuration '{ConfigurationName}' reload failed; catalogue version {Version} stays current")]
    internal static partial void ReloadFailed(ILogger logger, string configurationName, long version, Exception exception);

    [LoggerMessage(EventId = 1005, EventName = "VersionDecreaseRefused", Level = LogLevel.Error,
        Message = "ServicePolicy configuration '{ConfigurationName}' reload refused: {Kind} '{Name}' would go back from version {PublishedVersion} to version {NewVersion}; catalogue version {Version} stays current (set AllowVersionDecrease to accept a lower version)")]
    internal static partial void VersionDecreaseRefused(ILogger logger, string configurationName, string kind, string name, int publishedVersion, int newVersion, long version);

    [LoggerMessage(EventId = 1006, EventName = "VersionDecreaseAllowed", Level = LogLevel.Warning,
        Message = "ServicePolicy configuration '{ConfigurationName}': {Kind} '{Name}' goes back from version {PublishedVersion} to version {NewVersion}, accepted because AllowVersionDecrease is set")]
    internal static partial void VersionDecreaseAllowed(ILogger logger, string configurationName, string kind, string name, int publishedVersion, int newVersion);

    [LoggerMessage(EventId = 1007, EventName = "ChangedWithoutNewVersion", Level = LogLevel.Warning,
        Message = "ServicePolicy configuration '{ConfigurationName}': the settings of {Kind} '{Name}' changed but its version stays {PolicyVersion}; give it a new Version so that results and keys tell the two apart")]
    internal static partial void ChangedWithoutNewVersion(ILogger logger, string configurationName, string kind, string name, int policyVersion);

    /// <summary>The name logged for a configuration name: <c>(default)</c> for <c>Options.DefaultName</c>.</summary>
    internal static string DisplayName(string name) => name.Length == 0 ? "(default)" : name;
}
