// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

namespace ServicePolicy.Analyzers;

/// <summary>The ids of every ServicePolicy diagnostic, in one place.</summary>
public static class DiagnosticIds
{
    /// <summary>A customer interaction is created without an owner.</summary>
    public const string InteractionWithoutOwner = "SP1001";

    /// <summary>A customer interaction is created without a follow-up deadline.</summary>
    public const string InteractionWithoutFollowUpDeadline = "SP1002";

    /// <summary>The owner or follow-up deadline of a customer interaction is set to null or default.</summary>
    public const string InteractionMemberSetToNullOrDefault = "SP1003";

    /// <summary>A <c>service_policy.*</c> <c>.editorconfig</c> entry is ignored because it is wrong.</summary>
    public const string InvalidInteractionConfiguration = "SP1004";

    /// <summary>A follow-up deadline member is typed <c>DateTime</c>, whose meaning depends on its <c>Kind</c> and the server's zone.</summary>
    public const string FollowUpDeadlineTypedDateTime = "SP1005";
}
