// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ServicePolicy.Analyzers.Internal;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace ServicePolicy.Analyzers.CodeFixes;

/// <summary>
/// Fixes SP1001 and SP1002 by adding the missing member with a <c>default!</c> placeholder, selected
/// for the user to overwrite: to the object initializer (created if there is none), or as a call of
/// the fluent setter (appended to the new object, or inserted into the builder chain before the
/// factory call).
/// </summary>
/// <remarks>
/// The placeholder compiles, and until it is replaced SP1003 reports it, so a forgotten placeholder
/// cannot slip through a build that treats warnings as errors.
/// </remarks>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddMissingInteractionMemberCodeFixProvider))]
[Shared]
public sealed class AddMissingInteractionMemberCodeFixProvider : CodeFixProvider
{
    /// <summary>
    /// The annotation kind hosts (Visual Studio, the C# extension) use to place the caret after a
    /// code action; Roslyn's own <c>NavigationAnnotation</c> is internal, its kind is this string.
    /// </summary>
    private const string NavigationAnnotationKind = "CodeAction_Navigation";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(DiagnosticIds.InteractionWithoutOwner, DiagnosticIds.InteractionWithoutFollowUpDeadline);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(DiagnosticPropertyNames.Fix, out var fix) || fix is null)
            {
                continue;
            }

            var isOwner = diagnostic.Id == DiagnosticIds.InteractionWithoutOwner;
            var equivalenceKey = isOwner ? CodeFixEquivalenceKeys.AddOwner : CodeFixEquivalenceKeys.AddFollowUpDeadline;
            string title;
            if (fix == DiagnosticPropertyNames.FixInitializer
                && diagnostic.Properties.TryGetValue(DiagnosticPropertyNames.Member, out var member) && member is not null)
            {
                title = "Set '" + member + "' in the object initializer";
            }
            else if (diagnostic.Properties.TryGetValue(DiagnosticPropertyNames.Method, out var method) && method is not null)
            {
                title = "Call '" + method + "'";
            }
            else
            {
                continue;
            }

            var document = context.Document;
            context.RegisterCodeFix(
                CodeAction.Create(title, cancellationToken => ApplyAsync(document, diagnostic, cancellationToken), equivalenceKey),
                diagnostic);
        }

        return Task.CompletedTask;
    }

    private static async Task<Document> ApplyAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        var properties = diagnostic.Properties;
        properties.TryGetValue(DiagnosticPropertyNames.Fix, out var fix);
        SyntaxNode? original = null;
        SyntaxNode? replacement = null;
        switch (fix)
        {
            case DiagnosticPropertyNames.FixInitializer
                when properties.TryGetValue(DiagnosticPropertyNames.Member, out var member) && member is not null
                     && node.FirstAncestorOrSelf<BaseObjectCreationExpressionSyntax>() is { } creation:
                original = creation;
                replacement = AddToInitializer(creation, member);
                break;
            case DiagnosticPropertyNames.FixAppendCall
                when properties.TryGetValue(DiagnosticPropertyNames.Method, out var method) && method is not null
                     && node.FirstAncestorOrSelf<ExpressionSyntax>(e => e is BaseObjectCreationExpressionSyntax or InvocationExpressionSyntax) is { } created:
                original = created;
                replacement = Call(created.WithoutTrailingTrivia(), Token(SyntaxKind.DotToken), method)
                    .WithTrailingTrivia(created.GetTrailingTrivia());
                break;
            case DiagnosticPropertyNames.FixInsertCall
                when properties.TryGetValue(DiagnosticPropertyNames.Method, out var method) && method is not null
                     && node.FirstAncestorOrSelf<InvocationExpressionSyntax>() is { Expression: MemberAccessExpressionSyntax access } factory:
                original = factory;
                var receiver = access.Expression;
                // In a chain split over lines, the new call gets a line of its own, like its neighbours.
                var dot = Token(SyntaxKind.DotToken).WithLeadingTrivia(receiver.GetTrailingTrivia().AddRange(access.OperatorToken.LeadingTrivia));
                var newReceiver = Call(receiver.WithoutTrailingTrivia(), dot, method).WithTrailingTrivia(receiver.GetTrailingTrivia());
                replacement = factory.WithExpression(access.WithExpression(newReceiver));
                break;
        }

        if (original is null || replacement is null)
        {
            return document;
        }

        return document.WithSyntaxRoot(root.ReplaceNode(original, replacement));
    }

    /// <summary><c>default!</c>, marked so the host puts the caret on it.</summary>
    private static ExpressionSyntax Placeholder()
        => PostfixUnaryExpression(
                SyntaxKind.SuppressNullableWarningExpression,
                LiteralExpression(SyntaxKind.DefaultLiteralExpression, Token(SyntaxKind.DefaultKeyword)))
            .WithAdditionalAnnotations(new SyntaxAnnotation(NavigationAnnotationKind));

    private static InvocationExpressionSyntax Call(ExpressionSyntax receiver, SyntaxToken dot, string method)
        => InvocationExpression(
            MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, receiver, dot, IdentifierName(method)),
            ArgumentList(SingletonSeparatedList(Argument(Placeholder()))));

    private static BaseObjectCreationExpressionSyntax AddToInitializer(BaseObjectCreationExpressionSyntax creation, string member)
    {
        var assignment = AssignmentExpression(
            SyntaxKind.SimpleAssignmentExpression,
            IdentifierName(member).WithTrailingTrivia(Space),
            Token(SyntaxKind.EqualsToken).WithTrailingTrivia(Space),
            Placeholder());

        var initializer = creation.Initializer;
        if (initializer is null)
        {
            // new T(args)  ->  new T(args) { Member = default! }
            var trailing = creation.GetTrailingTrivia();
            var newInitializer = InitializerExpression(
                    SyntaxKind.ObjectInitializerExpression,
                    Token(SyntaxKind.OpenBraceToken).WithTrailingTrivia(Space),
                    SingletonSeparatedList<ExpressionSyntax>(assignment.WithTrailingTrivia(Space)),
                    Token(SyntaxKind.CloseBraceToken))
                .WithLeadingTrivia(Space)
                .WithTrailingTrivia(trailing);
            return creation.WithoutTrailingTrivia().WithInitializer(newInitializer);
        }

        var expressions = initializer.Expressions;
        if (expressions.Count == 0)
        {
            return creation.WithInitializer(initializer
                .WithOpenBraceToken(initializer.OpenBraceToken.WithTrailingTrivia(Space))
                .WithExpressions(SingletonSeparatedList<ExpressionSyntax>(assignment.WithTrailingTrivia(Space))));
        }

        var isMultiLine = initializer.OpenBraceToken.TrailingTrivia.Any(SyntaxKind.EndOfLineTrivia);
        var items = new List<SyntaxNodeOrToken>(expressions.GetWithSeparators());
        var hasTrailingComma = expressions.SeparatorCount == expressions.Count;
        if (hasTrailingComma)
        {
            var lastSeparator = expressions.GetSeparator(expressions.SeparatorCount - 1);
            var leading = isMultiLine ? expressions[0].GetLeadingTrivia() : SyntaxTriviaList.Empty;
            items.Add(assignment.WithLeadingTrivia(leading));
            items.Add(Token(SyntaxKind.CommaToken).WithTrailingTrivia(lastSeparator.TrailingTrivia));
            items[items.Count - 3] = lastSeparator.WithTrailingTrivia(isMultiLine ? lastSeparator.TrailingTrivia : TriviaList(Space));
        }
        else
        {
            var last = expressions[expressions.Count - 1];
            var trailing = last.GetTrailingTrivia();
            items[items.Count - 1] = last.WithoutTrailingTrivia();
            if (isMultiLine)
            {
                items.Add(Token(SyntaxKind.CommaToken).WithTrailingTrivia(trailing));
                items.Add(assignment.WithLeadingTrivia(expressions[0].GetLeadingTrivia()).WithTrailingTrivia(trailing));
            }
            else
            {
                items.Add(Token(SyntaxKind.CommaToken).WithTrailingTrivia(Space));
                items.Add(assignment.WithTrailingTrivia(trailing));
            }
        }

        return creation.WithInitializer(initializer.WithExpressions(SeparatedList<ExpressionSyntax>(items)));
    }
}
