// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using ServicePolicy.Internal;

namespace ServicePolicy;

/// <summary>
/// Marks a method (typically a fluent builder method such as <c>AssignTo(owner)</c>) or a constructor
/// that sets the owner of a <see cref="CustomerInteractionAttribute">customer interaction</see>.
/// </summary>
/// <remarks>
/// <para>
/// On a method, a call on a newly created interaction (or, for a builder, earlier in the chain that
/// ends in a method marked with <see cref="CreatesCustomerInteractionAttribute"/>) completes the
/// creation for <c>SP1001</c>. The value is the argument bound to the parameter marked with
/// <see cref="InteractionOwnerAttribute"/>, or the method's only parameter; passing
/// <see langword="null"/> or <see langword="default"/> there is reported as <c>SP1003</c>.
/// </para>
/// <para>
/// On a constructor, every creation through that constructor counts as having an owner (use it when
/// the constructor derives the owner itself).
/// </para>
/// <para>The attribute has no state; all instances are equal in behaviour.</para>
/// </remarks>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Constructor, AllowMultiple = false, Inherited = true)]
[Immutable]
public sealed class SetsInteractionOwnerAttribute : Attribute
{
}
