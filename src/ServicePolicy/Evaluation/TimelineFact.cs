// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using NodaTime.Text;
using NodaTime;
using ServicePolicy.Internal;

namespace ServicePolicy.Evaluation;

/// <summary>
/// Something that happened to an interaction at an instant: the building block of a <see cref="Timeline"/>. The
/// concrete facts are sealed classes in this namespace, from <see cref="InteractionOpened"/> to
/// <see cref="InteractionCancelled"/>.
/// </summary>
/// <remarks>Facts are immutable and thread-safe. Equality is reference equality: two facts with the same values are
/// two events.</remarks>
[Immutable]
public abstract class TimelineFact
{
    private protected TimelineFact(Instant at)
    {
        At = Limits.CheckInstant(at, nameof(at), "A fact's instant");
    }

    /// <summary>Gets the instant the fact happened, in the supported range 1700-01-01T00:00Z (inclusive) to
    /// 2250-01-01T00:00Z (exclusive): a fact outside it is refused with an <see cref="System.ArgumentOutOfRangeException"/>
    /// naming parameter <c>at</c> (see <c>docs/limits.md#supported-range</c>).</summary>
    public Instant At { get; }

    /// <summary>Returns the fact's type and instant, such as <c>AgentReplied at 2025-03-07T16:40:00Z</c>.</summary>
    /// <returns>The fact for messages and logs.</returns>
    public override string ToString() => $"{GetType().Name} at {InstantPattern.ExtendedIso.Format(At)}";
}
