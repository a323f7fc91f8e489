// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

namespace ServicePolicy.Configuration;

/// <summary>
/// Gives the current <see cref="IServicePolicyCatalog"/>. When the configuration changes (through
/// <c>IOptionsMonitor</c>), a valid configuration replaces the catalogue atomically with a new version; an invalid one
/// is logged and the last good catalogue stays current.
/// </summary>
/// <remarks>Thread-safe. Read <see cref="Current"/> once per unit of work: the catalogue it returns never changes, so
/// work that started on one version finishes on it.</remarks>
public interface IServicePolicyCatalogProvider
{
    /// <summary>Gets the current catalogue.</summary>
    IServicePolicyCatalog Current { get; }
}
