// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace ServicePolicy.Analyzers.Internal;

/// <summary>
/// Reports an incomplete creation: where (<see cref="GetLocation"/>), unless a <c>[CreatesCustomerInteraction]</c>
/// factory returns it, and which code fix applies (<see cref="DiagnosticPropertyNames"/>).
/// </summary>
internal sealed partial class CreationTracker
{
    /// <summary>Reports the creation for leaving at <paramref name="escape"/>, unless it leaves by being returned from a
    /// factory marked <c>[CreatesCustomerInteraction]</c>: then it is the caller's to complete.</summary>
    private void ReportAt(in CreationSite site, IOperation escape)
    {
        if (escape.Parent is IReturnOperation
            && OperationHelpers.GetEnclosingMethod(escape, site.Context.ContainingSymbol) is { } method
            && site.Scope.IsFactory(method))
        {
            return;
        }

        Report(site);
    }

    private void Report(in CreationSite site)
    {
        var members = site.Info.Get(_kind);
        site.Context.ReportDiagnostic(Diagnostic.Create(
            _descriptor,
            GetLocation(site.Creation.Syntax),
            GetFixProperties(site),
            site.Info.Type.Name,
            members.GetHint()));
    }

    private ImmutableDictionary<string, string?> GetFixProperties(in CreationSite site)
    {
        var members = site.Info.Get(_kind);
        var compilation = site.Context.Compilation;
        var creation = site.Creation;
        var within = (ISymbol?)site.Context.ContainingSymbol?.ContainingType ?? compilation.Assembly;
        var builder = ImmutableDictionary.CreateBuilder<string, string?>();
        if (creation is IObjectCreationOperation
            && creation.Syntax is BaseObjectCreationExpressionSyntax
            && members.FixMember is { } member
            && IsSettableWithin(member, within, compilation))
        {
            builder.Add(DiagnosticPropertyNames.Fix, DiagnosticPropertyNames.FixInitializer);
            builder.Add(DiagnosticPropertyNames.Member, member.Name);
        }
        else if (site.FactoryReceiver is not null
                 && creation.Syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax }
                 && FindBuilderSetter(site.Scope, site.FactoryReceiver.Type, within, compilation) is { } builderSetter)
        {
            builder.Add(DiagnosticPropertyNames.Fix, DiagnosticPropertyNames.FixInsertCall);
            builder.Add(DiagnosticPropertyNames.Method, builderSetter.Name);
        }
        else if (members.FixSetter is { } setter
                 && creation.Syntax is ObjectCreationExpressionSyntax or InvocationExpressionSyntax
                 && !(creation is IInvocationOperation factory && IsAwaitable(factory))
                 && compilation.IsSymbolAccessibleWithin(setter, within))
        {
            builder.Add(DiagnosticPropertyNames.Fix, DiagnosticPropertyNames.FixAppendCall);
            builder.Add(DiagnosticPropertyNames.Method, setter.Name);
        }

        return builder.ToImmutable();
    }

    private bool IsAwaitable(IInvocationOperation factory)
    {
        _context.Symbols.GetCreatedType(factory.TargetMethod, out var isAwaitable);
        return isAwaitable;
    }

    private IMethodSymbol? FindBuilderSetter(InteractionScope scope, ITypeSymbol? builderType, ISymbol within, Compilation compilation)
    {
        for (var type = builderType as INamedTypeSymbol; type is not null && type.SpecialType != SpecialType.System_Object; type = type.BaseType)
        {
            foreach (var member in type.GetMembers())
            {
                if (member is IMethodSymbol { IsStatic: false, MethodKind: MethodKind.Ordinary, Parameters.Length: 1 } method
                    && SymbolEqualityComparer.Default.Equals(method.ReturnType.OriginalDefinition, builderType!.OriginalDefinition)
                    && scope.IsSetter(method, _kind)
                    && compilation.IsSymbolAccessibleWithin(method, within))
                {
                    return method;
                }
            }
        }

        return null;
    }

    private static bool IsSettableWithin(ISymbol member, ISymbol within, Compilation compilation)
        => member switch
        {
            IPropertySymbol { SetMethod: { } setter } => compilation.IsSymbolAccessibleWithin(setter, within),
            IFieldSymbol { IsReadOnly: false, IsConst: false } field => compilation.IsSymbolAccessibleWithin(field, within),
            _ => false,
        };

    /// <summary>
    /// Where a creation is reported: <c>new T(args)</c> or <c>new(args)</c> without the initializer,
    /// or <c>Factory(args)</c> without the receiver.
    /// </summary>
    internal static Location GetLocation(SyntaxNode syntax)
    {
        switch (syntax)
        {
            case ObjectCreationExpressionSyntax explicitCreation:
                return Location.Create(
                    syntax.SyntaxTree,
                    TextSpan.FromBounds(explicitCreation.SpanStart, explicitCreation.ArgumentList?.Span.End ?? explicitCreation.Type.Span.End));
            case ImplicitObjectCreationExpressionSyntax implicitCreation:
                return Location.Create(
                    syntax.SyntaxTree,
                    TextSpan.FromBounds(implicitCreation.SpanStart, implicitCreation.ArgumentList.Span.End));
            case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } invocation:
                return Location.Create(syntax.SyntaxTree, TextSpan.FromBounds(access.Name.SpanStart, invocation.Span.End));
            case InvocationExpressionSyntax { Expression: MemberBindingExpressionSyntax binding } invocation:
                return Location.Create(syntax.SyntaxTree, TextSpan.FromBounds(binding.Name.SpanStart, invocation.Span.End));
            default:
                return syntax.GetLocation();
        }
    }
}
