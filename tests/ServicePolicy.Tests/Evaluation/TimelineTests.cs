// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using NodaTime;
using ServicePolicy.Commitments;
using ServicePolicy.Evaluation;
using Xunit;
using static ServicePolicy.Tests.Commitments.UkTime;

namespace ServicePolicy.Tests.Evaluation;

public class TimelineTests
{
    private static readonly Owner Alice = Owner.Person("alice");
    private static readonly InteractionOpened Opened = new(At("2025-03-07 09:00"), Alice);

    [Fact]
    public void Create_ValidFacts_KeepsThemInOrder()
    {
        var reply = new AgentReplied(At("2025-03-07 10:00"));
        var note = new AgentReplied(At("2025-03-07 10:00"), isPublic: false);

        Timeline timeline = Timeline.Create("T-1", [Opened, reply, note]);

        Assert.Equal("T-1", timeline.InteractionId);
        Assert.Same(Opened, timeline.Opened);
        Assert.Equal([Opened, reply, note], timeline);
        Assert.Equal(3, timeline.Count);
        Assert.Same(note, timeline[2]);
        Assert.Equal(At("2025-03-07 10:00"), timeline.LastInstant);
        Assert.Equal("T-1 (3 facts)", timeline.ToString());
    }

    [Fact]
    public void Append_ReturnsLongerTimeline_AndLeavesOriginalUnchanged()
    {
        Timeline original = Timeline.Create("T-1", [Opened]);
        Timeline longer = original.Append(new CustomerReplied(At("2025-03-07 09:30")));
        Assert.Single(original);
        Assert.Equal(2, longer.Count);
    }

    [Fact]
    public void AsOf_KeepsFactsAtOrBeforeTheInstant()
    {
        Timeline timeline = Timeline.Create("T-1",
            [Opened, new AgentReplied(At("2025-03-07 10:00")), new CustomerReplied(At("2025-03-07 11:00"))]);
        Assert.Equal(2, timeline.AsOf(At("2025-03-07 10:00")).Count);
        Assert.Single(timeline.AsOf(At("2025-03-07 09:59")));
        Assert.Same(timeline, timeline.AsOf(At("2025-03-07 12:00")));
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => timeline.AsOf(At("2025-03-07 08:59")));
        Assert.Equal("instant", e.ParamName);
    }

    public static TheoryData<string, TimelineFact[], int, string> BadTimelines => new()
    {
        { "not opened first", [new AgentReplied(At("2025-03-07 09:00"))], 0, "must start with InteractionOpened" },
        { "opened twice", [Opened, new InteractionOpened(At("2025-03-07 10:00"), Alice)], 1, "already opened by fact 0" },
        { "out of order", [Opened, new AgentReplied(At("2025-03-07 11:00")), new CustomerReplied(At("2025-03-07 10:00"))], 2, "earlier than fact 1 (AgentReplied at 2025-03-07T11:00:00Z)" },
        { "before opening", [Opened, new InteractionResolved(At("2025-03-07 08:00"))], 1, "earlier than fact 0" },
        { "null fact", [Opened, null!], 1, "cannot contain null" },
        { "resume without pause", [Opened, new WaitingEnded(At("2025-03-07 10:00"))], 1, "no pause to resume" },
        { "pause twice", [Opened, new WaitingStarted(At("2025-03-07 10:00")), new WaitingStarted(At("2025-03-07 11:00"))], 2, "already waiting" },
        { "pause while resolved", [Opened, new InteractionResolved(At("2025-03-07 10:00")), new WaitingStarted(At("2025-03-07 11:00"))], 2, "is resolved" },
        { "resume after resolution", [Opened, new WaitingStarted(At("2025-03-07 10:00")), new InteractionResolved(At("2025-03-07 11:00")), new WaitingEnded(At("2025-03-07 12:00"))], 3, "no pause to resume" },
        { "resolve twice", [Opened, new InteractionResolved(At("2025-03-07 10:00")), new InteractionResolved(At("2025-03-07 11:00"))], 2, "already resolved" },
        { "reopen when open", [Opened, new InteractionReopened(At("2025-03-07 10:00"))], 1, "not resolved" },
        { "assign current owner", [Opened, new OwnerAssigned(At("2025-03-07 10:00"), Owner.Person("alice"))], 1, "person:alice already owns" },
        { "arrive without booking", [Opened, new AppointmentArrived(At("2025-03-07 10:00"))], 1, "no appointment is pending" },
        { "arrive twice", [Opened, new AppointmentBooked(At("2025-03-07 10:00"), new Interval(At("2025-03-07 11:00"), At("2025-03-07 12:00"))), new AppointmentArrived(At("2025-03-07 11:10")), new AppointmentArrived(At("2025-03-07 11:20"))], 3, "no appointment is pending" },
        { "arrive after resolution", [Opened, new AppointmentBooked(At("2025-03-07 10:00"), new Interval(At("2025-03-10 11:00"), At("2025-03-10 12:00"))), new InteractionResolved(At("2025-03-07 11:00")), new AppointmentArrived(At("2025-03-10 11:10"))], 3, "no appointment is pending" },
        { "fact after cancellation", [Opened, new InteractionCancelled(At("2025-03-07 10:00")), new CustomerReplied(At("2025-03-07 11:00"))], 2, "already cancelled" },
    };

    [Theory]
    [MemberData(nameof(BadTimelines))]
    public void Create_BadTimeline_ThrowsNamingTheFactAndItsPosition(string situation, TimelineFact[] facts, int position, string problem)
    {
        var e = Assert.Throws<InvalidTimelineException>(() => Timeline.Create("T-1", facts));

        Assert.Equal(position, e.Position);
        Assert.Same(facts[position], e.Fact);
        Assert.Equal("facts", e.ParamName);
        Assert.StartsWith($"Fact {position} (", e.Message);
        Assert.True(e.Message.Contains(problem, StringComparison.Ordinal), $"{situation}: {e.Message}");
        if (facts[position] is { } fact)
        {
            Assert.Contains(fact.GetType().Name, e.Message);
        }
    }

    [Fact]
    public void Append_Contradiction_ThrowsWithPositionInCombinedTimeline()
    {
        Timeline timeline = Timeline.Create("T-1", [Opened, new AgentReplied(At("2025-03-07 10:00"))]);
        var e = Assert.Throws<InvalidTimelineException>(() => timeline.Append(new WaitingEnded(At("2025-03-07 11:00"))));
        Assert.Equal(2, e.Position);
        Assert.Equal("newFacts", e.ParamName);
    }

    [Fact]
    public void Append_OneByOne_AllocatesInProportionToTheFacts()
    {
        // Issue 15: Append used to copy and re-validate the whole timeline, so 5,000 appends copied about 12.5 million
        // references (100 MB). Appending at the end now claims slots in a shared array that doubles when full. Timing is
        // in benchmarks/ (TimelineAppendBenchmarks); allocation is deterministic, so it is pinned here.
        var replies = Enumerable.Range(1, 5000).Select(i => new AgentReplied(Opened.At + Duration.FromSeconds(i))).ToArray();
        Timeline timeline = Timeline.Create("T-1", [Opened]);

        long before = GC.GetAllocatedBytesForCurrentThread();
        foreach (AgentReplied reply in replies)
        {
            timeline = timeline.Append(reply);
        }
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(5001, timeline.Count);
        Assert.True(allocated < 5000 * 200, $"Appending 5,000 facts one by one allocated {allocated:N0} bytes.");
    }

    [Fact]
    public void Append_AfterABranch_DoesNotChangeEitherTimeline()
    {
        Timeline start = Timeline.Create("T-1", [Opened]);
        Timeline first = start.Append(new AgentReplied(At("2025-03-07 10:00")));
        // The array slot after Opened is taken by the first branch: this one copies.
        Timeline second = start.Append(new CustomerReplied(At("2025-03-07 10:00")));
        Timeline firstLonger = first.Append(new InteractionResolved(At("2025-03-07 11:00")));
        Timeline cut = firstLonger.AsOf(At("2025-03-07 10:30"));
        Timeline cutLonger = cut.Append(new WaitingStarted(At("2025-03-07 10:45")));

        Assert.Equal([Opened], start);
        Assert.IsType<AgentReplied>(first[1]);
        Assert.IsType<CustomerReplied>(second[1]);
        Assert.Equal(2, first.Count);
        Assert.IsType<InteractionResolved>(firstLonger[2]);
        Assert.IsType<WaitingStarted>(cutLonger[2]);
        Assert.Throws<IndexOutOfRangeException>(() => first[2]);
        // The state the cut ends in is the state at the cut: waiting is allowed there, though not after the resolution.
        Assert.Throws<InvalidTimelineException>(() => firstLonger.Append(new WaitingStarted(At("2025-03-07 11:30"))));
    }

    [Fact]
    public void Append_FromManyThreadsToOneTimeline_EachResultHoldsItsOwnFact()
    {
        // One append claims the free slot after the shared timeline; the others copy. No result sees another's fact.
        Timeline start = Timeline.Create("T-1", [Opened, new AgentReplied(At("2025-03-07 10:00"))]);
        var replies = Enumerable.Range(0, 2000).Select(i => new CustomerReplied(At("2025-03-07 11:00") + Duration.FromSeconds(i))).ToArray();
        var results = new Timeline[replies.Length];

        Parallel.For(0, replies.Length, i => results[i] = start.Append(replies[i]).Append(new AgentReplied(replies[i].At)));

        Assert.Equal(2, start.Count);
        for (int i = 0; i < replies.Length; i++)
        {
            Assert.Equal(4, results[i].Count);
            Assert.Same(replies[i], results[i][2]);
            Assert.Equal(replies[i].At, results[i][3].At);
        }
    }

    [Fact]
    public void Create_BadArguments_Throw()
    {
        Assert.Equal("interactionId", Assert.Throws<ArgumentNullException>(() => Timeline.Create(null!, [Opened])).ParamName);
        Assert.Equal("interactionId", Assert.Throws<ArgumentException>(() => Timeline.Create(" ", [Opened])).ParamName);
        Assert.Equal("facts", Assert.Throws<ArgumentNullException>(() => Timeline.Create("T-1", null!)).ParamName);
        Assert.Equal("facts", Assert.Throws<ArgumentException>(() => Timeline.Create("T-1", [])).ParamName);
    }

    [Fact]
    public void FactConstructors_BadValues_Throw()
    {
        Instant at = At("2025-03-07 10:00");
        Assert.Equal("by", Assert.Throws<ArgumentOutOfRangeException>(() => new FollowUpPromised(at, at)).ParamName);
        Assert.Equal("rule", Assert.Throws<ArgumentException>(() => new FollowUpPromised(at, DeadlineRule.AppointmentWindow(Duration.FromHours(1)))).ParamName);
        Assert.Equal("rule", Assert.Throws<ArgumentNullException>(() => new FollowUpPromised(at, (DeadlineRule)null!)).ParamName);
        Assert.Equal("window", Assert.Throws<ArgumentException>(() => new AppointmentBooked(at, new Interval(at, at))).ParamName);
        Assert.Equal("window", Assert.Throws<ArgumentException>(() => new AppointmentBooked(at, new Interval(at - Duration.FromHours(2), at))).ParamName);
        Assert.Equal("window", Assert.Throws<ArgumentException>(() => new AppointmentBooked(at, new Interval(at, null))).ParamName);
        Assert.Equal("owner", Assert.Throws<ArgumentNullException>(() => new OwnerAssigned(at, null!)).ParamName);
        Assert.Equal("owner", Assert.Throws<ArgumentNullException>(() => new InteractionOpened(at, null!)).ParamName);
        Assert.Equal("name", Assert.Throws<ArgumentException>(() => new MilestoneReached(at, "")).ParamName);
        Assert.Equal("name", Assert.Throws<ArgumentException>(() => new WaitingStarted(at, ServicePolicy.Policies.PauseReason.Create(" "))).ParamName);
    }

    [Fact]
    public void Fact_ToString_NamesTypeAndInstant()
    {
        Assert.Equal("CustomerReplied at 2025-03-07T10:00:00Z", new CustomerReplied(At("2025-03-07 10:00")).ToString());
    }
}
