// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

namespace ServicePolicy.Hosting.Tests.Runtime;

/// <summary>A synchronization context that counts what is posted to it (and runs it on the thread pool): a library that
/// awaits with <c>ConfigureAwait(false)</c> never posts to its caller's context, so a caller that blocks on it (a UI
/// thread, a classic ASP.NET request) does not deadlock.</summary>
internal sealed class CountingSynchronizationContext : SynchronizationContext
{
    private int posts;

    public int Posts => Volatile.Read(ref posts);

    public override void Post(SendOrPostCallback d, object? state)
    {
        Interlocked.Increment(ref posts);
        base.Post(d, state);
    }

    /// <summary>Starts <paramref name="start"/> with this context current, and awaits it outside the context.</summary>
    public async Task<T> RunAsync<T>(Func<Task<T>> start)
    {
        SynchronizationContext? previous = Current;
        Task<T> task;
        SetSynchronizationContext(this);
        try
        {
            task = start();
        }
        finally
        {
            SetSynchronizationContext(previous);
        }
        return await task;
    }
}
