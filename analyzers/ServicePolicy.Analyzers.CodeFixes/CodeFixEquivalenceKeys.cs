// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

namespace ServicePolicy.Analyzers.CodeFixes;

/// <summary>
/// The equivalence keys of the ServicePolicy code fixes. They are stable: "fix all" groups by them,
/// and tests and tools may refer to them.
/// </summary>
public static class CodeFixEquivalenceKeys
{
    /// <summary>SP1001: add the missing owner.</summary>
    public const string AddOwner = "ServicePolicy.SP1001.AddOwner";

    /// <summary>SP1002: add the missing follow-up deadline.</summary>
    public const string AddFollowUpDeadline = "ServicePolicy.SP1002.AddFollowUpDeadline";

    /// <summary>SP1005: declare the follow-up deadline as a NodaTime <c>Instant</c>.</summary>
    public const string UseInstant = "ServicePolicy.SP1005.UseInstant";

    /// <summary>SP1005: declare the follow-up deadline as a <c>DateTimeOffset</c>.</summary>
    public const string UseDateTimeOffset = "ServicePolicy.SP1005.UseDateTimeOffset";
}
