// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

namespace ServicePolicy.Analyzers.Internal;

/// <summary>
/// Keys of <see cref="Microsoft.CodeAnalysis.Diagnostic.Properties"/> through which SP1001/SP1002
/// tell the code fix what to add.
/// </summary>
internal static class DiagnosticPropertyNames
{
    /// <summary>How to fix: one of the <c>Fix*</c> values below; absent when no fix is offered.</summary>
    public const string Fix = "Fix";

    /// <summary>The member to add to the object initializer (with <see cref="FixInitializer"/>).</summary>
    public const string Member = "Member";

    /// <summary>The fluent method to call (with <see cref="FixAppendCall"/> and <see cref="FixInsertCall"/>).</summary>
    public const string Method = "Method";

    /// <summary>Add <c>Member = default!</c> to the creation's object initializer, creating one if needed.</summary>
    public const string FixInitializer = "Initializer";

    /// <summary>Append <c>.Method(default!)</c> to the created object.</summary>
    public const string FixAppendCall = "AppendCall";

    /// <summary>Insert <c>.Method(default!)</c> into the builder chain, just before the factory call.</summary>
    public const string FixInsertCall = "InsertCall";
}
