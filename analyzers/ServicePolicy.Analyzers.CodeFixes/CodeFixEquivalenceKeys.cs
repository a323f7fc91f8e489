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
}
