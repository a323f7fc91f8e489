// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using ServicePolicy.Analyzers.Internal;

namespace ServicePolicy.Analyzers;

/// <summary>SP1002: a customer interaction is created without a follow-up deadline.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class InteractionWithoutFollowUpDeadlineAnalyzer : MissingInteractionMemberAnalyzer
{
    /// <summary>Creates the analyzer.</summary>
    public InteractionWithoutFollowUpDeadlineAnalyzer()
        : base(InteractionMember.FollowUpDeadline, Descriptors.InteractionWithoutFollowUpDeadline)
    {
    }
}
