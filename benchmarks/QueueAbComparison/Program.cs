// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

// Compares the queue benchmark of two builds in one process: each build's ServicePolicy.Benchmarks.dll (with its
// ServicePolicy.dll and dependencies) is loaded in its own AssemblyLoadContext, and QueueEvaluationBenchmarks
// .SingleThreaded runs on the quick queue (50,000 interactions) in ABBA order, round after round, timed in process CPU
// time. Both builds see the same machine at the same moments, which BenchmarkDotNet runs of two checkouts one after the
// other do not; the ratios are what to quote. Usage: QueueAbComparison <rounds> <passes> <dir A> <dir B>.
using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Runtime.Loader;

if (args.Length != 4)
{
    Console.Error.WriteLine("usage: QueueAbComparison <rounds> <passes per turn> <build folder A> <build folder B>");
    return 2;
}
int rounds = int.Parse(args[0], CultureInfo.InvariantCulture);
int passes = int.Parse(args[1], CultureInfo.InvariantCulture);
Action[] runners = [Load(args[2]), Load(args[3])];
foreach (Action run in runners)
{
    run(); // warm up: tiered compilation settles before the timed rounds
    run();
}
var ratios = new List<double>();
var timesA = new List<double>();
var timesB = new List<double>();
for (int round = 0; round < rounds; round++)
{
    int[] order = round % 2 == 0 ? [0, 1, 1, 0] : [1, 0, 0, 1];
    var milliseconds = new double[2];
    foreach (int which in order)
    {
        TimeSpan start = Process.GetCurrentProcess().TotalProcessorTime;
        for (int pass = 0; pass < passes; pass++)
        {
            runners[which]();
        }
        milliseconds[which] += (Process.GetCurrentProcess().TotalProcessorTime - start).TotalMilliseconds;
    }
    timesA.Add(milliseconds[0]);
    timesB.Add(milliseconds[1]);
    ratios.Add(milliseconds[1] / milliseconds[0]);
    Console.WriteLine(FormattableString.Invariant($"round {round}: A {milliseconds[0]:F0} ms, B {milliseconds[1]:F0} ms, B/A {milliseconds[1] / milliseconds[0]:F3}"));
}
Console.WriteLine(FormattableString.Invariant(
    $"B/A: median per-round ratio {Median(ratios):F3}, ratio of medians {Median(timesB) / Median(timesA):F3}, ratio of minimums {timesB.Min() / timesA.Min():F3} ({rounds} rounds)"));
return 0;

static double Median(List<double> values)
{
    List<double> sorted = values.Order().ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
}

static Action Load(string folder)
{
    var context = new BuildLoadContext(Path.GetFullPath(folder));
    Assembly benchmarks = context.LoadFromAssemblyPath(Path.Combine(Path.GetFullPath(folder), "ServicePolicy.Benchmarks.dll"));
    benchmarks.GetType("ServicePolicy.Benchmarks.BenchmarkScale", throwOnError: true)!.GetProperty("Quick")!.SetValue(null, true);
    Type type = benchmarks.GetTypes().Single(t => t.Name == "QueueEvaluationBenchmarks");
    object instance = Activator.CreateInstance(type)!;
    type.GetMethod("Setup")!.Invoke(instance, null);
    var run = (Func<long>)Delegate.CreateDelegate(typeof(Func<long>), instance, type.GetMethod("SingleThreaded")!);
    return () => run();
}

/// <summary>Loads a build's own assemblies from its folder; the framework's come from the default context.</summary>
internal sealed class BuildLoadContext(string folder) : AssemblyLoadContext(isCollectible: false)
{
    protected override Assembly? Load(AssemblyName name)
    {
        string path = Path.Combine(folder, name.Name + ".dll");
        return File.Exists(path) && !name.Name!.StartsWith("System.", StringComparison.Ordinal) ? LoadFromAssemblyPath(path) : null;
    }
}
