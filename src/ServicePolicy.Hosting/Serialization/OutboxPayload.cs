// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using System.Text.Json;
using NodaTime;
using ServicePolicy.Commitments;
using ServicePolicy.Escalation;
using ServicePolicy.Evaluation;
using ServicePolicy.Hosting.Storage;
using ServicePolicy.Policies;

namespace ServicePolicy.Hosting.Serialization;

/// <summary>
/// Writes the outbox entries of an evaluation: an escalation step or a remedy, keyed by its idempotency key, with a
/// payload holding what a channel needs to deliver it, in documented, versioned JSON (<c>docs/hosting.md</c>, "The
/// outbox payload format"). Channels read payloads with <see cref="EscalationMessage.Parse"/> and
/// <see cref="RemedyMessage.Parse"/>.
/// </summary>
/// <remarks>
/// <para>Format 1, escalation: <c>{"format":1,"kind":"escalation","key":...,"interaction":...,"dueAt":...,
/// "late":false,"commitment":{"kind":"FirstResponse","cycle":0},"chain":{"name":"standard","version":1},
/// "step":"Level","stepIndex":0,"repeat":0,"recipient":{"kind":"OwnersLead"},"contacts":["lead1"],"action":"Notify",
/// "fallback":false}</c> (<c>commitment</c> is left out for the handoff limit; <c>name</c> in it for custom
/// commitments; <c>customAction</c> for custom actions; the recipient's <c>name</c> for roles, people and rotas).
/// Remedy: <c>{"format":1,"kind":"remedy","key":...,"interaction":...,"dueAt":...,"remedy":{"kind":"Credit",
/// "amount":5,"currency":"GBP"},"description":"Credit 5 GBP","deadline":...,"commitment":{...}}</c> (the remedy's own
/// deadline, its rule as a deadline expression in <c>remedy.deadlineRule</c> and its instant in <c>deadline</c>, only
/// when it has one). Delay notice: <c>{"format":1,"kind":"delayNotice","key":...,"interaction":...,
/// "dueAt":...,"template":"running-late","deadline":...,"commitment":{...}}</c>, <c>dueAt</c> the instant the
/// commitment became at risk and <c>deadline</c> its deadline.</para>
/// <para>The versioning rule is the timeline's: readers accept their own and older formats and refuse newer ones and
/// unknown properties with a clear error.</para>
/// </remarks>
internal static class OutboxPayload
{
    /// <summary>The format written, and the newest read.</summary>
    internal const int CurrentFormat = 1;

    internal const string EscalationKind = "escalation";

    internal const string RemedyKind = "remedy";

    internal const string DelayNoticeKind = "delayNotice";

    /// <summary>The outbox entry of an escalation step.</summary>
    internal static OutboxEntry For(EscalationAction action) =>
        new(action.Key.ToString(), action.InteractionId, OutboxKind.Escalation, action.DueAt, Escalation(action));

    /// <summary>The outbox entry of a remedy due.</summary>
    internal static OutboxEntry For(RemedyDue remedy, string interactionId) =>
        new(remedy.Key.ToString(), interactionId, OutboxKind.Remedy, remedy.DueAt, Remedy(remedy, interactionId));

    /// <summary>The outbox entry of an early delay notice.</summary>
    internal static OutboxEntry For(DelayNotice notice, string interactionId) =>
        new(notice.Key.ToString(), interactionId, OutboxKind.DelayNotice, notice.DueAt, Notice(notice, interactionId));

    private static string Notice(DelayNotice notice, string interactionId) => JsonText.Write(writer =>
    {
        WriteHeader(writer, DelayNoticeKind, notice.Key, interactionId, notice.DueAt);
        writer.WriteString("template", notice.TemplateId);
        JsonText.WriteInstant(writer, "deadline", notice.Commitment.Deadline);
        WriteCommitment(writer, notice.Commitment.Kind, notice.Commitment.Name, notice.Commitment.Cycle);
        writer.WriteEndObject();
    });

    private static string Escalation(EscalationAction action) => JsonText.Write(writer =>
    {
        WriteHeader(writer, EscalationKind, action.Key, action.InteractionId, action.DueAt);
        writer.WriteBoolean("late", action.IsLate);
        if (action.Commitment is { } kind)
        {
            WriteCommitment(writer, kind, action.CommitmentName, action.Cycle!.Value);
        }
        writer.WriteStartObject("chain");
        writer.WriteString("name", action.ChainName);
        writer.WriteNumber("version", action.ChainVersion);
        writer.WriteEndObject();
        writer.WriteString("step", action.Step.ToString());
        writer.WriteNumber("stepIndex", action.StepIndex);
        writer.WriteNumber("repeat", action.Repeat);
        writer.WriteStartObject("recipient");
        writer.WriteString("kind", action.Recipient.Kind.ToString());
        if (action.Recipient.Name is { } name)
        {
            writer.WriteString("name", name);
        }
        writer.WriteEndObject();
        writer.WriteStartArray("contacts");
        foreach (EscalationContact contact in action.Contacts)
        {
            writer.WriteStringValue(contact.Id);
        }
        writer.WriteEndArray();
        writer.WriteString("action", action.Action.ToString());
        if (action.CustomAction is { } custom)
        {
            writer.WriteString("customAction", custom);
        }
        writer.WriteBoolean("fallback", action.UsedFallback);
        writer.WriteEndObject();
    });

    private static string Remedy(RemedyDue due, string interactionId) => JsonText.Write(writer =>
    {
        WriteHeader(writer, RemedyKind, due.Key, interactionId, due.DueAt);
        BreachRemedy remedy = due.Remedy;
        writer.WriteStartObject("remedy");
        writer.WriteString("kind", remedy.Kind.ToString());
        if (remedy.Detail is { } detail)
        {
            writer.WriteString("detail", detail);
        }
        if (remedy.Amount is { } amount)
        {
            writer.WriteNumber("amount", amount);
            writer.WriteString("currency", remedy.Currency);
        }
        if (remedy.Deadline is { } rule)
        {
            writer.WriteString("deadlineRule", DeadlineExpression.Format(rule));
        }
        writer.WriteEndObject();
        writer.WriteString("description", remedy.ToString());
        if (due.Deadline is { } deadline)
        {
            JsonText.WriteInstant(writer, "deadline", deadline);
        }
        if (due.Commitment is { } commitment)
        {
            WriteCommitment(writer, commitment.Kind, commitment.Name, commitment.Cycle);
        }
        writer.WriteEndObject();
    });

    private static void WriteHeader(Utf8JsonWriter writer, string kind, ActionKey key, string interactionId, Instant dueAt)
    {
        writer.WriteStartObject();
        writer.WriteNumber(JsonText.FormatProperty, CurrentFormat);
        writer.WriteString("kind", kind);
        writer.WriteString("key", key.ToString());
        writer.WriteString("interaction", interactionId);
        JsonText.WriteInstant(writer, "dueAt", dueAt);
    }

    private static void WriteCommitment(Utf8JsonWriter writer, CommitmentKind kind, string? name, int cycle)
    {
        writer.WriteStartObject("commitment");
        writer.WriteString("kind", kind.ToString());
        if (name is not null)
        {
            writer.WriteString("name", name);
        }
        writer.WriteNumber("cycle", cycle);
        writer.WriteEndObject();
    }

    /// <summary>Opens a payload of one kind for reading: parses it, checks the format and the kind, and reads the
    /// header every payload has.</summary>
    /// <exception cref="StoredFormatException">The payload cannot be read as that kind.</exception>
    internal static (JsonFields Fields, ActionKey Key, string InteractionId, Instant DueAt) ReadHeader(JsonDocument document, string kind)
    {
        string what = kind + " payload";
        JsonFields fields = JsonFields.Of(document.RootElement, "the " + what);
        JsonText.ReadFormat(fields, what, CurrentFormat);
        JsonElement kindElement = fields.Required("kind");
        if (kindElement.ValueKind != JsonValueKind.String || kindElement.GetString() != kind)
        {
            throw fields.Invalid("kind", kindElement, $"\"{kind}\" (read escalations with EscalationMessage, remedies with RemedyMessage and delay notices with DelayNoticeMessage)");
        }
        JsonElement keyElement = fields.Required("key");
        if (keyElement.ValueKind != JsonValueKind.String || !ActionKey.TryParse(keyElement.GetString(), out ActionKey key))
        {
            throw fields.Invalid("key", keyElement, "an action key");
        }
        return (fields, key, fields.RequiredString("interaction"), fields.RequiredInstant("dueAt"));
    }

    /// <summary>Reads the optional <c>commitment</c> object.</summary>
    internal static (CommitmentKind? Kind, string? Name, int? Cycle) ReadCommitment(JsonFields fields)
    {
        if (fields.OptionalObject("commitment") is not { } commitment)
        {
            return (null, null, null);
        }
        CommitmentKind kind = commitment.RequiredEnum<CommitmentKind>("kind");
        string? name = commitment.OptionalString("name");
        int cycle = commitment.RequiredInt("cycle");
        commitment.EnsureAllRead();
        if (kind == CommitmentKind.Custom && name is null)
        {
            throw commitment.Invalid("a name is required for custom commitments.");
        }
        return (kind, name, cycle);
    }

    /// <summary>Runs a reader, turning a value that a constructor refuses into a format error.</summary>
    internal static T Read<T>(string payload, string kind, Func<JsonDocument, T> read)
    {
        using JsonDocument document = JsonText.Parse(payload, kind + " payload");
        try
        {
            return read(document);
        }
        catch (ArgumentException e)
        {
            throw new StoredFormatException($"The {kind} payload holds values that do not go together: {e.Message}", e);
        }
    }
}
