// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Net;
using System.Text.Json;
using Xunit;

namespace ServicePolicy.Dashboard.Tests;

/// <summary>The page's data source, read over HTTP without a browser (these run everywhere).</summary>
public sealed class QueueApiTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Queue_pages_follow_each_other_by_deadline_through_the_cursor()
    {
        using var cancellation = new CancellationTokenSource(Timeout);
        await using SeededDesk desk = await SeededDesk.StartAsync(cancellation.Token);
        using var client = new HttpClient { BaseAddress = desk.Address, Timeout = Timeout };

        JsonElement first = await GetJsonAsync(client, "/api/queue?state=OnTrack&pageSize=2", cancellation.Token);
        Assert.Equal(["desk.3", "desk.6"], Ids(first));
        Assert.Equal("2026-12-07T09:00:31Z", first.GetProperty("now").GetString());
        Assert.Equal("2026-12-07T09:00:45Z", first.GetProperty("items")[0].GetProperty("deadline").GetString());
        Assert.Equal("team:billing", first.GetProperty("items")[0].GetProperty("owner").GetString());
        Assert.Equal("standard@1", first.GetProperty("items")[0].GetProperty("policy").GetString());
        string next = first.GetProperty("next").GetString()!;

        JsonElement second = await GetJsonAsync(client, "/api/queue?state=OnTrack&pageSize=2&after=" + Uri.EscapeDataString(next), cancellation.Token);
        Assert.Equal(["desk.7"], Ids(second));
        Assert.Equal(JsonValueKind.Null, second.GetProperty("next").ValueKind);
    }

    [Theory]
    [InlineData("/api/queue", "state '' is not one of")]
    [InlineData("/api/queue?state=2", "state '2' is not one of")]
    [InlineData("/api/queue?state=OnTrack&pageSize=0", "pageSize '0' is not a number from 1 to 1000")]
    [InlineData("/api/queue?state=OnTrack&after=nonsense", "after 'nonsense' is not a cursor")]
    public async Task Queue_request_that_is_not_valid_is_refused_naming_the_parameter(string path, string message)
    {
        using var cancellation = new CancellationTokenSource(Timeout);
        await using SeededDesk desk = await SeededDesk.StartAsync(cancellation.Token);
        using var client = new HttpClient { BaseAddress = desk.Address, Timeout = Timeout };

        using HttpResponseMessage response = await client.GetAsync(path, cancellation.Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(cancellation.Token), StringComparison.Ordinal);
    }

    private static async Task<JsonElement> GetJsonAsync(HttpClient client, string path, CancellationToken cancellationToken)
    {
        using HttpResponseMessage response = await client.GetAsync(path, cancellationToken);
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken)).RootElement.Clone();
    }

    private static string[] Ids(JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!).ToArray();
}
