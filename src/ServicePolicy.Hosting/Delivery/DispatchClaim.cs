// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

namespace ServicePolicy.Hosting.Delivery;

/// <summary>The answer of <see cref="IDispatchLog.TryClaimAsync"/>.</summary>
/// <remarks>The default value is <see cref="Claimed"/>.</remarks>
public enum DispatchClaim
{
    /// <summary>The caller holds the key until its lease ends, and should deliver it.</summary>
    Claimed,

    /// <summary>The key was delivered and recorded: do not deliver it again.</summary>
    AlreadySent,

    /// <summary>Another dispatcher holds an unexpired lease on the key: it is being delivered elsewhere.</summary>
    HeldByAnother,
}
