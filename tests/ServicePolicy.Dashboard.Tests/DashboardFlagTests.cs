// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using ServicePolicy.HelpdeskService;
using Xunit;

namespace ServicePolicy.Dashboard.Tests;

public sealed class DashboardFlagTests
{
    [Fact]
    public void Dashboard_flag_gives_the_address_to_listen_on_and_no_flag_none()
    {
        Assert.Equal(new Uri("http://127.0.0.1:5080/"), CommandLine.Parse(["--dashboard", "http://127.0.0.1:5080"], out _)!.DashboardUrl);
        Assert.Null(CommandLine.Parse([], out _)!.DashboardUrl);
    }

    [Theory]
    [InlineData("127.0.0.1:5080")]
    [InlineData("https://127.0.0.1:5080")]
    [InlineData("http://127.0.0.1:5080/dashboard")]
    [InlineData("not a url")]
    public void Dashboard_flag_that_is_not_an_http_address_without_a_path_is_refused_naming_it(string value)
    {
        Assert.Null(CommandLine.Parse(["--dashboard", value], out string? error));
        Assert.Equal($"--dashboard '{value}' is not valid: an http address with no path is expected, e.g. http://127.0.0.1:5080.", error);
    }
}
