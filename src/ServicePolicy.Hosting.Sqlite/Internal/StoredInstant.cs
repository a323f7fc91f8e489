// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using NodaTime;
using ServicePolicy.Internal;

namespace ServicePolicy.Hosting.Sqlite.Internal;

/// <summary>
/// How the SQLite store keeps an <see cref="Instant"/>: an INTEGER of nanoseconds since the Unix epoch, exact to the
/// nanosecond. A signed 64-bit count reaches from 1677-09-21T00:12:43.145224192Z (<see cref="Min"/>) to
/// 2262-04-11T23:47:16.854775807Z (<see cref="Max"/>); instants outside that range are refused, never rounded.
/// </summary>
internal static class StoredInstant
{
    /// <summary>The earliest instant the store keeps.</summary>
    internal static readonly Instant Min = NodaConstants.UnixEpoch + Duration.FromNanoseconds(long.MinValue);

    /// <summary>The latest instant the store keeps.</summary>
    internal static readonly Instant Max = NodaConstants.UnixEpoch + Duration.FromNanoseconds(long.MaxValue);

    /// <summary>Returns whether an instant is in the range the store keeps.</summary>
    internal static bool IsStorable(Instant instant) => instant >= Min && instant <= Max;

    /// <summary>The stored form of an instant in range (see <see cref="IsStorable"/>).</summary>
    internal static long ToNanoseconds(Instant instant) => (instant - NodaConstants.UnixEpoch).ToInt64Nanoseconds();

    /// <summary>The instant a stored value stands for.</summary>
    internal static Instant FromNanoseconds(long nanoseconds) => NodaConstants.UnixEpoch + Duration.FromNanoseconds(nanoseconds);

    /// <summary>The stored form of an instant, or an exception that says what was out of range.</summary>
    /// <param name="instant">The instant.</param>
    /// <param name="paramName">The argument it came from.</param>
    /// <param name="what">What the instant is, for the message (<c>the NextChangeAt of interaction 'a'</c>).</param>
    internal static long ToNanoseconds(Instant instant, string paramName, string what)
    {
        if (!IsStorable(instant))
        {
            Preconditions.ThrowArgumentOutOfRange(paramName, instant,
                $"The SQLite store keeps instants from {Min} to {Max} (nanoseconds since 1970 in a 64-bit integer); {what} is {instant}.");
        }
        return ToNanoseconds(instant);
    }

    /// <summary>The stored form of an instant of a record the caller wrote, or an exception that names it; the message
    /// is only built when the instant is out of range.</summary>
    /// <param name="instant">The instant.</param>
    /// <param name="paramName">The argument it came from.</param>
    /// <param name="subject">What holds it (<c>interaction</c>, <c>outbox entry</c>).</param>
    /// <param name="id">The holder's id or key.</param>
    /// <param name="field">The instant's property (<c>NextChangeAt</c>).</param>
    internal static long ToNanoseconds(Instant instant, string paramName, string subject, string id, string field)
    {
        if (!IsStorable(instant))
        {
            ToNanoseconds(instant, paramName, $"the {field} of {subject} '{id}'");
        }
        return ToNanoseconds(instant);
    }

    /// <summary>The stored form of the store's clock reading, or an exception when the clock is outside the range.</summary>
    internal static long FromClock(Instant now)
    {
        if (!IsStorable(now))
        {
            Preconditions.ThrowInvalidOperation($"The store's clock reads {now}, outside the instants the SQLite store keeps ({Min} to {Max}).");
        }
        return ToNanoseconds(now);
    }
}
