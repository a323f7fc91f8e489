// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using System.Reflection;

namespace ServicePolicy.Telemetry;

/// <summary>
/// The names under which ServicePolicy publishes its metrics and traces (see <c>docs/telemetry.md</c>): one
/// <see cref="System.Diagnostics.Metrics.Meter"/> and one <see cref="System.Diagnostics.ActivitySource"/>, both named
/// <see cref="Name"/>. With the OpenTelemetry SDK: <c>.WithMetrics(m =&gt; m.AddMeter(ServicePolicyTelemetry.Name))</c>
/// and <c>.WithTracing(t =&gt; t.AddSource(ServicePolicyTelemetry.Name))</c>.
/// </summary>
/// <remarks>
/// <para>The meter: in a container (<c>AddServicePolicy</c>, <c>AddServicePolicyHosting</c>) it is created through the
/// container's <see cref="System.Diagnostics.Metrics.IMeterFactory"/> when one is registered (every generic host
/// registers one), so its instruments belong to that container and end with it; without a factory, and for the static
/// <see cref="Evaluation.Evaluator"/>, a process-wide meter of the same name is used. Either way a listener that
/// subscribes by name (as the OpenTelemetry SDK does) sees them.</para>
/// <para>Nothing is measured while nothing listens: every instrument is checked with
/// <see cref="System.Diagnostics.Metrics.Instrument.Enabled"/> and every span with
/// <see cref="System.Diagnostics.ActivitySource.HasListeners"/> before any work.</para>
/// </remarks>
public static class ServicePolicyTelemetry
{
    /// <summary>The name of the meter and of the activity source: <c>ServicePolicy</c>.</summary>
    public const string Name = "ServicePolicy";

    /// <summary>Gets the version the meter and the activity source carry: the library's informational version without
    /// its source revision (<c>0.1.0</c>, <c>0.1.0-dev</c>).</summary>
    public static string Version { get; } = VersionOf(typeof(ServicePolicyTelemetry).Assembly);

    /// <summary>An assembly's informational version without the <c>+revision</c> suffix the SDK appends.</summary>
    internal static string VersionOf(Assembly assembly)
    {
        string? version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        if (string.IsNullOrEmpty(version))
        {
            return assembly.GetName().Version?.ToString() ?? "0.0.0";
        }
        int plus = version.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? version : version[..plus];
    }
}
