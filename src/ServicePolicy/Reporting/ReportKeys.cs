// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using ServicePolicy.Commitments;
using ServicePolicy.Evaluation;

namespace ServicePolicy.Reporting;

/// <summary>The keys reports group by, where more than one type needs them.</summary>
internal static class ReportKeys
{
    /// <summary>The key of a cycle's kind: the kind's name, <c>Custom:{name}</c>, or <c>{kind}:{name}</c> for a named
    /// measure (as in action keys).</summary>
    public static string Kind(CommitmentStatus status) =>
        status.Name is null ? status.Kind.ToString() : status.Kind + ":" + status.Name;
}
