// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace ServicePolicy.Analyzers.Tests.Infrastructure;

/// <summary>
/// The references every test compilation gets: the .NET 8 reference assemblies (from
/// Basic.Reference.Assemblies, so nothing is downloaded), the ServicePolicy library and NodaTime.
/// </summary>
internal static class TestReferences
{
    /// <summary>
    /// An empty set: no reference-assembly package is resolved (that would download from NuGet);
    /// the references come from <see cref="All"/> instead.
    /// </summary>
    public static ReferenceAssemblies None { get; } = new("net8.0");

    public static IReadOnlyList<MetadataReference> All { get; } =
    [
        .. Basic.Reference.Assemblies.Net80.References.All,
        MetadataReference.CreateFromFile(typeof(CustomerInteractionAttribute).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(NodaTime.Instant).Assembly.Location),
    ];

    /// <summary>Only the .NET 8 reference assemblies: ServicePolicy is not referenced.</summary>
    public static IReadOnlyList<MetadataReference> FrameworkOnly { get; } = [.. Basic.Reference.Assemblies.Net80.References.All];
}
