// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using NodaTime;

namespace ServicePolicy.Hosting.Tests.Delivery;

/// <summary>A clock and timer whose time moves only when told. A timer due sooner than <see cref="HoldFrom"/> (a wait
/// between attempts) fires at once on the thread pool, moving the clock forward by its due time and recording it, so
/// waits take no real time; a timer due later (an attempt timeout) is held until <see cref="FireHeld"/>; a timer with
/// an infinite due time waits for <see cref="ITimer.Change"/> (as <c>CancellationTokenSource.CancelAfter</c> does).</summary>
internal sealed class ManualTimeProvider : TimeProvider, IClock
{
    private readonly object gate = new();
    private readonly List<TimeSpan> waits = new();
    private readonly List<ManualTimer> held = new();
    private DateTimeOffset now;

    public ManualTimeProvider(Instant start) => now = start.ToDateTimeOffset();

    /// <summary>Gets or sets the shortest due time of a timer that is held rather than fired at once.</summary>
    public TimeSpan HoldFrom { get; set; } = TimeSpan.FromSeconds(30);

    public IReadOnlyList<TimeSpan> Waits { get { lock (gate) { return waits.ToArray(); } } }

    public IReadOnlyList<TimeSpan> HeldDueTimes { get { lock (gate) { return held.Select(t => t.DueTime).ToArray(); } } }

    public Instant Now { get { lock (gate) { return Instant.FromDateTimeOffset(now); } } }

    public void Set(Instant instant) { lock (gate) { now = instant.ToDateTimeOffset(); } }

    public Instant GetCurrentInstant() => Now;

    public override DateTimeOffset GetUtcNow() { lock (gate) { return now; } }

    /// <summary>Fires every held timer, moving the clock forward by the longest of their due times.</summary>
    /// <returns>How many timers fired.</returns>
    public int FireHeld()
    {
        ManualTimer[] due;
        lock (gate)
        {
            due = held.ToArray();
            held.Clear();
            if (due.Length > 0)
            {
                now += due.Max(t => t.DueTime);
            }
        }
        foreach (ManualTimer timer in due)
        {
            timer.Fire();
        }
        return due.Length;
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ManualTimer(this, callback, state);
        Schedule(timer, dueTime);
        return timer;
    }

    private void Schedule(ManualTimer timer, TimeSpan dueTime)
    {
        lock (gate)
        {
            held.Remove(timer);
            timer.DueTime = dueTime;
            if (dueTime == Timeout.InfiniteTimeSpan)
            {
                return;
            }
            if (dueTime >= HoldFrom)
            {
                held.Add(timer);
                return;
            }
            waits.Add(dueTime);
            now += dueTime;
        }
        ThreadPool.QueueUserWorkItem(_ => timer.Fire());
    }

    private void Remove(ManualTimer timer)
    {
        lock (gate)
        {
            held.Remove(timer);
        }
    }

    private sealed class ManualTimer(ManualTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        private int disposed;

        public TimeSpan DueTime { get; set; }

        public void Fire()
        {
            if (Volatile.Read(ref disposed) == 0)
            {
                callback(state);
            }
        }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            if (Volatile.Read(ref disposed) != 0)
            {
                return false;
            }
            owner.Schedule(this, dueTime);
            return true;
        }

        public void Dispose()
        {
            Interlocked.Exchange(ref disposed, 1);
            owner.Remove(this);
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return default;
        }
    }
}
