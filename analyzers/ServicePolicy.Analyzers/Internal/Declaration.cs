// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

namespace ServicePolicy.Analyzers.Internal;

/// <summary>What a <see cref="Declaration"/> declares.</summary>
internal enum DeclarationKind
{
    /// <summary>A class, struct, record or interface (its name; its primary constructor's parameters).</summary>
    Type,

    /// <summary>A property, indexer or field.</summary>
    Member,

    /// <summary>An ordinary method.</summary>
    Method,

    /// <summary>A constructor (named by its type).</summary>
    Constructor,

    /// <summary>A delegate type.</summary>
    Delegate,

    /// <summary>An operator, conversion or finalizer.</summary>
    Other,
}

/// <summary>One declaration of <see cref="TreeDeclarations"/>: its name, the names of its attributes, its parameters
/// with attributes, and (types) the rightmost identifiers of its base types.</summary>
internal sealed class Declaration
{
    public Declaration(DeclarationKind kind, string name, string[] attributes, MarkedParameter[] parameters, string[] bases)
    {
        Kind = kind;
        Name = name;
        Attributes = attributes;
        Parameters = parameters;
        Bases = bases;
    }

    public DeclarationKind Kind { get; }

    public string Name { get; }

    public string[] Attributes { get; }

    public MarkedParameter[] Parameters { get; }

    public string[] Bases { get; }
}

/// <summary>A parameter with attributes: its name and the names of its attributes.</summary>
internal sealed class MarkedParameter
{
    public MarkedParameter(string name, string[] attributes)
    {
        Name = name;
        Attributes = attributes;
    }

    public string Name { get; }

    public string[] Attributes { get; }
}
