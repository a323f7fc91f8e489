// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

namespace ServicePolicy.Hosting.Load;

/// <summary>What one timer node did in a burst (a child process prints it as JSON).</summary>
/// <param name="Written">Interactions re-evaluated and committed.</param>
/// <param name="Passes">Timer passes, the empty last one included.</param>
/// <param name="FirstClaimUnixMs">Wall clock when the first pass that wrote something started.</param>
/// <param name="LastCommitUnixMs">Wall clock when the last pass that wrote something committed.</param>
/// <param name="UpdaterMs">Time in the runtime's updater: read the stored timeline, evaluate, serialize.</param>
/// <param name="StoreMs">Time in the store's timer calls, the updater included.</param>
/// <param name="TimedOut">Whether the node stopped at the time limit instead of finding nothing more due.</param>
public sealed record NodeResult(long Written, long Passes, long? FirstClaimUnixMs, long? LastCommitUnixMs, double UpdaterMs, double StoreMs, bool TimedOut);
