// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using ServicePolicy.Internal;

namespace ServicePolicy;

/// <summary>
/// Marks a class, record or struct as a customer interaction: something a customer is waiting on
/// (a ticket, a call-back request, a message), which must always have an owner and a follow-up
/// deadline.
/// </summary>
/// <remarks>
/// <para>
/// The analyzers shipped in the <c>ServicePolicy</c> package check every place where such a type is
/// created: <c>SP1001</c> reports a creation that never gets an owner, <c>SP1002</c> one that never
/// gets a follow-up deadline, and <c>SP1003</c> an owner or follow-up deadline explicitly set to
/// <see langword="null"/> or <see langword="default"/>. Mark the members that hold the owner and the
/// deadline with <see cref="InteractionOwnerAttribute"/> and <see cref="FollowUpDeadlineAttribute"/>.
/// </para>
/// <para>
/// The attribute is inherited: types derived from a customer interaction are customer interactions
/// too. Types that cannot be annotated (generated entities, another package's types) can be listed
/// in <c>.editorconfig</c> instead; see <c>docs/analyzers/SP1001.md</c>.
/// </para>
/// <para>The attribute has no state; all instances are equal in behaviour.</para>
/// </remarks>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, AllowMultiple = false, Inherited = true)]
[Immutable]
public sealed class CustomerInteractionAttribute : Attribute
{
}
