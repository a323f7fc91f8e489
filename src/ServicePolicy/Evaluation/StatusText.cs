// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Resources;
using NodaTime;
using NodaTime.Text;
using ServicePolicy.Commitments;
using ServicePolicy.Policies;

namespace ServicePolicy.Evaluation;

/// <summary>
/// Renders <see cref="CustomerStatus"/> from <c>StatusText.resx</c> (English) and its satellite files. A commitment's
/// sentence is the key <c>Status.&lt;Kind&gt;.&lt;Say&gt;</c>, or <c>Status.&lt;Say&gt;</c> when the kind has none,
/// where <c>Say</c> is what the state tells the customer (<see cref="SayFor"/>): a new state is one case there and
/// one resource key.
/// </summary>
internal static class StatusText
{
    private static readonly ResourceManager Resources = new(typeof(StatusText).FullName!, typeof(StatusText).Assembly);

    /// <summary>The kinds in customer reading order, as the policy description reads them.</summary>
    private static readonly CommitmentKind[] ReadingOrder =
    [
        CommitmentKind.FirstResponse, CommitmentKind.NextResponse, CommitmentKind.FollowUp, CommitmentKind.PeriodicUpdate,
        CommitmentKind.Appointment, CommitmentKind.Resolution, CommitmentKind.Custom, CommitmentKind.FeedbackRequest,
    ];

    internal static ResourceManager ResourceManager => Resources;

    /// <summary>What a state tells the customer: the suffix of its resource key, or null to say nothing. Running
    /// cycles promise their deadline (at risk is the staff's concern, not a different promise); met late is the met
    /// sentence and an apology, met early (before an appointment window opened) the same with its own apology; a cycle
    /// cancelled or waived says nothing, as the target no longer applies.</summary>
    private static string? SayFor(CommitmentStatus status) => status.State switch
    {
        CommitmentState.OnTrack or CommitmentState.AtRisk => "Promise",
        CommitmentState.Paused => "Paused",
        CommitmentState.Breached => status.EndedAt is null ? "Breached" : null,
        CommitmentState.Met => "Met",
        CommitmentState.MetLate => "MetLate",
        CommitmentState.MetEarly => "MetEarly",
        CommitmentState.Cancelled or CommitmentState.Waived => null,
        _ => null,
    };

    internal static CustomerStatus Describe(Timeline timeline, EvaluationResult result, CultureInfo culture, DateTimeZone? customerZone)
    {
        DateTimeZone zone = customerZone ?? result.Policy.Calendar.Zone;
        var writer = new Writer(culture, zone, customerZone is not null, result.Now);
        var lines = new List<CustomerStatusLine>();
        foreach (CommitmentStatus status in Latest(result.Commitments))
        {
            if (SayFor(status) is not { } say)
            {
                continue;
            }
            (string text, Instant? promisedBy) = say switch
            {
                "Promise" => Promise(writer, timeline, status),
                "Paused" => (writer.Get("Status.Paused." + (PauseReasonAt(timeline, result, status.Kind)?.ToString() ?? "Other")), null),
                "Breached" => (Join(writer.Sentence(status, "Breached", writer.DateTime(status.Deadline)), Remedies(writer, result, status)), null),
                "MetLate" => (Join(writer.Sentence(status, "Met", writer.DateTime(status.MetAt!.Value)), writer.Get("Status.MetLate"), Remedies(writer, result, status)), null),
                "MetEarly" => (Join(writer.Sentence(status, "Met", writer.DateTime(status.MetAt!.Value)), writer.Get("Status.MetEarly"), Remedies(writer, result, status)), null),
                "Met" => (writer.Sentence(status, "Met", writer.DateTime(status.MetAt!.Value)), null),
                _ => (writer.Sentence(status, say, writer.DateTime(status.Deadline)), null),
            };
            lines.Add(new CustomerStatusLine(status, text, promisedBy));
        }
        return new CustomerStatus(result.InteractionId, result.Now, culture, CustomerText.LanguageOf(culture), zone, customerZone is not null, lines.AsReadOnly());
    }

    private static (string Text, Instant? PromisedBy) Promise(Writer writer, Timeline timeline, CommitmentStatus status)
    {
        if (status.Kind == CommitmentKind.Appointment)
        {
            if (WindowOf(timeline, status) is not { } window)
            {
                // Not reached from an evaluation of the same timeline (every appointment cycle starts at a booking).
                return (writer.Format("Status.Promise", writer.DateTime(status.Deadline)), status.Deadline);
            }
            if (window.Start <= writer.Now)
            {
                return (writer.Format("Status.Appointment.Promise.Opened", writer.DateTime(window.End)), window.End);
            }
            LocalDateTime start = window.Start.InZone(writer.Zone).LocalDateTime, end = window.End.InZone(writer.Zone).LocalDateTime;
            // A window that ends at midnight or earlier on the day it starts reads as one day.
            bool oneDay = start.Date == end.Date || (end.Date == start.Date.PlusDays(1) && end.TimeOfDay == LocalTime.Midnight);
            return oneDay
                ? (writer.Format("Status.Appointment.Promise", writer.Date(start.Date), writer.Time(start.TimeOfDay), writer.Time(end.TimeOfDay), writer.ZoneName), window.End)
                : (writer.Format("Status.Appointment.Promise.Span", writer.DateTime(window.Start), writer.DateTime(window.End)), window.End);
        }
        return (writer.Sentence(status, "Promise", writer.DateTime(status.Deadline)), status.Deadline);
    }

    /// <summary>" To make up for it, we'll credit £50 to your account.": the remedies due for the cycle other than the
    /// apology (the sentence says sorry) and the host's own messages; empty when there are none.</summary>
    private static string Remedies(Writer writer, EvaluationResult result, CommitmentStatus status)
    {
        var remedies = new List<BreachRemedy>();
        foreach (RemedyDue due in result.RemediesDue)
        {
            if (due.Commitment is { } c && c.Kind == status.Kind && c.Cycle == status.Cycle && string.Equals(c.Name, status.Name, StringComparison.Ordinal))
            {
                remedies.Add(due.Remedy);
            }
        }
        return PolicyDescription.DescribeRemedies(remedies, writer.Culture, includeApology: false) is { } text
            ? writer.Format("Status.Remedy", text)
            : string.Empty;
    }

    private static string Join(params string[] sentences)
    {
        var parts = new List<string>(sentences.Length);
        foreach (string sentence in sentences)
        {
            if (sentence.Length > 0)
            {
                parts.Add(sentence);
            }
        }
        return string.Join(" ", parts);
    }

    /// <summary>The latest cycle of each commitment (kind, and name for custom ones), in reading order.</summary>
    private static List<CommitmentStatus> Latest(IReadOnlyList<CommitmentStatus> commitments)
    {
        var latest = new List<CommitmentStatus>();
        foreach (CommitmentKind kind in ReadingOrder)
        {
            for (int i = 0; i < commitments.Count; i++)
            {
                CommitmentStatus status = commitments[i];
                if (status.Kind != kind)
                {
                    continue;
                }
                int existing = latest.FindIndex(s => s.Kind == kind && string.Equals(s.Name, status.Name, StringComparison.Ordinal));
                if (existing < 0)
                {
                    latest.Add(status);
                }
                else if (status.Cycle > latest[existing].Cycle)
                {
                    latest[existing] = status;
                }
            }
        }
        return latest;
    }

    /// <summary>Why the interaction is waiting at the result's instant, for a commitment the policy pauses for that
    /// reason (waiting on the customer first); null when no such wait is open.</summary>
    private static PauseReason? PauseReasonAt(Timeline timeline, EvaluationResult result, CommitmentKind kind)
    {
        bool onCustomer = false, onThirdParty = false;
        foreach (TimelineFact fact in timeline)
        {
            if (fact.At > result.Now)
            {
                break;
            }
            switch (fact)
            {
                case WaitingStarted waiting:
                    onCustomer |= waiting.Reason == PauseReason.WaitingOnCustomer;
                    onThirdParty |= waiting.Reason == PauseReason.WaitingOnThirdParty;
                    break;
                case WaitingEnded or InteractionResolved or InteractionCancelled:
                    onCustomer = onThirdParty = false;
                    break;
            }
        }
        return onCustomer && result.Policy.Pauses(PauseReason.WaitingOnCustomer, kind) ? PauseReason.WaitingOnCustomer
            : onThirdParty && result.Policy.Pauses(PauseReason.WaitingOnThirdParty, kind) ? PauseReason.WaitingOnThirdParty
            : null;
    }

    /// <summary>The window of the booking that started an appointment cycle.</summary>
    private static Interval? WindowOf(Timeline timeline, CommitmentStatus status)
    {
        Interval? window = null;
        foreach (TimelineFact fact in timeline)
        {
            if (fact.At > status.StartedAt)
            {
                break;
            }
            if (fact is AppointmentBooked booking && booking.At == status.StartedAt)
            {
                window = booking.Window;
            }
        }
        return window;
    }

    /// <summary>The resources and patterns of one rendering.</summary>
    private sealed class Writer
    {
        internal Writer(CultureInfo culture, DateTimeZone zone, bool isCustomerZone, Instant now)
        {
            Culture = culture;
            Zone = zone;
            Now = now;
            ZoneName = isCustomerZone ? Get("Zone.Yours") : PolicyDescription.ZoneName(zone, culture);
        }

        internal CultureInfo Culture { get; }

        internal DateTimeZone Zone { get; }

        internal Instant Now { get; }

        internal string ZoneName { get; }

        internal string Get(string key) =>
            Resources.GetString(key, Culture) ?? throw new InvalidOperationException($"The resource '{key}' is missing from {Resources.BaseName}.");

        internal string? Find(string key) => Resources.GetString(key, Culture);

        internal string Format(string key, params object[] args) => string.Format(Culture, Get(key), args);

        /// <summary>The commitment's sentence for <paramref name="say"/>: <c>Status.&lt;Kind&gt;.&lt;say&gt;</c>, else
        /// <c>Status.&lt;say&gt;</c>; {0} is the instant, {1} a custom commitment's name.</summary>
        internal string Sentence(CommitmentStatus status, string say, string instant)
        {
            string text = Find("Status." + status.Kind + "." + say) ?? Get("Status." + say);
            return string.Format(Culture, text, instant, status.Name ?? string.Empty);
        }

        /// <summary>"Monday 23 November, 12:40 (your time)"; the year is written when it is not the current one. Times
        /// are shown to the minute, rounded down.</summary>
        internal string DateTime(Instant instant)
        {
            LocalDateTime local = instant.InZone(Zone).LocalDateTime;
            bool sameYear = local.Year == Now.InZone(Zone).Year;
            string text = Pattern((sameYear ? "Pattern.DateTime" : "Pattern.DateTime.OtherYear") + WholeHour(local.TimeOfDay)).Format(local);
            return Format("Time.Zoned", text, ZoneName);
        }

        internal string Date(LocalDate date)
        {
            bool sameYear = date.Year == Now.InZone(Zone).Year;
            return Pattern(sameYear ? "Pattern.Date" : "Pattern.Date.OtherYear").Format(date.AtMidnight());
        }

        internal string Time(LocalTime time) => Pattern("Pattern.Time" + WholeHour(time)).Format(LocalDate.MinIsoValue.At(time));

        /// <summary>The suffix of the pattern for a time on the hour, which some languages write shorter (French "12 h").</summary>
        private static string WholeHour(LocalTime time) => time.Minute == 0 ? ".WholeHour" : string.Empty;

        private LocalDateTimePattern Pattern(string key) => LocalDateTimePattern.Create(Get(key), Culture);
    }
}
