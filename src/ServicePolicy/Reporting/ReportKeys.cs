// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using ServicePolicy.Commitments;
using ServicePolicy.Evaluation;

namespace ServicePolicy.Reporting;

/// <summary>The keys reports group by, where more than one type needs them.</summary>
internal static class ReportKeys
{
    /// <summary>The key of a cycle's kind: the kind's name, or <c>Custom:{name}</c> (as in action keys).</summary>
    public static string Kind(CommitmentStatus status) =>
        status.Kind == CommitmentKind.Custom ? "Custom:" + status.Name : status.Kind.ToString();
}
