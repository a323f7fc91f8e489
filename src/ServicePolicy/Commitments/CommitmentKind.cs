// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

namespace ServicePolicy.Commitments;

/// <summary>The kinds of promise an interaction can carry. Each kind says what starts a cycle and what meets it.</summary>
/// <remarks>The default value is <see cref="FirstResponse"/>.</remarks>
public enum CommitmentKind
{
    /// <summary>The first public reply to a new interaction. One cycle, started when the interaction is opened and met
    /// by the first public agent reply.</summary>
    FirstResponse,

    /// <summary>A public reply to each customer message that follows an agent reply. A cycle starts at the first
    /// customer message after a public agent reply and is met by the next public agent reply.</summary>
    NextResponse,

    /// <summary>While the interaction is open, a public update at least every so often. A cycle starts when the
    /// interaction is opened or reopened and at each public agent reply, which also meets the running cycle.</summary>
    PeriodicUpdate,

    /// <summary>A promise by an agent to come back by a time or rule. Each promise starts a cycle, replacing an
    /// earlier unmet promise; the next public agent reply meets it.</summary>
    FollowUp,

    /// <summary>Resolving the interaction. One cycle, started when the interaction is opened and met when it is
    /// resolved; reopening resumes it from where it stopped.</summary>
    Resolution,

    /// <summary>Arriving inside a booked appointment window. Each booking starts a cycle, replacing an earlier
    /// pending booking; arrival meets it.</summary>
    Appointment,

    /// <summary>Asking the customer for feedback after resolution. Each resolution starts a cycle; asking for
    /// feedback meets it and reopening cancels it.</summary>
    FeedbackRequest,

    /// <summary>A named promise of the host's own, such as sending a quote. One cycle per name, started when the
    /// interaction is opened and met when a milestone with that name is reached.</summary>
    Custom,
}
