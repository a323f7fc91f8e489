// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using NodaTime;

namespace ServicePolicy.Samples.SupportDesk;

/// <summary>The simulated clock: the dispatcher reads it as a <see cref="TimeProvider"/>.</summary>
internal sealed class SimulationClock : TimeProvider, IClock
{
    public Instant Now { get; set; }

    public Instant GetCurrentInstant() => Now;

    public override DateTimeOffset GetUtcNow() => Now.ToDateTimeOffset();
}
