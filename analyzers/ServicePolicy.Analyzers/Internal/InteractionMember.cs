// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

namespace ServicePolicy.Analyzers.Internal;

/// <summary>The two members every customer interaction must have.</summary>
internal enum InteractionMember
{
    /// <summary>The owner (<c>[InteractionOwner]</c>, <c>service_policy.owner_members</c>).</summary>
    Owner,

    /// <summary>The follow-up deadline (<c>[FollowUpDeadline]</c>, <c>service_policy.follow_up_members</c>).</summary>
    FollowUpDeadline,
}
