// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using FsCheck;
using FsCheck.Fluent;
using ServicePolicy.Evaluation;

namespace ServicePolicy.Tests.Evaluation;

/// <summary>
/// <see cref="TimelineCase"/>s without their agreed deadlines and waivers, for properties that evaluate them under
/// policies other than <see cref="TimelineCase.Policy"/> (other pause rules, reopen modes, a policy set): an amendment
/// names a cycle that policy ran, which another may not run (evaluation then refuses the fact), so it would test the
/// generator rather than the property. The amendments themselves are covered under their own policy by
/// <c>EvaluatorProperties</c> and <c>AmendsProperties</c>.
/// </summary>
public static class TimelineCasesWithoutAmendments
{
    /// <summary>The arbitrary, for <c>[Property(Arbitrary = [typeof(TimelineCasesWithoutAmendments)])]</c>.</summary>
    public static Arbitrary<TimelineCase> Arbitrary() => Generator.ToArbitrary();

    /// <summary>The generator.</summary>
    public static Gen<TimelineCase> Generator { get; } =
        TimelineCase.Arbitrary().Generator.Select(c => c with
        {
            Timeline = Timeline.Create(c.Timeline.InteractionId, c.Timeline.Where(f => f is not (DeadlineAgreed or TargetWaived)).ToArray()),
        });
}
