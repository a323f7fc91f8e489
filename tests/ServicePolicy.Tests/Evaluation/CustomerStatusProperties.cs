// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using ServicePolicy.Evaluation;
using ServicePolicy.Tests.Fuzzing;
using Xunit;

namespace ServicePolicy.Tests.Evaluation;

/// <summary>
/// Status text for random timelines (<see cref="FactSequences"/>: generated and mutated, every kind of fact) under the
/// policy with every kind of commitment, evaluated at any instant from the opening to two days after the last fact, in
/// English, French, German and two cultures without a translation, in the office's zone or a customer's: it never
/// throws, fills every placeholder, and never names an instant in the past as a promise.
/// </summary>
public class CustomerStatusProperties
{
    private static readonly string[] Cultures = ["en-GB", "fr-FR", "de-DE", "es-ES", ""];
    private static readonly string?[] Zones = [null, "Europe/London", "America/New_York", "Asia/Tokyo"];

    /// <summary>A fact sequence (from <see cref="FactSequences"/>, or a valid timeline of <see cref="TimelineCase"/> so
    /// that most cases evaluate), where to look (per ten thousand of the span from the opening to two days after the last
    /// fact), and the culture and zone.</summary>
    public sealed record Input(TimelineFact?[] Facts, int Where, int Culture, int Zone)
    {
        public override string ToString() => $"{FactSequences.Describe(Facts)} at {Where}/10000, culture {Culture}, zone {Zone}";
    }

    public static class Inputs
    {
        public static Arbitrary<Input> Input() =>
            (from facts in Gen.OneOf(FactSequences.Any, TimelineCase.Arbitrary().Generator.Select(c => c.Timeline.ToArray<TimelineFact?>()))
             from position in Gen.Choose(0, 10_000)
             from culture in Gen.Choose(0, Cultures.Length - 1)
             from zone in Gen.Choose(0, Zones.Length - 1)
             select new Input(facts, position, culture, zone)).ToArbitrary();
    }

    [Property(Arbitrary = [typeof(Inputs)], MaxTest = 1000, Replay = "(2014,2015)")]
    public void Describe_RandomTimeline_NeverThrowsNorPromisesThePast(Input input)
    {
        TimelineFact?[] facts = input.Facts;
        Timeline timeline;
        try
        {
            timeline = Timeline.Create("F-1", facts!);
        }
        catch (InvalidTimelineException)
        {
            return; // not a timeline; the timeline fuzz tests cover these
        }
        Instant opened = timeline.Opened.At;
        Instant now = opened + ((timeline.LastInstant - opened + Duration.FromDays(2)) * input.Where / 10_000);
        EvaluationResult result;
        try
        {
            result = Evaluator.Evaluate(timeline.AsOf(now), TimelineCase.Policy, now);
        }
        catch (InvalidTimelineException e) when (e.Fact is DeadlineAgreed or TargetWaived)
        {
            return; // a generated or mutated amendment whose cycle the policy does not run: nothing to describe
        }
        var culture = new CultureInfo(Cultures[input.Culture]);
        DateTimeZone? zone = Zones[input.Zone] is { } id ? DateTimeZoneProviders.Tzdb[id] : null;

        CustomerStatus status = CustomerStatus.Describe(timeline, result, culture, zone);

        string context = $"{FactSequences.Describe(facts)} at {now} in '{culture.Name}' {zone?.Id ?? "office"}";
        Assert.NotNull(status.Text);
        foreach (CustomerStatusLine line in status.Lines)
        {
            Assert.False(string.IsNullOrWhiteSpace(line.Text), context);
            Assert.True(line.Text.IndexOfAny(['{', '}']) < 0, $"Unfilled placeholder in '{line.Text}' for {context}");
            bool running = line.Commitment.State is CommitmentState.OnTrack or CommitmentState.AtRisk;
            Assert.True(running || line.PromisedBy is null, $"'{line.Text}' promises a time in state {line.Commitment.State} for {context}");
            if (line.PromisedBy is { } promised)
            {
                Assert.True(promised >= now, $"'{line.Text}' promises {promised}, before {now}, for {context}");
                Assert.Contains(TimeOfDay(promised.InZone(status.Zone).TimeOfDay, culture), line.Text, StringComparison.Ordinal);
            }
            if (running && line.Commitment.Kind == ServicePolicy.Commitments.CommitmentKind.Appointment && culture.Name is "en-GB" or "es-ES" or "")
            {
                // The window's opening is named only while it is ahead ("between 10:00 and 14:00"), never once it has passed.
                NodaTime.Interval window = timeline.OfType<AppointmentBooked>().Last(b => b.At == line.Commitment.StartedAt).Window;
                Assert.True(line.Text.Contains("between", StringComparison.Ordinal) == (window.Start > now), $"'{line.Text}' for a window opening at {window.Start}, {context}");
            }
        }
    }

    /// <summary>The time of day as the status text writes it, to the minute (rounded down).</summary>
    private static string TimeOfDay(LocalTime time, CultureInfo culture) => culture.TwoLetterISOLanguageName != "fr" ? $"{time.Hour:00}:{time.Minute:00}"
        : time.Minute == 0 ? $"{time.Hour}\u00a0h"
        : $"{time.Hour}\u00a0h\u00a0{time.Minute:00}";
}
