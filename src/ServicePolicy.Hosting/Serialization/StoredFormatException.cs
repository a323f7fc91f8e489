// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using ServicePolicy.Internal;

namespace ServicePolicy.Hosting.Serialization;

/// <summary>
/// A stored timeline (<see cref="TimelineJson"/>) or outbox payload (<see cref="EscalationMessage"/>,
/// <see cref="RemedyMessage"/>) could not be read: it is not JSON, it was written in a later format than this package
/// reads, or a fact or property is unknown, missing or invalid. The message says which (fact index, property name,
/// value); nothing is ever dropped silently.
/// </summary>
/// <remarks>Thrown by readers only; writers never produce text that their reader refuses. Mutable, as every exception is
/// (<see cref="Exception.Data"/>).</remarks>
[Mutable]
public sealed class StoredFormatException : FormatException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What could not be read, and where.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public StoredFormatException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
