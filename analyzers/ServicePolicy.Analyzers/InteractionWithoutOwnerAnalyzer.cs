// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using ServicePolicy.Analyzers.Internal;

namespace ServicePolicy.Analyzers;

/// <summary>SP1001: a customer interaction is created without an owner.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class InteractionWithoutOwnerAnalyzer : MissingInteractionMemberAnalyzer
{
    /// <summary>Creates the analyzer.</summary>
    public InteractionWithoutOwnerAnalyzer()
        : this(nameFilter: true)
    {
    }

    /// <summary>Creates the analyzer with the name filter (<see cref="CandidateFilter"/>) on or off; off only to
    /// measure what the filter costs (benchmarks/ServicePolicy.Benchmarks/Analyzers/AnalyzerEditBenchmarks.cs).</summary>
    internal InteractionWithoutOwnerAnalyzer(bool nameFilter)
        : base(InteractionMember.Owner, Descriptors.InteractionWithoutOwner, nameFilter)
    {
    }
}
