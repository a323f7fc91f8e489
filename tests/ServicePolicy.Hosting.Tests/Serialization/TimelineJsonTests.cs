// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Reflection;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using ServicePolicy.Evaluation;
using ServicePolicy.Hosting.Serialization;
using ServicePolicy.Tests.Evaluation;
using Xunit;

namespace ServicePolicy.Hosting.Tests.Serialization;

public class TimelineJsonTests
{
    private const string GoldenFile = "Serialization/timeline-format-1.json";

    [Fact]
    public void RoundTrip_RandomTimelines_GiveTheSameFactsAndTheSameText()
    {
        Prop.ForAll(TimelineCase.Arbitrary(), c =>
            {
                string json = TimelineJson.Serialize(c.Timeline);
                Timeline read = TimelineJson.Deserialize(json);
                AssertSameFacts(c.Timeline, read);
                Assert.Equal(json, TimelineJson.Serialize(read));
            })
            .Check(Config.QuickThrowOnFailure.WithMaxTest(300));
    }

    [Fact]
    public void RoundTrip_RandomTimelinesWithProfileChanges_GiveTheSameFactsAndTheSameText()
    {
        Prop.ForAll(ProfileTimelineCase.Arbitrary(), c =>
            {
                string json = TimelineJson.Serialize(c.Timeline);
                Timeline read = TimelineJson.Deserialize(json);
                AssertSameFacts(c.Timeline, read);
                Assert.Equal(json, TimelineJson.Serialize(read));
                Assert.Equal(c.Timeline.CurrentProfile.ToString(), read.CurrentProfile.ToString());
            })
            .Check(Config.QuickThrowOnFailure.WithMaxTest(200));
    }

    [Fact]
    public void RoundTrip_EveryFactTypeAndRuleKind_KeepsEveryProperty()
    {
        Timeline timeline = TimelineFixtures.EveryFact();

        Timeline read = TimelineJson.Deserialize(TimelineJson.Serialize(timeline));

        AssertSameFacts(timeline, read);
    }

    [Fact]
    public void EveryFact_CoversEveryFactTypeOfTheCore()
    {
        IEnumerable<string> all = typeof(TimelineFact).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(TimelineFact)) && !t.IsAbstract).Select(t => t.Name).Order();

        Assert.Equal(all, TimelineFixtures.EveryFact().Select(f => f.GetType().Name).Distinct().Order());
    }

    [Fact]
    public void Serialize_GoldenFile_PinsTheBytesOfFormat1()
    {
        string golden = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, GoldenFile)).TrimEnd('\n');

        Assert.Equal(golden, TimelineJson.Serialize(TimelineFixtures.EveryFact()));
    }

    [Fact]
    public void Deserialize_GoldenFile_StillReads()
    {
        Timeline read = TimelineJson.Deserialize(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, GoldenFile)));

        AssertSameFacts(TimelineFixtures.EveryFact(), read);
    }

    [Fact]
    public void Serialize_Instants_AreExactToTheNanosecond()
    {
        Instant at = Instant.FromUtc(2026, 1, 2, 3, 4, 5) + Duration.FromNanoseconds(1);
        Timeline timeline = Timeline.Create("N-1", [new InteractionOpened(at, Commitments.Owner.Person("a"))]);

        string json = TimelineJson.Serialize(timeline);

        Assert.Contains("\"at\":\"2026-01-02T03:04:05.000000001Z\"", json, StringComparison.Ordinal);
        Assert.Equal(at, TimelineJson.Deserialize(json)[0].At);
    }

    [Fact]
    public void Serialize_Opened_WritesTheDocumentedShape()
    {
        Timeline timeline = Timeline.Create("T-42", [new InteractionOpened(Instant.FromUtc(2025, 3, 3, 9, 0), Commitments.Owner.Person("ann"))]);

        Assert.Equal("{\"format\":1,\"id\":\"T-42\",\"facts\":[{\"type\":\"opened\",\"at\":\"2025-03-03T09:00:00Z\",\"owner\":\"person:ann\"," +
            "\"profile\":{\"internal\":false}}]}", TimelineJson.Serialize(timeline));
    }

    [Theory]
    [InlineData("{\"format\":2,\"id\":\"T\",\"facts\":[]}", "format 2, written by a later version of ServicePolicy.Hosting; this package reads format 1")]
    [InlineData("{\"format\":0,\"id\":\"T\",\"facts\":[]}", "format 0; formats start at 1")]
    [InlineData("{\"id\":\"T\",\"facts\":[]}", "required property 'format' is missing")]
    [InlineData("{\"format\":\"1\",\"id\":\"T\",\"facts\":[]}", "property 'format' must be a whole number; it is \"1\"")]
    [InlineData("[1]", "The stored timeline must be a JSON object; it is [1]")]
    [InlineData("{\"format\":1,\"id\":\"T\",\"facts\":[", "not valid JSON")]
    [InlineData("{\"format\":1,\"id\":\"T\",\"facts\":[],\"tags\":[]}", "unknown property 'tags'")]
    [InlineData("{\"format\":1,\"id\":\"T\",\"facts\":[" + Opened + ",{\"type\":\"escalated\",\"at\":\"2025-03-03T10:00:00Z\"}]}",
        "Fact 1 has the unknown type 'escalated'")]
    [InlineData("{\"format\":1,\"id\":\"T\",\"facts\":[" + Opened + ",{\"type\":\"agentReplied\",\"at\":\"2025-03-03T10:00:00Z\"}]}",
        "Fact 1 (agentReplied): the required property 'public' is missing")]
    [InlineData("{\"format\":1,\"id\":\"T\",\"facts\":[" + Opened + ",{\"type\":\"agentReplied\",\"at\":\"2025-03-03T10:00\",\"public\":true}]}",
        "Fact 1 (agentReplied): the property 'at' must be an instant")]
    [InlineData("{\"format\":1,\"id\":\"T\",\"facts\":[" + Opened + ",{\"type\":\"customerReplied\",\"at\":\"2025-03-03T10:00:00Z\",\"mood\":\"angry\"}]}",
        "Fact 1 (customerReplied) has the unknown property 'mood'")]
    [InlineData("{\"format\":1,\"id\":\"T\",\"facts\":[" + Opened + ",{\"type\":\"waitingStarted\",\"at\":\"2025-03-03T10:00:00Z\",\"reason\":1}]}",
        "Fact 1 (waitingStarted): the property 'reason' must be a reason for waiting, such as \"WaitingOnCustomer\" or \"WaitingOnVendor\" (not empty, without white space at either end or ':', and not a built-in name in another case); it is 1")]
    [InlineData("{\"format\":1,\"id\":\"T\",\"facts\":[" + Opened + ",{\"type\":\"ownerAssigned\",\"at\":\"2025-03-03T10:00:00Z\",\"owner\":\"robot:r2\"}]}",
        "Fact 1 (ownerAssigned): the property 'owner' must be an owner such as \"person:ann\"")]
    [InlineData("{\"format\":1,\"id\":\"T\",\"facts\":[" + Opened + ",{\"type\":\"followUpPromised\",\"at\":\"2025-03-03T10:00:00Z\",\"rule\":\"soonish\"}]}",
        "Fact 1 (followUpPromised): the property 'rule' must be a deadline expression")]
    [InlineData("{\"format\":1,\"id\":\"T\",\"facts\":[" + Opened + ",{\"type\":\"followUpPromised\",\"at\":\"2025-03-03T10:00:00Z\",\"rule\":\"4 business hours\",\"by\":\"2025-03-04T10:00:00Z\"}]}",
        "Fact 1 (followUpPromised): a follow-up promise has a 'by' instant or a 'rule', not both")]
    [InlineData("{\"format\":1,\"id\":\"T\",\"facts\":[" + Opened + ",{\"type\":\"escalationAcknowledged\",\"at\":\"2025-03-03T10:00:00Z\",\"key\":\"nope\"}]}",
        "Fact 1 (escalationAcknowledged): the property 'key' must be an action key")]
    [InlineData("{\"format\":1,\"id\":\"T\",\"facts\":[" + Opened + ",{\"type\":\"milestoneReached\",\"at\":\"2025-03-03T10:00:00Z\",\"name\":\" \"}]}",
        "Fact 1 (milestoneReached): the values do not make a valid fact")]
    [InlineData("{\"format\":1,\"id\":\"T\",\"facts\":[{\"type\":\"opened\",\"at\":\"2025-03-03T09:00:00Z\",\"owner\":\"person:a\",\"profile\":{\"internal\":false,\"attributes\":{\"a\":\"1\",\"A\":\"2\"}}}]}",
        "Fact 0 (opened): the values do not make a valid fact: Attribute 'A' is given more than once")]
    [InlineData("{\"format\":1,\"id\":\"T\",\"facts\":[{\"type\":\"opened\",\"at\":\"2025-03-03T09:00:00Z\",\"owner\":\"person:a\",\"profile\":{\"internal\":false,\"colour\":\"red\"}}]}",
        "Fact 0 (opened), property 'profile' has the unknown property 'colour'")]
    [InlineData("{\"format\":1,\"id\":\"T\",\"facts\":[" + Opened + "," + Opened + "]}", "does not form a valid timeline")]
    [InlineData("{\"format\":1,\"id\":\"T\",\"facts\":[" + Opened + ",{\"type\":\"profileChanged\",\"at\":\"2025-03-03T10:00:00Z\",\"profile\":{\"internal\":false,\"customerTimeZone\":\"America/NewYork\"}}]}",
        "Fact 1 (profileChanged), property 'profile': 'America/NewYork' in 'customerTimeZone' is not a TZDB time zone id")]
    [InlineData("{\"format\":1,\"id\":\"T\",\"facts\":[" + Opened + ",{\"type\":\"profileChanged\",\"at\":\"2025-03-03T10:00:00Z\"}]}",
        "Fact 1 (profileChanged): the required property 'profile' is missing")]
    [InlineData("{\"format\":1,\"id\":\"T\",\"facts\":[" + Opened + ",{\"type\":\"appointmentBooked\",\"at\":\"2025-03-03T10:00:00Z\",\"window\":{\"start\":\"2025-03-03T12:00:00Z\"}}]}",
        "Fact 1 (appointmentBooked), property 'window': the required property 'end' is missing")]
    [InlineData("{\"format\":1,\"format\":1,\"id\":\"T\",\"facts\":[]}",
        "The stored timeline has the property 'format' more than once.")]
    [InlineData("{\"format\":1,\"id\":5,\"facts\":[]}",
        "The stored timeline: the property 'id' must be a string; it is 5.")]
    [InlineData("{\"format\":1,\"id\":null,\"facts\":[]}",
        "The stored timeline: the required property 'id' is missing.")]
    [InlineData("{\"format\":1.5,\"id\":\"T\",\"facts\":[]}",
        "The stored timeline: the property 'format' must be a whole number; it is 1.5.")]
    [InlineData("{\"format\":1,\"id\":\"T\",\"facts\":{}}",
        "The stored timeline: the property 'facts' must be an array; it is {}.")]
    [InlineData("{\"format\":1,\"id\":\" \",\"facts\":[" + Opened + "]}",
        "The stored timeline of ' ' does not form a valid timeline: An interaction id must not be empty")]
    [InlineData("{\"format\":1,\"id\":\"T\",\"facts\":[" + Opened + "," + "{\"type\":\"agentReplied\",\"at\":\"2025-03-03T10:00:00Z\",\"public\":\"yes\"}]}",
        "Fact 1 (agentReplied): the property 'public' must be true or false; it is \"yes\".")]
    [InlineData("{\"format\":1,\"id\":\"T\",\"facts\":[" + Opened + "," + "{\"type\":\"agentReplied\",\"at\":\"2025-03-03T10:00:00Z\",\"public\":null}]}",
        "Fact 1 (agentReplied): the required property 'public' is missing.")]
    [InlineData("{\"format\":1,\"id\":\"T\",\"facts\":[" + Opened + "," + "{\"type\":\"waitingStarted\",\"at\":\"2025-03-03T10:00:00Z\",\"reason\":\"\"}]}",
        "Fact 1 (waitingStarted): the property 'reason' must be a reason for waiting, such as \"WaitingOnCustomer\" or \"WaitingOnVendor\" (not empty, without white space at either end or ':', and not a built-in name in another case); it is \"\".")]
    [InlineData("{\"format\":1,\"id\":\"T\",\"facts\":[" + Opened + "," + "{\"type\":\"waitingStarted\",\"at\":\"2025-03-03T10:00:00Z\",\"reason\":\"waitingOnCustomer\"}]}",
        "Fact 1 (waitingStarted): the property 'reason' must be a reason for waiting, such as \"WaitingOnCustomer\" or \"WaitingOnVendor\" (not empty, without white space at either end or ':', and not a built-in name in another case); it is \"waitingOnCustomer\".")]
    [InlineData("{\"format\":1,\"id\":\"T\",\"facts\":[" + Opened + "," + "{\"type\":\"waitingStarted\",\"at\":\"2025-03-03T10:00:00Z\",\"reason\":\"wait:ing\"}]}",
        "Fact 1 (waitingStarted): the property 'reason' must be a reason for waiting, such as \"WaitingOnCustomer\" or \"WaitingOnVendor\" (not empty, without white space at either end or ':', and not a built-in name in another case); it is \"wait:ing\".")]
    [InlineData("{\"format\":1,\"id\":\"T\",\"facts\":[" + Opened + "," + "{\"type\":\"waitingStarted\",\"at\":\"2025-03-03T10:00:00Z\",\"reason\":\"WaitingOnCustomer \"}]}",
        "Fact 1 (waitingStarted): the property 'reason' must be a reason for waiting, such as \"WaitingOnCustomer\" or \"WaitingOnVendor\" (not empty, without white space at either end or ':', and not a built-in name in another case); it is \"WaitingOnCustomer \".")]
    [InlineData("{\"format\":1,\"id\":\"T\",\"facts\":[" + Opened + "," + "{\"type\":\"ownerAssigned\",\"at\":\"2025-03-03T10:00:00Z\",\"owner\":\"person:\"}]}",
        "Fact 1 (ownerAssigned): the property 'owner' must be an owner such as \"person:ann\" or \"team:billing\"; it is \"person:\".")]
    [InlineData("{\"format\":1,\"id\":\"T\",\"facts\":[" + Opened + "," + "{\"type\":\"ownerAssigned\",\"at\":\"2025-03-03T10:00:00Z\",\"owner\":\"person: \"}]}",
        "Fact 1 (ownerAssigned): the property 'owner' must be an owner such as \"person:ann\" or \"team:billing\"; it is \"person: \".")]
    [InlineData("{\"format\":1,\"id\":\"T\",\"facts\":[" + Opened + "," + "{\"type\":\"ownerAssigned\",\"at\":\"2025-03-03T10:00:00Z\",\"owner\":\"ann\"}]}",
        "Fact 1 (ownerAssigned): the property 'owner' must be an owner such as \"person:ann\" or \"team:billing\"; it is \"ann\".")]
    [InlineData("{\"format\":1,\"id\":\"T\",\"facts\":[" + Opened + "," + "{\"type\":\"ownerAssigned\",\"at\":\"2025-03-03T10:00:00Z\",\"owner\":7}]}",
        "Fact 1 (ownerAssigned): the property 'owner' must be an owner such as \"person:ann\" or \"team:billing\"; it is 7.")]
    [InlineData("{\"format\":1,\"id\":\"T\",\"facts\":[" + Opened + "," + "{\"type\":\"ownerAssigned\",\"at\":\"2025-03-03T10:00:00Z\",\"owner\":\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"}]}",
        "it is \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx...")]
    [InlineData("{\"format\":1,\"id\":\"T\",\"facts\":[" + Opened + "," + "{\"type\":\"appointmentBooked\",\"at\":\"2025-03-03T10:00:00Z\",\"window\":{\"start\":\"2025-03-03T12:00:00Z\",\"end\":\"2025-03-03T12:00:00Z\"}}]}",
        "Fact 1 (appointmentBooked): the window's end 2025-03-03T12:00:00Z is not after its start 2025-03-03T12:00:00Z.")]
    [InlineData("{\"format\":1,\"id\":\"T\",\"facts\":[" + Opened + "," + "{\"type\":\"appointmentBooked\",\"at\":\"2025-03-03T10:00:00Z\",\"window\":{\"start\":\"2025-03-03T12:00:00Z\",\"end\":\"2025-03-03T13:00:00Z\",\"room\":1}}]}",
        "Fact 1 (appointmentBooked), property 'window' has the unknown property 'room'")]
    [InlineData("{\"format\":1,\"id\":\"T\",\"facts\":[" + Opened + "," + "{\"type\":\"followUpPromised\",\"at\":\"2025-03-03T10:00:00Z\",\"rule\":4}]}",
        "Fact 1 (followUpPromised): the property 'rule' must be a deadline expression such as \"4 business hours\"; it is 4.")]
    [InlineData("{\"format\":1,\"id\":\"T\",\"facts\":[" + Opened + "," + "{\"type\":\"escalationAcknowledged\",\"at\":\"2025-03-03T10:00:00Z\",\"key\":5}]}",
        "Fact 1 (escalationAcknowledged): the property 'key' must be an action key such as")]
    [InlineData("{\"format\":1,\"id\":\"T\",\"facts\":[{\"type\":\"opened\",\"at\":\"2025-03-03T09:00:00Z\",\"owner\":\"person:a\",\"profile\":{\"internal\":false,\"attributes\":{\"a\":1}}}]}",
        "Fact 0 (opened), property 'profile', property 'attributes': the property 'a' must be a string; it is 1.")]
    [InlineData("{\"format\":1,\"id\":\"T\",\"facts\":[{\"type\":\"opened\",\"at\":\"2025-03-03T09:00:00Z\",\"owner\":\"person:a\",\"profile\":{\"internal\":false,\"attributes\":[]}}]}",
        "Fact 0 (opened), property 'profile', property 'attributes' must be a JSON object; it is [].")]
    [InlineData("{\"format\":1,\"id\":\"T\",\"facts\":[{\"type\":\"opened\",\"at\":\"2025-03-03T09:00:00Z\",\"owner\":\"person:a\",\"profile\":{}}]}",
        "Fact 0 (opened), property 'profile': the required property 'internal' is missing.")]
    [InlineData("{\"format\":1,\"id\":\"T\",\"facts\":[7]}",
        "Fact 0 must be a JSON object; it is 7.")]
    public void Deserialize_BadText_ThrowsNamingWhatAndWhere(string json, string expected)
    {
        StoredFormatException e = Assert.Throws<StoredFormatException>(() => TimelineJson.Deserialize(json));

        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_NullOptionalValues_ReadAsAbsent()
    {
        string json = "{\"format\":1,\"id\":\"T\",\"facts\":[" + Opened + "," +
            "{\"type\":\"followUpPromised\",\"at\":\"2025-03-03T10:00:00Z\",\"by\":null,\"rule\":\"4 business hours\"}," +
            "{\"type\":\"escalationAcknowledged\",\"at\":\"2025-03-03T10:00:00Z\",\"key\":\"T/FirstResponse/0/sim@v1/L0/R0\",\"by\":null}]}";

        Timeline read = TimelineJson.Deserialize(json);

        Assert.Equal("4 business hours", Commitments.DeadlineExpression.Format(((FollowUpPromised)read[1]).Rule!));
        Assert.Null(((FollowUpPromised)read[1]).By);
        Assert.Null(((EscalationAcknowledged)read[2]).By);
    }

    [Fact]
    public void Serialize_Null_Throws() => Assert.Throws<ArgumentNullException>("timeline", () => TimelineJson.Serialize(null!));

    [Fact]
    public void Deserialize_UnknownProperty_SaysALaterVersionMayHaveWrittenIt()
    {
        StoredFormatException e = Assert.Throws<StoredFormatException>(() => TimelineJson.Deserialize("{\"format\":1,\"id\":\"T\",\"facts\":[],\"tags\":[]}"));

        Assert.Equal("The stored timeline has the unknown property 'tags'; it may have been written by a later version of ServicePolicy.Hosting, " +
            "and this one will not drop it silently.", e.Message);
    }

    [Fact]
    public void Deserialize_UnknownFactType_ListsTheTypesThisFormatKnows()
    {
        StoredFormatException e = Assert.Throws<StoredFormatException>(() => TimelineJson.Deserialize(
            "{\"format\":1,\"id\":\"T\",\"facts\":[" + Opened + ",{\"type\":\"escalated\",\"at\":\"2025-03-03T10:00:00Z\"}]}"));

        Assert.Equal("Fact 1 has the unknown type 'escalated'; timeline format 1 knows opened, agentReplied, customerReplied, followUpPromised, " +
            "waitingStarted, waitingEnded, ownerAssigned, appointmentBooked, appointmentArrived, resolved, reopened, feedbackRequested, " +
            "milestoneReached, milestoneStarted, escalationAcknowledged, deadlineAgreed, targetWaived, remedyGiven, feedbackReceived, cancelled and profileChanged.", e.Message);
    }

    [Theory]
    [InlineData(78, false)]
    [InlineData(79, true)]
    public void Deserialize_BadValue_IsQuotedWholeUpTo80CharactersAndCutAfter(int length, bool cut)
    {
        string value = new('x', length); // its JSON text, with the quotes, is length + 2 characters long
        StoredFormatException e = Assert.Throws<StoredFormatException>(() => TimelineJson.Deserialize(
            "{\"format\":1,\"id\":\"T\",\"facts\":[" + Opened + ",{\"type\":\"ownerAssigned\",\"at\":\"2025-03-03T10:00:00Z\",\"owner\":\"" + value + "\"}]}"));

        string quoted = cut ? "\"" + value[..76] + "..." : "\"" + value + "\"";
        Assert.EndsWith($"; it is {quoted}.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_Null_Throws() => Assert.Throws<ArgumentNullException>("json", () => TimelineJson.Deserialize(null!));

    private const string Opened = "{\"type\":\"opened\",\"at\":\"2025-03-03T09:00:00Z\",\"owner\":\"person:a\",\"profile\":{\"internal\":false}}";

    /// <summary>Compares two timelines fact by fact, property by property (every public property of every fact type,
    /// by reflection, so that a property added to a fact later is compared too).</summary>
    internal static void AssertSameFacts(Timeline expected, Timeline actual)
    {
        Assert.Equal(expected.InteractionId, actual.InteractionId);
        Assert.Equal(expected.Count, actual.Count);
        for (int i = 0; i < expected.Count; i++)
        {
            TimelineFact e = expected[i], a = actual[i];
            Assert.Equal(e.GetType(), a.GetType());
            foreach (PropertyInfo property in e.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                Assert.True(Describe(property.GetValue(e)) == Describe(property.GetValue(a)),
                    $"fact {i} ({e.GetType().Name}).{property.Name}: expected {Describe(property.GetValue(e))}, read {Describe(property.GetValue(a))}");
            }
        }
    }

    private static string Describe(object? value) => value switch
    {
        null => "null",
        Instant i => NodaTime.Text.InstantPattern.ExtendedIso.Format(i),
        NodaTime.Interval w => Describe(w.Start) + "/" + Describe(w.End),
        Policies.InteractionProfile p => $"{p.Channel}|{p.Priority}|{p.CustomerTier}|{p.IsInternal}|" +
            string.Join(",", p.Attributes.OrderBy(x => x.Key, StringComparer.Ordinal).Select(x => x.Key + "=" + x.Value)) +
            $"|{p.CustomerTimeZone?.Id}|{p.CustomerCalendarName}",
        Commitments.DeadlineRule r => r.GetType().Name + ":" + Commitments.DeadlineExpression.Format(r),
        _ => value.ToString()!,
    };
}
