// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using NodaTime;

namespace ServicePolicy.Tests.Escalation;

/// <summary>A <see cref="TimeProvider"/> whose clock moves only when told, and whose timers fire at once (on the thread
/// pool), moving the clock forward by their due time and recording it: waits take no real time.</summary>
internal sealed class ManualTimeProvider : TimeProvider
{
    private readonly object gate = new();
    private readonly List<TimeSpan> waits = new();
    private DateTimeOffset now;

    public ManualTimeProvider(Instant start) => now = start.ToDateTimeOffset();

    public IReadOnlyList<TimeSpan> Waits { get { lock (gate) { return waits.ToArray(); } } }

    public Instant Now { get { lock (gate) { return Instant.FromDateTimeOffset(now); } } }

    public void Set(Instant instant) { lock (gate) { now = instant.ToDateTimeOffset(); } }

    public override DateTimeOffset GetUtcNow() { lock (gate) { return now; } }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        lock (gate)
        {
            waits.Add(dueTime);
            now += dueTime;
        }
        ThreadPool.QueueUserWorkItem(_ => callback(state));
        return new FiredTimer();
    }

    private sealed class FiredTimer : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => false;

        public void Dispose() { }

        public ValueTask DisposeAsync() => default;
    }
}
