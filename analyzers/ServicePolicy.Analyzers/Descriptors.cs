// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using Microsoft.CodeAnalysis;

namespace ServicePolicy.Analyzers;

/// <summary>
/// Every diagnostic descriptor, each built by <see cref="Create"/> so that each one has a help link
/// to its page under <c>docs/analyzers/</c>.
/// </summary>
internal static partial class Descriptors
{
    /// <summary>The repository that hosts the rule documentation (the one place the URL is spelled out).</summary>
    public const string RepositoryUrl = "https://github.com/servicepolicy/servicepolicy";

    /// <summary>The folder of the rule pages; a rule's page is <c>{HelpLinkBase}{id}.md</c>.</summary>
    public const string HelpLinkBase = RepositoryUrl + "/blob/main/docs/analyzers/";

    /// <summary>SP1001: a customer interaction is created without an owner.</summary>
    public static readonly DiagnosticDescriptor InteractionWithoutOwner = Create(
        DiagnosticIds.InteractionWithoutOwner,
        title: "Customer interaction created without an owner",
        messageFormat: "'{0}' is created without an owner; {1} before the object leaves the method",
        DiagnosticCategories.Reliability,
        DiagnosticSeverity.Warning,
        description: "Every customer interaction needs an owner, a person or team responsible for it. Set the member marked [InteractionOwner] through the constructor, the object initializer, a 'with' expression, a method marked [SetsInteractionOwner], or an assignment in the same method before the object is returned, passed on or stored.");

    /// <summary>SP1002: a customer interaction is created without a follow-up deadline.</summary>
    public static readonly DiagnosticDescriptor InteractionWithoutFollowUpDeadline = Create(
        DiagnosticIds.InteractionWithoutFollowUpDeadline,
        title: "Customer interaction created without a follow-up deadline",
        messageFormat: "'{0}' is created without a follow-up deadline; {1} before the object leaves the method",
        DiagnosticCategories.Reliability,
        DiagnosticSeverity.Warning,
        description: "Every customer interaction needs a time by which someone gets back to the customer. Set the member marked [FollowUpDeadline] through the constructor, the object initializer, a 'with' expression, a method marked [SetsFollowUpDeadline], or an assignment in the same method before the object is returned, passed on or stored.");

    /// <summary>SP1003: the owner or follow-up deadline is explicitly set to null or default.</summary>
    public static readonly DiagnosticDescriptor InteractionMemberSetToNullOrDefault = Create(
        DiagnosticIds.InteractionMemberSetToNullOrDefault,
        title: "Owner or follow-up deadline of a customer interaction set to null or default",
        messageFormat: "The {0} of '{1}' is set to null or default; give it a real {0}",
        DiagnosticCategories.Reliability,
        DiagnosticSeverity.Warning,
        description: "Setting the owner or the follow-up deadline to null or default silences SP1001/SP1002 without giving the customer an owner or a time to hear back. Assign a real value.");

    private static DiagnosticDescriptor Create(
        string id,
        string title,
        string messageFormat,
        string category,
        DiagnosticSeverity defaultSeverity,
        string description)
        => new(
            id,
            title,
            messageFormat,
            category,
            defaultSeverity,
            isEnabledByDefault: true,
            description: description,
            helpLinkUri: GetHelpLink(id));

    /// <summary>Returns the documentation page of the rule <paramref name="id"/>.</summary>
    public static string GetHelpLink(string id) => HelpLinkBase + id + ".md";
}
