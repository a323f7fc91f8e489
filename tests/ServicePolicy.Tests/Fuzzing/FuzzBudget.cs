// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using Xunit.Sdk;

namespace ServicePolicy.Tests.Fuzzing;

/// <summary>
/// Runs one fuzz case under a time and an allocation budget, so that a hang or a runaway allocation fails the test
/// that found it instead of hanging CI or exhausting memory (issue 15). The case runs on a background thread of its
/// own: when it overruns its time the test fails at once, naming the input, and the thread is abandoned (the test
/// host ends it with the process). Allocation is measured on that thread alone, so other tests running in parallel
/// do not count against it; while the case runs, the whole process's allocation is also watched, so that a case
/// allocating without end fails before the machine runs out of memory.
/// </summary>
internal static class FuzzBudget
{
    /// <summary>The default time a single case may take. Generous, because CI machines are shared and slow: a
    /// case that is merely slow passes, one that hangs or does unbounded work fails.</summary>
    public static readonly TimeSpan DefaultTime = TimeSpan.FromSeconds(5);

    /// <summary>The default number of bytes a single case may allocate (64 MiB).</summary>
    public const long DefaultAllocatedBytes = 64L * 1024 * 1024;

    /// <summary>How much the whole process may allocate while one case runs before the case is failed as runaway
    /// (a multiple of its own budget, since tests in parallel allocate too).</summary>
    private const int ProcessAllocationFactor = 16;

    private const int StackBytes = 16 * 1024 * 1024;

    private static readonly TimeSpan WatchInterval = TimeSpan.FromMilliseconds(50);

    /// <summary>Runs <paramref name="action"/> for <paramref name="input"/> under the budget.</summary>
    /// <param name="input">The input being tried, shown (shortened) in a failure message.</param>
    /// <param name="action">The case: parses, builds or evaluates <paramref name="input"/>.</param>
    /// <param name="time">The time budget; <see cref="DefaultTime"/> when <see langword="null"/>.</param>
    /// <param name="allocatedBytes">The allocation budget; <see cref="DefaultAllocatedBytes"/> when <see langword="null"/>.</param>
    /// <returns>The exception the case threw, or <see langword="null"/> when it succeeded. The caller checks that an
    /// exception is of a documented type and names the value.</returns>
    /// <exception cref="XunitException">The case overran its time or its allocation budget.</exception>
    public static Exception? Run(string input, Action action, TimeSpan? time = null, long? allocatedBytes = null)
    {
        TimeSpan timeBudget = time ?? DefaultTime;
        long allocationBudget = allocatedBytes ?? DefaultAllocatedBytes;
        Exception? thrown = null;
        long allocated = 0;
        using var done = new ManualResetEventSlim();
        var thread = new Thread(
            () =>
            {
                long before = GC.GetAllocatedBytesForCurrentThread();
                try
                {
                    action();
                }
                catch (Exception exception)
                {
                    thrown = exception;
                }

                allocated = GC.GetAllocatedBytesForCurrentThread() - before;
                done.Set();
            },
            StackBytes)
        {
            IsBackground = true,
            Name = "fuzz case",
        };

        long processBefore = GC.GetTotalAllocatedBytes();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        thread.Start();
        while (!done.Wait(WatchInterval))
        {
            if (clock.Elapsed > timeBudget)
            {
                throw new XunitException($"The case did not finish within {timeBudget.TotalSeconds:0.#} s (a hang or unbounded work) for input {Describe(input)}.");
            }

            long processAllocated = GC.GetTotalAllocatedBytes() - processBefore;
            if (processAllocated > allocationBudget * ProcessAllocationFactor)
            {
                throw new XunitException($"The process allocated {processAllocated:N0} bytes while the case ran (runaway allocation) for input {Describe(input)}.");
            }
        }

        if (allocated > allocationBudget)
        {
            throw new XunitException($"The case allocated {allocated:N0} bytes, over its budget of {allocationBudget:N0}, for input {Describe(input)}.");
        }

        return thrown;
    }

    /// <summary>Runs the case under the budget and fails unless it succeeded or threw one of the
    /// <paramref name="documented"/> exception types (or a type derived from one).</summary>
    /// <param name="input">The input being tried.</param>
    /// <param name="action">The case.</param>
    /// <param name="documented">The exception types the entry point documents for bad input.</param>
    /// <returns>The documented exception the case threw, or <see langword="null"/> when it succeeded.</returns>
    /// <exception cref="XunitException">The case overran its budget or threw an undocumented exception.</exception>
    public static Exception? RunExpecting(string input, Action action, params Type[] documented)
    {
        Exception? thrown = Run(input, action);
        if (thrown is not null && !documented.Any(type => type.IsInstanceOfType(thrown)))
        {
            throw new XunitException(
                $"Undocumented {thrown.GetType().FullName} for input {Describe(input)} (documented: {string.Join(", ", documented.Select(t => t.Name))}): {thrown}");
        }

        return thrown;
    }

    /// <summary>Shortens an input for a failure message: the first 200 characters and the length.</summary>
    /// <param name="input">The input.</param>
    /// <returns>The input quoted, shortened when long.</returns>
    public static string Describe(string input) =>
        input.Length <= 200 ? $"\"{input}\"" : $"\"{input[..200]}...\" ({input.Length:N0} characters)";
}
