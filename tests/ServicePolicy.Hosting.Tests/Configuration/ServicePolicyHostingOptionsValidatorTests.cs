// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using Microsoft.Extensions.Options;
using ServicePolicy.Hosting.Configuration;
using Xunit;

namespace ServicePolicy.Hosting.Tests.Configuration;

public class ServicePolicyHostingOptionsValidatorTests
{
    private static ValidateOptionsResult Validate(Action<ServicePolicyHostingOptions> change)
    {
        var options = new ServicePolicyHostingOptions();
        change(options);
        return new ServicePolicyHostingOptionsValidator().Validate(null, options);
    }

    [Fact]
    public void Ctor_EnsureDefaultValues()
    {
        var options = new ServicePolicyHostingOptions();

        Assert.Equal(Environment.MachineName, options.NodeId);
        Assert.Equal(200, options.Timer.BatchSize);
        Assert.Equal(TimeSpan.FromSeconds(1), options.Timer.PollInterval);
        Assert.Equal(TimeSpan.FromSeconds(1), options.Timer.RetryDelay);
        Assert.Equal(TimeSpan.FromSeconds(30), options.Timer.MaxRetryDelay);
        Assert.True(Validate(_ => { }).Succeeded);
    }

    public static TheoryData<Action<ServicePolicyHostingOptions>, string> Invalid => new()
    {
        { o => o.NodeId = " ", "ServicePolicy:Hosting:NodeId is ' '; it must not be empty or white space." },
        { o => o.Timer = null!, "ServicePolicy:Hosting:Timer is null" },
        { o => o.Timer.BatchSize = 0, "ServicePolicy:Hosting:Timer:BatchSize is 0; it must be between 1 and 10000." },
        { o => o.Timer.BatchSize = 10_001, "ServicePolicy:Hosting:Timer:BatchSize is 10001; it must be between 1 and 10000." },
        { o => o.Timer.PollInterval = TimeSpan.Zero, "ServicePolicy:Hosting:Timer:PollInterval is 00:00:00; it must be positive and at most 01:00:00." },
        { o => o.Timer.PollInterval = TimeSpan.FromHours(2), "ServicePolicy:Hosting:Timer:PollInterval is 02:00:00; it must be positive and at most 01:00:00." },
        { o => o.Timer.RetryDelay = TimeSpan.FromMinutes(-1), "ServicePolicy:Hosting:Timer:RetryDelay is -00:01:00; it must be positive" },
        { o => o.Timer.RetryDelay = TimeSpan.FromMinutes(1), "ServicePolicy:Hosting:Timer:RetryDelay is 00:01:00; it must be positive and at most ServicePolicy:Hosting:Timer:MaxRetryDelay (00:00:30)." },
        { o => o.Timer.MaxRetryDelay = TimeSpan.Zero, "ServicePolicy:Hosting:Timer:MaxRetryDelay is 00:00:00; it must be positive and at most 01:00:00." },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Validate_Invalid_NamesThePathAndTheValue(Action<ServicePolicyHostingOptions> change, string expected)
    {
        ValidateOptionsResult result = Validate(change);

        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_SeveralErrors_ReportsThemAll()
    {
        ValidateOptionsResult result = Validate(o =>
        {
            o.NodeId = "";
            o.Timer.BatchSize = -1;
            o.Timer.PollInterval = TimeSpan.Zero;
        });

        Assert.Equal(3, result.Failures!.Count());
    }

    [Fact]
    public void Validate_NullOptions_Fails()
    {
        ValidateOptionsResult result = new ServicePolicyHostingOptionsValidator().Validate(null, null!);

        Assert.Equal("The ServicePolicy hosting options are null.", Assert.Single(result.Failures!));
    }

    [Fact]
    public void Validate_SpansAtTheirUpperBounds_Succeed()
    {
        ValidateOptionsResult result = Validate(o =>
        {
            o.Timer.PollInterval = TimeSpan.FromHours(1);
            o.Timer.MaxRetryDelay = TimeSpan.FromHours(1);
            o.Timer.RetryDelay = TimeSpan.FromHours(1);
        });

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public void Validate_RetryDelayEqualToMaxRetryDelay_Succeeds()
    {
        Assert.True(Validate(o => o.Timer.RetryDelay = o.Timer.MaxRetryDelay).Succeeded);
    }

    [Fact]
    public void Validate_MaxRetryDelayInvalid_ChecksRetryDelayAgainstOneHourAndReportsOnlyTheMaximum()
    {
        ValidateOptionsResult ok = Validate(o => o.Timer.MaxRetryDelay = TimeSpan.Zero);
        ValidateOptionsResult tooLong = Validate(o =>
        {
            o.Timer.MaxRetryDelay = TimeSpan.Zero;
            o.Timer.RetryDelay = TimeSpan.FromHours(2);
        });

        Assert.StartsWith("ServicePolicy:Hosting:Timer:MaxRetryDelay is 00:00:00", Assert.Single(ok.Failures!), StringComparison.Ordinal);
        Assert.Equal(2, tooLong.Failures!.Count());
        Assert.Contains(tooLong.Failures!, f => f.StartsWith("ServicePolicy:Hosting:Timer:RetryDelay is 02:00:00", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(10_000)]
    public void Validate_BatchSizeAtTheBounds_Succeeds(int batchSize)
    {
        Assert.True(Validate(o => o.Timer.BatchSize = batchSize).Succeeded);
    }
}
