// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Xunit;

namespace ServicePolicy.Dashboard.Tests;

/// <summary>The <c>--dashboard</c> flag in the sample itself: a child process, its own SQLite file in a temporary
/// directory, a free loopback port.</summary>
public sealed partial class SampleProcessTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Sample_with_the_dashboard_flag_serves_the_page_and_the_queue_then_stops_cleanly()
    {
        string directory = Directory.CreateTempSubdirectory("servicepolicy-dashboard-sample-").FullName;
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = directory,
        };
        // It stops by itself 12 s after starting (time enough for two requests on a loaded machine), so that a clean stop,
        // the dashboard's included, is checked too.
        foreach (string argument in (string[])[Path.Combine(AppContext.BaseDirectory, "HelpdeskService.dll"),
            "--dashboard", "http://127.0.0.1:0", "--duration", "12", "--node", "dashboard-test", "--database", Path.Combine(directory, "helpdesk.db")])
        {
            start.ArgumentList.Add(argument);
        }
        var address = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var errors = new StringBuilder();
        using Process process = Process.Start(start)!;
        try
        {
            process.OutputDataReceived += (_, e) =>
            {
                if (e.Data is { } line && DashboardLine().Match(line) is { Success: true } m)
                {
                    address.TrySetResult(new Uri(m.Groups["url"].Value));
                }
            };
            process.ErrorDataReceived += (_, e) => { lock (errors) { errors.AppendLine(e.Data); } };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            using var cancellation = new CancellationTokenSource(Timeout);
            Uri url = await address.Task.WaitAsync(cancellation.Token);
            using var client = new HttpClient { BaseAddress = url, Timeout = Timeout };

            string page = await client.GetStringAsync("/", cancellation.Token);
            using HttpResponseMessage queue = await client.GetAsync("/api/queue?state=OnTrack", cancellation.Token);

            Assert.Contains("<title>Helpdesk dashboard</title>", page, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.OK, queue.StatusCode);
            Assert.Equal("application/json", queue.Content.Headers.ContentType?.MediaType);
            await process.WaitForExitAsync(cancellation.Token);
            Assert.True(process.ExitCode == 0, $"exit code {process.ExitCode}; standard error:\n{errors}");
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
            Directory.Delete(directory, recursive: true);
        }
    }

    [GeneratedRegex(@"\] dashboard\s+(?<url>http://127\.0\.0\.1:\d+)")]
    private static partial Regex DashboardLine();
}
