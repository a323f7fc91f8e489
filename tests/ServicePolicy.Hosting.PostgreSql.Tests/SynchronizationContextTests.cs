// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Collections.Concurrent;
using NodaTime;
using ServicePolicy.Hosting.PostgreSql.Tests.Infrastructure;
using ServicePolicy.Hosting.Storage;
using Xunit;

namespace ServicePolicy.Hosting.PostgreSql.Tests;

/// <summary>The store never resumes on its caller's synchronization context (every await is
/// <c>ConfigureAwait(false)</c>), so a caller on a UI-like thread that blocks on a result cannot deadlock it.</summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class SynchronizationContextTests(PostgreSqlFixture fixture)
{
    public static TheoryData<string> Operations => new()
    {
        "InitializeAsync", "GetCurrentInstantAsync", "FindAsync", "UpdateAsync", "UpdateDueAsync", "QueryAsync", "LeaseAsync",
        "MarkSentAsync", "ReleaseAsync", "DeadLetterAsync", "FindOutboxAsync", "ListOutboxAsync", "RetryDeadLetterAsync",
    };

    [SkippableTheory]
    [MemberData(nameof(Operations))]
    public async Task An_operation_started_on_a_synchronization_context_never_posts_back_to_it(string operation)
    {
        PostgreSqlStoreOptions options = fixture.NewOptions();
        await using var store = new PostgreSqlInteractionStore(options);
        await store.InitializeAsync(CancellationToken.None);
        Instant now = await store.GetCurrentInstantAsync(CancellationToken.None);
        await store.UpdateAsync(["a"], Changes.WakeAt(now - Duration.FromSeconds(1), "k1", "k2", "k3"), CancellationToken.None);
        await store.LeaseAsync("node", 2, Duration.FromMinutes(5), CancellationToken.None);
        Func<Task> call = operation switch
        {
            "InitializeAsync" => () => store.InitializeAsync(CancellationToken.None),
            "GetCurrentInstantAsync" => () => store.GetCurrentInstantAsync(CancellationToken.None),
            "FindAsync" => () => store.FindAsync("a", CancellationToken.None),
            "UpdateAsync" => () => store.UpdateAsync(["a", "b"], Changes.WakeAt(null), CancellationToken.None),
            "UpdateDueAsync" => () => store.UpdateDueAsync(10, Changes.Woken, CancellationToken.None),
            "QueryAsync" => () => store.QueryAsync(QueueQuery.InState(QueueState.OnTrack), CancellationToken.None),
            "LeaseAsync" => () => store.LeaseAsync("node", 10, Duration.FromMinutes(5), CancellationToken.None),
            "MarkSentAsync" => () => store.MarkSentAsync("k1", "node", CancellationToken.None),
            "ReleaseAsync" => () => store.ReleaseAsync("k1", "node", "e", CancellationToken.None),
            "DeadLetterAsync" => () => store.DeadLetterAsync("k1", "node", "e", CancellationToken.None),
            "FindOutboxAsync" => () => store.FindOutboxAsync("k1", CancellationToken.None),
            "ListOutboxAsync" => () => store.ListOutboxAsync(OutboxState.Pending, 10, null, CancellationToken.None),
            "RetryDeadLetterAsync" => () => store.RetryDeadLetterAsync("k1", CancellationToken.None),
            _ => throw new ArgumentOutOfRangeException(nameof(operation), operation, null),
        };

        using var context = new CountingContext();
        await context.Start(call).ConfigureAwait(false);

        Assert.Equal(0, context.Posts);
    }

    /// <summary>Runs what is posted to it on a thread of its own, as a UI thread would, and counts the posts.</summary>
    private sealed class CountingContext : SynchronizationContext, IDisposable
    {
        private readonly BlockingCollection<Action> queue = [];
        private int posts;

        public CountingContext()
        {
            var thread = new Thread(() =>
            {
                SetSynchronizationContext(this);
                foreach (Action work in queue.GetConsumingEnumerable())
                {
                    work();
                }
            }) { IsBackground = true };
            thread.Start();
        }

        public int Posts => Volatile.Read(ref posts);

        public override void Post(SendOrPostCallback d, object? state)
        {
            Interlocked.Increment(ref posts);
            queue.Add(() => d(state));
        }

        /// <summary>Starts <paramref name="call"/> on the context's thread (not counted as a post).</summary>
        public Task Start(Func<Task> call)
        {
            var started = new TaskCompletionSource<Task>(TaskCreationOptions.RunContinuationsAsynchronously);
            queue.Add(() => started.SetResult(call()));
            return started.Task.Unwrap();
        }

        public void Dispose() => queue.CompleteAdding();
    }
}
