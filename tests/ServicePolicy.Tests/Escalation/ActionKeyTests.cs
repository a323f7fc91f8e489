// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Globalization;
using FsCheck;
using FsCheck.Xunit;
using NodaTime;
using ServicePolicy.Commitments;
using ServicePolicy.Escalation;
using ServicePolicy.Evaluation;
using ServicePolicy.Policies;
using ServicePolicy.Tests.Evaluation;
using Xunit;

namespace ServicePolicy.Tests.Escalation;

/// <summary>The key grammar pinned by golden strings: hosts store these keys, so every form must format byte for byte as
/// it did before <see cref="ActionKey"/> existed, and parse back to the same parts.</summary>
public sealed class ActionKeyTests
{
    private static readonly string LongId = new('x', 200);

    /// <summary>A golden case: the key as the library builds it, its exact text, and the parts <see cref="ActionKey.Parse"/>
    /// must read back.</summary>
    public sealed record Golden(string Text, Func<ActionKey> Build, string InteractionId, bool IsHandoffLimit, CommitmentKind? Commitment,
        string? CommitmentName, int? Cycle, string? ChainName, int? ChainVersion, ActionKeyStep Step, int Index, int Repeat)
    {
        public override string ToString() => Text;
    }

    private static readonly Golden[] Goldens =
    [
        new("T-1/FirstResponse/0/standard@000000000001/W0", () => ActionKey.Warning("T-1", CommitmentKind.FirstResponse, null, 0, "standard", "000000000001", 0),
            "T-1", false, CommitmentKind.FirstResponse, null, 0, "standard", null, ActionKeyStep.Warning, 0, 0),
        new("T-1/FirstResponse/0/standard@000000000001/L0/R0", () => ActionKey.Level("T-1", CommitmentKind.FirstResponse, null, 0, "standard", "000000000001", 0, 0),
            "T-1", false, CommitmentKind.FirstResponse, null, 0, "standard", null, ActionKeyStep.Level, 0, 0),
        new("T-2/NextResponse/12/ladder@000000000003/L2/R7", () => ActionKey.Level("T-2", CommitmentKind.NextResponse, null, 12, "ladder", "000000000003", 2, 7),
            "T-2", false, CommitmentKind.NextResponse, null, 12, "ladder", null, ActionKeyStep.Level, 2, 7),
        new("T-3/PeriodicUpdate/4/ladder@000000000001/W1", () => ActionKey.Warning("T-3", CommitmentKind.PeriodicUpdate, null, 4, "ladder", "000000000001", 1),
            "T-3", false, CommitmentKind.PeriodicUpdate, null, 4, "ladder", null, ActionKeyStep.Warning, 1, 0),
        new("T-4/FollowUp/0/ladder@000000000001/L1/R0", () => ActionKey.Level("T-4", CommitmentKind.FollowUp, null, 0, "ladder", "000000000001", 1, 0),
            "T-4", false, CommitmentKind.FollowUp, null, 0, "ladder", null, ActionKeyStep.Level, 1, 0),
        new("T-5/Resolution/0/ladder@00000000000a/W2", () => ActionKey.Warning("T-5", CommitmentKind.Resolution, null, 0, "ladder", "00000000000a", 2),
            "T-5", false, CommitmentKind.Resolution, null, 0, "ladder", null, ActionKeyStep.Warning, 2, 0),
        new("T-6/Appointment/1/ladder@000000000001/L0/R0", () => ActionKey.Level("T-6", CommitmentKind.Appointment, null, 1, "ladder", "000000000001", 0, 0),
            "T-6", false, CommitmentKind.Appointment, null, 1, "ladder", null, ActionKeyStep.Level, 0, 0),
        new("T-7/FeedbackRequest/0/ladder@000000000001/L0/R1", () => ActionKey.Level("T-7", CommitmentKind.FeedbackRequest, null, 0, "ladder", "000000000001", 0, 1),
            "T-7", false, CommitmentKind.FeedbackRequest, null, 0, "ladder", null, ActionKeyStep.Level, 0, 1),
        new("T-8/Custom:send you a quote/0/ladder@000000000001/W0", () => ActionKey.Warning("T-8", CommitmentKind.Custom, "send you a quote", 0, "ladder", "000000000001", 0),
            "T-8", false, CommitmentKind.Custom, "send you a quote", 0, "ladder", null, ActionKeyStep.Warning, 0, 0),
        new("T-8/Custom:send you a quote/2/ladder@000000000001/L1/R3", () => ActionKey.Level("T-8", CommitmentKind.Custom, "send you a quote", 2, "ladder", "000000000001", 1, 3),
            "T-8", false, CommitmentKind.Custom, "send you a quote", 2, "ladder", null, ActionKeyStep.Level, 1, 3),
        new("T-3/HandoffLimit/ladder@000000000001/L1/R0", () => ActionKey.HandoffLimitLevel("T-3", "ladder", "000000000001", 1),
            "T-3", true, null, null, null, "ladder", null, ActionKeyStep.Level, 1, 0),
        new("T-2/FollowUp/0/remedy/1", () => ActionKey.Remedy("T-2", CommitmentKind.FollowUp, null, 0, 1),
            "T-2", false, CommitmentKind.FollowUp, null, 0, null, null, ActionKeyStep.Remedy, 1, 0),
        new("T-2/Custom:call back/3/remedy/0", () => ActionKey.Remedy("T-2", CommitmentKind.Custom, "call back", 3, 0),
            "T-2", false, CommitmentKind.Custom, "call back", 3, null, null, ActionKeyStep.Remedy, 0, 0),
        new("T-3/HandoffLimit/remedy/0", () => ActionKey.HandoffLimitRemedy("T-3", 0),
            "T-3", true, null, null, null, null, null, ActionKeyStep.Remedy, 0, 0),
        // Named measures of a built-in kind: {kind}:{name}; the name may hold ':' (split at the first ':').
        new("T-4/Resolution:agent work time/0/ladder@000000000001/L1/R2", () => ActionKey.Level("T-4", CommitmentKind.Resolution, "agent work time", 0, "ladder", "000000000001", 1, 2),
            "T-4", false, CommitmentKind.Resolution, "agent work time", 0, "ladder", null, ActionKeyStep.Level, 1, 2),
        new("T-4/FirstResponse:a:b/3/ladder@000000000001/W0", () => ActionKey.Warning("T-4", CommitmentKind.FirstResponse, "a:b", 3, "ladder", "000000000001", 0),
            "T-4", false, CommitmentKind.FirstResponse, "a:b", 3, "ladder", null, ActionKeyStep.Warning, 0, 0),
        new("T-4/Resolution:requester wait time/0/remedy/1", () => ActionKey.Remedy("T-4", CommitmentKind.Resolution, "requester wait time", 0, 1),
            "T-4", false, CommitmentKind.Resolution, "requester wait time", 0, null, null, ActionKeyStep.Remedy, 1, 0),
        new("T-4/Resolution:Custom/0/remedy/0", () => ActionKey.Remedy("T-4", CommitmentKind.Resolution, "Custom", 0, 0),
            "T-4", false, CommitmentKind.Resolution, "Custom", 0, null, null, ActionKeyStep.Remedy, 0, 0),
        // Names may hold anything but '/': '@' in a chain name (split at the last '@'), ':' in a custom name, spaces,
        // non-ASCII letters, and part names of the grammar itself.
        new("ZD#42 ü/Custom:a:b@c/0/esc@prod@000000000002/L0/R0", () => ActionKey.Level("ZD#42 ü", CommitmentKind.Custom, "a:b@c", 0, "esc@prod", "000000000002", 0, 0),
            "ZD#42 ü", false, CommitmentKind.Custom, "a:b@c", 0, "esc@prod", null, ActionKeyStep.Level, 0, 0),
        new("HandoffLimit/Custom:HandoffLimit/0/remedy@000000000001/W0", () => ActionKey.Warning("HandoffLimit", CommitmentKind.Custom, "HandoffLimit", 0, "remedy", "000000000001", 0),
            "HandoffLimit", false, CommitmentKind.Custom, "HandoffLimit", 0, "remedy", null, ActionKeyStep.Warning, 0, 0),
        new("remedy/HandoffLimit/remedy@000000000001/L0/R0", () => ActionKey.HandoffLimitLevel("remedy", "remedy", "000000000001", 0),
            "remedy", true, null, null, null, "remedy", null, ActionKeyStep.Level, 0, 0),
        new("T-9/Resolution/2147483647/c@00007fffffff/L2147483647/R2147483647",
            () => ActionKey.Level("T-9", CommitmentKind.Resolution, null, int.MaxValue, "c", "00007fffffff", int.MaxValue, int.MaxValue),
            "T-9", false, CommitmentKind.Resolution, null, int.MaxValue, "c", null, ActionKeyStep.Level, int.MaxValue, int.MaxValue),
        // Longer than the stack buffer the key is formatted in.
        new($"{LongId}/FirstResponse/0/{LongId}@000000000001/L0/R0", () => ActionKey.Level(LongId, CommitmentKind.FirstResponse, null, 0, LongId, "000000000001", 0, 0),
            LongId, false, CommitmentKind.FirstResponse, null, 0, LongId, null, ActionKeyStep.Level, 0, 0),
        // The form before step ids ({chain}@v{version}): still read (stored acknowledgements and outbox rows), never built.
        new("T-1/FirstResponse/0/standard@v1/L0/R0", () => ActionKey.Parse("T-1/FirstResponse/0/standard@v1/L0/R0"),
            "T-1", false, CommitmentKind.FirstResponse, null, 0, "standard", 1, ActionKeyStep.Level, 0, 0),
        new("T-5/Resolution/0/ladder@v10/W2", () => ActionKey.Parse("T-5/Resolution/0/ladder@v10/W2"),
            "T-5", false, CommitmentKind.Resolution, null, 0, "ladder", 10, ActionKeyStep.Warning, 2, 0),
        new("T-3/HandoffLimit/ladder@v1/L1/R0", () => ActionKey.Parse("T-3/HandoffLimit/ladder@v1/L1/R0"),
            "T-3", true, null, null, null, "ladder", 1, ActionKeyStep.Level, 1, 0),
    ];

    public static TheoryData<Golden> GoldenKeys() => new(Goldens);

    [Theory]
    [MemberData(nameof(GoldenKeys))]
    public void Format_EveryForm_IsByteIdenticalToTheGoldenText(Golden golden)
    {
        Assert.Equal(golden.Text, golden.Build().ToString());
    }

    [Theory]
    [MemberData(nameof(GoldenKeys))]
    public void Parse_GoldenText_ReadsEveryPart(Golden golden)
    {
        ActionKey key = ActionKey.Parse(golden.Text);

        Assert.Equal(golden.Text, key.ToString());
        Assert.Equal(golden.InteractionId, key.InteractionId);
        Assert.Equal(golden.IsHandoffLimit, key.IsHandoffLimit);
        Assert.Equal(golden.Commitment, key.Commitment);
        Assert.Equal(golden.CommitmentName, key.CommitmentName);
        Assert.Equal(golden.Cycle, key.Cycle);
        Assert.Equal(golden.ChainName, key.ChainName);
        Assert.Equal(golden.ChainVersion, key.ChainVersion);
        Assert.Equal(golden.Step, key.Step);
        Assert.Equal(golden.Index, key.Index);
        Assert.Equal(golden.Repeat, key.Repeat);
    }

    [Theory]
    [MemberData(nameof(GoldenKeys))]
    public void Parse_GoldenText_EqualsTheBuiltKeyAndRoundTrips(Golden golden)
    {
        ActionKey built = golden.Build();
        Assert.True(ActionKey.TryParse(golden.Text, out ActionKey parsed));

        Assert.Equal(built, parsed);
        Assert.True(built == parsed);
        Assert.False(built != parsed);
        Assert.Equal(built.GetHashCode(), parsed.GetHashCode());
        Assert.Equal(built.ToString(), ActionKey.Parse(parsed.ToString()).ToString());
        // Every part the builder was given is read back.
        Assert.Equal((built.InteractionId, built.IsHandoffLimit, built.Commitment, built.CommitmentName, built.Cycle),
            (parsed.InteractionId, parsed.IsHandoffLimit, parsed.Commitment, parsed.CommitmentName, parsed.Cycle));
        Assert.Equal((built.ChainName, built.ChainVersion, built.Step, built.Index, built.Repeat),
            (parsed.ChainName, parsed.ChainVersion, parsed.Step, parsed.Index, parsed.Repeat));
    }

    [Theory]
    //          text                                              position  expected (part of)
    [InlineData("", 0, "an interaction id")]
    [InlineData("T-1", 3, "'/' after the interaction id")]
    [InlineData("/FirstResponse/0/c@v1/W0", 0, "an interaction id")]
    [InlineData("  /FirstResponse/0/c@v1/W0", 0, "an interaction id")]
    [InlineData("T-1/", 4, "a commitment kind")]
    [InlineData("T-1/firstresponse/0/c@v1/W0", 4, "a commitment kind")]
    [InlineData("T-1/Custom/0/c@v1/W0", 4, "a commitment kind")]
    [InlineData("T-1/Custom:/0/c@v1/W0", 11, "a custom commitment name")]
    [InlineData("T-1/Custom: /0/c@v1/W0", 11, "a custom commitment name")]
    [InlineData("T-1/Resolution:/0/c@v1/W0", 15, "a measure name")]
    [InlineData("T-1/Resolution: /0/c@v1/W0", 15, "a measure name")]
    [InlineData("T-1/Resolutio:x/0/c@v1/W0", 4, "a commitment kind")]
    [InlineData("T-1/:x/0/c@v1/W0", 4, "a commitment kind")]
    [InlineData("T-1/FirstResponse", 17, "'/' after the commitment")]
    [InlineData("T-1/FirstResponse/x/c@v1/W0", 18, "a cycle number")]
    [InlineData("T-1/FirstResponse/00/c@v1/W0", 18, "a cycle number")]
    [InlineData("T-1/FirstResponse/-1/c@v1/W0", 18, "a cycle number")]
    [InlineData("T-1/FirstResponse/+1/c@v1/W0", 18, "a cycle number")]
    [InlineData("T-1/FirstResponse/2147483648/c@v1/W0", 18, "a cycle number")]
    [InlineData("T-1/FirstResponse/0", 19, "'/' after the cycle")]
    [InlineData("T-1/FirstResponse/0/chain/W0", 20, "a chain, {name}@{step-id}, or 'remedy'")]
    [InlineData("T-1/FirstResponse/0/@v1/W0", 20, "a chain name")]
    [InlineData("T-1/FirstResponse/0/c@1/W0", 22, "'v' and the chain version")]
    [InlineData("T-1/FirstResponse/0/c@v0/W0", 23, "a chain version (1 or more)")]
    [InlineData("T-1/FirstResponse/0/c@v/W0", 23, "a chain version (1 or more)")]
    [InlineData("T-1/FirstResponse/0/c@v1x/W0", 24, "'/' after the chain version")]
    [InlineData("T-1/FirstResponse/0/c@v1", 24, "'/' after the chain")]
    [InlineData("T-1/FirstResponse/0/c@v1/", 25, "a step")]
    [InlineData("T-1/FirstResponse/0/c@v1/X0", 25, "a step")]
    [InlineData("T-1/FirstResponse/0/c@v1/W", 26, "a warning number")]
    [InlineData("T-1/FirstResponse/0/c@v1/W0/R0", 27, "the end of the key")]
    [InlineData("T-1/FirstResponse/0/c@v1/L0", 27, "'/R' and the repeat")]
    [InlineData("T-1/FirstResponse/0/c@v1/L0/R", 29, "a repeat number")]
    [InlineData("T-1/FirstResponse/0/c@v1/L0/R01", 29, "a repeat number")]
    [InlineData("T-1/FirstResponse/0/c@v1/L0/R0/", 30, "the end of the key")]
    [InlineData("T-1/FirstResponse/0/c@v1/L0/R0 ", 30, "the end of the key")]
    [InlineData("T-1/FirstResponse/0/remedy", 26, "'/' after remedy")]
    [InlineData("T-1/FirstResponse/0/remedy/", 27, "a remedy number")]
    [InlineData("T-1/FirstResponse/0/remedy/1/2", 29, "a chain, {name}@{step-id}, or 'remedy'")]   // after a remedy, only its overdue escalation
    [InlineData("T-1/FirstResponse/0/remedy/1x", 28, "the end of the key, or '/' and the chain escalating the overdue remedy")]
    [InlineData("T-1/HandoffLimit", 16, "'/' after HandoffLimit")]
    [InlineData("T-1/HandoffLimit/0/c@v1/L0/R0", 17, "a chain")]
    [InlineData("T-1/HandoffLimit/c@v1/W0", 21, "'/L' and the level")]
    [InlineData("T-1/HandoffLimit/c@v1/L0/R1", 24, "'/R0' after the level")]
    [InlineData("T-1/HandoffLimit/c@v1/L0/R0/x", 27, "the end of the key")]
    public void Parse_MalformedText_ThrowsNamingPositionAndExpectation(string text, int position, string expected)
    {
        var e = Assert.Throws<ActionKeyFormatException>(() => ActionKey.Parse(text));

        Assert.Equal(text, e.Text);
        Assert.Equal(position, e.Position);
        Assert.Contains(expected, e.Expected, StringComparison.Ordinal);
        Assert.StartsWith($"Invalid action key '{text}': expected {e.Expected} at position {position + 1}, found ", e.Message, StringComparison.Ordinal);
        Assert.False(ActionKey.TryParse(text, out ActionKey key));
        Assert.Equal(default, key);
    }

    [Fact]
    public void Parse_Message_QuotesTheOffendingPart()
    {
        var e = Assert.Throws<ActionKeyFormatException>(() => ActionKey.Parse("T-1/FirstResponse/0/chain/W0"));

        Assert.StartsWith("Invalid action key 'T-1/FirstResponse/0/chain/W0': expected a chain, {name}@{step-id}, or 'remedy' at position 21, found 'chain'.",
            e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Null_Throws_AndTryParseReturnsFalse()
    {
        Assert.Equal("text", Assert.Throws<ArgumentNullException>(() => ActionKey.Parse(null!)).ParamName);
        Assert.False(ActionKey.TryParse(null, out ActionKey key));
        Assert.Equal(default, key);
    }

    [Fact]
    public void Default_IsNoKey_AndEqualsOnlyItself()
    {
        ActionKey none = default;

        Assert.Equal(string.Empty, none.ToString());
        Assert.Equal(string.Empty, none.InteractionId);
        Assert.False(none.IsHandoffLimit);
        Assert.Null(none.Commitment);
        Assert.Null(none.CommitmentName);
        Assert.Null(none.Cycle);
        Assert.Null(none.ChainName);
        Assert.Null(none.ChainVersion);
        Assert.Equal((ActionKeyStep.Warning, 0, 0), (none.Step, none.Index, none.Repeat));
        Assert.Equal(0, none.GetHashCode());
        Assert.True(none == default(ActionKey));
        Assert.NotEqual(none, ActionKey.Parse("T-1/FirstResponse/0/c@v1/W0"));
        Assert.Equal("key", Assert.Throws<ArgumentException>(() => new EscalationAcknowledged(Instant.FromUnixTimeSeconds(0), none)).ParamName);
    }

    [Fact]
    public void Equality_IsOrdinalOnTheText()
    {
        ActionKey a = ActionKey.Parse("T-1/FirstResponse/0/c@0123456789ab/L0/R0");
        ActionKey same = ActionKey.Level("T-1", CommitmentKind.FirstResponse, null, 0, "c", "0123456789ab", 0, 0);
        ActionKey otherRepeat = ActionKey.Parse("T-1/FirstResponse/0/c@0123456789ab/L0/R1");
        ActionKey otherCase = ActionKey.Parse("t-1/FirstResponse/0/c@0123456789ab/L0/R0");

        Assert.True(a.Equals(same));
        Assert.True(a.Equals((object)same));
        Assert.False(a.Equals((object)a.ToString()));
        Assert.False(a.Equals(otherRepeat));
        Assert.False(a == otherCase);
        Assert.True(a != otherCase);
        Assert.Equal(2, new HashSet<ActionKey> { a, same, otherRepeat }.Count);
    }

    /// <summary>The planner builds a key for every listed action of a large queue: building one allocates what the string
    /// interpolation it replaced allocates (the key's text) and nothing more.</summary>
    /// <remarks>The comparison is with that interpolation, run the same way, rather than with a bare string of the same
    /// length: while the tiered JIT runs the runtime's interpolation handler unoptimized (with the whole suite running it
    /// stays so for seconds), formatting each number boxes it, and that is charged to both alike.</remarks>
    [Fact]
    public void Build_AllocatesOnlyWhatTheReplacedInterpolationDid()
    {
        static ActionKey Build() => ActionKey.Level("T-1", CommitmentKind.FirstResponse, null, 0, "standard", "0123456789ab", 0, 0);
        static string Interpolate(string id, string kind, int cycle, string chain, string stepId, int level, int repeat) =>
            string.Create(CultureInfo.InvariantCulture, stackalloc char[128], $"{id}/{kind}/{cycle}/{chain}@{stepId}/L{level}/R{repeat}");
        _ = Build();
        _ = Interpolate("T-1", "FirstResponse", 0, "standard", "0123456789ab", 0, 0);

        // The least of a few tries: a call can be recompiled between two tries and charge this thread once.
        long forKey = long.MaxValue, forInterpolation = long.MaxValue;
        ActionKey key = default;
        string text = string.Empty;
        for (int attempt = 0; attempt < 5; attempt++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            key = Build();
            forKey = Math.Min(forKey, GC.GetAllocatedBytesForCurrentThread() - before);
            before = GC.GetAllocatedBytesForCurrentThread();
            text = Interpolate("T-1", "FirstResponse", 0, "standard", "0123456789ab", 0, 0);
            forInterpolation = Math.Min(forInterpolation, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        Assert.Equal(text, key.ToString());
        Assert.Equal("T-1/FirstResponse/0/standard@0123456789ab/L0/R0", key.ToString());
        Assert.Equal(forInterpolation, forKey);
    }

    /// <summary>The key replaced a string in every action, remedy and acknowledgement: it holds one reference, so none
    /// of them grew.</summary>
    [Fact]
    public void Key_IsOneReferenceWide()
    {
        Assert.Equal(IntPtr.Size, System.Runtime.CompilerServices.Unsafe.SizeOf<ActionKey>());
    }

    [Fact]
    public void EntryPoints_RejectNamesContainingTheSeparator_NamingValueAndArgument()
    {
        Instant at = Instant.FromUtc(2025, 3, 10, 9, 0);
        var opened = new InteractionOpened(at, Owner.Person("alice"));

        var id = Assert.Throws<ArgumentException>(() => Timeline.Create("ACME/42", [opened]));
        Assert.Equal("interactionId", id.ParamName);
        Assert.StartsWith("Interaction id 'ACME/42' must not contain '/', which separates the parts of action keys.", id.Message, StringComparison.Ordinal);

        var custom = Assert.Throws<ArgumentException>(() => ServiceTarget.Custom("quote/invoice", DeadlineRule.WithinElapsedTime(Duration.FromHours(1))));
        Assert.Equal("name", custom.ParamName);
        Assert.StartsWith("Custom target name 'quote/invoice' must not contain '/'", custom.Message, StringComparison.Ordinal);

        var chain = Assert.Throws<ArgumentException>(() => EscalationChain.CreateBuilder("a/b", 1, at, new EscalationContact("x")));
        Assert.Equal("name", chain.ParamName);
        Assert.StartsWith("Chain name 'a/b' must not contain '/'", chain.Message, StringComparison.Ordinal);
    }

    [Property(MaxTest = 500)]
    public void Format_ThenParse_ReadsBackEveryPart(NonEmptyString id, NonEmptyString name, NonEmptyString chain, NonNegativeInt cycle,
        PositiveInt version, NonNegativeInt index, NonNegativeInt repeat, bool custom, byte kindByte)
    {
        string interaction = Part(id.Get);
        string? customName = custom ? Part(name.Get) : null;
        string chainName = Part(chain.Get);
        CommitmentKind kind = custom ? CommitmentKind.Custom : (CommitmentKind)(kindByte % (int)CommitmentKind.Custom);
        ActionKey[] keys =
        [
            ActionKey.Warning(interaction, kind, customName, cycle.Get, chainName, version.Get.ToString("x12", CultureInfo.InvariantCulture), index.Get),
            ActionKey.Level(interaction, kind, customName, cycle.Get, chainName, version.Get.ToString("x12", CultureInfo.InvariantCulture), index.Get, repeat.Get),
            ActionKey.HandoffLimitLevel(interaction, chainName, version.Get.ToString("x12", CultureInfo.InvariantCulture), index.Get),
            ActionKey.Remedy(interaction, kind, customName, cycle.Get, index.Get),
            ActionKey.HandoffLimitRemedy(interaction, index.Get),
        ];
        foreach (ActionKey key in keys)
        {
            ActionKey parsed = ActionKey.Parse(key.ToString());
            Assert.Equal(key, parsed);
            Assert.Equal((key.InteractionId, key.IsHandoffLimit, key.Commitment, key.CommitmentName, key.Cycle, key.ChainName, key.ChainVersion),
                (parsed.InteractionId, parsed.IsHandoffLimit, parsed.Commitment, parsed.CommitmentName, parsed.Cycle, parsed.ChainName, parsed.ChainVersion));
            Assert.Equal((key.Step, key.Index, key.Repeat), (parsed.Step, parsed.Index, parsed.Repeat));
        }
    }

    /// <summary>Every key the evaluator lists parses back to the parts its action or remedy reports.</summary>
    [Property(Arbitrary = [typeof(TimelineCase)], MaxTest = 200)]
    public void Evaluate_EveryListedKey_ParsesBackToItsActionsParts(TimelineCase c)
    {
        EvaluationResult result = Evaluator.Evaluate(c.Timeline, SimulationPolicy.Policy, c.Now, SimulationPolicy.Context);

        foreach (EscalationAction action in result.EscalationActions)
        {
            ActionKey key = ActionKey.Parse(action.Key.ToString());
            Assert.Equal(action.Key, key);
            Assert.Equal(action.InteractionId, key.InteractionId);
            Assert.Equal(action.Commitment, key.Commitment);
            Assert.Equal(action.CommitmentName, key.CommitmentName);
            Assert.Equal(action.Cycle, key.Cycle);
            Assert.Equal((action.ChainName, (int?)null), (key.ChainName, key.ChainVersion));
            Assert.Matches("^[0-9a-f]{12}$", key.StepId);
            Assert.Equal(action.Step == EscalationStep.HandoffLimit, key.IsHandoffLimit);
            Assert.Equal(action.Step == EscalationStep.Warning ? ActionKeyStep.Warning : ActionKeyStep.Level, key.Step);
            Assert.Equal((action.StepIndex, action.Repeat), (key.Index, key.Repeat));
        }
        foreach (RemedyDue remedy in result.RemediesDue)
        {
            ActionKey key = ActionKey.Parse(remedy.Key.ToString());
            Assert.Equal(remedy.Key, key);
            Assert.Equal(ActionKeyStep.Remedy, key.Step);
            Assert.Equal(remedy.Commitment?.Kind, key.Commitment);
            Assert.Equal(remedy.Commitment?.Cycle, key.Cycle);
        }
    }

    /// <summary>A valid key part from arbitrary text: without '/', and not only white space.</summary>
    private static string Part(string text)
    {
        string part = text.Replace('/', '_');
        return string.IsNullOrWhiteSpace(part) ? "x" + part : part;
    }
}
