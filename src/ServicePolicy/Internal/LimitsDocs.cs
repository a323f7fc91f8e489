// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

namespace ServicePolicy.Internal;

/// <summary>
/// The sections of <c>docs/limits.md</c>, for error messages that report a limit: a message ends with
/// <see cref="See"/> of the section, so a user can look the limit up by the message's own words.
/// </summary>
internal static class LimitsDocs
{
    /// <summary>The supported range of instants and dates.</summary>
    internal const string SupportedRange = "supported-range";

    /// <summary>The largest deadline, delay, threshold or repeat amounts.</summary>
    internal const string LargestAmount = "largest-amount";

    /// <summary>The minimum escalation repeat interval and the catch-up of missed repeats.</summary>
    internal const string MinimumRepeat = "minimum-repeat";

    /// <summary>The iCalendar holiday files: what is supported, refused and bounded.</summary>
    internal const string ICalendar = "icalendar";

    /// <summary>Bounds on names, identifiers and text.</summary>
    internal const string NamesAndText = "names-and-text";

    /// <summary>The longest cycle of an on-call rota.</summary>
    internal const string RotaCycle = "rota-cycle";

    /// <summary>Gets the sentence that ends a message reporting a limit: <c>See docs/limits.md#section.</c></summary>
    /// <param name="section">One of the section constants.</param>
    /// <returns>The sentence, with a leading space.</returns>
    internal static string See(string section) => $" See docs/limits.md#{section}.";
}
