// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using Microsoft.Extensions.Options;
using NodaTime;
using ServicePolicy.Hosting.Delivery;
using Xunit;

namespace ServicePolicy.Hosting.Tests.Delivery;

public class OutboxRelayOptionsTests
{
    [Fact]
    public void Ctor_HasTheDocumentedDefaults_WhichAreValid()
    {
        var options = new OutboxRelayOptions();

        Assert.Equal((100, 5, Duration.FromSeconds(1), Duration.FromSeconds(30), Duration.FromSeconds(30), Duration.FromMinutes(5), Duration.FromSeconds(1), 4),
            (options.BatchSize, options.MaxAttempts, options.InitialBackoff, options.MaxBackoff, options.AttemptTimeout, options.LeaseDuration, options.PollInterval, options.Parallelism));
        Assert.Equal("ServicePolicy:Hosting:Relay", OutboxRelayOptions.SectionName);
        Assert.True(new OutboxRelayOptionsValidator().Validate(null, options).Succeeded);
    }

    public static TheoryData<string, Action<OutboxRelayOptions>, string> Invalid => new()
    {
        { "BatchSize 0", o => o.BatchSize = 0, "ServicePolicy:Hosting:Relay:BatchSize is 0: it must be from 1 to 10000." },
        { "BatchSize 10001", o => o.BatchSize = 10_001, "ServicePolicy:Hosting:Relay:BatchSize is 10001: it must be from 1 to 10000." },
        { "MaxAttempts 0", o => o.MaxAttempts = 0, "ServicePolicy:Hosting:Relay:MaxAttempts is 0: it must be from 1 to 100." },
        { "MaxAttempts 101", o => o.MaxAttempts = 101, "ServicePolicy:Hosting:Relay:MaxAttempts is 101: it must be from 1 to 100." },
        { "InitialBackoff negative", o => o.InitialBackoff = Duration.FromSeconds(-1), "ServicePolicy:Hosting:Relay:InitialBackoff is -0:00:00:01: it must be from zero to MaxBackoff (0:00:00:30)." },
        { "InitialBackoff above MaxBackoff", o => o.InitialBackoff = Duration.FromSeconds(31), "ServicePolicy:Hosting:Relay:InitialBackoff is 0:00:00:31: it must be from zero to MaxBackoff (0:00:00:30)." },
        { "MaxBackoff above a day", o => { o.MaxBackoff = Duration.FromDays(1) + Duration.Epsilon; o.LeaseDuration = Duration.FromDays(10); }, "ServicePolicy:Hosting:Relay:MaxBackoff is 1:00:00:00.000000001: it must be at most one day (1:00:00:00)." },
        { "AttemptTimeout too short", o => o.AttemptTimeout = Duration.FromMilliseconds(9), "ServicePolicy:Hosting:Relay:AttemptTimeout is 0:00:00:00.009: it must be from 0:00:00:00.01 to one day (1:00:00:00)." },
        { "AttemptTimeout above a day", o => { o.AttemptTimeout = Duration.FromDays(1) + Duration.Epsilon; o.LeaseDuration = Duration.FromDays(10); }, "ServicePolicy:Hosting:Relay:AttemptTimeout is 1:00:00:00.000000001: it must be from 0:00:00:00.01 to one day (1:00:00:00)." },
        { "PollInterval zero", o => o.PollInterval = Duration.Zero, "ServicePolicy:Hosting:Relay:PollInterval is 0:00:00:00: it must be more than zero and at most one hour (0:01:00:00)." },
        { "PollInterval above an hour", o => o.PollInterval = Duration.FromHours(1) + Duration.Epsilon, "ServicePolicy:Hosting:Relay:PollInterval is 0:01:00:00.000000001: it must be more than zero and at most one hour (0:01:00:00)." },
        { "Parallelism 0", o => o.Parallelism = 0, "ServicePolicy:Hosting:Relay:Parallelism is 0: it must be from 1 to 64." },
        { "Parallelism 65", o => o.Parallelism = 65, "ServicePolicy:Hosting:Relay:Parallelism is 65: it must be from 1 to 64." },
        { "LeaseDuration at the worst case", o => o.LeaseDuration = Duration.FromSeconds(270),
            "ServicePolicy:Hosting:Relay:LeaseDuration is 0:00:04:30: it must be more than MaxAttempts × AttemptTimeout + (MaxAttempts - 1) × MaxBackoff (5 × 0:00:00:30 + 4 × 0:00:00:30 = 0:00:04:30), or a slow delivery could outlive its lease, and at most 30 days." },
        { "LeaseDuration at the worst case of one attempt", o => { o.MaxAttempts = 1; o.LeaseDuration = Duration.FromSeconds(30); },
            "ServicePolicy:Hosting:Relay:LeaseDuration is 0:00:00:30: it must be more than MaxAttempts × AttemptTimeout + (MaxAttempts - 1) × MaxBackoff (1 × 0:00:00:30 + 0 × 0:00:00:30 = 0:00:00:30), or a slow delivery could outlive its lease, and at most 30 days." },
        { "LeaseDuration at the worst case of 100 attempts", o => { o.MaxAttempts = 100; o.LeaseDuration = Duration.FromSeconds(5970); },
            "ServicePolicy:Hosting:Relay:LeaseDuration is 0:01:39:30: it must be more than MaxAttempts × AttemptTimeout + (MaxAttempts - 1) × MaxBackoff (100 × 0:00:00:30 + 99 × 0:00:00:30 = 0:01:39:30), or a slow delivery could outlive its lease, and at most 30 days." },
        { "LeaseDuration above 30 days", o => o.LeaseDuration = Duration.FromDays(30) + Duration.Epsilon,
            "ServicePolicy:Hosting:Relay:LeaseDuration is 30:00:00:00.000000001: it must be more than MaxAttempts × AttemptTimeout + (MaxAttempts - 1) × MaxBackoff (5 × 0:00:00:30 + 4 × 0:00:00:30 = 0:00:04:30), or a slow delivery could outlive its lease, and at most 30 days." },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Validate_AnInvalidValue_FailsNamingItsConfigurationPathAndValue(string because, Action<OutboxRelayOptions> change, string message)
    {
        var options = new OutboxRelayOptions();
        change(options);

        ValidateOptionsResult result = new OutboxRelayOptionsValidator().Validate("any", options);

        Assert.True(result.Failed, because);
        Assert.Equal([message], result.Failures);
    }

    public static TheoryData<string, Action<OutboxRelayOptions>> Valid => new()
    {
        { "the smallest values", o => { o.BatchSize = 1; o.MaxAttempts = 1; o.InitialBackoff = Duration.Zero; o.MaxBackoff = Duration.Zero; o.AttemptTimeout = Duration.FromMilliseconds(10); o.LeaseDuration = Duration.FromMilliseconds(10) + Duration.Epsilon; o.PollInterval = Duration.Epsilon; o.Parallelism = 1; } },
        { "the largest counts", o => { o.BatchSize = 10_000; o.MaxAttempts = 100; o.MaxBackoff = Duration.FromMinutes(1); o.InitialBackoff = Duration.FromMinutes(1); o.AttemptTimeout = Duration.FromMinutes(1); o.LeaseDuration = Duration.FromDays(30); o.PollInterval = Duration.FromHours(1); o.Parallelism = 64; } },
        { "the longest durations", o => { o.MaxAttempts = 2; o.MaxBackoff = Duration.FromDays(1); o.InitialBackoff = Duration.FromDays(1); o.AttemptTimeout = Duration.FromDays(1); o.LeaseDuration = Duration.FromDays(30); o.PollInterval = Duration.FromHours(1); } },
        { "a lease just over the worst case", o => o.LeaseDuration = Duration.FromSeconds(270) + Duration.Epsilon },
        { "a lease at the worst case with one attempt fewer", o => { o.MaxAttempts = 4; o.LeaseDuration = Duration.FromSeconds(210) + Duration.Epsilon; } },
    };

    [Theory]
    [MemberData(nameof(Valid))]
    public void Validate_ValuesAtTheBounds_Succeed(string because, Action<OutboxRelayOptions> change)
    {
        var options = new OutboxRelayOptions();
        change(options);

        ValidateOptionsResult result = new OutboxRelayOptionsValidator().Validate(null, options);

        Assert.True(result.Succeeded, $"{because}: {result.FailureMessage}");
    }

    [Fact]
    public void Validate_NullOptions_Throws()
    {
        Assert.Equal("options", Assert.Throws<ArgumentNullException>(() => new OutboxRelayOptionsValidator().Validate(null, null!)).ParamName);
    }

    [Fact]
    public void Validate_ReportsEveryError_InOneResult()
    {
        var options = new OutboxRelayOptions { BatchSize = 0, MaxAttempts = 0, Parallelism = 0, LeaseDuration = Duration.Zero };

        ValidateOptionsResult result = new OutboxRelayOptionsValidator().Validate(null, options);

        Assert.Equal(["BatchSize", "MaxAttempts", "Parallelism"], result.Failures!.Select(f => f.Split(" is ")[0].Split(':')[^1]));
    }

    [Fact]
    public void Validate_TheLeaseCheck_CountsTheWaitsAtMaxBackoff()
    {
        // 3 attempts of 20 s and 2 waits of 50 s: 160 s.
        var options = new OutboxRelayOptions { MaxAttempts = 3, AttemptTimeout = Duration.FromSeconds(20), MaxBackoff = Duration.FromSeconds(50), LeaseDuration = Duration.FromSeconds(160) };

        Assert.Contains("3 × 0:00:00:20 + 2 × 0:00:00:50 = 0:00:02:40", Assert.Single(new OutboxRelayOptionsValidator().Validate(null, options).Failures!));
        options.LeaseDuration += Duration.Epsilon;
        Assert.True(new OutboxRelayOptionsValidator().Validate(null, options).Succeeded);
    }
}
