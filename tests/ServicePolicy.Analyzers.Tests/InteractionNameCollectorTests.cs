// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using ServicePolicy.Analyzers.Internal;
using ServicePolicy.Analyzers.Tests.Infrastructure;

namespace ServicePolicy.Analyzers.Tests;

/// <summary>
/// The name filter reads the project's own declarations from syntax (cached per tree, so an edit in the IDE does not
/// walk the solution again) and referenced assemblies through their symbols: the same code read both ways must give
/// the syntax at least every name the symbols give, or the filter would skip a node that matters.
/// </summary>
public class InteractionNameCollectorTests
{
    private const string Extra = /* lang=c#-test */ """
        using ServicePolicy;
        using Who = ServicePolicy.InteractionOwnerAttribute;
        using Opens = ServicePolicy.CreatesCustomerInteractionAttribute;

        namespace Extra;

        [CustomerInteraction]
        public record Case([property: Who] string? Handler, [property: FollowUpDeadline] NodaTime.Instant? Due);

        public record Escalated(string? Handler) : Case(Handler, null);

        public delegate void Assign([InteractionOwner] string? owner);

        public class Desk
        {
            [Who] public string? Duty;

            [SetsInteractionOwner]
            public Desk() { }

            public Desk([InteractionOwner] string lead) => Duty = lead;

            [SetsFollowUpDeadline]
            public void Promise(Case interaction) { }

            [Opens]
            public static Case Open() => new(null, null);

            public static Desk operator +(Desk desk, [InteractionOwner] string owner) => desk;
        }
        """;

    [Fact]
    public void NamesReadFromSyntax_IncludeEveryNameOfTheBoundSymbols()
    {
        var parse = new CSharpParseOptions(LanguageVersion.CSharp12);
        SyntaxTree[] trees = [CSharpSyntaxTree.ParseText(Model.Source, parse), CSharpSyntaxTree.ParseText(Extra, parse)];
        var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable);
        var source = CSharpCompilation.Create("Partner", trees, TestReferences.All, options);
        using var image = new MemoryStream();
        var emitted = source.Emit(image);
        Assert.True(emitted.Success, string.Join(Environment.NewLine, emitted.Diagnostics));
        var consumer = CSharpCompilation.Create("Consumer", [], [.. TestReferences.All, MetadataReference.CreateFromImage(image.ToArray())], options);

        var fromSyntax = InteractionNameCollector.Collect(InteractionSymbols.For(source), [], string.Empty);
        var fromSymbols = InteractionNameCollector.Collect(InteractionSymbols.For(consumer), [], string.Empty);

        Assert.Contains("Case", fromSymbols.InteractionTypes);
        Assert.Contains("Escalated", fromSymbols.InteractionTypes);
        Assert.Contains("Open", fromSymbols.Factories);
        Assert.Contains("Promise", fromSymbols.SettingMethods);
        Assert.Contains("Desk", fromSymbols.ConstructedTypes);
        Assert.Contains("Handler", fromSymbols.Members);
        Assert.Contains("Duty", fromSymbols.Members);
        Assert.True(fromSymbols.AnyMarkedDelegate);
        Assert.Subset(fromSyntax.InteractionTypes, fromSymbols.InteractionTypes);
        Assert.Subset(fromSyntax.Factories, fromSymbols.Factories);
        Assert.Subset(fromSyntax.ConstructedTypes, fromSymbols.ConstructedTypes);
        // An operator is never invoked by name (op_Addition), and a delegate's BeginInvoke is covered by
        // AnyMarkedDelegate: the syntax records neither.
        Assert.Subset(
            fromSyntax.SettingMethods,
            fromSymbols.SettingMethods.Where(name => !name.StartsWith("op_", StringComparison.Ordinal) && name != "BeginInvoke").ToHashSet());
        Assert.Subset(fromSyntax.Members, fromSymbols.Members);
        Assert.True(fromSyntax.AnyMarkedDelegate);
    }
}
