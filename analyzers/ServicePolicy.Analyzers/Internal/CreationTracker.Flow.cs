// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ServicePolicy.Analyzers.Internal;

/// <summary>
/// Flow: when the first assignment that gives the member a value can be skipped, whether some path of the method's
/// control flow graph goes from the creation to a use that lets the object leave, or to the end of the method, without
/// passing a use that sets the member. Building the graph costs a second lowering of the method body, so it is built
/// only for such a creation (<see cref="MaySkip"/>); every other creation is decided in source order.
/// </summary>
internal sealed partial class CreationTracker
{
    /// <summary>
    /// Whether the set at <paramref name="set"/> might not run after <paramref name="after"/> (the creation's
    /// declaration or assignment): it sits under a construct that may not run it (a branch, a loop, a <c>switch</c>
    /// case, a <c>catch</c>, the right of <c>&amp;&amp;</c>/<c>||</c>/<c>??</c>/<c>?.</c>, a conditional expression), or a jump
    /// (<c>return</c>, <c>break</c>, <c>continue</c>, <c>goto</c>) lies between the two.
    /// </summary>
    private static bool MaySkip(IOperation after, IOperation set)
    {
        var enclosing = new HashSet<IOperation>();
        for (var current = after; current is not null; current = current.Parent)
        {
            enclosing.Add(current);
        }

        IOperation? common = null;
        for (var current = set.Parent; current is not null; current = current.Parent)
        {
            if (enclosing.Contains(current))
            {
                common = current;
                break;
            }

            switch (current)
            {
                case IConditionalOperation:
                case ILoopOperation:
                case ISwitchCaseOperation:
                case ISwitchExpressionArmOperation:
                case ICatchClauseOperation:
                case IConditionalAccessOperation:
                case ICoalesceOperation:
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.ConditionalOr }:
                    return true;
            }
        }

        if (common is null)
        {
            return true;
        }

        var from = after.Syntax.Span.End;
        var to = set.Syntax.SpanStart;
        foreach (var operation in common.Descendants())
        {
            if (operation is IBranchOperation or IReturnOperation
                && operation.Syntax.SpanStart >= from
                && operation.Syntax.SpanStart < to)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Reports the creation if some path of the control flow graph reaches a use that lets the object leave, a
    /// use that drops it, or the end of the method, before a use that sets the member. Does nothing when no graph can be
    /// built for where the creation is (the textual answer, "set", stands).</summary>
    private void ReportPathWithoutSet(in CreationSite site, ILocalSymbol local, IOperation after, List<ILocalReferenceOperation> references)
    {
        var function = OperationHelpers.GetEnclosingFunction(after);
        var uses = new Dictionary<SyntaxNode, (Use Use, ILocalReferenceOperation Reference)>();
        foreach (var reference in references)
        {
            // A use in a lambda or local function is not on this graph's paths.
            if (OperationHelpers.GetEnclosingFunction(reference) == function)
            {
                uses[reference.Syntax] = (Classify(reference, local, site.Scope), reference);
            }
        }

        var graph = GetGraph(after, function, site.Context.CancellationToken);
        if (graph is null || FindCreation(graph, site.Creation.Syntax) is not { } start)
        {
            return;
        }

        var visited = new HashSet<BasicBlock>();
        var pending = new Stack<(BasicBlock Block, int From)>();
        pending.Push(start);
        while (pending.Count > 0)
        {
            var (block, from) = pending.Pop();
            var outcome = Scan(block, from, uses, out var escape);
            if (outcome == Use.Sets)
            {
                continue;
            }

            if (outcome == Use.Escapes)
            {
                ReportAt(site, OperationHelpers.SkipParentConversions(escape!));
                return;
            }

            if (outcome == Use.Dropped || block.Kind == BasicBlockKind.Exit)
            {
                Report(site);
                return;
            }

            // A branch without a destination throws (or ends a finally or filter region): the object never leaves.
            foreach (var branch in new[] { block.ConditionalSuccessor, block.FallThroughSuccessor })
            {
                if (branch?.Destination is { } next && visited.Add(next))
                {
                    pending.Push((next, 0));
                }
            }
        }
    }

    /// <summary>The first use of the local in <paramref name="block"/> from operation <paramref name="from"/> on (its
    /// branch value last) that is not <see cref="Use.Continue"/>, or <see cref="Use.Continue"/>.</summary>
    private static Use Scan(BasicBlock block, int from, Dictionary<SyntaxNode, (Use Use, ILocalReferenceOperation Reference)> uses, out ILocalReferenceOperation? escape)
    {
        escape = null;
        var found = new List<(Use Use, ILocalReferenceOperation Reference)>();
        var count = block.Operations.Length + (block.BranchValue is null ? 0 : 1);
        for (var i = from; i < count; i++)
        {
            var operation = i < block.Operations.Length ? block.Operations[i] : block.BranchValue!;
            found.Clear();
            foreach (var descendant in Self(operation))
            {
                if (descendant is ILocalReferenceOperation && uses.TryGetValue(descendant.Syntax, out var use))
                {
                    found.Add(use);
                }
            }

            found.Sort(static (a, b) => a.Reference.Syntax.SpanStart.CompareTo(b.Reference.Syntax.SpanStart));
            foreach (var (use, reference) in found)
            {
                if (use != Use.Continue)
                {
                    escape = reference;
                    return use;
                }
            }
        }

        return Use.Continue;
    }

    private static IEnumerable<IOperation> Self(IOperation operation)
    {
        yield return operation;
        foreach (var descendant in operation.Descendants())
        {
            yield return descendant;
        }
    }

    /// <summary>The block and operation index where <paramref name="creation"/> is evaluated.</summary>
    private static (BasicBlock Block, int From)? FindCreation(ControlFlowGraph graph, SyntaxNode creation)
    {
        foreach (var block in graph.Blocks)
        {
            var count = block.Operations.Length + (block.BranchValue is null ? 0 : 1);
            for (var i = 0; i < count; i++)
            {
                var operation = i < block.Operations.Length ? block.Operations[i] : block.BranchValue!;
                if (!operation.Syntax.Span.Contains(creation.Span))
                {
                    continue;
                }

                foreach (var descendant in Self(operation))
                {
                    if (descendant.Syntax == creation)
                    {
                        return (block, i);
                    }
                }
            }
        }

        return null;
    }

    /// <summary>The graph of the method, lambda or local function that holds <paramref name="operation"/>.</summary>
    private static ControlFlowGraph? GetGraph(IOperation operation, IOperation? function, System.Threading.CancellationToken cancellationToken)
    {
        var graph = OperationHelpers.GetRoot(operation) switch
        {
            IMethodBodyOperation body => ControlFlowGraph.Create(body, cancellationToken),
            IConstructorBodyOperation body => ControlFlowGraph.Create(body, cancellationToken),
            IBlockOperation body => ControlFlowGraph.Create(body, cancellationToken),
            IFieldInitializerOperation initializer => ControlFlowGraph.Create(initializer, cancellationToken),
            IPropertyInitializerOperation initializer => ControlFlowGraph.Create(initializer, cancellationToken),
            IParameterInitializerOperation initializer => ControlFlowGraph.Create(initializer, cancellationToken),
            _ => null,
        };
        if (graph is null || function is null)
        {
            return graph;
        }

        // Nested functions: from the outermost in, each one's graph from its parent's.
        var chain = new List<IOperation>();
        for (var current = function; current is not null; current = OperationHelpers.GetEnclosingFunction(current))
        {
            chain.Add(current);
        }

        for (var i = chain.Count - 1; i >= 0 && graph is not null; i--)
        {
            graph = chain[i] switch
            {
                ILocalFunctionOperation local => graph.GetLocalFunctionControlFlowGraphInScope(local.Symbol, cancellationToken),
                IAnonymousFunctionOperation lambda => FindLambda(graph, lambda.Syntax) is { } flow
                    ? graph.GetAnonymousFunctionControlFlowGraphInScope(flow, cancellationToken)
                    : null,
                _ => null,
            };
        }

        return graph;
    }

    private static IFlowAnonymousFunctionOperation? FindLambda(ControlFlowGraph graph, SyntaxNode syntax)
    {
        for (ControlFlowGraph? current = graph; current is not null; current = current.Parent)
        {
            foreach (var block in current.Blocks)
            {
                foreach (var operation in block.Operations)
                {
                    foreach (var descendant in Self(operation))
                    {
                        if (descendant is IFlowAnonymousFunctionOperation flow && flow.Syntax == syntax)
                        {
                            return flow;
                        }
                    }
                }

                if (block.BranchValue is { } value)
                {
                    foreach (var descendant in Self(value))
                    {
                        if (descendant is IFlowAnonymousFunctionOperation flow && flow.Syntax == syntax)
                        {
                            return flow;
                        }
                    }
                }
            }
        }

        return null;
    }
}
