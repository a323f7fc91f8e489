// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using System.Collections.Generic;
using System.Globalization;
using Microsoft.Extensions.Options;

namespace ServicePolicy.Hosting.Configuration;

/// <summary>Checks <see cref="ServicePolicyHostingOptions"/>: every error names its configuration path and value, and
/// all errors are reported together. Reports only.</summary>
internal sealed class ServicePolicyHostingOptionsValidator : IValidateOptions<ServicePolicyHostingOptions>
{
    private const string Timer = ServicePolicyHostingOptions.SectionName + ":Timer:";
    private static readonly TimeSpan OneHour = TimeSpan.FromHours(1);

    public ValidateOptionsResult Validate(string? name, ServicePolicyHostingOptions options)
    {
        if (options is null)
        {
            return ValidateOptionsResult.Fail("The ServicePolicy hosting options are null.");
        }
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(options.NodeId))
        {
            errors.Add($"{ServicePolicyHostingOptions.SectionName}:NodeId is '{options.NodeId}'; it must not be empty or white space.");
        }
        if (options.Timer is not { } timer)
        {
            errors.Add($"{ServicePolicyHostingOptions.SectionName}:Timer is null; leave it out for the defaults.");
        }
        else
        {
            if (timer.BatchSize is < 1 or > HostingTimerOptions.MaxBatchSize)
            {
                errors.Add($"{Timer}BatchSize is {timer.BatchSize.ToString(CultureInfo.InvariantCulture)}; it must be between 1 and " +
                    $"{HostingTimerOptions.MaxBatchSize.ToString(CultureInfo.InvariantCulture)}.");
            }
            CheckSpan(errors, "PollInterval", timer.PollInterval, OneHour);
            CheckSpan(errors, "MaxRetryDelay", timer.MaxRetryDelay, OneHour);
            CheckSpan(errors, "RetryDelay", timer.RetryDelay, timer.MaxRetryDelay > TimeSpan.Zero ? timer.MaxRetryDelay : OneHour,
                $"{Timer}MaxRetryDelay ({Format(timer.MaxRetryDelay)})");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void CheckSpan(List<string> errors, string property, TimeSpan value, TimeSpan max, string? maxName = null)
    {
        if (value <= TimeSpan.Zero || value > max)
        {
            errors.Add($"{Timer}{property} is {Format(value)}; it must be positive and at most {maxName ?? Format(max)}.");
        }
    }

    private static string Format(TimeSpan value) => value.ToString("c", CultureInfo.InvariantCulture);
}
