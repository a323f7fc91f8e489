// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

namespace ServicePolicy.Benchmarks;

/// <summary>
/// The sizes of the large benchmarks. <c>--quick</c> (a smoke test, in process) sets <see cref="Quick"/>, and the
/// queue and analyzer benchmarks then use smaller inputs so the whole smoke run stays within the CI budget; real runs
/// use the sizes of issue 7.
/// </summary>
public static class BenchmarkScale
{
    /// <summary>Interactions in the queue under <c>--quick</c> (instead of 1,000,000).</summary>
    public const int QuickQueueInteractions = 50_000;

    /// <summary>Generated files under <c>--quick</c> (instead of 2,000).</summary>
    public const int QuickAnalyzerFiles = 100;

    /// <summary>Gets or sets a value indicating whether the run is the <c>--quick</c> smoke test.</summary>
    public static bool Quick { get; set; }
}
