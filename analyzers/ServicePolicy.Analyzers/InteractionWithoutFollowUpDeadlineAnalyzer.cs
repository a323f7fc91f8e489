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
        : this(nameFilter: true)
    {
    }

    /// <summary>Creates the analyzer with the name filter (<see cref="CandidateFilter"/>) on or off; off only to
    /// measure what the filter costs (benchmarks/ServicePolicy.Benchmarks/Analyzers/AnalyzerEditBenchmarks.cs).</summary>
    internal InteractionWithoutFollowUpDeadlineAnalyzer(bool nameFilter)
        : base(InteractionMember.FollowUpDeadline, Descriptors.InteractionWithoutFollowUpDeadline, nameFilter)
    {
    }
}
