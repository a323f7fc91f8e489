// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

namespace ServicePolicy.Policies;

/// <summary>Why an interaction is waiting, so that a policy can say which commitments stop their clocks meanwhile.</summary>
/// <remarks>The default value is <see cref="WaitingOnCustomer"/>.</remarks>
public enum PauseReason
{
    /// <summary>Waiting for the customer to reply or act.</summary>
    WaitingOnCustomer,

    /// <summary>Waiting for a third party, such as a supplier or a carrier.</summary>
    WaitingOnThirdParty,
}
