// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;

namespace ServicePolicy.Internal;

/// <summary>Marks a class whose instances change after construction (builders, options bound from configuration,
/// exceptions, stores); its documentation says whether it is thread-safe. See <see cref="ImmutableAttribute"/>.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
internal sealed class MutableAttribute : Attribute
{
}
