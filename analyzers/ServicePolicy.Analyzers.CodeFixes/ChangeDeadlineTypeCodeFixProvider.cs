// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace ServicePolicy.Analyzers.CodeFixes;

/// <summary>
/// Fixes SP1005 by changing the follow-up deadline member's declared type from <c>DateTime</c> to NodaTime's
/// <c>Instant</c> (when the project references NodaTime; <c>using NodaTime;</c> is added if needed) or to
/// <c>DateTimeOffset</c>, keeping a <c>?</c>.
/// </summary>
/// <remarks>
/// Offered only when the change is local: nothing else in the document refers to the member (or, for a positional
/// record's parameter, creates or deconstructs the record), and the member has no initializer other than
/// <c>default</c>. Otherwise code that depends on a <c>DateTime</c> would stop compiling, and no fix is offered.
/// Other documents of the project are not examined.
/// </remarks>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ChangeDeadlineTypeCodeFixProvider))]
[Shared]
public sealed class ChangeDeadlineTypeCodeFixProvider : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(DiagnosticIds.FollowUpDeadlineTypedDateTime);

    /// <inheritdoc />
    public override FixAllProvider? GetFixAllProvider() => null;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not TypeSyntax type
                || GetDeclared(type, model, context.CancellationToken) is not { } declared
                || !IsLocal(root, model, declared, context.CancellationToken))
            {
                continue;
            }

            if (model.Compilation.GetTypeByMetadataName("NodaTime.Instant") is { } instant)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(
                        "Declare it as 'Instant'",
                        token => ReplaceAsync(context.Document, type, instant, token),
                        CodeFixEquivalenceKeys.UseInstant),
                    diagnostic);
            }

            if (model.Compilation.GetTypeByMetadataName("System.DateTimeOffset") is { } offset)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(
                        "Declare it as 'DateTimeOffset'",
                        token => ReplaceAsync(context.Document, type, offset, token),
                        CodeFixEquivalenceKeys.UseDateTimeOffset),
                    diagnostic);
            }
        }
    }

    /// <summary>The member (or record parameter) whose declared type <paramref name="type"/> is; its initializer must be
    /// absent or <c>default</c>.</summary>
    private static ISymbol? GetDeclared(TypeSyntax type, SemanticModel model, CancellationToken cancellationToken)
    {
        switch (type.Parent)
        {
            case PropertyDeclarationSyntax property when property.Initializer is null || IsDefault(property.Initializer.Value):
                return model.GetDeclaredSymbol(property, cancellationToken);
            case VariableDeclarationSyntax { Variables.Count: 1 } declaration
                when declaration.Variables[0].Initializer is not { } initializer || IsDefault(initializer.Value):
                return model.GetDeclaredSymbol(declaration.Variables[0], cancellationToken);
            case ParameterSyntax parameter when parameter.Default is null || IsDefault(parameter.Default.Value):
                return model.GetDeclaredSymbol(parameter, cancellationToken);
            default:
                return null;
        }
    }

    private static bool IsDefault(ExpressionSyntax value)
        => value.IsKind(SyntaxKind.DefaultLiteralExpression) || value.IsKind(SyntaxKind.DefaultExpression) || value.IsKind(SyntaxKind.NullLiteralExpression);

    /// <summary>Whether nothing in the document depends on <paramref name="declared"/> being a <c>DateTime</c>.</summary>
    private static bool IsLocal(SyntaxNode root, SemanticModel model, ISymbol declared, CancellationToken cancellationToken)
    {
        // A positional record's parameter is also its property, its constructor's parameter and its Deconstruct's.
        var isRecordParameter = declared is IParameterSymbol;
        var name = declared.Name;
        var containingType = isRecordParameter ? declared.ContainingSymbol.ContainingType : declared.ContainingType;
        foreach (var node in root.DescendantNodes())
        {
            switch (node)
            {
                case IdentifierNameSyntax identifier when identifier.Identifier.ValueText == name:
                    var referenced = model.GetSymbolInfo(identifier, cancellationToken).Symbol;
                    if (referenced is not null
                        && (SymbolEqualityComparer.Default.Equals(referenced.OriginalDefinition, declared.OriginalDefinition)
                            || (isRecordParameter && referenced is IPropertySymbol && SymbolEqualityComparer.Default.Equals(referenced.ContainingType.OriginalDefinition, containingType.OriginalDefinition))))
                    {
                        return false;
                    }

                    break;
                case BaseObjectCreationExpressionSyntax creation when isRecordParameter && creation.ArgumentList is { Arguments.Count: > 0 }:
                case AssignmentExpressionSyntax { Left: DeclarationExpressionSyntax or TupleExpressionSyntax } when isRecordParameter:
                case RecursivePatternSyntax { PositionalPatternClause: not null } when isRecordParameter:
                    if (node is not BaseObjectCreationExpressionSyntax
                        || SymbolEqualityComparer.Default.Equals(model.GetTypeInfo(node, cancellationToken).Type?.OriginalDefinition, containingType.OriginalDefinition))
                    {
                        return false;
                    }

                    break;
            }
        }

        return true;
    }

    private static async Task<Document> ReplaceAsync(Document document, TypeSyntax type, INamedTypeSymbol replacement, CancellationToken cancellationToken)
    {
        var root = (CompilationUnitSyntax)(await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!;
        var model = (await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false))!;
        var isNullable = type is NullableTypeSyntax;
        var inner = type is NullableTypeSyntax nullable ? nullable.ElementType : type;

        // Keep the spelling's qualification: System.DateTime becomes System.DateTimeOffset (or NodaTime.Instant).
        TypeSyntax newInner = inner is QualifiedNameSyntax
            ? ParseTypeName(replacement.ContainingNamespace.ToDisplayString() + "." + replacement.Name)
            : IdentifierName(replacement.Name);
        TypeSyntax newType = isNullable ? NullableType(newInner) : newInner;
        newType = newType.WithTriviaFrom(type);

        var needsUsing = inner is not QualifiedNameSyntax && !IsInScope(model, type.SpanStart, replacement);
        var newRoot = root.ReplaceNode(type, newType);
        if (needsUsing)
        {
            // End the new line the way the file's last using directive ends.
            var endOfLine = root.Usings.Count > 0 ? root.Usings[root.Usings.Count - 1].GetTrailingTrivia() : TriviaList(LineFeed);
            newRoot = newRoot.AddUsings(UsingDirective(ParseName(replacement.ContainingNamespace.ToDisplayString()))
                .WithTrailingTrivia(endOfLine));
        }

        return document.WithSyntaxRoot(newRoot);
    }

    private static bool IsInScope(SemanticModel model, int position, INamedTypeSymbol type)
    {
        foreach (var symbol in model.LookupNamespacesAndTypes(position, name: type.Name))
        {
            if (SymbolEqualityComparer.Default.Equals(symbol, type))
            {
                return true;
            }
        }

        return false;
    }
}
