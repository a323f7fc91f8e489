// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using System.Threading;
using NodaTime;
using ServicePolicy.Escalation;
using ServicePolicy.Policies;

namespace ServicePolicy.Evaluation;

/// <summary>
/// The pool of <see cref="Replay"/> working sets that <see cref="Evaluator"/> evaluates with (thread-safe), as Polly's
/// <c>ResilienceContextPool</c> pools contexts: an evaluation rents one, replays the timeline in it, and returns it
/// cleared, so that evaluating a queue allocates little more than the results.
/// </summary>
/// <remarks>
/// <para>Why a pool: the queue benchmark (<c>QueueEvaluationBenchmarks.SingleThreaded</c>, 1,000,000 interactions)
/// allocates 2,242 bytes per interaction and takes about 1.5 times the CPU time when every evaluation builds its own
/// replay, cycles and planner, against 780 bytes with the pool (issue 12).</para>
/// <para>What is shared: nothing of an evaluation outlives it. <see cref="Replay.Clear"/> forgets the timeline, the
/// policy, the facts applied and the escalation planned; a returned replay keeps only its buffers and cycle objects,
/// which the next evaluation resets before it reads them. An evaluation nested in another (a directory that
/// evaluates) rents a replay of its own. The pool keeps at most <see cref="Capacity"/> replays; more are created as
/// needed and dropped when returned to a full pool.</para>
/// </remarks>
internal sealed class ReplayPool
{
    private readonly Replay?[] items;
    private Replay? first;

    /// <summary>Creates a pool that keeps at most <paramref name="capacity"/> replays.</summary>
    internal ReplayPool(int capacity)
    {
        Capacity = capacity;
        items = new Replay?[Math.Max(0, capacity - 1)];
    }

    /// <summary>Gets the pool <see cref="Evaluator"/> uses: twice as many replays as processors.</summary>
    internal static ReplayPool Shared { get; } = new(2 * Environment.ProcessorCount);

    /// <summary>Gets the most replays the pool keeps.</summary>
    internal int Capacity { get; }

    /// <summary>Evaluates in a rented replay, returned cleared afterwards, also when the evaluation throws.</summary>
    internal EvaluationResult Evaluate(Timeline timeline, ServiceLevelPolicy policy, in PolicySource source, EscalationContext? escalation, Instant now)
    {
        Replay replay = Rent();
        try
        {
            return replay.Evaluate(timeline, policy, source, escalation, now);
        }
        finally
        {
            Return(replay);
        }
    }

    /// <summary>Takes a replay from the pool, or creates one when it is empty.</summary>
    internal Replay Rent()
    {
        Replay? item = first;
        if (item is not null && Interlocked.CompareExchange(ref first, null, item) == item)
        {
            return item;
        }
        for (int i = 0; i < items.Length; i++)
        {
            item = items[i];
            if (item is not null && Interlocked.CompareExchange(ref items[i], null, item) == item)
            {
                return item;
            }
        }
        return new Replay();
    }

    /// <summary>Clears a replay and puts it back, or drops it when the pool is full.</summary>
    internal void Return(Replay replay)
    {
        replay.Clear();
        if (first is null && Interlocked.CompareExchange(ref first, replay, null) is null)
        {
            return;
        }
        for (int i = 0; i < items.Length; i++)
        {
            if (Interlocked.CompareExchange(ref items[i], replay, null) is null)
            {
                return;
            }
        }
    }
}
