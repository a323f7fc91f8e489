// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using ServicePolicy.Internal;

namespace ServicePolicy;

/// <summary>
/// Marks the property, field or constructor (or factory method) parameter that holds the owner of a
/// customer interaction: the person or team responsible for it.
/// </summary>
/// <remarks>
/// <para>
/// A creation of a <see cref="CustomerInteractionAttribute">customer interaction</see> is complete
/// for <c>SP1001</c> when this member gets a value: through a constructor argument bound to a marked
/// parameter (or to a parameter whose name matches a marked property or field, ignoring case), an
/// object initializer, a <see langword="with"/> expression, a method marked with
/// <see cref="SetsInteractionOwnerAttribute"/>, or an assignment later in the same method body
/// before the object leaves it. Setting it to <see langword="null"/> or <see langword="default"/>
/// is reported as <c>SP1003</c>.
/// </para>
/// <para>
/// On a positional record parameter the attribute marks the parameter; the analyzer treats the
/// property generated from it as the owner member too.
/// </para>
/// <para>The attribute has no state; all instances are equal in behaviour.</para>
/// </remarks>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter, AllowMultiple = false, Inherited = true)]
[Immutable]
public sealed class InteractionOwnerAttribute : Attribute
{
}
