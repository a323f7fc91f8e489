// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using ServicePolicy.Analyzers.Internal;

namespace ServicePolicy.Analyzers;

/// <summary>
/// SP1004: a <c>service_policy.*</c> entry of <c>.editorconfig</c> that the other rules ignore: a member entry that is
/// not <c>Namespace.Type.Member</c>, a type or member that does not exist, or a member of a type not listed in
/// <c>service_policy.interaction_types</c>. Reported once per compilation for each distinct entry (the options carry
/// no file or line).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class InvalidInteractionConfigurationAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.InvalidInteractionConfiguration);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationAction(Analyze);
    }

    private static void Analyze(CompilationAnalysisContext context)
    {
        var provider = context.Options.AnalyzerConfigOptionsProvider;
        var reported = new HashSet<string>(System.StringComparer.Ordinal);
        var seen = new HashSet<string>(System.StringComparer.Ordinal);
        Check(context, provider.GlobalOptions, seen, reported);
        foreach (var tree in context.Compilation.SyntaxTrees)
        {
            Check(context, provider.GetOptions(tree), seen, reported);
        }
    }

    /// <summary>Checks one file's options (each distinct set once).</summary>
    private static void Check(CompilationAnalysisContext context, AnalyzerConfigOptions options, HashSet<string> seen, HashSet<string> reported)
    {
        var types = Get(options, InteractionOptions.InteractionTypesKey);
        var owners = Get(options, InteractionOptions.OwnerMembersKey);
        var followUps = Get(options, InteractionOptions.FollowUpMembersKey);
        if ((types.Length == 0 && owners.Length == 0 && followUps.Length == 0) || !seen.Add(types + "\n" + owners + "\n" + followUps))
        {
            return;
        }

        var compilation = context.Compilation;
        var listed = new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);
        foreach (var entry in InteractionOptions.Split(types))
        {
            var name = entry.Trim();
            if (compilation.GetTypeByMetadataName(name) is { } type)
            {
                listed.Add(type.OriginalDefinition);
            }
            else
            {
                Report(context, reported, InteractionOptions.InteractionTypesKey, name, "no type of that name is in the compilation or its references");
            }
        }

        CheckMembers(context, reported, InteractionOptions.OwnerMembersKey, owners, listed);
        CheckMembers(context, reported, InteractionOptions.FollowUpMembersKey, followUps, listed);
    }

    private static void CheckMembers(CompilationAnalysisContext context, HashSet<string> reported, string key, string list, HashSet<INamedTypeSymbol> listed)
    {
        foreach (var entry in InteractionOptions.Split(list))
        {
            var text = entry.Trim();
            var dot = text.LastIndexOf('.');
            if (dot <= 0 || dot == text.Length - 1)
            {
                Report(context, reported, key, text, "an entry is 'Namespace.Type.Member'");
                continue;
            }

            var typeName = text.Substring(0, dot);
            var memberName = text.Substring(dot + 1);
            if (context.Compilation.GetTypeByMetadataName(typeName) is not { } type)
            {
                Report(context, reported, key, text, "no type '" + typeName + "' is in the compilation or its references");
            }
            else if (!HasMember(type, memberName))
            {
                Report(context, reported, key, text, "'" + typeName + "' has no member '" + memberName + "'");
            }
            else if (!listed.Contains(type.OriginalDefinition))
            {
                Report(context, reported, key, text, "'" + typeName + "' is not listed in " + InteractionOptions.InteractionTypesKey);
            }
        }
    }

    private static bool HasMember(INamedTypeSymbol type, string name)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (!current.GetMembers(name).IsEmpty)
            {
                return true;
            }
        }

        return false;
    }

    private static void Report(CompilationAnalysisContext context, HashSet<string> reported, string key, string entry, string reason)
    {
        if (reported.Add(key + "=" + entry))
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.InvalidInteractionConfiguration, Location.None, entry, key, reason));
        }
    }

    private static string Get(AnalyzerConfigOptions options, string key)
        => options.TryGetValue(key, out var value) && value is not null ? value.Trim() : string.Empty;
}
