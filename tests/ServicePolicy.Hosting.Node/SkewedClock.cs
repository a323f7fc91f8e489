// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using NodaTime;

namespace ServicePolicy.Hosting.Node;

/// <summary>This node's own clock: the system's, shifted by a fixed skew, as a machine whose clock is wrong.</summary>
internal sealed class SkewedClock(IClock inner, Duration skew) : IClock
{
    public Instant GetCurrentInstant() => inner.GetCurrentInstant() + skew;
}
