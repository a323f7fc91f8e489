// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using NodaTime;
using ServicePolicy.Internal;

namespace ServicePolicy.Evaluation;

/// <summary>An appointment was booked for the window <c>[start, end)</c>: the visitor must arrive inside it. Starts an
/// appointment cycle, due at the window's end; an earlier pending booking ends (cancelled, or breached when already
/// past its window).</summary>
/// <remarks>Immutable. Equality is reference equality.</remarks>
[Immutable]
public sealed class AppointmentBooked : TimelineFact
{
    /// <summary>Creates the fact.</summary>
    /// <param name="at">The instant of booking.</param>
    /// <param name="window">The booked window; it must have a start and an end, be non-empty and end after <paramref name="at"/>.</param>
    /// <exception cref="ArgumentException">The window is unbounded, empty, or ends at or before <paramref name="at"/>.</exception>
    /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="at"/> is outside the supported range 1700-01-01T00:00Z
    /// (inclusive) to 2250-01-01T00:00Z (exclusive); see <c>docs/limits.md#supported-range</c>.</exception>
    public AppointmentBooked(Instant at, Interval window)
        : base(at)
    {
        Preconditions.CheckArgument(window.HasStart && window.HasEnd, nameof(window), $"The window {window} must have a start and an end.");
        Preconditions.CheckArgument(window.End > window.Start, nameof(window), $"The window {window} is empty.");
        Preconditions.CheckArgument(window.End > at, nameof(window), $"The window {window} ends before it was booked at {at}.");
        Window = window;
    }

    /// <summary>Gets the booked window, <c>[start, end)</c>.</summary>
    public Interval Window { get; }
}
