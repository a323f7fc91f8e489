// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using NodaTime;
using ServicePolicy.Calendars;
using ServicePolicy.Commitments;

namespace ServicePolicy.Samples.AnalyzerDemo;

/// <summary>
/// The shortcuts people take on a busy day. Each compiles and runs, and each leaves a customer waiting with nobody
/// responsible or with no time to hear back. The build reports every one: each line marked <c>// expect:</c> gets
/// exactly the warnings it names (.ci/check-analyzer-package.sh checks this against the packed package).
/// </summary>
internal sealed class Shortcuts(BusinessCalendar calendar)
{
    /// <summary>A deadline but no owner: it waits in a queue that everybody assumes somebody else is watching.</summary>
    public SupportRequest Voicemail(string subject, Instant received) =>
        new SupportRequest(subject) { FollowUpBy = calendar.AddBusinessTime(received, Duration.FromHours(4)) }; // expect: SP1001

    /// <summary>An owner but no deadline: it can never be late, so nothing ever reminds anyone or escalates.</summary>
    public static SupportRequest Letter(string subject) =>
        SupportRequest.Open(subject).AssignTo(Owner.Team("post-room")); // expect: SP1002

    /// <summary>Both "set", to nothing: silences SP1001 and SP1002 without giving the customer anything.</summary>
    public static SupportRequest Complaint(string subject) =>
        new SupportRequest(subject) { Owner = null, FollowUpBy = null }; // expect: SP1003, SP1003
}
