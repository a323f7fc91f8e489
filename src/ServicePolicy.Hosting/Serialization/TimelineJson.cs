// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using NodaTime;
using ServicePolicy.Commitments;
using ServicePolicy.Evaluation;
using ServicePolicy.Internal;
using ServicePolicy.Policies;

namespace ServicePolicy.Hosting.Serialization;

/// <summary>
/// The stored form of a <see cref="Timeline"/>: documented, versioned JSON that later versions of the package keep
/// reading (<c>docs/hosting.md</c>, "The timeline format").
/// </summary>
/// <remarks>
/// <para>Format 1: <c>{"format":1,"id":"T-42","facts":[{"type":"opened","at":"2025-03-03T09:00:00Z","owner":"person:ann",
/// "profile":{...}}, ...]}</c>. Instants are written with NodaTime's <c>InstantPattern.ExtendedIso</c>, exact to the
/// nanosecond; owners as <c>Owner.ToString()</c> writes them (<c>person:ann</c>, <c>team:billing</c>); deadline rules
/// as deadline expressions (<see cref="DeadlineExpression.Format"/>); acknowledged keys as
/// <c>ActionKey.ToString()</c>; enum values by name. Optional values are left out when absent. A profile (of
/// <c>opened</c> and of <c>profileChanged</c>) may carry <c>customerTimeZone</c> (a TZDB id) and <c>customerCalendar</c>
/// (a catalogue calendar's name).</para>
/// <para>The versioning rule: a reader accepts its own format and every older one; a newer format is refused with an
/// error saying so, and an unknown fact type or property is an error too, so nothing written by a later version is
/// dropped silently. <see cref="Serialize"/> always writes <see cref="CurrentFormat"/>; its bytes for a given timeline
/// are pinned by a golden-file test.</para>
/// <para>Thread-safe; holds no state.</para>
/// </remarks>
public static class TimelineJson
{
    /// <summary>The format <see cref="Serialize"/> writes, and the newest <see cref="Deserialize"/> reads.</summary>
    public const int CurrentFormat = 1;

    private const string What = "stored timeline";

    /// <summary>Writes a timeline in the <see cref="CurrentFormat"/>.</summary>
    /// <param name="timeline">The timeline.</param>
    /// <returns>Compact JSON.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="timeline"/> is null.</exception>
    public static string Serialize(Timeline timeline)
    {
        Preconditions.CheckNotNull(timeline);
        return JsonText.Write(writer =>
        {
            writer.WriteStartObject();
            writer.WriteNumber(JsonText.FormatProperty, CurrentFormat);
            writer.WriteString("id", timeline.InteractionId);
            writer.WriteStartArray("facts");
            foreach (TimelineFact fact in timeline)
            {
                WriteFact(writer, fact);
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        });
    }

    /// <summary>Reads a timeline written by <see cref="Serialize"/> of this or an earlier version of the package.</summary>
    /// <param name="json">The stored text.</param>
    /// <returns>The timeline, validated as <see cref="Timeline.Create"/> validates.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="StoredFormatException">The text is not JSON; its format is newer than <see cref="CurrentFormat"/>;
    /// a fact's type is unknown; a property is missing, invalid or unknown; or the facts do not form a valid timeline.
    /// The message names the fact's index and the property.</exception>
    public static Timeline Deserialize(string json)
    {
        using JsonDocument document = JsonText.Parse(json, What);
        JsonFields root = JsonFields.Of(document.RootElement, "the " + What);
        JsonText.ReadFormat(root, What, CurrentFormat);
        string id = root.RequiredString("id");
        JsonElement array = root.RequiredArray("facts");
        root.EnsureAllRead();
        var facts = new List<TimelineFact>(array.GetArrayLength());
        int index = 0;
        foreach (JsonElement element in array.EnumerateArray())
        {
            facts.Add(ReadFact(element, index++));
        }
        try
        {
            return Timeline.Create(id, facts);
        }
        catch (Exception e) when (e is ArgumentException or InvalidTimelineException)
        {
            throw new StoredFormatException($"The {What} of '{id}' does not form a valid timeline: {e.Message}", e);
        }
    }

    private static void WriteFact(Utf8JsonWriter writer, TimelineFact fact)
    {
        writer.WriteStartObject();
        writer.WriteString("type", TypeName(fact));
        JsonText.WriteInstant(writer, "at", fact.At);
        switch (fact)
        {
            case InteractionOpened opened:
                writer.WriteString("owner", opened.Owner.ToString());
                WriteProfile(writer, opened.Profile);
                break;
            case AgentReplied replied:
                writer.WriteBoolean("public", replied.IsPublic);
                break;
            case FollowUpPromised { By: { } by }:
                JsonText.WriteInstant(writer, "by", by);
                break;
            case FollowUpPromised { Rule: { } rule }:
                writer.WriteString("rule", DeadlineExpression.Format(rule));
                break;
            case WaitingStarted waiting:
                writer.WriteString("reason", waiting.Reason.ToString());
                break;
            case OwnerAssigned assigned:
                writer.WriteString("owner", assigned.Owner.ToString());
                break;
            case AppointmentBooked booked:
                writer.WriteStartObject("window");
                JsonText.WriteInstant(writer, "start", booked.Window.Start);
                JsonText.WriteInstant(writer, "end", booked.Window.End);
                writer.WriteEndObject();
                break;
            case MilestoneReached milestone:
                writer.WriteString("name", milestone.Name);
                break;
            case MilestoneStarted occurrence:
                writer.WriteString("name", occurrence.Name);
                break;
            case ProfileChanged changed:
                WriteProfile(writer, changed.Profile);
                break;
            case RemedyGiven given:
                writer.WriteString("key", given.Key.ToString());
                if (given.Amount is { } amount)
                {
                    writer.WriteNumber("amount", amount);
                    writer.WriteString("currency", given.Currency);
                }
                if (given.By is { } givenBy)
                {
                    writer.WriteString("by", givenBy);
                }
                break;
            case FeedbackReceived answer:
                writer.WriteNumber("score", answer.Score);
                if (answer.Comment is { } comment)
                {
                    writer.WriteString("comment", comment);
                }
                break;
            case EscalationAcknowledged acknowledged:
                writer.WriteString("key", acknowledged.Key.ToString());
                if (acknowledged.By is { } acknowledgedBy)
                {
                    writer.WriteString("by", acknowledgedBy);
                }
                break;
            case DeadlineAgreed agreed:
                WriteCycle(writer, agreed.Kind, agreed.Name, agreed.Cycle);
                JsonText.WriteInstant(writer, "deadline", agreed.Deadline);
                writer.WriteString("agreedBy", agreed.AgreedBy);
                WriteReason(writer, agreed.Reason);
                break;
            case TargetWaived waived:
                WriteCycle(writer, waived.Kind, waived.Name, waived.Cycle);
                writer.WriteString("by", waived.By);
                WriteReason(writer, waived.Reason);
                break;
        }
        writer.WriteEndObject();
    }

    /// <summary>Writes the cycle an amendment names: <c>"kind":"Resolution","name":"x","cycle":0</c> (no name when null).</summary>
    private static void WriteCycle(Utf8JsonWriter writer, CommitmentKind kind, string? name, int cycle)
    {
        writer.WriteString("kind", kind.ToString());
        if (name is not null)
        {
            writer.WriteString("name", name);
        }
        writer.WriteNumber("cycle", cycle);
    }

    private static void WriteReason(Utf8JsonWriter writer, string? reason)
    {
        if (reason is not null)
        {
            writer.WriteString("reason", reason);
        }
    }

    private static void WriteProfile(Utf8JsonWriter writer, InteractionProfile profile)
    {
        writer.WriteStartObject("profile");
        if (profile.Channel is { } channel)
        {
            writer.WriteString("channel", channel);
        }
        if (profile.Priority is { } priority)
        {
            writer.WriteString("priority", priority);
        }
        if (profile.CustomerTier is { } tier)
        {
            writer.WriteString("tier", tier);
        }
        writer.WriteBoolean("internal", profile.IsInternal);
        if (profile.Attributes.Count > 0)
        {
            // Ordinal order, so that the bytes do not depend on the order the host added attributes in.
            writer.WriteStartObject("attributes");
            foreach (KeyValuePair<string, string> pair in profile.Attributes.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                writer.WriteString(pair.Key, pair.Value);
            }
            writer.WriteEndObject();
        }
        if (profile.CustomerTimeZone is { } zone)
        {
            writer.WriteString("customerTimeZone", zone.Id);
        }
        if (profile.CustomerCalendarName is { } calendar)
        {
            writer.WriteString("customerCalendar", calendar);
        }
        writer.WriteEndObject();
    }

    private static string TypeName(TimelineFact fact) => fact switch
    {
        InteractionOpened => "opened",
        AgentReplied => "agentReplied",
        CustomerReplied => "customerReplied",
        FollowUpPromised => "followUpPromised",
        WaitingStarted => "waitingStarted",
        WaitingEnded => "waitingEnded",
        OwnerAssigned => "ownerAssigned",
        AppointmentBooked => "appointmentBooked",
        AppointmentArrived => "appointmentArrived",
        InteractionResolved => "resolved",
        InteractionReopened => "reopened",
        FeedbackRequested => "feedbackRequested",
        MilestoneReached => "milestoneReached",
        MilestoneStarted => "milestoneStarted",
        EscalationAcknowledged => "escalationAcknowledged",
        DeadlineAgreed => "deadlineAgreed",
        TargetWaived => "targetWaived",
        RemedyGiven => "remedyGiven",
        FeedbackReceived => "feedbackReceived",
        InteractionCancelled => "cancelled",
        ProfileChanged => "profileChanged",
        // A fact type added to the core without a stored form here must fail loudly, never be written half.
        _ => throw new NotSupportedException($"Fact type {fact.GetType().Name} has no stored form in timeline format {CurrentFormat}."),
    };

    private static TimelineFact ReadFact(JsonElement element, int index)
    {
        string type = JsonFields.Of(element, $"fact {index}").RequiredString("type");
        JsonFields fields = JsonFields.Of(element, $"fact {index} ({type})");
        fields.RequiredString("type");
        Instant at = fields.RequiredInstant("at");
        try
        {
            TimelineFact fact = type switch
            {
                "opened" => new InteractionOpened(at, ReadOwner(fields, "owner"), ReadProfile(fields)),
                "agentReplied" => new AgentReplied(at, fields.RequiredBool("public")),
                "customerReplied" => new CustomerReplied(at),
                "followUpPromised" => ReadFollowUp(fields, at),
                "waitingStarted" => new WaitingStarted(at, ReadPauseReason(fields)),
                "waitingEnded" => new WaitingEnded(at),
                "ownerAssigned" => new OwnerAssigned(at, ReadOwner(fields, "owner")),
                "appointmentBooked" => ReadAppointment(fields, at),
                "appointmentArrived" => new AppointmentArrived(at),
                "resolved" => new InteractionResolved(at),
                "reopened" => new InteractionReopened(at),
                "feedbackRequested" => new FeedbackRequested(at),
                "milestoneReached" => new MilestoneReached(at, fields.RequiredString("name")),
                "milestoneStarted" => new MilestoneStarted(at, fields.RequiredString("name")),
                "escalationAcknowledged" => new EscalationAcknowledged(at, ReadKey(fields), fields.OptionalString("by")),
                "deadlineAgreed" => new DeadlineAgreed(at, fields.RequiredEnum<CommitmentKind>("kind"), fields.OptionalString("name"),
                    fields.RequiredInt("cycle"), fields.RequiredInstant("deadline"), fields.RequiredString("agreedBy"), fields.OptionalString("reason")),
                "targetWaived" => new TargetWaived(at, fields.RequiredEnum<CommitmentKind>("kind"), fields.OptionalString("name"),
                    fields.RequiredInt("cycle"), fields.RequiredString("by"), fields.OptionalString("reason")),
                "remedyGiven" => new RemedyGiven(at, ReadKey(fields), fields.OptionalDecimal("amount"), fields.OptionalString("currency"), fields.OptionalString("by")),
                "feedbackReceived" => new FeedbackReceived(at, fields.RequiredInt("score"), fields.OptionalString("comment")),
                "cancelled" => new InteractionCancelled(at),
                "profileChanged" => new ProfileChanged(at, ReadProfile(fields)),
                _ => throw new StoredFormatException($"Fact {index} has the unknown type '{type}'; timeline format {CurrentFormat} " +
                    "knows opened, agentReplied, customerReplied, followUpPromised, waitingStarted, waitingEnded, ownerAssigned, " +
                    "appointmentBooked, appointmentArrived, resolved, reopened, feedbackRequested, milestoneReached, milestoneStarted, " +
                    "escalationAcknowledged, deadlineAgreed, targetWaived, remedyGiven, feedbackReceived, cancelled and profileChanged."),
            };
            fields.EnsureAllRead();
            return fact;
        }
        catch (ArgumentException e)
        {
            throw fields.Invalid($"the values do not make a valid fact: {e.Message}", e);
        }
    }

    /// <summary>Reads a reason for waiting by its name: a built-in reason or one of the host's own.</summary>
    private static PauseReason ReadPauseReason(JsonFields fields)
    {
        JsonElement element = fields.Required("reason");
        const string Expected = "a reason for waiting, such as \"WaitingOnCustomer\" or \"WaitingOnVendor\" "
            + "(not empty, without white space at either end or ':', and not a built-in name in another case)";
        if (element.ValueKind != JsonValueKind.String)
        {
            throw fields.Invalid("reason", element, Expected);
        }
        try
        {
            return PauseReason.Create(element.GetString()!);
        }
        catch (ArgumentException e)
        {
            throw fields.Invalid("reason", element, Expected, e);
        }
    }

    private static Owner ReadOwner(JsonFields fields, string name)
    {
        JsonElement element = fields.Required(name);
        string? text = element.ValueKind == JsonValueKind.String ? element.GetString() : null;
        int colon = text?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        string? id = colon >= 0 ? text![(colon + 1)..] : null;
        if (colon < 0 || string.IsNullOrWhiteSpace(id))
        {
            throw fields.Invalid(name, element, "an owner such as \"person:ann\" or \"team:billing\"");
        }
        return text.AsSpan(0, colon) switch
        {
            "person" => Owner.Person(id),
            "team" => Owner.Team(id),
            _ => throw fields.Invalid(name, element, "an owner such as \"person:ann\" or \"team:billing\""),
        };
    }

    private static InteractionProfile ReadProfile(JsonFields fields)
    {
        JsonFields profile = fields.RequiredObject("profile");
        string? channel = profile.OptionalString("channel");
        string? priority = profile.OptionalString("priority");
        string? tier = profile.OptionalString("tier");
        bool isInternal = profile.RequiredBool("internal");
        List<KeyValuePair<string, string>>? attributes = null;
        if (profile.Optional("attributes") is { } element)
        {
            JsonFields attributeFields = JsonFields.Of(element, profile.Where + ", property 'attributes'");
            attributes = [];
            foreach (JsonProperty attribute in element.EnumerateObject())
            {
                attributes.Add(new(attribute.Name, attributeFields.RequiredString(attribute.Name)));
            }
        }
        string? zoneId = profile.OptionalString("customerTimeZone");
        DateTimeZone? zone = null;
        if (zoneId is not null && (zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(zoneId)) is null)
        {
            throw profile.Invalid($"'{zoneId}' in 'customerTimeZone' is not a TZDB time zone id.");
        }
        string? calendar = profile.OptionalString("customerCalendar");
        profile.EnsureAllRead();
        InteractionProfile read = new InteractionProfile(channel, priority, tier, isInternal, attributes).WithCustomerTimeZone(zone);
        return calendar is null ? read : read.WithCustomerCalendar(calendar);
    }

    private static FollowUpPromised ReadFollowUp(JsonFields fields, Instant at)
    {
        Instant? by = fields.OptionalInstant("by");
        JsonElement? ruleElement = fields.Optional("rule");
        if (by is not null && ruleElement is not null)
        {
            throw fields.Invalid("a follow-up promise has a 'by' instant or a 'rule', not both.");
        }
        if (by is { } instant)
        {
            return new FollowUpPromised(at, instant);
        }
        if (ruleElement is not { } element)
        {
            return new FollowUpPromised(at);
        }
        DeadlineExpressionFormatException? error = null;
        if (element.ValueKind == JsonValueKind.String && DeadlineExpression.TryParse(element.GetString(), out DeadlineRule? rule, out error))
        {
            return new FollowUpPromised(at, rule);
        }
        throw fields.Invalid("rule", element, "a deadline expression such as \"4 business hours\"", error);
    }

    private static AppointmentBooked ReadAppointment(JsonFields fields, Instant at)
    {
        JsonFields window = fields.RequiredObject("window");
        Instant start = window.RequiredInstant("start");
        Instant end = window.RequiredInstant("end");
        window.EnsureAllRead();
        if (end <= start)
        {
            throw fields.Invalid($"the window's end {end} is not after its start {start}.");
        }
        return new AppointmentBooked(at, new Interval(start, end));
    }

    private static Escalation.ActionKey ReadKey(JsonFields fields)
    {
        JsonElement element = fields.Required("key");
        if (element.ValueKind == JsonValueKind.String && Escalation.ActionKey.TryParse(element.GetString(), out Escalation.ActionKey key))
        {
            return key;
        }
        throw fields.Invalid("key", element, "an action key such as \"T-1/FirstResponse/0/standard@a8d12acb2806/L0/R0\"");
    }
}
