// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using NodaTime;
using ServicePolicy.Calendars;
using Xunit;

namespace ServicePolicy.Tests.Calendars;

public partial class BusinessCalendarTests
{
    [Fact]
    public void Operations_ManyThreadsOnFreshCalendar_MatchSingleThreadedResults()
    {
        const int threads = 8;
        const int operationsPerThread = 400;
        var random = new Random(20260302);

        // Operations all over the supported range, so that the threads race to compile the same slices and tables.
        var operations = new (Instant T, Instant U, Duration D)[operationsPerThread];
        for (int i = 0; i < operations.Length; i++)
        {
            Instant t = Instant.FromUtc(1701 + random.Next(547), 1, 1, 0, 0) + Duration.FromNanoseconds(random.NextInt64(NodaConstants.NanosecondsPerDay * 365));
            Instant u = t + Duration.FromHours(random.Next(-24 * 800, 24 * 800));
            Duration d = Duration.FromMinutes(random.Next(-60 * 24 * 200, 60 * 24 * 200)) + Duration.FromNanoseconds(random.Next());
            operations[i] = (t, u, d);
        }

        for (int round = 0; round < 3; round++)
        {
            string[] expected = Compute(BuildConcurrencyCalendar(), operations, offset: 0);

            BusinessCalendar shared = BuildConcurrencyCalendar();
            var results = new string[threads][];
            using var barrier = new Barrier(threads);
            Thread[] workers = Enumerable.Range(0, threads).Select(worker => new Thread(() =>
            {
                barrier.SignalAndWait(); // release all threads together on the fresh calendar
                // Half the threads run the same operations in the same order (racing for the same slices), the
                // others start elsewhere in the list.
                results[worker] = Compute(shared, operations, offset: worker % 2 == 0 ? 0 : worker * operationsPerThread / threads);
            })).ToArray();
            foreach (Thread worker in workers)
            {
                worker.Start();
            }
            foreach (Thread worker in workers)
            {
                worker.Join();
            }

            for (int worker = 0; worker < threads; worker++)
            {
                Assert.Equal(expected, results[worker]);
            }
        }
    }

    private static BusinessCalendar BuildConcurrencyCalendar() =>
        BusinessCalendar.CreateBuilder("concurrent", "America/Santiago")
            .WithWeeklyHours("Mon-Fri 08:30-12:00, 13:00-17:30; Sat 22:00-06:00")
            .AddHolidays(Enumerable.Range(1750, 450).Select(year => new LocalDate(year, 9, 18)))
            .AddSpecialDay(new LocalDate(2026, 12, 24), "09:00-13:00")
            .AddClosure(new Interval(Instant.FromUtc(2026, 3, 1, 0, 0), Instant.FromUtc(2026, 4, 1, 0, 0)))
            .Build();

    /// <summary>Runs every operation, starting at <paramref name="offset"/> and wrapping around, and returns the results
    /// (or exception types) in operation order.</summary>
    private static string[] Compute(BusinessCalendar calendar, (Instant T, Instant U, Duration D)[] operations, int offset)
    {
        var results = new string[operations.Length];
        for (int n = 0; n < operations.Length; n++)
        {
            int i = (n + offset) % operations.Length;
            (Instant t, Instant u, Duration d) = operations[i];
            results[i] = string.Join(" | ",
                Run(() => calendar.AddBusinessTime(t, d)),
                Run(() => calendar.BusinessTimeBetween(t, u)),
                Run(() => calendar.IsOpen(t)),
                Run(() => calendar.NextOpen(t)),
                Run(() => calendar.NextClose(t)),
                Run(() => calendar.EndOfBusinessDay(t)),
                // Up to about three years of business dates, so the threads also race to build the same blocks of dates.
                Run(() => calendar.AddBusinessDays(t, 1 + (int)(Math.Abs(d.TotalMinutes) % 800), new LocalTime(8, 30))));
        }
        return results;
    }

    private static string Run(Func<object> operation)
    {
        try
        {
            return operation().ToString()!;
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or InvalidOperationException)
        {
            return e.GetType().Name;
        }
    }
}
