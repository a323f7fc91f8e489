// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.CodeAnalysis;

namespace ServicePolicy.Analyzers.Internal;

/// <summary>
/// The ServicePolicy symbols of one compilation, resolved once and shared by all the analyzers
/// (through a weak table keyed by the compilation), plus the per-configuration caches of what each
/// type is.
/// </summary>
internal sealed class InteractionSymbols
{
    private static readonly ConditionalWeakTable<Compilation, InteractionSymbols> Cache = new();

    private readonly ConcurrentDictionary<InteractionOptions, InteractionScope> _scopes = new();
    private readonly ConcurrentDictionary<string, Lazy<InteractionNames>> _names = new(StringComparer.Ordinal);

    private InteractionSymbols(Compilation compilation)
    {
        Compilation = compilation;
        CustomerInteractionAttribute = compilation.GetTypeByMetadataName("ServicePolicy.CustomerInteractionAttribute");
        InteractionOwnerAttribute = compilation.GetTypeByMetadataName("ServicePolicy.InteractionOwnerAttribute");
        FollowUpDeadlineAttribute = compilation.GetTypeByMetadataName("ServicePolicy.FollowUpDeadlineAttribute");
        CreatesCustomerInteractionAttribute = compilation.GetTypeByMetadataName("ServicePolicy.CreatesCustomerInteractionAttribute");
        SetsInteractionOwnerAttribute = compilation.GetTypeByMetadataName("ServicePolicy.SetsInteractionOwnerAttribute");
        SetsFollowUpDeadlineAttribute = compilation.GetTypeByMetadataName("ServicePolicy.SetsFollowUpDeadlineAttribute");
        Task1 = compilation.GetTypeByMetadataName("System.Threading.Tasks.Task`1");
        ValueTask1 = compilation.GetTypeByMetadataName("System.Threading.Tasks.ValueTask`1");
        DefaultScope = new InteractionScope(this, InteractionOptions.Empty);
    }

    public Compilation Compilation { get; }

    public INamedTypeSymbol? CustomerInteractionAttribute { get; }

    public INamedTypeSymbol? InteractionOwnerAttribute { get; }

    public INamedTypeSymbol? FollowUpDeadlineAttribute { get; }

    public INamedTypeSymbol? CreatesCustomerInteractionAttribute { get; }

    public INamedTypeSymbol? SetsInteractionOwnerAttribute { get; }

    public INamedTypeSymbol? SetsFollowUpDeadlineAttribute { get; }

    public INamedTypeSymbol? Task1 { get; }

    public INamedTypeSymbol? ValueTask1 { get; }

    /// <summary>Whether the ServicePolicy attributes are referenced at all.</summary>
    public bool HasAttributes => CustomerInteractionAttribute is not null;

    /// <summary>The scope of files with no <c>service_policy.*</c> options: attributes only.</summary>
    public InteractionScope DefaultScope { get; }

    /// <summary>The symbols of <paramref name="compilation"/>, resolved on first use.</summary>
    public static InteractionSymbols For(Compilation compilation)
        => Cache.GetValue(compilation, static c => new InteractionSymbols(c));

    /// <summary>The scope for files configured with <paramref name="options"/> (cached by option text).</summary>
    public InteractionScope GetScope(InteractionOptions options)
        => options.IsEmpty ? DefaultScope : _scopes.GetOrAdd(options, o => new InteractionScope(this, o));

    /// <summary>The attribute that marks a member holding <paramref name="member"/>.</summary>
    public INamedTypeSymbol? MemberAttribute(InteractionMember member)
        => member == InteractionMember.Owner ? InteractionOwnerAttribute : FollowUpDeadlineAttribute;

    /// <summary>The attribute that marks a method or constructor setting <paramref name="member"/>.</summary>
    public INamedTypeSymbol? SetterAttribute(InteractionMember member)
        => member == InteractionMember.Owner ? SetsInteractionOwnerAttribute : SetsFollowUpDeadlineAttribute;

    /// <summary>
    /// Whether <paramref name="symbol"/> carries <paramref name="attribute"/> (exact class), itself or, for an
    /// <c>override</c> of a property or method, through the member it overrides: every ServicePolicy attribute declares
    /// <c>Inherited = true</c>, so an override need not repeat it.
    /// </summary>
    public static bool HasAttribute(ISymbol symbol, INamedTypeSymbol? attribute)
    {
        if (attribute is null)
        {
            return false;
        }

        for (ISymbol? current = symbol; current is not null; current = Overridden(current))
        {
            foreach (var data in current.GetAttributes())
            {
                if (SymbolEqualityComparer.Default.Equals(data.AttributeClass, attribute))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static ISymbol? Overridden(ISymbol symbol)
        => symbol switch
        {
            IPropertySymbol { IsOverride: true } property => property.OverriddenProperty,
            IMethodSymbol { IsOverride: true } method => method.OverriddenMethod,
            _ => null,
        };

    /// <summary>
    /// The type a factory method creates: its return type, or <c>T</c> of <c>Task&lt;T&gt;</c>/<c>ValueTask&lt;T&gt;</c>.
    /// </summary>
    public ITypeSymbol? GetCreatedType(IMethodSymbol method, out bool isAwaitable)
    {
        isAwaitable = false;
        if (method.ReturnsVoid)
        {
            return null;
        }

        if (method.ReturnType is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } named
            && (SymbolEqualityComparer.Default.Equals(named.OriginalDefinition, Task1)
                || SymbolEqualityComparer.Default.Equals(named.OriginalDefinition, ValueTask1)))
        {
            isAwaitable = true;
            return named.TypeArguments[0];
        }

        return method.ReturnType;
    }

    /// <summary>
    /// The names under which interactions can appear in the compilation's code, given every configuration in use
    /// (collected once per distinct set of configurations, however many analyzers ask).
    /// </summary>
    public InteractionNames GetNames(IReadOnlyCollection<InteractionOptions> configurations)
    {
        var key = new StringBuilder();
        foreach (var options in configurations)
        {
            key.Append(options.InteractionTypes).Append('\n').Append(options.OwnerMembers).Append('\n').Append(options.FollowUpMembers).Append('\n');
        }

        var text = key.ToString();
        return _names.GetOrAdd(
            text,
            _ => new Lazy<InteractionNames>(() => InteractionNameCollector.Collect(this, configurations, text))).Value;
    }

    /// <summary>Every distinct non-empty configuration of the compilation's files (and the global one), in a stable order.</summary>
    public static IReadOnlyCollection<InteractionOptions> GetConfigurations(Compilation compilation, Microsoft.CodeAnalysis.Diagnostics.AnalyzerOptions options)
    {
        var configurations = new List<InteractionOptions>();
        var seen = new HashSet<InteractionOptions>();
        Add(InteractionOptions.Read(options.AnalyzerConfigOptionsProvider.GlobalOptions));
        foreach (var tree in compilation.SyntaxTrees)
        {
            Add(InteractionOptions.Read(options.AnalyzerConfigOptionsProvider.GetOptions(tree)));
        }

        return configurations;

        void Add(InteractionOptions read)
        {
            if (!read.IsEmpty && seen.Add(read))
            {
                configurations.Add(read);
            }
        }
    }

    internal static StringComparer NameComparer => StringComparer.OrdinalIgnoreCase;
}
