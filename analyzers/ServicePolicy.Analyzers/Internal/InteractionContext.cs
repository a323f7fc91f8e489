// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ServicePolicy.Analyzers.Internal;

/// <summary>
/// One analyzer's view of one compilation: the shared <see cref="InteractionSymbols"/> and
/// <see cref="InteractionNames"/>, and the scope of each file, read from its <c>.editorconfig</c> options once.
/// </summary>
internal sealed class InteractionContext
{
    private readonly AnalyzerOptions _options;
    private readonly bool _anyConfigured;
    private readonly ConcurrentDictionary<SyntaxTree, InteractionScope> _trees = new();

    private InteractionContext(InteractionSymbols symbols, AnalyzerOptions options, bool anyConfigured, InteractionNames? names)
    {
        Symbols = symbols;
        _options = options;
        _anyConfigured = anyConfigured;
        Filter = new CandidateFilter(names);
        Names = names;
    }

    public InteractionSymbols Symbols { get; }

    /// <summary>The names under which interactions can appear in this compilation, or <see langword="null"/> when the
    /// name filter is off.</summary>
    public InteractionNames? Names { get; }

    /// <summary>Whether the compilation can see a customer interaction type (see
    /// <see cref="InteractionNames.HasInteractionTypes"/>); without the name filter, assumed.</summary>
    public bool HasInteractionTypes => Names?.HasInteractionTypes ?? true;

    /// <summary>Rejects, by those names, the nodes that cannot matter before anything is bound.</summary>
    public CandidateFilter Filter { get; }

    /// <summary>
    /// The context for <paramref name="compilation"/>, or <see langword="null"/> when nothing in it
    /// can be a customer interaction (ServicePolicy not referenced and no types configured), so the
    /// analyzers register nothing.
    /// </summary>
    /// <param name="compilation">The compilation.</param>
    /// <param name="options">The analyzer options.</param>
    /// <param name="nameFilter">Whether to collect <see cref="InteractionNames"/> and filter candidates by them
    /// (always, except in the benchmark that measures what the filter costs).</param>
    public static InteractionContext? TryCreate(Compilation compilation, AnalyzerOptions options, bool nameFilter)
    {
        var symbols = InteractionSymbols.For(compilation);
        var configurations = InteractionSymbols.GetConfigurations(compilation, options);
        var anyConfigured = configurations.Count > 0;
        if (!symbols.HasAttributes && !anyConfigured)
        {
            return null;
        }

        return new InteractionContext(symbols, options, anyConfigured, nameFilter ? symbols.GetNames(configurations) : null);
    }

    /// <summary>The scope that applies to code in <paramref name="tree"/>.</summary>
    public InteractionScope GetScope(SyntaxTree tree)
    {
        if (!_anyConfigured)
        {
            return Symbols.DefaultScope;
        }

        if (_trees.TryGetValue(tree, out var scope))
        {
            return scope;
        }

        var options = InteractionOptions.Read(_options.AnalyzerConfigOptionsProvider.GetOptions(tree));
        return _trees.GetOrAdd(tree, Symbols.GetScope(options));
    }
}
