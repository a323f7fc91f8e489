// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using ServicePolicy.Commitments;
using ServicePolicy.Escalation;
using ServicePolicy.Evaluation;
using Xunit;
using static ServicePolicy.Tests.Commitments.UkTime;
using static ServicePolicy.Tests.Escalation.Ladder;

namespace ServicePolicy.Tests.Escalation;

/// <summary>A recipient that resolves to nobody reaches the chain's fallback contact, and the action says so.</summary>
public class FallbackTests
{
    [Fact]
    public void RecipientResolvingToNobody_GoesToTheFallback_AndTheActionSaysSo()
    {
        // zoe has no lead in the org chart.
        Timeline timeline = Timeline.Create("T-9", [new InteractionOpened(At("2025-03-10 09:00"), Owner.Person("zoe"))]);

        EscalationAction action = Assert.Single(Evaluate(timeline, "2025-03-10 13:00+1ns").EscalationActions);

        Assert.True(action.UsedFallback);
        Assert.Equal(EscalationRecipient.OwnersLead, action.Recipient);
        Assert.Equal([Fallback], action.Contacts);
        Assert.Equal("T-9/FirstResponse/0/ladder@a8d12acb2806/L0/R0", action.Key.ToString());
    }

    [Fact]
    public void RecipientThatResolves_DoesNotUseTheFallback()
    {
        Timeline timeline = Timeline.Create("T-1", [new InteractionOpened(At("2025-03-10 09:00"), Alice)]);

        EscalationAction action = Assert.Single(Evaluate(timeline, "2025-03-10 13:00+1ns").EscalationActions);

        Assert.False(action.UsedFallback);
        Assert.Equal("bob", Assert.Single(action.Contacts).Id);
    }

    [Fact]
    public void Recipients_FollowTheCurrentOwner()
    {
        Timeline timeline = Timeline.Create("T-1",
        [
            new InteractionOpened(At("2025-03-10 09:00"), Alice),
            new OwnerAssigned(At("2025-03-10 12:30"), Owner.Person("zoe")),
        ]);

        EscalationAction action = Assert.Single(Evaluate(timeline, "2025-03-10 13:00+1ns").EscalationActions);

        Assert.True(action.UsedFallback);
    }
}
