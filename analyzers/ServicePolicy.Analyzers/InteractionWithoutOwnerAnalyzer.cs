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
        : base(InteractionMember.Owner, Descriptors.InteractionWithoutOwner)
    {
    }
}
