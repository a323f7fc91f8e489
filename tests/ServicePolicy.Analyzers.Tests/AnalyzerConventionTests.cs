// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ServicePolicy.Analyzers.Tests;

/// <summary>
/// Architecture tests: every analyzer is sealed and declared for C#, and every
/// rule has a help link to its page, the page exists, and the rule is tracked in the release files.
/// </summary>
public class AnalyzerConventionTests
{
    public static TheoryData<string> AnalyzerTypes()
    {
        var data = new TheoryData<string>();
        foreach (var type in typeof(Descriptors).Assembly.GetTypes().Where(t => typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && !t.IsAbstract))
        {
            data.Add(type.FullName!);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AnalyzerTypes))]
    public void Analyzer_FollowsConventions(string typeName)
    {
        var type = typeof(Descriptors).Assembly.GetType(typeName)!;
        Assert.True(type.IsSealed, $"{type.Name} should be sealed");
        var attribute = type.GetCustomAttribute<DiagnosticAnalyzerAttribute>();
        Assert.NotNull(attribute);
        Assert.Equal([LanguageNames.CSharp], attribute.Languages);

        var analyzer = (DiagnosticAnalyzer)Activator.CreateInstance(type)!;
        var repository = RepositoryRoot();
        var unshipped = File.ReadAllText(Path.Combine(repository, "analyzers", "ServicePolicy.Analyzers", "AnalyzerReleases.Unshipped.md"))
            + File.ReadAllText(Path.Combine(repository, "analyzers", "ServicePolicy.Analyzers", "AnalyzerReleases.Shipped.md"));
        foreach (var descriptor in analyzer.SupportedDiagnostics)
        {
            Assert.Matches("^SP1[0-9]{3}$", descriptor.Id);
            Assert.Equal(Descriptors.HelpLinkBase + descriptor.Id + ".md", descriptor.HelpLinkUri);
            Assert.True(descriptor.IsEnabledByDefault);
            Assert.True(
                File.Exists(Path.Combine(repository, "docs", "analyzers", descriptor.Id + ".md")),
                $"docs/analyzers/{descriptor.Id}.md should exist");
            Assert.Contains(descriptor.Id + " | " + descriptor.Category + " | " + descriptor.DefaultSeverity, unshipped, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void EveryRuleId_HasExactlyOneAnalyzer()
    {
        var ids = typeof(Descriptors).Assembly.GetTypes()
            .Where(t => typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && !t.IsAbstract)
            .SelectMany(t => ((DiagnosticAnalyzer)Activator.CreateInstance(t)!).SupportedDiagnostics)
            .Select(d => d.Id)
            .Order()
            .ToArray();
        Assert.Equal(
            [DiagnosticIds.InteractionWithoutOwner, DiagnosticIds.InteractionWithoutFollowUpDeadline, DiagnosticIds.InteractionMemberSetToNullOrDefault, DiagnosticIds.InvalidInteractionConfiguration, DiagnosticIds.FollowUpDeadlineTypedDateTime],
            ids);
    }

    [Fact]
    public void HelpLinkBase_IsBuiltFromTheRepositoryUrlProperty()
    {
        // $(ServicePolicyRepositoryUrl) in Directory.Build.props is the one place the address is spelled out; the
        // package metadata and, through a generated constant, the help links both come from it.
        Assert.Equal(Descriptors.RepositoryUrl, Metadata("ServicePolicyRepositoryUrl"));
        Assert.Equal(Descriptors.RepositoryBranch, Metadata("ServicePolicyRepositoryBranch"));
        Assert.Equal(
            Descriptors.HelpLinkBase,
            Metadata("ServicePolicyRepositoryUrl") + "/blob/" + Metadata("ServicePolicyRepositoryBranch") + "/docs/analyzers/");
        Assert.StartsWith("https://", Descriptors.HelpLinkBase, StringComparison.Ordinal);
    }

    public static TheoryData<string> RuleIds()
    {
        var data = new TheoryData<string>();
        foreach (var id in AllDescriptors().Select(d => d.Id).Distinct().Order(StringComparer.Ordinal))
        {
            data.Add(id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void HelpLink_IsTheBasePlusTheIdAndThePageExists(string id)
    {
        var descriptor = AllDescriptors().First(d => d.Id == id);
        Assert.Equal(Descriptors.HelpLinkBase + id + ".md", descriptor.HelpLinkUri);
        Assert.Equal(descriptor.HelpLinkUri, Descriptors.GetHelpLink(id));
        var repository = RepositoryRoot();
        Assert.True(File.Exists(Path.Combine(repository, "docs", "analyzers", id + ".md")), $"docs/analyzers/{id}.md should exist");
        var index = File.ReadAllText(Path.Combine(repository, "docs", "analyzers", "README.md"));
        Assert.Contains("[" + id + "](" + id + ".md)", index, StringComparison.Ordinal);
    }

    private static IEnumerable<DiagnosticDescriptor> AllDescriptors() =>
        typeof(Descriptors).Assembly.GetTypes()
            .Where(t => typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && !t.IsAbstract)
            .SelectMany(t => ((DiagnosticAnalyzer)Activator.CreateInstance(t)!).SupportedDiagnostics);

    private static string Metadata(string key) =>
        typeof(AnalyzerConventionTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(attribute => attribute.Key == key).Value!;

    /// <summary>The repository root, recorded by the test project at build time (source paths are mapped to /_/ in CI
    /// builds, so [CallerFilePath] cannot be used, and the binary may live outside the repository).</summary>
    private static string RepositoryRoot() => Metadata("RepositoryRoot");
}
