// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using NodaTime;
using ServicePolicy.Hosting.Storage;
using Xunit;

namespace ServicePolicy.Hosting.Tests.Storage;

/// <summary>The storage records' own checks and descriptions, which every store relies on.</summary>
public class StorageRecordsTests
{
    private static readonly Instant T0 = Instant.FromUtc(2025, 3, 3, 9, 0);

    private static InteractionSummary Summary(QueueState state = QueueState.OnTrack, Instant? deadline = null) =>
        new(state, deadline, "person:ann", "standard@3", T0);

    private static OutboxEntry Entry(string key = "K") => new(key, "T-1", OutboxKind.Remedy, T0, "{}");

    [Fact]
    public void InteractionRecord_VersionBelow1_IsRefused_AndVersion1Accepted()
    {
        ArgumentOutOfRangeException e = Assert.Throws<ArgumentOutOfRangeException>("version", () => new InteractionRecord("T-1", 0, "{}", Summary(), null));

        Assert.StartsWith("A stored version starts at 1; 0 is not one.", e.Message, StringComparison.Ordinal);
        Assert.Equal(1, new InteractionRecord("T-1", 1, "{}", Summary(), null).Version);
    }

    [Fact]
    public void InteractionRecord_ToString_NamesIdVersionAndSummary()
    {
        var record = new InteractionRecord("T-1", 4, "{}", Summary(QueueState.AtRisk, T0), T0);

        Assert.Equal("T-1 v4: AtRisk (deadline 2025-03-03T09:00:00Z, owner person:ann)", record.ToString());
        Assert.Equal("OnTrack (deadline none, owner person:ann)", Summary().ToString());
    }

    [Theory]
    [InlineData(QueueState.Failed, null)]
    [InlineData(QueueState.OnTrack, "boom")]
    [InlineData(QueueState.Closed, "boom")]
    public void InteractionSummary_FailureNotMatchingTheState_IsRefused(QueueState state, string? failure)
    {
        ArgumentException e = Assert.Throws<ArgumentException>("failure", () => new InteractionSummary(state, null, "person:ann", null, T0, failure));

        Assert.StartsWith($"A failure message is required when the state is Failed and not allowed otherwise (state {state}, failure '{failure}').", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(6)]
    public void InteractionSummary_UndefinedState_IsRefused(int state)
    {
        Assert.Throws<ArgumentOutOfRangeException>("state", () => new InteractionSummary((QueueState)state, null, "person:ann", null, T0));
    }

    [Fact]
    public void InteractionSummary_EveryDefinedState_IsAccepted()
    {
        Assert.Equal(QueueState.OnTrack, Summary(QueueState.OnTrack).State);
        Assert.Equal(QueueState.Closed, Summary(QueueState.Closed).State);
        Assert.Equal("e", new InteractionSummary(QueueState.Failed, null, "person:ann", null, T0, "e").Failure);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(3)]   // 2 is DelayNotice
    public void OutboxEntry_UndefinedKind_IsRefused(int kind)
    {
        Assert.Throws<ArgumentOutOfRangeException>("kind", () => new OutboxEntry("K", "T-1", (OutboxKind)kind, T0, "{}"));
    }

    [Fact]
    public void OutboxEntryAndRecord_ToString_NameKindKeyStateAndLeases()
    {
        var record = new OutboxRecord(Entry(), OutboxState.DeadLettered, 3, "node/1", T0, "down", T0, null);

        Assert.Equal("Remedy K", Entry().ToString());
        Assert.Equal("Escalation E", new OutboxEntry("E", "T-1", OutboxKind.Escalation, T0, "{}").ToString());
        Assert.Equal("Remedy K DeadLettered (leases 3)", record.ToString());
    }

    [Theory]
    [InlineData(-1, 0)]
    [InlineData(3, 0)]
    [InlineData(0, -1)]
    public void OutboxRecord_UndefinedStateOrNegativeLeases_IsRefused(int state, int leases)
    {
        ArgumentOutOfRangeException e = Assert.Throws<ArgumentOutOfRangeException>(() => new OutboxRecord(Entry(), (OutboxState)state, leases, null, null, null, T0, null));

        Assert.Equal(leases < 0 ? "leases" : "state", e.ParamName);
    }

    [Fact]
    public void InteractionChangeAndSummary_NullLists_AreRefusedByName()
    {
        Assert.Throws<ArgumentNullException>("outbox", () => new InteractionChange("{}", Summary(), null, null!));
        Assert.Throws<ArgumentNullException>("owner", () => new InteractionSummary(QueueState.OnTrack, null, null!, null, T0));
    }

    [Fact]
    public void InteractionChange_NullOutboxEntry_IsRefused()
    {
        ArgumentException e = Assert.Throws<ArgumentException>("outbox", () => new InteractionChange("{}", Summary(), null, [Entry(), null!]));

        Assert.StartsWith("An outbox entry is null.", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(QueueQuery.MaxPageSize + 1)]
    public void QueueQuery_PageSizeOutOfRange_IsRefused(int pageSize)
    {
        Assert.Throws<ArgumentOutOfRangeException>("pageSize", () => QueueQuery.InState(QueueState.OnTrack, pageSize));
        Assert.Throws<ArgumentOutOfRangeException>("pageSize", () => QueueQuery.DueBefore(T0, pageSize));
    }

    [Fact]
    public void QueueQuery_PageSizeAtTheBounds_IsAccepted()
    {
        Assert.Equal(1, QueueQuery.InState(QueueState.Failed, 1).PageSize);
        Assert.Equal(QueueQuery.MaxPageSize, QueueQuery.DueBefore(T0, QueueQuery.MaxPageSize).PageSize);
        Assert.Throws<ArgumentOutOfRangeException>("state", () => QueueQuery.InState((QueueState)6));
    }

    [Fact]
    public void QueueQuery_DueBefore_MatchesOpenStatesWithADeadlineStrictlyBefore()
    {
        QueueQuery query = QueueQuery.DueBefore(T0 + Duration.FromHours(1));

        foreach (QueueState open in new[] { QueueState.OnTrack, QueueState.AtRisk, QueueState.Breached, QueueState.Waiting })
        {
            Assert.True(query.Matches(Summary(open, T0)), open.ToString());
        }
        Assert.False(query.Matches(Summary(QueueState.Closed, T0)));
        Assert.False(query.Matches(new InteractionSummary(QueueState.Failed, T0, "person:ann", null, T0, "e")));
        Assert.False(query.Matches(Summary(QueueState.OnTrack, T0 + Duration.FromHours(1))));
        Assert.False(query.Matches(Summary(QueueState.OnTrack, null)));
        Assert.Throws<ArgumentNullException>("summary", () => query.Matches(null!));
    }

    [Fact]
    public void QueueQuery_ContinueAfter_KeepsTheQueryAndSetsTheCursor()
    {
        QueueQuery query = QueueQuery.DueBefore(T0, 7);
        var cursor = new QueueCursor(T0, "T-1");

        QueueQuery next = query.ContinueAfter(cursor);

        Assert.Equal((null, (Instant?)T0, 7), (next.State, next.DeadlineBefore, next.PageSize));
        Assert.Same(cursor, next.After);
        Assert.Null(query.After);
        Assert.Throws<ArgumentNullException>("cursor", () => query.ContinueAfter(null!));
    }

    [Fact]
    public void StoreSchemaException_KeepsBothVersions()
    {
        var inner = new InvalidOperationException("x");
        var e = new StoreSchemaException(4, 3, "newer", inner);

        Assert.Equal((4, 3, "newer"), (e.DatabaseVersion, e.SupportedVersion, e.Message));
        Assert.Same(inner, e.InnerException);
    }
}
