// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ServicePolicy.Analyzers.Internal;

/// <summary>
/// The raw <c>.editorconfig</c> options of one file: <c>service_policy.interaction_types</c>,
/// <c>service_policy.owner_members</c> and <c>service_policy.follow_up_members</c>. Equality is by
/// text, so every file with the same options shares one resolved <see cref="InteractionScope"/>.
/// </summary>
internal sealed class InteractionOptions : IEquatable<InteractionOptions>
{
    public const string InteractionTypesKey = "service_policy.interaction_types";
    public const string OwnerMembersKey = "service_policy.owner_members";
    public const string FollowUpMembersKey = "service_policy.follow_up_members";

    public static readonly InteractionOptions Empty = new(string.Empty, string.Empty, string.Empty);

    private InteractionOptions(string interactionTypes, string ownerMembers, string followUpMembers)
    {
        InteractionTypes = interactionTypes;
        OwnerMembers = ownerMembers;
        FollowUpMembers = followUpMembers;
    }

    public string InteractionTypes { get; }

    public string OwnerMembers { get; }

    public string FollowUpMembers { get; }

    /// <summary>No interaction types are configured (the member lists mean nothing without them).</summary>
    public bool IsEmpty => InteractionTypes.Length == 0;

    public static InteractionOptions Read(AnalyzerConfigOptions options)
    {
        var types = Get(options, InteractionTypesKey);
        if (types.Length == 0)
        {
            return Empty;
        }

        return new InteractionOptions(types, Get(options, OwnerMembersKey), Get(options, FollowUpMembersKey));
    }

    /// <summary>Splits a list option: entries separated by commas (or semicolons), blanks ignored.</summary>
    public static string[] Split(string value)
        => value.Split(new[] { ',', ';' }, StringSplitOptions.RemoveEmptyEntries);

    public bool Equals(InteractionOptions? other)
        => other is not null
           && string.Equals(InteractionTypes, other.InteractionTypes, StringComparison.Ordinal)
           && string.Equals(OwnerMembers, other.OwnerMembers, StringComparison.Ordinal)
           && string.Equals(FollowUpMembers, other.FollowUpMembers, StringComparison.Ordinal);

    public override bool Equals(object? obj) => Equals(obj as InteractionOptions);

    public override int GetHashCode()
    {
        unchecked
        {
            var hash = StringComparer.Ordinal.GetHashCode(InteractionTypes);
            hash = (hash * 31) + StringComparer.Ordinal.GetHashCode(OwnerMembers);
            return (hash * 31) + StringComparer.Ordinal.GetHashCode(FollowUpMembers);
        }
    }

    private static string Get(AnalyzerConfigOptions options, string key)
        => options.TryGetValue(key, out var value) && value is not null ? value.Trim() : string.Empty;
}
