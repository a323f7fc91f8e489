// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using ServicePolicy.Internal;

namespace ServicePolicy;

/// <summary>
/// Marks a factory method (or a builder's final <c>Build</c> method) that creates a new
/// <see cref="CustomerInteractionAttribute">customer interaction</see>, so that the analyzers check
/// each call of it like a <see langword="new"/> expression.
/// </summary>
/// <remarks>
/// <para>
/// The method returns the interaction type itself, or a <see cref="System.Threading.Tasks.Task{TResult}"/>
/// or <see cref="System.Threading.Tasks.ValueTask{TResult}"/> of it. A call is complete for
/// <c>SP1001</c>/<c>SP1002</c> when an argument is bound to a parameter marked with
/// <see cref="InteractionOwnerAttribute"/>/<see cref="FollowUpDeadlineAttribute"/>, when the method
/// itself is also marked with <see cref="SetsInteractionOwnerAttribute"/>/<see cref="SetsFollowUpDeadlineAttribute"/>,
/// when a builder method so marked is called earlier in the same call chain
/// (<c>new TicketBuilder().AssignTo(owner).Build()</c>), or in any of the ways a
/// <see langword="new"/> expression is completed afterwards.
/// </para>
/// <para>
/// Creations returned from inside a method with this attribute are not reported: completing them is
/// the caller's job.
/// </para>
/// <para>The attribute has no state; all instances are equal in behaviour.</para>
/// </remarks>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = true)]
[Immutable]
public sealed class CreatesCustomerInteractionAttribute : Attribute
{
}
