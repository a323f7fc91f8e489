// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using Microsoft.CodeAnalysis;

namespace ServicePolicy.Analyzers.Internal;

/// <summary>A customer interaction type and the members that hold its owner and follow-up deadline.</summary>
internal sealed class InteractionTypeInfo
{
    public InteractionTypeInfo(INamedTypeSymbol type, InteractionMemberSet owner, InteractionMemberSet followUp)
    {
        Type = type;
        Owner = owner;
        FollowUp = followUp;
    }

    public INamedTypeSymbol Type { get; }

    public InteractionMemberSet Owner { get; }

    public InteractionMemberSet FollowUp { get; }

    public InteractionMemberSet Get(InteractionMember kind)
        => kind == InteractionMember.Owner ? Owner : FollowUp;
}
