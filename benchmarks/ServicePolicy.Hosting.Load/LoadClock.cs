// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using NodaTime;

namespace ServicePolicy.Hosting.Load;

/// <summary>
/// The stores' clock in a load run: either stopped at a fixed instant (the timer burst: everything is due at once and
/// each interaction is re-evaluated exactly once) or the system clock shifted by an offset (the lag run: the seeded
/// wake-ups start falling due when the measurement starts, however long seeding took).
/// </summary>
public sealed class LoadClock : IClock
{
    private long offsetTicks;
    private long fixedTicks = long.MinValue;

    /// <summary>Stops the clock at an instant.</summary>
    /// <param name="instant">The instant every call returns from now on.</param>
    public void StopAt(Instant instant) => Interlocked.Exchange(ref fixedTicks, instant.ToUnixTimeTicks());

    /// <summary>Runs the clock as the system clock shifted so that it reads <paramref name="instant"/> now.</summary>
    /// <param name="instant">What the clock reads at this moment.</param>
    public void RunFrom(Instant instant)
    {
        Interlocked.Exchange(ref offsetTicks, (instant - SystemClock.Instance.GetCurrentInstant()).BclCompatibleTicks);
        Interlocked.Exchange(ref fixedTicks, long.MinValue);
    }

    /// <inheritdoc/>
    public Instant GetCurrentInstant()
    {
        long stopped = Interlocked.Read(ref fixedTicks);
        return stopped != long.MinValue
            ? Instant.FromUnixTimeTicks(stopped)
            : SystemClock.Instance.GetCurrentInstant() + Duration.FromTicks(Interlocked.Read(ref offsetTicks));
    }
}
