// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ServicePolicy.Analyzers.Internal;

/// <summary>
/// One creation of a customer interaction that <see cref="CreationTracker"/> follows: where it is analyzed, the
/// scope and type it was found with, the creating operation, and the builder a factory was called on. Everything
/// the tracker needs to report the creation, carried from step to step as one value.
/// </summary>
/// <remarks>The <see langword="default"/> value carries nothing and is never used; equality is not defined (a site
/// lives only while one node is analyzed).</remarks>
internal readonly struct CreationSite
{
    public CreationSite(
        SyntaxNodeAnalysisContext context,
        InteractionScope scope,
        InteractionTypeInfo info,
        IOperation creation,
        IOperation? factoryReceiver)
    {
        Context = context;
        Scope = scope;
        Info = info;
        Creation = creation;
        FactoryReceiver = factoryReceiver;
    }

    /// <summary>The syntax-node action's context: where a diagnostic is reported.</summary>
    public SyntaxNodeAnalysisContext Context { get; }

    /// <summary>The scope (attributes and <c>.editorconfig</c> options) of the file the creation is in.</summary>
    public InteractionScope Scope { get; }

    /// <summary>The created interaction type.</summary>
    public InteractionTypeInfo Info { get; }

    /// <summary>The <c>new</c> or factory call that creates the interaction (where it is reported).</summary>
    public IOperation Creation { get; }

    /// <summary>The receiver of a factory call (<c>builder</c> in <c>builder.Build()</c>), or <see langword="null"/>.</summary>
    public IOperation? FactoryReceiver { get; }
}
