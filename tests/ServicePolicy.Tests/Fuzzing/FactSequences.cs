// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using ServicePolicy.Commitments;
using ServicePolicy.Evaluation;
using ServicePolicy.Policies;
using static ServicePolicy.Tests.Commitments.UkTime;

namespace ServicePolicy.Tests.Fuzzing;

/// <summary>
/// Fact sequences for the timeline properties and fuzz tests: generated ones, which mix every kind of fact, instants
/// that now and then go backwards, nulls and owners that repeat, so most are invalid somewhere; and mutations of valid
/// timelines (<see cref="Tests.Evaluation.TimelineCase"/>), which are valid up to one swapped, repeated, dropped,
/// inserted or shifted fact.
/// </summary>
internal static class FactSequences
{
    private static readonly Instant Start = At("2025-03-03 08:00");

    /// <summary>Generated sequences of 0 to about 40 facts.</summary>
    public static Gen<TimelineFact?[]> Generated { get; } =
        from steps in Gen.ArrayOf(
            from kind in Gen.Choose(0, 22)
            from minutes in Gen.Frequency((9, Gen.Choose(0, 600)), (1, Gen.Choose(-120, -1)))
            from who in Gen.Choose(0, 2)
            select (kind, minutes, who))
        select Build(steps);

    /// <summary>Valid timelines with one mutation each.</summary>
    public static Gen<TimelineFact?[]> Mutated { get; } =
        from valid in Tests.Evaluation.TimelineCase.Arbitrary().Generator
        from mutation in Gen.Choose(0, 5)
        from position in Gen.Choose(0, 1000)
        from other in Gen.Choose(0, 1000)
        from inserted in Generated
        select Mutate(valid.Timeline.ToArray(), mutation, position, other, inserted);

    /// <summary>Either kind, half and half.</summary>
    public static Gen<TimelineFact?[]> Any { get; } = Gen.OneOf(Generated, Mutated);

    /// <summary>Describes a sequence for a failure message.</summary>
    public static string Describe(IEnumerable<TimelineFact?> facts) =>
        string.Join(", ", facts.Select(f => f is null ? "null" : $"{f.GetType().Name}@{f.At}"));

    private static TimelineFact?[] Build((int Kind, int Minutes, int Who)[] steps)
    {
        var facts = new List<TimelineFact?> { new InteractionOpened(Start, Owner.Person("p0")) };
        Instant at = Start;
        foreach ((int kind, int minutes, int who) in steps)
        {
            at += Duration.FromMinutes(minutes);
            facts.Add(Fact(kind, at, who));
        }
        return facts.ToArray();
    }

    private static TimelineFact? Fact(int kind, Instant at, int who) => kind switch
    {
        0 => new AgentReplied(at),
        1 => new AgentReplied(at, isPublic: false),
        2 => new CustomerReplied(at),
        3 => new FollowUpPromised(at),
        4 => new FollowUpPromised(at, at + Duration.FromHours(who + 1)),
        5 => new WaitingStarted(at),
        6 => new WaitingStarted(at, PauseReason.WaitingOnThirdParty),
        7 => new WaitingEnded(at),
        8 => new InteractionResolved(at),
        9 => new InteractionReopened(at),
        10 => new OwnerAssigned(at, Owner.Person("p" + who.ToString(CultureInfo.InvariantCulture))),
        11 => new AppointmentBooked(at, new NodaTime.Interval(at + Duration.FromHours(1), at + Duration.FromHours(3))),
        12 => new AppointmentArrived(at),
        13 => new FeedbackRequested(at),
        14 => new MilestoneReached(at, "send you a quote"),
        15 => new InteractionCancelled(at),
        16 => new InteractionOpened(at, Owner.Person("p" + who.ToString(CultureInfo.InvariantCulture))),
        17 => new ProfileChanged(at, who == 0 ? new InteractionProfile(priority: "urgent") : new InteractionProfile(attributes: [new("team", who == 1 ? "billing" : "support")])),
        18 => new WaitingStarted(at, PauseReason.Create(who == 0 ? "WaitingOnVendor" : "change freeze")),
        // The fuzz tests' interaction is F-1: the first follow-up's remedies, or one no policy owes.
        19 => new RemedyGiven(at, ServicePolicy.Escalation.ActionKey.Parse(who == 2 ? "F-1/Resolution/0/remedy/3" : $"F-1/FollowUp/0/remedy/{who}")),
        20 => new FeedbackReceived(at, who + 1, who == 0 ? null : "comment"),
        21 => new MilestoneStarted(at, "send you a quote"),
        _ => null,
    };

    private static TimelineFact?[] Mutate(TimelineFact[] valid, int mutation, int position, int other, TimelineFact?[] inserted)
    {
        var facts = new List<TimelineFact?>(valid);
        int i = position % facts.Count;
        int j = other % facts.Count;
        switch (mutation)
        {
            case 0:
                (facts[i], facts[j]) = (facts[j], facts[i]);
                break;
            case 1:
                facts.Insert(j, facts[i]);
                break;
            case 2 when facts.Count > 1:
                facts.RemoveAt(i);
                break;
            case 3:
                facts.Insert(i, inserted[other % inserted.Length]);
                break;
            case 4:
                facts[i] = Fact(other % 23, facts[i]?.At ?? Start, other % 3);
                break;
            default:
                facts.Insert(i, null);
                break;
        }
        return facts.ToArray();
    }
}
