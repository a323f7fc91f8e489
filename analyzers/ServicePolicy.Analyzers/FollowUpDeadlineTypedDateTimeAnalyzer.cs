// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using ServicePolicy.Analyzers.Internal;

namespace ServicePolicy.Analyzers;

/// <summary>
/// SP1005: a follow-up deadline member (marked <c>[FollowUpDeadline]</c>, directly or through a positional record's
/// parameter, or configured in <c>service_policy.follow_up_members</c>) is typed <c>DateTime</c> or <c>DateTime?</c>.
/// </summary>
/// <remarks>A symbol action on each type of the compilation: no body is bound. Each member is reported once, at its
/// declared type, in the type that declares it (not in a derived type, not at an override).</remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class FollowUpDeadlineTypedDateTimeAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.FollowUpDeadlineTypedDateTime);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var compilation = start.Compilation;
            var dateTime = compilation.GetSpecialType(SpecialType.System_DateTime);
            if (InteractionContext.TryCreate(compilation, start.Options, nameFilter: false) is not { } interactions
                || dateTime.TypeKind == TypeKind.Error)
            {
                return;
            }

            var suggestion = compilation.GetTypeByMetadataName("NodaTime.Instant") is null
                ? "DateTimeOffset"
                : "Instant or DateTimeOffset";
            var reported = new ConcurrentDictionary<ISymbol, bool>(SymbolEqualityComparer.Default);
            start.RegisterSymbolAction(
                c =>
                {
                    var type = (INamedTypeSymbol)c.Symbol;
                    if (type.Locations.Length == 0 || type.Locations[0].SourceTree is not { } tree)
                    {
                        return;
                    }

                    var info = interactions.GetScope(tree).GetInteractionType(type);
                    if (info is null)
                    {
                        return;
                    }

                    foreach (var member in info.FollowUp.Members)
                    {
                        if (!SymbolEqualityComparer.Default.Equals(member.ContainingAssembly, compilation.Assembly)
                            || member.IsOverride
                            || !IsDateTime(GetType(member), dateTime)
                            || GetTypeLocation(member, c.CancellationToken) is not { } location
                            || !reported.TryAdd(member, true))
                        {
                            continue;
                        }

                        c.ReportDiagnostic(Diagnostic.Create(
                            Descriptors.FollowUpDeadlineTypedDateTime,
                            location,
                            member.Name,
                            member.ContainingType.Name,
                            suggestion));
                    }
                },
                SymbolKind.NamedType);
        });
    }

    private static ITypeSymbol? GetType(ISymbol member)
        => member switch
        {
            IPropertySymbol property => property.Type,
            IFieldSymbol field => field.Type,
            _ => null,
        };

    private static bool IsDateTime(ITypeSymbol? type, INamedTypeSymbol dateTime)
    {
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            type = nullable.TypeArguments[0];
        }

        return SymbolEqualityComparer.Default.Equals(type, dateTime);
    }

    /// <summary>The declared type's syntax: of the property, the field, or the positional record's parameter.</summary>
    private static Location? GetTypeLocation(ISymbol member, System.Threading.CancellationToken cancellationToken)
    {
        foreach (var reference in member.DeclaringSyntaxReferences)
        {
            var type = reference.GetSyntax(cancellationToken) switch
            {
                PropertyDeclarationSyntax property => property.Type,
                VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax declaration } => declaration.Type,
                ParameterSyntax parameter => parameter.Type,
                _ => null,
            };

            if (type is not null)
            {
                return type.GetLocation();
            }
        }

        return null;
    }
}
