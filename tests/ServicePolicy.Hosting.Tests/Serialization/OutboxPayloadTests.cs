// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using ServicePolicy.Commitments;
using ServicePolicy.Escalation;
using ServicePolicy.Evaluation;
using ServicePolicy.Hosting.Runtime;
using ServicePolicy.Hosting.Serialization;
using ServicePolicy.Hosting.Storage;
using ServicePolicy.Hosting.Tests.Runtime;
using ServicePolicy.Tests.Escalation;
using ServicePolicy.Tests.Evaluation;
using Xunit;
using static ServicePolicy.Tests.Commitments.UkTime;

namespace ServicePolicy.Hosting.Tests.Serialization;

public class OutboxPayloadTests
{
    /// <summary>Opened on Monday 09:00 with a follow-up promised at 10:00, evaluated on Thursday 10:00: the follow-up
    /// and the other commitments are breached, so the evaluation lists escalation steps and remedies.</summary>
    private static EvaluationResult Breached()
    {
        Timeline timeline = Timeline.Create("G-1",
        [
            new InteractionOpened(At("2025-03-03 09:00"), Owner.Person("p0")),
            new FollowUpPromised(At("2025-03-03 10:00")),
        ]);
        return RuntimePolicy.Evaluate(timeline, At("2025-03-06 10:00"));
    }

    [Fact]
    public void Parse_EscalationPayloadsOfRandomEvaluations_ReadBackEveryField()
    {
        long actions = 0, remedies = 0;
        Prop.ForAll(TimelineCase.Arbitrary(), c =>
            {
                foreach (int probe in c.Probes.Append(1000))
                {
                    Instant now = c.Timeline.LastInstant + (c.Now - c.Timeline.LastInstant) * probe / 1000.0;
                    EvaluationResult result = RuntimePolicy.Evaluate(c.Timeline, now);
                    foreach (EscalationAction action in result.EscalationActions)
                    {
                        AssertReadsBack(action);
                        actions++;
                    }
                    foreach (RemedyDue remedy in result.RemediesDue)
                    {
                        AssertReadsBack(remedy, c.Timeline.InteractionId);
                        remedies++;
                    }
                }
            })
            .Check(Config.QuickThrowOnFailure.WithMaxTest(100));
        Assert.True(actions > 0 && remedies > 0, $"{actions} actions and {remedies} remedies checked");
    }

    [Fact]
    public void For_Escalation_GoldenPayload()
    {
        EscalationAction action = Breached().EscalationActions.Single(a => a.Commitment == CommitmentKind.Custom);

        OutboxEntry entry = OutboxPayload.For(action);

        Assert.Equal(GoldenEscalation, entry.Payload);
    }

    [Fact]
    public void For_Remedy_GoldenPayload()
    {
        RemedyDue remedy = Breached().RemediesDue.Single(r => r.Remedy.Kind == Policies.RemedyKind.Credit);

        OutboxEntry entry = OutboxPayload.For(remedy, "G-1");

        Assert.Equal(GoldenRemedy, entry.Payload);
    }

    [Fact]
    public void Parse_CustomAction_ReachesTheChannelByName()
    {
        EscalationChain chain = EscalationChain.CreateBuilder("custom", 1, Instant.MinValue, new EscalationContact("support-leads"))
            .AddLevel(EscalationLevel.Create(EscalationRecipient.OwnersLead, EscalationDelay.Zero).WithCustomAction("page-sre"))
            .Build();
        Policies.ServiceLevelPolicy policy = Policies.ServiceLevelPolicy.CreateBuilder("Custom", 1, Office)
            .AddTarget(CommitmentKind.FirstResponse, DeadlineRule.WithinBusinessTime(Duration.FromHours(1)))
            .WithEscalationChain("custom")
            .Build();
        Timeline timeline = Timeline.Create("C-1", [new InteractionOpened(At("2025-03-03 09:00"), Owner.Person("p0"))]);
        EscalationAction action = Evaluator.Evaluate(timeline, policy, At("2025-03-03 12:00"), EscalationContext.Create(new OrgChart().Lead("p0", "lead0"), chain))
            .EscalationActions.Single();

        EscalationMessage read = EscalationMessage.Parse(OutboxPayload.For(action).Payload);

        Assert.Equal((EscalationActionKind.Custom, "page-sre"), (read.Action, read.CustomAction));
        AssertReadsBack(action);
    }

    [Fact]
    public void Parse_GoldenPayloads_StillRead()
    {
        EscalationMessage escalation = EscalationMessage.Parse(GoldenEscalation);
        RemedyMessage remedy = RemedyMessage.Parse(GoldenRemedy);

        Assert.Equal("G-1", escalation.InteractionId);
        Assert.Equal("send you a quote", escalation.CommitmentName);
        Assert.Equal(EscalationRecipientKind.OnCall, escalation.RecipientKind);
        Assert.Equal("duty", escalation.RecipientName);
        Assert.Equal(["erin"], escalation.Contacts);
        Assert.True(escalation.IsLate);
        Assert.Equal("G-1", remedy.InteractionId);
        Assert.Equal(Policies.BreachRemedy.Credit(5m, "GBP"), remedy.Remedy);
        Assert.Equal(CommitmentKind.FollowUp, remedy.Commitment);
    }

    [Theory]
    [InlineData("{\"format\":2,\"kind\":\"remedy\"}", "format 2, written by a later version")]
    [InlineData("{\"format\":1,\"kind\":\"escalation\"}", "property 'kind' must be \"remedy\" (read escalations with EscalationMessage, remedies with RemedyMessage and delay notices with DelayNoticeMessage)")]
    [InlineData("not json", "The remedy payload is not valid JSON")]
    public void RemedyMessage_Parse_BadPayload_Throws(string payload, string expected)
    {
        StoredFormatException e = Assert.Throws<StoredFormatException>(() => RemedyMessage.Parse(payload));

        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EscalationMessage_Parse_UnknownProperty_Throws()
    {
        string payload = GoldenEscalation[..^1] + ",\"priority\":\"high\"}";

        StoredFormatException e = Assert.Throws<StoredFormatException>(() => EscalationMessage.Parse(payload));

        Assert.Contains("unknown property 'priority'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RemedyMessage_Parse_UnknownProperty_Throws()
    {
        string payload = GoldenRemedy[..^1] + ",\"priority\":\"high\"}";

        StoredFormatException e = Assert.Throws<StoredFormatException>(() => RemedyMessage.Parse(payload));

        Assert.Contains("The remedy payload has the unknown property 'priority'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EscalationMessage_Parse_RemedyPayload_Throws()
    {
        StoredFormatException e = Assert.Throws<StoredFormatException>(() => EscalationMessage.Parse(GoldenRemedy));

        Assert.Contains("property 'kind' must be \"escalation\"", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RemedyMessage_Parse_ValuesThatDoNotGoTogether_Throws()
    {
        string payload = GoldenRemedy.Replace("\"kind\":\"Credit\"", "\"kind\":\"Apology\"", StringComparison.Ordinal);

        StoredFormatException e = Assert.Throws<StoredFormatException>(() => RemedyMessage.Parse(payload));

        Assert.Contains("a Apology remedy cannot have detail", e.Message, StringComparison.Ordinal);
    }

    /// <summary>The golden remedy payload with its <c>remedy</c> object replaced.</summary>
    private static string RemedyWith(string remedy) =>
        GoldenRemedy.Replace("{\"kind\":\"Credit\",\"amount\":5,\"currency\":\"GBP\"}", remedy, StringComparison.Ordinal);

    [Theory]
    [InlineData("{\"kind\":\"Apology\"}", "Apology")]
    [InlineData("{\"kind\":\"Accommodation\",\"detail\":\"free upgrade\"}", "Accommodation: free upgrade")]
    [InlineData("{\"kind\":\"Accommodation\",\"detail\":\"voucher\",\"amount\":10.5,\"currency\":\"EUR\"}", "Accommodation: voucher (10.5 EUR)")]
    [InlineData("{\"kind\":\"ProactiveMessage\",\"detail\":\"sorry\"}", "ProactiveMessage: sorry")]
    public void RemedyMessage_Parse_EveryRemedyKind_ReadsItBack(string remedy, string expected)
    {
        RemedyMessage read = RemedyMessage.Parse(RemedyWith(remedy));

        Assert.Equal(expected, DescribeRemedy(read.Remedy));
    }

    private static string DescribeRemedy(Policies.BreachRemedy r) =>
        r.Kind + (r.Detail is null ? "" : ": " + r.Detail) + (r.Amount is null ? "" : $" ({r.Amount.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)} {r.Currency})");

    [Theory]
    [InlineData("{\"kind\":\"Apology\",\"detail\":\"x\"}", "a Apology remedy cannot have detail 'x', amount '' and currency ''.")]
    [InlineData("{\"kind\":\"Apology\",\"amount\":1,\"currency\":\"GBP\"}", "a Apology remedy cannot have detail '', amount '1' and currency 'GBP'.")]
    [InlineData("{\"kind\":\"Accommodation\"}", "a Accommodation remedy cannot have detail '', amount '' and currency ''.")]
    [InlineData("{\"kind\":\"Credit\",\"detail\":\"x\",\"amount\":5,\"currency\":\"GBP\"}", "a Credit remedy cannot have detail 'x'")]
    [InlineData("{\"kind\":\"Credit\",\"currency\":\"GBP\"}", "a Credit remedy cannot have detail '', amount ''")]
    [InlineData("{\"kind\":\"Credit\",\"amount\":5}", "a Credit remedy cannot have detail '', amount '5' and currency ''.")]
    [InlineData("{\"kind\":\"ProactiveMessage\"}", "a ProactiveMessage remedy cannot have detail ''")]
    [InlineData("{\"kind\":\"ProactiveMessage\",\"detail\":\"x\",\"amount\":1}", "a ProactiveMessage remedy cannot have detail 'x', amount '1'")]
    [InlineData("{\"kind\":\"Credit\",\"amount\":\"5\",\"currency\":\"GBP\"}", "The remedy payload, property 'remedy': the property 'amount' must be a decimal number; it is \"5\".")]
    [InlineData("{\"kind\":\"Accommodation, Credit\"}", "the property 'kind' must be one of Apology, Accommodation, Credit, ProactiveMessage; it is \"Accommodation, Credit\".")]
    [InlineData("{\"kind\":\"Credit\",\"amount\":5,\"currency\":\"GBP\",\"note\":1}", "property 'remedy' has the unknown property 'note'")]
    public void RemedyMessage_Parse_RemedyThatDoesNotFit_ThrowsNamingIt(string remedy, string expected)
    {
        StoredFormatException e = Assert.Throws<StoredFormatException>(() => RemedyMessage.Parse(RemedyWith(remedy)));

        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"key\":\"G-1/Custom:send you a quote/0/sim@9ffbcc7891ce/L2/R2\"", "\"key\":\"nope\"", "The escalation payload: the property 'key' must be an action key; it is \"nope\".")]
    [InlineData("\"key\":\"G-1/Custom:send you a quote/0/sim@9ffbcc7891ce/L2/R2\"", "\"key\":7", "The escalation payload: the property 'key' must be an action key; it is 7.")]
    [InlineData("\"kind\":\"escalation\"", "\"kind\":7", "The escalation payload: the property 'kind' must be \"escalation\" (read escalations with EscalationMessage, remedies with RemedyMessage and delay notices with DelayNoticeMessage); it is 7.")]
    [InlineData("\"contacts\":[\"erin\"]", "\"contacts\":[\"erin\",3]", "The escalation payload: the property 'contacts' must be an array of strings; it is 3.")]
    [InlineData("\"kind\":\"Custom\",\"name\":\"send you a quote\",", "\"kind\":\"Custom\",", "The escalation payload, property 'commitment': a name is required for custom commitments.")]
    [InlineData("\"cycle\":0}", "\"cycle\":0,\"x\":1}", "The escalation payload, property 'commitment' has the unknown property 'x'")]
    [InlineData("\"version\":1}", "\"version\":1,\"x\":1}", "The escalation payload, property 'chain' has the unknown property 'x'")]
    [InlineData("\"name\":\"duty\"}", "\"name\":\"duty\",\"x\":1}", "The escalation payload, property 'recipient' has the unknown property 'x'")]
    [InlineData("\"format\":1", "\"format\":0", "The escalation payload has format 0; formats start at 1.")]
    public void EscalationMessage_Parse_BadPayload_ThrowsNamingTheProperty(string find, string replace, string expected)
    {
        string payload = GoldenEscalation.Replace(find, replace, StringComparison.Ordinal);
        Assert.NotEqual(GoldenEscalation, payload);

        StoredFormatException e = Assert.Throws<StoredFormatException>(() => EscalationMessage.Parse(payload));

        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Null_Throws()
    {
        Assert.Throws<ArgumentNullException>("payload", () => EscalationMessage.Parse(null!));
        Assert.Throws<ArgumentNullException>("payload", () => RemedyMessage.Parse(null!));
    }

    [Fact]
    public void Parse_ValuesAConstructorRefuses_ThrowsAFormatError()
    {
        string payload = GoldenRemedy.Replace("\"currency\":\"GBP\"", "\"currency\":\"\"", StringComparison.Ordinal);

        StoredFormatException e = Assert.Throws<StoredFormatException>(() => RemedyMessage.Parse(payload));

        Assert.StartsWith("The remedy payload holds values that do not go together: ", e.Message, StringComparison.Ordinal);
        Assert.IsType<ArgumentException>(e.InnerException, exactMatch: false);
    }

    [Fact]
    public void ToString_NamesTheKeyAndTheRecipientOrRemedy()
    {
        Assert.Equal("G-1/Custom:send you a quote/0/sim@9ffbcc7891ce/L2/R2 to OnCall duty", EscalationMessage.Parse(GoldenEscalation).ToString());
        Assert.Equal("G-1/Custom:send you a quote/0/sim@9ffbcc7891ce/L2/R2 to OwnersLead",
            EscalationMessage.Parse(GoldenEscalation.Replace("{\"kind\":\"OnCall\",\"name\":\"duty\"}", "{\"kind\":\"OwnersLead\"}", StringComparison.Ordinal)).ToString());
        Assert.Equal("G-1/FollowUp/0/remedy/1: Credit 5 GBP", RemedyMessage.Parse(GoldenRemedy).ToString());
    }

    private static void AssertReadsBack(EscalationAction action)
    {
        OutboxEntry entry = OutboxPayload.For(action);
        Assert.Equal((action.Key.ToString(), action.InteractionId, OutboxKind.Escalation, action.DueAt), (entry.Key, entry.InteractionId, entry.Kind, entry.DueAt));
        EscalationMessage read = EscalationMessage.Parse(entry.Payload);
        Assert.Equal(action.Key, read.Key);
        Assert.Equal(action.InteractionId, read.InteractionId);
        Assert.Equal(action.DueAt, read.DueAt);
        Assert.Equal(action.IsLate, read.IsLate);
        Assert.Equal(action.Commitment, read.Commitment);
        Assert.Equal(action.CommitmentName, read.CommitmentName);
        Assert.Equal(action.Cycle, read.Cycle);
        Assert.Equal(action.ChainName, read.ChainName);
        Assert.Equal(action.ChainVersion, read.ChainVersion);
        Assert.Equal(action.Step, read.Step);
        Assert.Equal(action.StepIndex, read.StepIndex);
        Assert.Equal(action.Repeat, read.Repeat);
        Assert.Equal(action.Recipient.Kind, read.RecipientKind);
        Assert.Equal(action.Recipient.Name, read.RecipientName);
        Assert.Equal(action.Contacts.Select(c => c.Id), read.Contacts);
        Assert.Equal(action.Action, read.Action);
        Assert.Equal(action.CustomAction, read.CustomAction);
        Assert.Equal(action.UsedFallback, read.UsedFallback);
    }

    private static void AssertReadsBack(RemedyDue remedy, string interactionId)
    {
        OutboxEntry entry = OutboxPayload.For(remedy, interactionId);
        Assert.Equal((remedy.Key.ToString(), interactionId, OutboxKind.Remedy, remedy.DueAt), (entry.Key, entry.InteractionId, entry.Kind, entry.DueAt));
        RemedyMessage read = RemedyMessage.Parse(entry.Payload);
        Assert.Equal(remedy.Key, read.Key);
        Assert.Equal(interactionId, read.InteractionId);
        Assert.Equal(remedy.DueAt, read.DueAt);
        Assert.Equal(remedy.Remedy, read.Remedy);
        Assert.Equal(remedy.Remedy.ToString(), read.Description);
        Assert.Equal(remedy.Commitment?.Kind, read.Commitment);
        Assert.Equal(remedy.Commitment?.Name, read.CommitmentName);
        Assert.Equal(remedy.Commitment?.Cycle, read.Cycle);
        Assert.Equal(remedy.Deadline, read.Deadline);
    }

    /// <summary>A first response of 2 business hours, at risk with 1 hour left and telling the customer, breaching
    /// owes an apology within 1 business hour: opened Monday 09:00.</summary>
    private static Policies.ServiceLevelPolicy CustomerPolicy() => Policies.ServiceLevelPolicy.CreateBuilder("Customer", 1, Office)
        .AddTarget(Policies.ServiceTarget.Create(CommitmentKind.FirstResponse, DeadlineRule.WithinBusinessTime(Duration.FromHours(2)))
            .WithDelayNotice("running-late")
            .WithRemedies(Policies.BreachRemedy.Apology().WithDeadline(DeadlineRule.WithinBusinessTime(Duration.FromHours(1)))))
        .WithAtRisk(Policies.AtRiskThreshold.BeforeDeadline(Duration.FromHours(1)))
        .Build();

    private static EvaluationResult CustomerEvaluation(string local) =>
        Evaluator.Evaluate(Timeline.Create("N-1", [new InteractionOpened(At("2025-03-03 09:00"), Owner.Person("p0"))]), CustomerPolicy(), At(local));

    [Fact]
    public void For_DelayNotice_GoldenPayload_ReadsBack()
    {
        DelayNotice notice = CustomerEvaluation("2025-03-03 10:30").DelayNotices.Single();

        OutboxEntry entry = OutboxPayload.For(notice, "N-1");
        DelayNoticeMessage read = DelayNoticeMessage.Parse(entry.Payload);

        Assert.Equal(GoldenNotice, entry.Payload);
        Assert.Equal(("N-1/FirstResponse/0/notice", "N-1", OutboxKind.DelayNotice, At("2025-03-03 10:00")), (entry.Key, entry.InteractionId, entry.Kind, entry.DueAt));
        Assert.Equal((notice.Key, "N-1", At("2025-03-03 10:00"), "running-late", At("2025-03-03 11:00"), CommitmentKind.FirstResponse, (string?)null, 0),
            (read.Key, read.InteractionId, read.DueAt, read.TemplateId, read.Deadline, read.Commitment, read.CommitmentName, read.Cycle));
        Assert.Equal("N-1/FirstResponse/0/notice: running-late", read.ToString());
    }

    [Fact]
    public void For_RemedyWithDeadline_WritesAndReadsTheDeadline()
    {
        RemedyDue remedy = CustomerEvaluation("2025-03-03 13:00").RemediesDue.Single();

        RemedyMessage read = RemedyMessage.Parse(OutboxPayload.For(remedy, "N-1").Payload);

        Assert.Equal(At("2025-03-03 12:00"), read.Deadline);
        AssertReadsBack(remedy, "N-1");
    }

    [Theory]
    [InlineData("\"kind\":\"delayNotice\"", "\"kind\":\"remedy\"", "property 'kind' must be \"delayNotice\"")]
    [InlineData(",\"commitment\":{\"kind\":\"FirstResponse\",\"cycle\":0}", "", "a delay notice needs a commitment")]
    [InlineData("/notice", "/remedy/0", "a delay notice needs a commitment and a key ending in /notice")]
    [InlineData("\"template\":\"running-late\",", "", "required property 'template' is missing")]
    public void DelayNoticeMessage_Parse_BadPayload_ThrowsNamingIt(string find, string replace, string expected)
    {
        string payload = GoldenNotice.Replace(find, replace, StringComparison.Ordinal);
        Assert.NotEqual(GoldenNotice, payload);

        StoredFormatException e = Assert.Throws<StoredFormatException>(() => DelayNoticeMessage.Parse(payload));

        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DelayNotice_IsRecordedInTheOutboxOncePerCycle()
    {
        var outbox = new HashSet<string>();
        foreach (string local in new[] { "2025-03-03 10:00", "2025-03-03 10:30", "2025-03-03 11:00" })
        {
            foreach (DelayNotice notice in CustomerEvaluation(local).DelayNotices)
            {
                outbox.Add(OutboxPayload.For(notice, "N-1").Key);
            }
        }

        Assert.Equal(["N-1/FirstResponse/0/notice"], outbox);
    }

    private const string GoldenNotice =
        "{\"format\":1,\"kind\":\"delayNotice\",\"key\":\"N-1/FirstResponse/0/notice\",\"interaction\":\"N-1\",\"dueAt\":\"2025-03-03T10:00:00Z\",\"template\":\"running-late\",\"deadline\":\"2025-03-03T11:00:00Z\",\"commitment\":{\"kind\":\"FirstResponse\",\"cycle\":0}}";

    private const string GoldenEscalation =
        "{\"format\":1,\"kind\":\"escalation\",\"key\":\"G-1/Custom:send you a quote/0/sim@9ffbcc7891ce/L2/R2\",\"interaction\":\"G-1\",\"dueAt\":\"2025-03-05T16:15:00Z\",\"late\":true,\"commitment\":{\"kind\":\"Custom\",\"name\":\"send you a quote\",\"cycle\":0},\"chain\":{\"name\":\"sim\",\"version\":1},\"step\":\"Level\",\"stepIndex\":2,\"repeat\":2,\"recipient\":{\"kind\":\"OnCall\",\"name\":\"duty\"},\"contacts\":[\"erin\"],\"action\":\"Notify\",\"fallback\":false}";

    private const string GoldenRemedy =
        "{\"format\":1,\"kind\":\"remedy\",\"key\":\"G-1/FollowUp/0/remedy/1\",\"interaction\":\"G-1\",\"dueAt\":\"2025-03-04T12:00:00.000000001Z\",\"remedy\":{\"kind\":\"Credit\",\"amount\":5,\"currency\":\"GBP\"},\"description\":\"Credit 5 GBP\",\"commitment\":{\"kind\":\"FollowUp\",\"cycle\":0}}";
}
