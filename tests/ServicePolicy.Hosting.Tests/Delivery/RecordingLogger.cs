// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ServicePolicy.Hosting.Tests.Delivery;

/// <summary>A logger that keeps every entry: level, event id and formatted message.</summary>
internal sealed class RecordingLogger<T> : ILogger<T>
{
    private readonly ConcurrentQueue<(LogLevel Level, EventId EventId, string Message)> entries = new();

    public IReadOnlyList<(LogLevel Level, EventId EventId, string Message)> Entries => entries.ToArray();

    public IReadOnlyList<string> WithEvent(int eventId) => Entries.Where(e => e.EventId.Id == eventId).Select(e => e.Message).ToArray();

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        entries.Enqueue((logLevel, eventId, formatter(state, exception)));
}
