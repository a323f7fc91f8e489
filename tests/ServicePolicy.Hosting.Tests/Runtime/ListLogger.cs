// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using Microsoft.Extensions.Logging;

namespace ServicePolicy.Hosting.Tests.Runtime;

/// <summary>A logger that keeps every entry, for tests that check what was logged.</summary>
internal sealed class ListLogger<T> : ILogger<T>
{
    private readonly List<(LogLevel Level, EventId Id, string Message, Exception? Exception)> entries = [];

    public IReadOnlyList<(LogLevel Level, EventId Id, string Message, Exception? Exception)> Entries
    {
        get
        {
            lock (entries)
            {
                return entries.ToList();
            }
        }
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        lock (entries)
        {
            entries.Add((logLevel, eventId, formatter(state, exception), exception));
        }
    }
}
