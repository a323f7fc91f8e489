// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using NodaTime;
using ServicePolicy.Commitments;
using ServicePolicy.Escalation;
using ServicePolicy.Evaluation;
using ServicePolicy.Hosting.Serialization;
using ServicePolicy.Hosting.Storage;
using ServicePolicy.Policies;
using ServicePolicy.Tests.Escalation;
using Xunit;
using static ServicePolicy.Tests.Commitments.UkTime;

namespace ServicePolicy.Hosting.Tests.Serialization;

/// <summary>Storing what the host's own pause reasons and named measures add: a wait's reason by name in the timeline
/// format, and a named measure's commitment in outbox payloads.</summary>
public class PauseReasonAndMeasureStorageTests
{
    [Fact]
    public void RoundTrip_HostsOwnReasons_KeepTheirNames()
    {
        Timeline timeline = Timeline.Create("PR-1",
        [
            new InteractionOpened(At("2025-03-03 09:00"), Owner.Person("ann")),
            new WaitingStarted(At("2025-03-03 10:00"), PauseReason.Create("WaitingOnVendor")),
            new WaitingEnded(At("2025-03-03 11:00")),
            new WaitingStarted(At("2025-03-03 12:00"), PauseReason.Create("change freeze")),
            new WaitingEnded(At("2025-03-03 13:00")),
            new WaitingStarted(At("2025-03-03 14:00"), PauseReason.WaitingOnThirdParty),
        ]);

        string json = TimelineJson.Serialize(timeline);
        Timeline read = TimelineJson.Deserialize(json);

        Assert.Contains("{\"type\":\"waitingStarted\",\"at\":\"2025-03-03T10:00:00Z\",\"reason\":\"WaitingOnVendor\"}", json, StringComparison.Ordinal);
        Assert.Contains("\"reason\":\"change freeze\"", json, StringComparison.Ordinal);
        Assert.Equal(
            [PauseReason.Create("WaitingOnVendor"), PauseReason.Create("change freeze"), PauseReason.WaitingOnThirdParty],
            read.OfType<WaitingStarted>().Select(w => w.Reason));
        Assert.Equal(json, TimelineJson.Serialize(read));
    }

    [Fact]
    public void Deserialize_BuiltInReasons_ReadAsTheBuiltInValues()
    {
        Timeline read = TimelineJson.Deserialize("{\"format\":1,\"id\":\"T\",\"facts\":["
            + "{\"type\":\"opened\",\"at\":\"2025-03-03T09:00:00Z\",\"owner\":\"person:a\",\"profile\":{\"internal\":false}},"
            + "{\"type\":\"waitingStarted\",\"at\":\"2025-03-03T10:00:00Z\",\"reason\":\"WaitingOnCustomer\"},"
            + "{\"type\":\"waitingEnded\",\"at\":\"2025-03-03T10:30:00Z\"},"
            + "{\"type\":\"waitingStarted\",\"at\":\"2025-03-03T11:00:00Z\",\"reason\":\"WaitingOnThirdParty\"}]}");

        WaitingStarted[] waits = read.OfType<WaitingStarted>().ToArray();
        Assert.Equal(PauseReason.WaitingOnCustomer, waits[0].Reason);
        Assert.Equal(default, waits[0].Reason);
        Assert.Equal(PauseReason.WaitingOnThirdParty, waits[1].Reason);
        Assert.True(waits[1].Reason.IsBuiltIn);
    }

    [Fact]
    public void OutboxPayloads_OfANamedMeasure_ReadBackItsKindAndName()
    {
        EscalationChain chain = EscalationChain.CreateBuilder("ladder", 1, Instant.MinValue, new EscalationContact("support-leads"))
            .AddLevel(EscalationLevel.Create(EscalationRecipient.OwnersLead, EscalationDelay.Zero))
            .Build();
        ServiceLevelPolicy policy = ServiceLevelPolicy.CreateBuilder("Measured", 1, Office)
            .AddTarget(CommitmentKind.FirstResponse, DeadlineRule.WithinBusinessTime(Duration.FromHours(1)))
            .AddTarget(ServiceTarget.Create(CommitmentKind.FirstResponse, DeadlineRule.WithinElapsedTime(Duration.FromMinutes(30)))
                .WithName("first reply, elapsed").WithRemedies(BreachRemedy.Apology()))
            .WithEscalationChain("ladder")
            .Build();
        Timeline timeline = Timeline.Create("M-1", [new InteractionOpened(At("2025-03-03 09:00"), Owner.Person("p0"))]);

        EvaluationResult result = Evaluator.Evaluate(timeline, policy, At("2025-03-03 12:00"), EscalationContext.Create(new OrgChart().Lead("p0", "lead0"), chain));

        Assert.Equal(2, result.EscalationActions.Count);
        EscalationAction action = Assert.Single(result.EscalationActions, a => a.CommitmentName is not null);
        Assert.StartsWith("M-1/FirstResponse:first reply, elapsed/0/ladder@", action.Key.ToString(), StringComparison.Ordinal);
        EscalationMessage escalation = EscalationMessage.Parse(OutboxPayload.For(action).Payload);
        Assert.Equal((action.Key, CommitmentKind.FirstResponse, "first reply, elapsed", 0), (escalation.Key, escalation.Commitment, escalation.CommitmentName, escalation.Cycle));

        RemedyDue remedy = Assert.Single(result.RemediesDue);
        OutboxEntry entry = OutboxPayload.For(remedy, "M-1");
        Assert.Equal("M-1/FirstResponse:first reply, elapsed/0/remedy/0", entry.Key);
        RemedyMessage read = RemedyMessage.Parse(entry.Payload);
        Assert.Equal((remedy.Key, CommitmentKind.FirstResponse, "first reply, elapsed", 0), (read.Key, read.Commitment, read.CommitmentName, read.Cycle));
    }
}
