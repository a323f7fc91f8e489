// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using Microsoft.CodeAnalysis.Testing;
using OwnerVerify = ServicePolicy.Analyzers.Tests.Infrastructure.CSharpVerifier<
    ServicePolicy.Analyzers.InteractionWithoutOwnerAnalyzer,
    ServicePolicy.Analyzers.CodeFixes.AddMissingInteractionMemberCodeFixProvider>;
using SetToNull = ServicePolicy.Analyzers.Tests.Infrastructure.CSharpVerifier<
    ServicePolicy.Analyzers.InteractionMemberSetToNullOrDefaultAnalyzer,
    Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>;

namespace ServicePolicy.Analyzers.Tests;

/// <summary>
/// Issue 16's defects: inheritance (overrides that do not repeat an inherited attribute, records deriving from a
/// positional record), marked constructors, deconstruction assignments, and which type SP1003 names.
/// </summary>
public class InheritanceAndShapesTests
{
    private const string Cases = /* lang=c#-test */ """
        using NodaTime;
        using ServicePolicy;

        [CustomerInteraction]
        public abstract class CaseBase
        {
            [InteractionOwner] public virtual string? Owner { get; set; }
            [FollowUpDeadline] public virtual Instant? Due { get; set; }
        }

        public class Complaint : CaseBase
        {
            public override string? Owner { get; set; }
            public override Instant? Due { get; set; }
        }

        [CustomerInteraction]
        public class RoutedTicket
        {
            [SetsInteractionOwner, SetsFollowUpDeadline]
            public RoutedTicket(string? queue) { Queue = queue; }
            public string? Queue { get; }
        }

        [CustomerInteraction]
        public class Lead
        {
            [InteractionOwner] public string? Owner { get; set; }
            [FollowUpDeadline] public Instant? Due { get; set; }
        }

        public class LeadSource
        {
            [CreatesCustomerInteraction] public virtual Lead Next() => new Lead();
        }

        public class WebLeadSource : LeadSource
        {
            public override Lead Next() => new Lead { Due = Instant.FromUtc(2030, 1, 1, 0, 0) };
        }

        [CustomerInteraction]
        public record Callback([InteractionOwner] string Agent, [FollowUpDeadline] Instant CallBackBy, string Phone);

        public record UrgentCallback(string Phone, string Agent, Instant CallBackBy, int Priority) : Callback(Agent, CallBackBy, Phone);
        """;

    private static DiagnosticResult NullOwner(int location, string type)
        => SetToNull.Diagnostic(Descriptors.InteractionMemberSetToNullOrDefault).WithLocation(location).WithArguments("owner", type);

    private static DiagnosticResult NullFollowUp(int location, string type)
        => SetToNull.Diagnostic(Descriptors.InteractionMemberSetToNullOrDefault).WithLocation(location).WithArguments("follow-up deadline", type);

    private static DiagnosticResult NoOwner(int location, string type, string hint)
        => OwnerVerify.Diagnostic(Descriptors.InteractionWithoutOwner).WithLocation(location).WithArguments(type, hint);

    private static DiagnosticResult NoFollowUp(int location, string type, string hint)
        => OwnerVerify.Diagnostic(Descriptors.InteractionWithoutFollowUpDeadline).WithLocation(location).WithArguments(type, hint);

    private static Task VerifyAllAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new OwnerVerify.Test { TestCode = source, AllAnalyzers = true };
        test.TestState.Sources.Add(("/0/Cases.cs", Cases));
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    [Fact]
    public Task OverrideWithoutRepeatedAttribute_IsTheMarkedMember()
        => VerifyAllAsync(/* lang=c#-test */ """
            using NodaTime;
            class C
            {
                Complaint A(Instant due) => new Complaint { Owner = "dan", Due = due };
                Complaint B(Instant due) => new Complaint { Owner = {|#0:null|}, Due = due };
                void D(Complaint complaint) => complaint.Due = {|#1:default|};
                Complaint E() => {|#2:new Complaint|} { Owner = "dan" };
            }
            """,
            NullOwner(0, "Complaint"),
            NullFollowUp(1, "Complaint"),
            NoFollowUp(2, "Complaint", "set 'Due'"));

    [Fact]
    public Task OverrideWithoutRepeatedAttribute_CodeFixAddsTheMemberOnce()
    {
        var test = new OwnerVerify.Test
        {
            TestCode = /* lang=c#-test */ """
                using NodaTime;
                class C
                {
                    Complaint A(Instant due) => {|#0:new Complaint|} { Due = due };
                }
                """,
            FixedCode = /* lang=c#-test */ """
                using NodaTime;
                class C
                {
                    Complaint A(Instant due) => new Complaint { Due = due, Owner = default! };
                }
                """,
        };
        test.TestState.Sources.Add(("/0/Cases.cs", Cases));
        test.FixedState.Sources.Add(("/0/Cases.cs", Cases));
        test.ExpectedDiagnostics.Add(NoOwner(0, "Complaint", "set 'Owner'"));
        return test.RunAsync();
    }

    [Fact]
    public Task MarkedConstructor_OnlyParameterIsNotTheOwner()
        => VerifyAllAsync(/* lang=c#-test */ """
            class C
            {
                RoutedTicket A() => new RoutedTicket(null);
                RoutedTicket B() => new RoutedTicket(default);
            }
            """);

    [Fact]
    public Task OverriddenFactoryWithoutRepeatedAttribute_IsAFactory()
        => VerifyAllAsync(/* lang=c#-test */ """
            class C
            {
                Lead A(WebLeadSource source) => source.{|#0:Next()|};
                Lead B(LeadSource source) => source.{|#1:Next()|};
            }
            """,
            NoOwner(0, "Lead", "set 'Owner'"),
            NoFollowUp(0, "Lead", "set 'Due'"),
            NoOwner(1, "Lead", "set 'Owner'"),
            NoFollowUp(1, "Lead", "set 'Due'"));

    [Fact]
    public Task RecordDerivedFromPositionalRecord_HasItsOwnerAndDeadline()
        => VerifyAllAsync(/* lang=c#-test */ """
            using NodaTime;
            class C
            {
                UrgentCallback A(Instant due) => new UrgentCallback("555-0197", {|#0:null!|}, due, 2);
                UrgentCallback B(UrgentCallback existing) => existing with { Agent = {|#1:null|}, CallBackBy = {|#2:default|} };
                UrgentCallback D(Instant due) => new UrgentCallback("555-0197", "eve", due, 2);
            }
            """,
            NullOwner(0, "UrgentCallback"),
            NullOwner(1, "UrgentCallback"),
            NullFollowUp(2, "UrgentCallback"));

    [Fact]
    public Task DeconstructionAssignment_NullOrDefault_Reports()
        => VerifyAllAsync(/* lang=c#-test */ """
            using NodaTime;
            class C
            {
                void A(Support.Ticket ticket) => (ticket.Owner, ticket.FollowUpBy) = ({|#0:null|}, {|#1:null|});
                void B(Complaint complaint, Instant due) => (complaint.Owner, (complaint.Due, _)) = ({|#2:null|}, (due, 1));
                void D(Support.Ticket ticket, string subject) => (ticket.Subject, ticket.Owner) = (subject, new Support.OwnerRef("x"));
            }
            """,
            NullOwner(0, "Ticket"),
            NullFollowUp(1, "Ticket"),
            NullOwner(2, "Complaint"));

    [Fact]
    public Task BuilderSetter_NullNamesTheInteractionTypeTheBuilderBuilds()
        => VerifyAllAsync(/* lang=c#-test */ """
            using Support;
            class C
            {
                Ticket A() => new TicketBuilder().AssignTo({|#0:null!|}).FollowUpAt(Desk.Tomorrow).Build();
            }
            """,
            NullOwner(0, "Ticket"));

    [Fact]
    public Task ConditionalCoalesceAndSwitchWithNullBranch_Report()
        => VerifyAllAsync(/* lang=c#-test */ """
            using Support;
            class C
            {
                void A(Ticket ticket, bool vip, OwnerRef desk) => ticket.Owner = {|#0:vip ? desk : null|};
                void B(Ticket ticket, OwnerRef? desk) => ticket.Owner = {|#1:desk ?? null|};
                void D(Ticket ticket, int tier, OwnerRef desk) => ticket.Owner = {|#2:tier switch { 1 => desk, _ => null }|};
                void E(Ticket ticket, bool vip, OwnerRef desk, OwnerRef queue) => ticket.Owner = vip ? desk : queue;
                void F(Ticket ticket, OwnerRef desk) => ticket.Owner = desk;
            }
            """,
            NullOwner(0, "Ticket"),
            NullOwner(1, "Ticket"),
            NullOwner(2, "Ticket"));
}
