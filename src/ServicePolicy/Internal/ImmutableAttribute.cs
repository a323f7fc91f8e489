// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;

namespace ServicePolicy.Internal;

/// <summary>Marks a class whose instances never change after construction, and so are safe to share between threads
/// without locking. Lazily computed caches that never change a result are allowed. Checked by the architecture tests:
/// every public class is marked <see cref="ImmutableAttribute"/> or <see cref="MutableAttribute"/>, so a class's thread safety is never a guess.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
internal sealed class ImmutableAttribute : Attribute
{
}
