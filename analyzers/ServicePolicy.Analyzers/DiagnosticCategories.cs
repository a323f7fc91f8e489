// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

namespace ServicePolicy.Analyzers;

/// <summary>The categories of the ServicePolicy diagnostics, in one place.</summary>
internal static class DiagnosticCategories
{
    /// <summary>Code that lets a customer down at run time: nobody owns the request, or nobody gets back.</summary>
    public const string Reliability = "Reliability";

    /// <summary>Settings of the analyzers themselves that they cannot use.</summary>
    public const string Configuration = "Configuration";
}
