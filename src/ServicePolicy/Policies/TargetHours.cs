// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

namespace ServicePolicy.Policies;

/// <summary>Whose hours a target is measured in: the desk's (its calendar) or the customer's.</summary>
/// <remarks>The default value is <see cref="Policy"/>.</remarks>
public enum TargetHours
{
    /// <summary>The target's calendar, or the policy's when it names none.</summary>
    Policy,

    /// <summary>The customer's hours, as the profile when the cycle starts says: the catalogue calendar it names
    /// (<see cref="InteractionProfile.CustomerCalendarName"/>) when the evaluation knows it; otherwise the target's
    /// (or policy's) calendar in the customer's time zone (<see cref="InteractionProfile.CustomerTimeZone"/>, see
    /// <see cref="Calendars.BusinessCalendar.InZone"/>); and when the profile has neither, the target's (or policy's)
    /// calendar unchanged. So "end of business day" means the end of the customer's business day.</summary>
    Customer,
}
