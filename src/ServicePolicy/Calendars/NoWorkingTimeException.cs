// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using ServicePolicy.Internal;

namespace ServicePolicy.Calendars;

/// <summary>
/// Thrown when business-time arithmetic needs working time that the calendar does not have, for example adding
/// business time to a calendar whose only working time is special days that are all in the past.
/// </summary>
[Mutable]
public sealed class NoWorkingTimeException : InvalidOperationException
{
    /// <summary>Creates an exception with the given message.</summary>
    /// <param name="message">A message naming the calendar and the instant.</param>
    public NoWorkingTimeException(string message)
        : base(message)
    {
    }
}
