// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using Microsoft.CodeAnalysis.Testing;
using ServicePolicy.Analyzers.CodeFixes;
using Verify = ServicePolicy.Analyzers.Tests.Infrastructure.CSharpVerifier<
    ServicePolicy.Analyzers.FollowUpDeadlineTypedDateTimeAnalyzer,
    ServicePolicy.Analyzers.CodeFixes.ChangeDeadlineTypeCodeFixProvider>;

namespace ServicePolicy.Analyzers.Tests;

/// <summary>SP1005: a follow-up deadline member typed <c>DateTime</c> or <c>DateTime?</c>, and its code fix.</summary>
public class FollowUpDeadlineTypedDateTimeAnalyzerTests
{
    private static DiagnosticResult DateTimeDeadline(int location, string member, string type, string suggestion = "Instant or DateTimeOffset")
        => Verify.Diagnostic(Descriptors.FollowUpDeadlineTypedDateTime).WithLocation(location).WithArguments(member, type, suggestion);

    [Fact]
    public Task DateTimeAndNullableDateTimeDeadlines_AreReportedAtTheirType()
        => Verify.VerifyAnalyzerAsync(/* lang=c#-test */ """
            using System;
            using ServicePolicy;

            [CustomerInteraction]
            public class SiteVisit
            {
                [InteractionOwner] public string? Engineer { get; set; }
                [FollowUpDeadline] public {|#0:DateTime?|} VisitBy { get; set; }
            }

            [CustomerInteraction]
            public class Letter
            {
                [InteractionOwner] public string? Clerk;
                [FollowUpDeadline] public {|#1:System.DateTime|} AnswerBy;
            }

            [CustomerInteraction]
            public record Callback([InteractionOwner] string Agent, [FollowUpDeadline] {|#2:DateTime|} CallBackBy);
            """,
            DateTimeDeadline(0, "VisitBy", "SiteVisit"),
            DateTimeDeadline(1, "AnswerBy", "Letter"),
            DateTimeDeadline(2, "CallBackBy", "Callback"));

    [Fact]
    public Task InstantOffsetAndNonDeadlineDateTime_AreNotReported()
        => Verify.VerifyAnalyzerAsync(/* lang=c#-test */ """
            using System;
            using NodaTime;
            using ServicePolicy;

            [CustomerInteraction]
            public class Visit
            {
                [InteractionOwner] public string? Engineer { get; set; }
                [FollowUpDeadline] public Instant? VisitBy { get; set; }
                public DateTime CreatedAt { get; set; }
            }

            [CustomerInteraction]
            public class Letter
            {
                [FollowUpDeadline] public DateTimeOffset AnswerBy { get; set; }
            }

            public class NotAnInteraction
            {
                public DateTime Due { get; set; }
            }
            """);

    [Fact]
    public Task InheritedAndOverriddenDeadline_IsReportedOnceWhereDeclared()
        => Verify.VerifyAnalyzerAsync(/* lang=c#-test */ """
            using System;
            using ServicePolicy;

            [CustomerInteraction]
            public abstract class CaseBase
            {
                [FollowUpDeadline] public virtual {|#0:DateTime|} Due { get; set; }
            }

            public class Complaint : CaseBase
            {
                public override DateTime Due { get; set; }
            }

            public class Praise : CaseBase { }
            """,
            DateTimeDeadline(0, "Due", "CaseBase"));

    [Fact]
    public Task ConfiguredDeadlineMember_IsReported()
    {
        var test = new Verify.Test
        {
            TestCode = /* lang=c#-test */ """
                using System;
                namespace Crm
                {
                    public class CaseEntity
                    {
                        public string? AssignedTo { get; set; }
                        public {|#0:DateTime?|} RespondBy { get; set; }
                    }
                }
                """,
        };
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", """
            root = true
            [*.cs]
            service_policy.interaction_types = Crm.CaseEntity
            service_policy.follow_up_members = Crm.CaseEntity.RespondBy
            """));
        test.ExpectedDiagnostics.Add(DateTimeDeadline(0, "RespondBy", "CaseEntity"));
        return test.RunAsync();
    }

    [Fact]
    public Task WithoutNodaTime_SuggestsDateTimeOffsetOnly()
    {
        var test = new Verify.Test
        {
            TestCode = /* lang=c#-test */ """
                using System;
                namespace Crm
                {
                    public class CaseEntity
                    {
                        public {|#0:DateTime|} RespondBy { get; set; }
                    }
                }
                """,
            ReferenceServicePolicy = false,
            IncludeModel = false,
        };
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", """
            root = true
            [*.cs]
            service_policy.interaction_types = Crm.CaseEntity
            service_policy.follow_up_members = Crm.CaseEntity.RespondBy
            """));
        test.ExpectedDiagnostics.Add(DateTimeDeadline(0, "RespondBy", "CaseEntity", "DateTimeOffset"));
        return test.RunAsync();
    }

    [Fact]
    public Task SeverityNone_SwitchesTheRuleOff()
    {
        var test = new Verify.Test
        {
            TestCode = /* lang=c#-test */ """
                using System;
                using ServicePolicy;

                [CustomerInteraction]
                public class SiteVisit
                {
                    [FollowUpDeadline] public DateTime? VisitBy { get; set; }
                }
                """,
        };
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", """
            root = true
            [*.cs]
            dotnet_diagnostic.SP1005.severity = none
            """));
        return test.RunAsync();
    }

    [Fact]
    public Task CodeFix_Instant_AddsTheUsingAndKeepsTheQuestionMark()
    {
        var test = new Verify.Test
        {
            TestCode = /* lang=c#-test */ """
                using System;
                using ServicePolicy;

                [CustomerInteraction]
                public class SiteVisit
                {
                    [FollowUpDeadline] public {|#0:DateTime?|} VisitBy { get; set; }
                }
                """,
            FixedCode = /* lang=c#-test */ """
                using System;
                using ServicePolicy;
                using NodaTime;

                [CustomerInteraction]
                public class SiteVisit
                {
                    [FollowUpDeadline] public Instant? VisitBy { get; set; }
                }
                """,
            CodeActionEquivalenceKey = CodeFixEquivalenceKeys.UseInstant,
        };
        test.ExpectedDiagnostics.Add(DateTimeDeadline(0, "VisitBy", "SiteVisit"));
        return test.RunAsync();
    }

    [Fact]
    public Task CodeFix_DateTimeOffset_KeepsTheQualification()
    {
        var test = new Verify.Test
        {
            TestCode = /* lang=c#-test */ """
                using ServicePolicy;

                [CustomerInteraction]
                public record Callback([InteractionOwner] string Agent, [FollowUpDeadline] {|#0:System.DateTime|} CallBackBy);
                """,
            FixedCode = /* lang=c#-test */ """
                using ServicePolicy;

                [CustomerInteraction]
                public record Callback([InteractionOwner] string Agent, [FollowUpDeadline] System.DateTimeOffset CallBackBy);
                """,
            CodeActionEquivalenceKey = CodeFixEquivalenceKeys.UseDateTimeOffset,
            CodeActionIndex = 1,
        };
        test.ExpectedDiagnostics.Add(DateTimeDeadline(0, "CallBackBy", "Callback"));
        return test.RunAsync();
    }

    [Theory]
    [InlineData("v.VisitBy = DateTime.UtcNow;")]
    [InlineData("var late = v.VisitBy < DateTime.UtcNow;")]
    public Task CodeFix_NotOfferedWhenTheDocumentUsesTheMember(string use)
    {
        var source = """
            using System;
            using ServicePolicy;

            [CustomerInteraction]
            public class SiteVisit
            {
                [FollowUpDeadline] public {|#0:DateTime?|} VisitBy { get; set; }
            }

            class C
            {
                void M(SiteVisit v) { USE }
            }
            """.Replace("USE", use);
        var test = new Verify.Test { TestCode = source, FixedCode = source };
        test.ExpectedDiagnostics.Add(DateTimeDeadline(0, "VisitBy", "SiteVisit"));
        test.FixedState.ExpectedDiagnostics.Add(DateTimeDeadline(0, "VisitBy", "SiteVisit"));
        return test.RunAsync();
    }

    [Theory]
    [InlineData("new Callback(\"ann\", DateTime.UtcNow)")]
    [InlineData("DateTime.UtcNow is var now && new Callback(\"ann\", now) is var (agent, by) ? by : now")]
    public Task CodeFix_NotOfferedWhenTheDocumentCreatesThePositionalRecord(string use)
    {
        var source = """
            using System;
            using ServicePolicy;

            [CustomerInteraction]
            public record Callback([InteractionOwner] string Agent, [FollowUpDeadline] {|#0:DateTime|} CallBackBy);

            class C
            {
                object M() => USE;
            }
            """.Replace("USE", use);
        var test = new Verify.Test { TestCode = source, FixedCode = source };
        test.ExpectedDiagnostics.Add(DateTimeDeadline(0, "CallBackBy", "Callback"));
        test.FixedState.ExpectedDiagnostics.Add(DateTimeDeadline(0, "CallBackBy", "Callback"));
        return test.RunAsync();
    }
}
