// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using Microsoft.CodeAnalysis.Testing;
using ServicePolicy.Analyzers.CodeFixes;
using OwnerVerify = ServicePolicy.Analyzers.Tests.Infrastructure.CSharpVerifier<
    ServicePolicy.Analyzers.InteractionWithoutOwnerAnalyzer,
    ServicePolicy.Analyzers.CodeFixes.AddMissingInteractionMemberCodeFixProvider>;
using FollowUpVerify = ServicePolicy.Analyzers.Tests.Infrastructure.CSharpVerifier<
    ServicePolicy.Analyzers.InteractionWithoutFollowUpDeadlineAnalyzer,
    ServicePolicy.Analyzers.CodeFixes.AddMissingInteractionMemberCodeFixProvider>;

namespace ServicePolicy.Analyzers.Tests;

/// <summary>
/// The SP1001/SP1002 code fix: adds the member with a <c>default!</c> placeholder (which SP1003 then
/// reports until it is replaced) to the object initializer, or calls the fluent setter.
/// </summary>
public class AddMissingInteractionMemberCodeFixProviderTests
{
    private static DiagnosticResult Owner(int location = 0, string type = "Ticket", string hint = "set 'Owner'")
        => OwnerVerify.Diagnostic(Descriptors.InteractionWithoutOwner).WithLocation(location).WithArguments(type, hint);

    private static DiagnosticResult FollowUp(int location = 0, string type = "Ticket", string hint = "set 'FollowUpBy'")
        => FollowUpVerify.Diagnostic(Descriptors.InteractionWithoutFollowUpDeadline).WithLocation(location).WithArguments(type, hint);

    [Fact]
    public Task NoInitializer_CreatesOne()
        => OwnerVerify.VerifyCodeFixAsync(/* lang=c#-test */ """
            using Support;
            class C
            {
                Ticket M() => {|#0:new Ticket("x", followUpBy: Desk.Tomorrow)|};
            }
            """,
            [Owner()],
            /* lang=c#-test */ """
            using Support;
            class C
            {
                Ticket M() => new Ticket("x", followUpBy: Desk.Tomorrow) { Owner = default! };
            }
            """);

    [Fact]
    public Task SingleLineInitializer_AppendsMember()
        => OwnerVerify.VerifyCodeFixAsync(/* lang=c#-test */ """
            using Support;
            class C
            {
                void M() => Desk.Enqueue({|#0:new Ticket|} { Subject = "x" });
            }
            """,
            [Owner()],
            /* lang=c#-test */ """
            using Support;
            class C
            {
                void M() => Desk.Enqueue(new Ticket { Subject = "x", Owner = default! });
            }
            """);

    [Fact]
    public Task EmptyInitializer_AddsMember()
        => OwnerVerify.VerifyCodeFixAsync(/* lang=c#-test */ """
            using Support;
            class C
            {
                Ticket M() => {|#0:new Ticket|} { };
            }
            """,
            [Owner()],
            /* lang=c#-test */ """
            using Support;
            class C
            {
                Ticket M() => new Ticket { Owner = default! };
            }
            """);

    [Fact]
    public Task MultiLineInitializer_AddsMemberOnItsOwnLine()
        => OwnerVerify.VerifyCodeFixAsync(/* lang=c#-test */ """
            using Support;
            class C
            {
                Ticket M()
                {
                    var ticket = {|#0:new Ticket|}
                    {
                        Subject = "x",
                        FollowUpBy = Desk.Tomorrow
                    };
                    return ticket;
                }
            }
            """,
            [Owner()],
            /* lang=c#-test */ """
            using Support;
            class C
            {
                Ticket M()
                {
                    var ticket = new Ticket
                    {
                        Subject = "x",
                        FollowUpBy = Desk.Tomorrow,
                        Owner = default!
                    };
                    return ticket;
                }
            }
            """);

    [Fact]
    public Task MultiLineInitializerWithTrailingComma_KeepsTheStyle()
        => OwnerVerify.VerifyCodeFixAsync(/* lang=c#-test */ """
            using Support;
            class C
            {
                Ticket M() => {|#0:new Ticket|}
                {
                    Subject = "x",
                };
            }
            """,
            [Owner()],
            /* lang=c#-test */ """
            using Support;
            class C
            {
                Ticket M() => new Ticket
                {
                    Subject = "x",
                    Owner = default!,
                };
            }
            """);

    [Fact]
    public Task TargetTypedNew_CreatesInitializer()
        => OwnerVerify.VerifyCodeFixAsync(/* lang=c#-test */ """
            using Support;
            class C
            {
                Ticket M()
                {
                    Ticket ticket = {|#0:new("x")|};
                    return ticket;
                }
            }
            """,
            [Owner()],
            /* lang=c#-test */ """
            using Support;
            class C
            {
                Ticket M()
                {
                    Ticket ticket = new("x") { Owner = default! };
                    return ticket;
                }
            }
            """);

    [Fact]
    public Task RecordInitOnlyProperty_AndStructField()
        => OwnerVerify.VerifyCodeFixAsync(/* lang=c#-test */ """
            using Support;
            class C
            {
                ChatThread A() => {|#0:new ChatThread("refund")|};
                ChatMessage B() => {|#1:new ChatMessage|} { Text = "hi" };
            }
            """,
            [Owner(0, "ChatThread", "set 'Agent'"), Owner(1, "ChatMessage")],
            /* lang=c#-test */ """
            using Support;
            class C
            {
                ChatThread A() => new ChatThread("refund") { Agent = default! };
                ChatMessage B() => new ChatMessage { Text = "hi", Owner = default! };
            }
            """);

    [Fact]
    public Task FollowUpDeadline_AddsItsMember()
        => FollowUpVerify.VerifyCodeFixAsync(/* lang=c#-test */ """
            using Support;
            class C
            {
                Ticket M() => {|#0:new Ticket("x", Desk.Alice)|};
            }
            """,
            [FollowUp()],
            /* lang=c#-test */ """
            using Support;
            class C
            {
                Ticket M() => new Ticket("x", Desk.Alice) { FollowUpBy = default! };
            }
            """);

    [Fact]
    public Task Factory_AppendsFluentSetter()
        => OwnerVerify.VerifyCodeFixAsync(/* lang=c#-test */ """
            using Support;
            class C
            {
                Ticket A() => Ticket.{|#0:Open("x")|};
                Escalation B() => Escalation.{|#1:Raise("angry")|}.DueBy(Desk.Tomorrow);
            }
            """,
            [Owner(), Owner(1, "Escalation", "call 'EscalateTo'")],
            /* lang=c#-test */ """
            using Support;
            class C
            {
                Ticket A() => Ticket.Open("x").AssignTo(default!);
                Escalation B() => Escalation.Raise("angry").EscalateTo(default!).DueBy(Desk.Tomorrow);
            }
            """);

    [Fact]
    public Task Builder_InsertsSetterBeforeBuild()
        => FollowUpVerify.VerifyCodeFixAsync(/* lang=c#-test */ """
            using Support;
            class C
            {
                Ticket M()
                {
                    return new TicketBuilder()
                        .WithSubject("x")
                        .AssignTo(Desk.Alice)
                        .{|#0:Build()|};
                }
            }
            """,
            [FollowUp()],
            /* lang=c#-test */ """
            using Support;
            class C
            {
                Ticket M()
                {
                    return new TicketBuilder()
                        .WithSubject("x")
                        .AssignTo(Desk.Alice)
                        .FollowUpAt(default!)
                        .Build();
                }
            }
            """);

    [Fact]
    public Task FixAll_FixesEveryCreationInTheDocument()
        => OwnerVerify.VerifyCodeFixAsync(/* lang=c#-test */ """
            using System.Collections.Generic;
            using Support;
            class C
            {
                List<Ticket> M() => [{|#0:new("a")|}, {|#1:new Ticket|} { Subject = "b" }, Ticket.{|#2:Open("c")|}];
            }
            """,
            [Owner(0), Owner(1), Owner(2)],
            /* lang=c#-test */ """
            using System.Collections.Generic;
            using Support;
            class C
            {
                List<Ticket> M() => [new("a") { Owner = default! }, new Ticket { Subject = "b", Owner = default! }, Ticket.Open("c").AssignTo(default!)];
            }
            """);

    [Fact]
    public async Task BothRules_PlaceholdersAreThenReportedBySP1003()
    {
        var test = new OwnerVerify.Test
        {
            AllAnalyzers = true,
            TestCode = /* lang=c#-test */ """
                using Support;
                class C
                {
                    Ticket M() => {|#0:new Ticket("x")|};
                }
                """,
            FixedCode = /* lang=c#-test */ """
                using Support;
                class C
                {
                    Ticket M() => new Ticket("x") { Owner = {|#1:default!|}, FollowUpBy = {|#2:default!|} };
                }
                """,
            ExpectedDiagnostics = { Owner(), FollowUp() },
            NumberOfIncrementalIterations = 2,
            NumberOfFixAllIterations = 2,
        };
        test.FixedState.ExpectedDiagnostics.Add(
            OwnerVerify.Diagnostic(Descriptors.InteractionMemberSetToNullOrDefault).WithLocation(1).WithArguments("owner", "Ticket"));
        test.FixedState.ExpectedDiagnostics.Add(
            OwnerVerify.Diagnostic(Descriptors.InteractionMemberSetToNullOrDefault).WithLocation(2).WithArguments("follow-up deadline", "Ticket"));
        await test.RunAsync();
    }

    [Fact]
    public Task NoAccessibleWayToSetIt_OffersNoFix()
        => OwnerVerify.VerifyCodeFixAsync(/* lang=c#-test */ """
            using ServicePolicy;
            [CustomerInteraction]
            sealed class Callback
            {
                [InteractionOwner]
                public string? Agent { get; private set; }
            }

            class C
            {
                Callback M() => {|#0:new Callback()|};
            }
            """,
            [Owner(0, "Callback", "set 'Agent'")],
            /* lang=c#-test */ """
            using ServicePolicy;
            [CustomerInteraction]
            sealed class Callback
            {
                [InteractionOwner]
                public string? Agent { get; private set; }
            }

            class C
            {
                Callback M() => {|#0:new Callback()|};
            }
            """,
            Owner(0, "Callback", "set 'Agent'"));

    [Fact]
    public void EquivalenceKeys_AreStable()
    {
        Assert.Equal("ServicePolicy.SP1001.AddOwner", CodeFixEquivalenceKeys.AddOwner);
        Assert.Equal("ServicePolicy.SP1002.AddFollowUpDeadline", CodeFixEquivalenceKeys.AddFollowUpDeadline);
        Assert.Equal(
            [DiagnosticIds.InteractionWithoutOwner, DiagnosticIds.InteractionWithoutFollowUpDeadline],
            new AddMissingInteractionMemberCodeFixProvider().FixableDiagnosticIds.ToArray());
    }
}
