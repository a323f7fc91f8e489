// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

namespace ServicePolicy.Benchmarks.Analyzers;

/// <summary>How much of the generated code of <see cref="AnalyzerOverheadBenchmarks"/> creates customer interactions.</summary>
public enum InteractionDensity
{
    /// <summary>Every file is a help-desk file that creates interactions about ten ways (the worst case).</summary>
    Dense,

    /// <summary>One file in <see cref="GeneratedSupportCode.SparseInterval"/> is a help-desk file; the others are ordinary
    /// service code of the same size.</summary>
    Sparse,
}
