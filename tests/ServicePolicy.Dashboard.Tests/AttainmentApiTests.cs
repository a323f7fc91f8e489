// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Net;
using System.Text.Json;
using Xunit;

namespace ServicePolicy.Dashboard.Tests;

/// <summary>
/// The attainment endpoint over the seeded desk (see <see cref="SeededDesk"/>), figures computed by hand. Each ticket
/// has a first-response and a resolution cycle (no next response: no customer wrote after an agent). At T+31, in the
/// last 7 days (desk.0 is older):
/// <list type="bullet">
/// <item>standard v1 (desk.1, 3, 4, 6, 7, 8): met on time 2 (desk.7's first response, desk.8's resolution), at risk 1
/// (desk.1's first response), on track 8 (desk.1's resolution, both of desk.3, 4 and 6, desk.7's resolution), cancelled
/// 1 (desk.8's first response: resolved before anyone replied).</item>
/// <item>urgent v1 (desk.2, 5): breached 1 (desk.2's first response), at risk 1 (desk.5's), on track 2 (resolutions).</item>
/// <item>billing (desk.2, 3, 7): met on time 1, breached 1, on track 4. support (desk.1, 4, 5, 6, 8): met on time 1, at
/// risk 2, on track 6, cancelled 1.</item>
/// </list>
/// Over 30 days desk.0 (standard, billing) adds two cycles met on time.
/// </summary>
public sealed class AttainmentApiTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Attainment_counts_the_cycles_of_tickets_opened_in_the_last_days_per_policy_and_team()
    {
        using var cancellation = new CancellationTokenSource(Timeout);
        await using SeededDesk desk = await SeededDesk.StartAsync(cancellation.Token);
        using var client = new HttpClient { BaseAddress = desk.Address, Timeout = Timeout };

        JsonElement week = await GetJsonAsync(client, "/api/attainment", cancellation.Token);
        JsonElement month = await GetJsonAsync(client, "/api/attainment?days=30", cancellation.Token);

        Assert.Equal(7, week.GetProperty("days").GetInt32());
        Assert.Equal("2026-11-30T09:00:31Z", week.GetProperty("since").GetString());
        Assert.Equal(8, week.GetProperty("interactions").GetInt32());
        Assert.Equal(0, week.GetProperty("failed").GetInt32());
        Assert.False(week.GetProperty("truncated").GetBoolean());
        Assert.Equal(
            ["standard v1: 6 tickets, 2 met on time, 0 met late, 0 breached, 1 at risk, 8 on track, 1 cancelled, share 1",
             "urgent v1: 2 tickets, 0 met on time, 0 met late, 1 breached, 1 at risk, 2 on track, 0 cancelled, share 0"],
            Rows(week, "policies"));
        Assert.Equal(
            ["billing: 3 tickets, 1 met on time, 0 met late, 1 breached, 0 at risk, 4 on track, 0 cancelled, share 0.5",
             "support: 5 tickets, 1 met on time, 0 met late, 0 breached, 2 at risk, 6 on track, 1 cancelled, share 1"],
            Rows(week, "teams"));
        Assert.Equal(9, month.GetProperty("interactions").GetInt32());
        Assert.Equal("standard v1: 7 tickets, 4 met on time, 0 met late, 0 breached, 1 at risk, 8 on track, 1 cancelled, share 1",
            Rows(month, "policies")[0]);
        Assert.Equal("billing: 4 tickets, 3 met on time, 0 met late, 1 breached, 0 at risk, 4 on track, 0 cancelled, share 0.75",
            Rows(month, "teams")[0]);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("91")]
    [InlineData("week")]
    public async Task Attainment_days_that_are_not_1_to_90_are_refused_naming_them(string days)
    {
        using var cancellation = new CancellationTokenSource(Timeout);
        await using SeededDesk desk = await SeededDesk.StartAsync(cancellation.Token);
        using var client = new HttpClient { BaseAddress = desk.Address, Timeout = Timeout };

        using HttpResponseMessage response = await client.GetAsync("/api/attainment?days=" + days, cancellation.Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"days '{days}' is not a number from 1 to 90.", await response.Content.ReadAsStringAsync(cancellation.Token), StringComparison.Ordinal);
    }

    private static async Task<JsonElement> GetJsonAsync(HttpClient client, string path, CancellationToken cancellationToken)
    {
        using HttpResponseMessage response = await client.GetAsync(path, cancellationToken);
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken)).RootElement.Clone();
    }

    private static string[] Rows(JsonElement report, string groups) =>
        report.GetProperty(groups).EnumerateArray().Select(g =>
            $"{g.GetProperty("key").GetString()}: {g.GetProperty("interactions")} tickets, {g.GetProperty("metOnTime")} met on time, " +
            $"{g.GetProperty("metLate")} met late, {g.GetProperty("breached")} breached, {g.GetProperty("openAtRisk")} at risk, " +
            $"{g.GetProperty("openOnTrack")} on track, {g.GetProperty("cancelled")} cancelled, share {g.GetProperty("onTimeShare")}").ToArray();
}
