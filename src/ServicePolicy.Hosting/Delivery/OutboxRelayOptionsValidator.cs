// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using System.Collections.Generic;
using System.Globalization;
using Microsoft.Extensions.Options;
using NodaTime;
using ServicePolicy.Internal;

namespace ServicePolicy.Hosting.Delivery;

/// <summary>Validates <see cref="OutboxRelayOptions"/>: every error, each naming its configuration path
/// (<c>ServicePolicy:Hosting:Relay:&lt;Name&gt;</c>) and its value, in one result.</summary>
/// <remarks>Reports and does nothing else. Thread-safe.</remarks>
internal sealed class OutboxRelayOptionsValidator : IValidateOptions<OutboxRelayOptions>
{
    /// <summary>The shortest attempt timeout: Polly's timeout strategy takes no less.</summary>
    internal static readonly Duration MinAttemptTimeout = Duration.FromMilliseconds(10);

    private static readonly Duration OneDay = Duration.FromDays(1);

    /// <summary>Validates options of any name.</summary>
    /// <param name="name">The options name (every name is validated alike).</param>
    /// <param name="options">The options.</param>
    /// <returns>Success, or a failure listing every error.</returns>
    public ValidateOptionsResult Validate(string? name, OutboxRelayOptions options)
    {
        IReadOnlyList<string> errors = Errors(options);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    /// <summary>Every error in the options, in the order of the properties.</summary>
    /// <param name="options">The options.</param>
    /// <returns>The errors; empty when the options are valid.</returns>
    internal static IReadOnlyList<string> Errors(OutboxRelayOptions options)
    {
        Preconditions.CheckNotNull(options);
        var errors = new List<string>();
        Check(errors, options.BatchSize is >= 1 and <= 10_000, nameof(options.BatchSize), options.BatchSize, "must be from 1 to 10000");
        Check(errors, options.MaxAttempts is >= 1 and <= 100, nameof(options.MaxAttempts), options.MaxAttempts, "must be from 1 to 100");
        Check(errors, options.InitialBackoff >= Duration.Zero && options.InitialBackoff <= options.MaxBackoff, nameof(options.InitialBackoff),
            options.InitialBackoff, $"must be from zero to MaxBackoff ({options.MaxBackoff})");
        Check(errors, options.MaxBackoff <= OneDay, nameof(options.MaxBackoff), options.MaxBackoff, "must be at most one day (1:00:00:00)");
        Check(errors, options.AttemptTimeout >= MinAttemptTimeout && options.AttemptTimeout <= OneDay, nameof(options.AttemptTimeout),
            options.AttemptTimeout, $"must be from {MinAttemptTimeout} to one day (1:00:00:00)");
        Check(errors, options.PollInterval > Duration.Zero && options.PollInterval <= Duration.FromHours(1), nameof(options.PollInterval),
            options.PollInterval, "must be more than zero and at most one hour (0:01:00:00)");
        Check(errors, options.Parallelism is >= 1 and <= 64, nameof(options.Parallelism), options.Parallelism, "must be from 1 to 64");
        if (options.MaxAttempts is >= 1 and <= 100)
        {
            Duration worstCase = WorstCase(options);
            Check(errors, options.LeaseDuration > worstCase && options.LeaseDuration <= Duration.FromDays(30), nameof(options.LeaseDuration), options.LeaseDuration,
                $"must be more than MaxAttempts × AttemptTimeout + (MaxAttempts - 1) × MaxBackoff ({options.MaxAttempts} × {options.AttemptTimeout} + "
                + $"{options.MaxAttempts - 1} × {options.MaxBackoff} = {worstCase}), or a slow delivery could outlive its lease, and at most 30 days");
        }
        return errors;
    }

    /// <summary>The longest one entry's delivery can take: every attempt timing out, with the longest wait between
    /// them.</summary>
    /// <param name="options">The options.</param>
    /// <returns>MaxAttempts × AttemptTimeout + (MaxAttempts - 1) × MaxBackoff.</returns>
    internal static Duration WorstCase(OutboxRelayOptions options) =>
        options.AttemptTimeout * options.MaxAttempts + options.MaxBackoff * (options.MaxAttempts - 1);

    private static void Check(List<string> errors, bool valid, string name, object value, string rule)
    {
        if (!valid)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"{OutboxRelayOptions.SectionName}:{name} is {value}: it {rule}."));
        }
    }
}
