// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using System.Collections.Generic;
using Microsoft.Extensions.Options;

namespace ServicePolicy.Catalog;

/// <summary>
/// Gives the current <see cref="IServicePolicyCatalog"/> of each configuration registered with
/// <c>AddServicePolicy</c>: <see cref="Current"/> for the default one, <see cref="Get"/> for a named one. When a
/// configuration changes, a valid one replaces its catalogue atomically with a new version; an invalid one is logged
/// (event ids 1002 and 1003) and the last good catalogue stays current.
/// </summary>
/// <remarks>
/// <para>A catalogue is built when it is first asked for; a host asks at start-up (<c>ValidateOnStart</c>), so from then
/// on a reload that fails can never take the catalogue away. Without a host, the first <see cref="Get"/> (or the first
/// evaluation) builds it.</para>
/// <para>Thread-safe. Read <see cref="Current"/> or <see cref="Get"/> once per unit of work: the catalogue it returns
/// never changes, so work that started on one version finishes on it.</para>
/// </remarks>
public interface IServicePolicyCatalogProvider
{
    /// <summary>Gets the current catalogue of the default configuration, registered with
    /// <c>AddServicePolicy(configuration)</c> or <c>AddServicePolicy(configure)</c>; the same as
    /// <c>Get(Options.DefaultName)</c>.</summary>
    /// <exception cref="KeyNotFoundException">No default configuration is registered.</exception>
    /// <exception cref="OptionsValidationException">The catalogue is built now and the configuration is invalid; the
    /// exception lists every error with its configuration path.</exception>
    IServicePolicyCatalog Current { get; }

    /// <summary>Returns the current catalogue of a configuration by the name it was registered under with
    /// <c>AddServicePolicy(name, ...)</c>.</summary>
    /// <param name="name">The configuration's name (ordinal); <see cref="Options.DefaultName"/> (the empty string) for
    /// the default configuration.</param>
    /// <returns>The current catalogue of that configuration.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    /// <exception cref="KeyNotFoundException">No configuration is registered under <paramref name="name"/>; the message
    /// lists the registered names.</exception>
    /// <exception cref="OptionsValidationException">The catalogue is built now (the first request for this name) and
    /// the configuration is invalid; the exception lists every error with its configuration path.</exception>
    IServicePolicyCatalog Get(string name);
}
