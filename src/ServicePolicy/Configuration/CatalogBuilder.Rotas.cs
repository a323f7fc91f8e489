// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using System.Collections.Generic;
using System.Linq;
using NodaTime;
using NodaTime.Text;
using ServicePolicy.Escalation;
using ServicePolicy.Internal;

namespace ServicePolicy.Configuration;

/// <summary>The on-call part of <see cref="CatalogBuilder"/>: rotas (weekly or longer, with overrides), and the recipients escalation warnings and
/// levels name (which may be a rota's person on call).</summary>
internal sealed partial class CatalogBuilder
{
    /// <summary>The recipient forms, as error messages list them.</summary>
    internal const string RecipientForms = "owner, owner-lead, owner-manager, role:<name>, person:<id> or on-call:<rota>";

    private static readonly string[] RecipientWords = { "owner", "owner-lead", "owner-manager" };
    private static readonly string[] RecipientPrefixes = { "role", "person", "on-call" };

    private static readonly string[] DayNames = Enum.GetNames<IsoDayOfWeek>().Where(d => d != nameof(IsoDayOfWeek.None)).ToArray();
    private readonly Dictionary<string, WeeklyRota> rotas = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> rotaNames = new(StringComparer.OrdinalIgnoreCase);

    private void BuildRotas()
    {
        rotaNames.UnionWith(options.Rotas.Keys);
        AddBuilt(options.BuiltRotas, r => r.Name, rotaNames, rotas, "Rotas", "rota");
        foreach ((string name, RotaOptions rota) in options.Rotas)
        {
            string path = $"{root}:Rotas:{name}";
            Guarded(path, () => BuildRota(path, name, rota ?? new RotaOptions()));
        }
    }

    private void BuildRota(string path, string name, RotaOptions rota)
    {
        int errorCount = errors.Count;
        DateTimeZone? zone = ResolveTimeZone(path, rota.TimeZone);
        int cycleWeeks = rota.CycleWeeks ?? 1;
        if (errors.Exists(e => e.StartsWith($"{path}:CycleWeeks:", StringComparison.OrdinalIgnoreCase)))
        {
            // Not a number: reported when bound; the weeks of the hand-overs cannot be checked.
            cycleWeeks = 0;
        }
        else if (cycleWeeks is < 1 or > WeeklyRota.MaxCycleWeeks)
        {
            errors.Add($"{path}:CycleWeeks: {cycleWeeks} is not a number of weeks from 1 to {WeeklyRota.MaxCycleWeeks}, the longest rota cycle.{LimitsDocs.See(LimitsDocs.RotaCycle)}");
            cycleWeeks = 0;
        }
        LocalDate? cycleStart = null;
        if (!string.IsNullOrWhiteSpace(rota.CycleStart))
        {
            cycleStart = ParseDate(rota.CycleStart.Trim(), $"{path}:CycleStart");
        }
        else if (cycleWeeks > 1)
        {
            errors.Add($"{path}:CycleStart: a rota that repeats every {cycleWeeks} weeks needs the first day of its week 1, such as '2026-03-02'");
        }
        if (rota.HandOvers.Count == 0)
        {
            errors.Add($"{path}:HandOvers: a rota needs at least one hand-over, such as {{ \"Day\": \"Monday\", \"At\": \"09:00\", \"Person\": \"alice\" }}");
        }
        var handOvers = new List<(int Week, IsoDayOfWeek Day, LocalTime At, string Person, string Path)>();
        for (int i = 0; i < rota.HandOvers.Count; i++)
        {
            string handOverPath = $"{path}:HandOvers:{i}";
            RotaHandOverOptions handOver = rota.HandOvers[i] ?? new RotaHandOverOptions();
            int? week = ParseWeek(handOver.Week, cycleWeeks, $"{handOverPath}:Week");
            IsoDayOfWeek? day = ParseDay(handOver.Day, $"{handOverPath}:Day");
            LocalTime? at = ParseTimeOfDay(handOver.At, $"{handOverPath}:At");
            if (string.IsNullOrWhiteSpace(handOver.Person))
            {
                errors.Add($"{handOverPath}:Person: the id of the person who takes over is required");
            }
            else if (week is { } w && day is { } d && at is { } t)
            {
                handOvers.Add((w, d, t, handOver.Person, handOverPath));
            }
        }
        var overrides = new List<(LocalDateTime From, LocalDateTime To, string Person, string? CoversFor, string Path)>();
        for (int i = 0; i < rota.Overrides.Count; i++)
        {
            string overridePath = $"{path}:Overrides:{i}";
            RotaOverrideOptions cover = rota.Overrides[i] ?? new RotaOverrideOptions();
            LocalDateTime? from = ParseRotaDateTime(cover.From, $"{overridePath}:From", end: false);
            LocalDateTime? to = ParseRotaDateTime(cover.To, $"{overridePath}:To", end: true);
            string? coversFor = string.IsNullOrWhiteSpace(cover.CoversFor) ? null : cover.CoversFor;
            if (coversFor is not null && !handOvers.Exists(h => h.Person == coversFor) && rota.HandOvers.Count == handOvers.Count)
            {
                IEnumerable<string> people = handOvers.Select(h => h.Person).Distinct(StringComparer.Ordinal);
                errors.Add($"{overridePath}:CoversFor: '{coversFor}' has no hand-over in this rota{NameSuggestions.DidYouMean(coversFor, people)}");
            }
            if (string.IsNullOrWhiteSpace(cover.Person))
            {
                errors.Add($"{overridePath}:Person: the id of the person on call instead is required");
            }
            else if (from is { } f && to is { } t)
            {
                overrides.Add((f, t, cover.Person, coversFor, overridePath));
            }
        }
        if (errors.Count > errorCount || zone is null || cycleWeeks == 0)
        {
            return;
        }
        WeeklyRota built = cycleStart is { } start ? WeeklyRota.Create(name, zone.Id, cycleWeeks, start) : WeeklyRota.Create(name, zone.Id);
        foreach ((int week, IsoDayOfWeek day, LocalTime at, string person, string handOverPath) in handOvers)
        {
            try
            {
                built = built.WithHandOver(week, day, at, person);
            }
            catch (ArgumentException e)
            {
                errors.Add($"{handOverPath}: {FirstSentence(e.Message)}");
            }
        }
        foreach ((LocalDateTime from, LocalDateTime to, string person, string? coversFor, string overridePath) in overrides)
        {
            try
            {
                built = built.WithOverride(from, to, person, coversFor);
            }
            catch (ArgumentException e)
            {
                errors.Add($"{overridePath}: {FirstSentence(e.Message)}");
            }
        }
        rotas[name] = built;
    }

    /// <summary>The week of a hand-over: required in a rota of several weeks, 1 (or absent) in a weekly one. Null when
    /// it is not valid (reported at <paramref name="path"/>) or the rota's number of weeks is not.</summary>
    private int? ParseWeek(int? week, int cycleWeeks, string path)
    {
        if (cycleWeeks == 0)
        {
            return null;
        }
        if (week is null)
        {
            if (cycleWeeks == 1)
            {
                return 1;
            }
            errors.Add($"{path}: the rota repeats every {cycleWeeks} weeks: say which week (1 to {cycleWeeks}) this hand-over is in");
            return null;
        }
        if (week < 1 || week > cycleWeeks)
        {
            string weeks = cycleWeeks == 1 ? "a rota of one week has only week 1 (set CycleWeeks for a longer cycle)" : $"expected 1 to {cycleWeeks}, the rota's CycleWeeks";
            errors.Add($"{path}: week {week} is not in the cycle: {weeks}");
            return null;
        }
        return week;
    }

    /// <summary>Parses an override's start or end in the rota's local time: a date (from its start; as an
    /// <paramref name="end"/>, through its end) or a local date and time (<c>2027-03-01T09:00</c>,
    /// <c>2027-03-01T09:00:00</c>).</summary>
    private LocalDateTime? ParseRotaDateTime(string? text, string path, bool end)
    {
        const string Forms = "a date such as '2027-03-01' or a local date and time such as '2027-03-01T09:00'";
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add($"{path}: {Forms} is required");
            return null;
        }
        string trimmed = text.Trim();
        ParseResult<LocalDate> date = LocalDatePattern.Iso.Parse(trimmed);
        if (date.Success)
        {
            if (!InSupportedRange(date.Value, text, path))
            {
                return null;
            }
            return end ? date.Value.PlusDays(1).AtMidnight() : date.Value.AtMidnight();
        }
        foreach (LocalDateTimePattern pattern in new[] { LocalDateTimePattern.ExtendedIso, LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm") })
        {
            ParseResult<LocalDateTime> local = pattern.Parse(trimmed);
            if (local.Success)
            {
                return InSupportedRange(local.Value.Date, text, path) ? local.Value : null;
            }
        }
        errors.Add($"{path}: '{text}' is not {Forms}");
        return null;
    }

    /// <summary>Parses a recipient: <c>owner</c>, <c>owner-lead</c>, <c>owner-manager</c>, <c>role:name</c>,
    /// <c>person:id</c> or <c>on-call:rota</c> (case-insensitive words; names as written).</summary>
    private EscalationRecipient? ParseRecipient(string? text, string path)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add($"{path}: a recipient is required: {RecipientForms}");
            return null;
        }
        string trimmed = text.Trim();
        switch (trimmed.ToLowerInvariant())
        {
            case "owner":
                return EscalationRecipient.Owner;
            case "owner-lead":
                return EscalationRecipient.OwnersLead;
            case "owner-manager":
                return EscalationRecipient.OwnersManager;
        }
        int colon = trimmed.IndexOf(':', StringComparison.Ordinal);
        string? suggestion;
        if (colon > 0)
        {
            string prefix = trimmed.Substring(0, colon).Trim();
            string name = trimmed.Substring(colon + 1).Trim();
            string? form = RecipientPrefixes.FirstOrDefault(p => p.Equals(prefix, StringComparison.OrdinalIgnoreCase));
            if (form is not null && name.Length == 0)
            {
                errors.Add($"{path}: '{text}' names no one: write {form}:<name>");
                return null;
            }
            switch (form)
            {
                case "role":
                    return EscalationRecipient.Role(name);
                case "person":
                    return EscalationRecipient.Person(name);
                case "on-call":
                    return FindRota(name, path);
            }
            suggestion = NameSuggestions.Closest(prefix, RecipientPrefixes) is { } p ? $"{p}:{name}" : null;
        }
        else
        {
            suggestion = NameSuggestions.Closest(trimmed, RecipientWords);
        }
        errors.Add($"{path}: '{text}' is not a recipient{(suggestion is null ? string.Empty : $" (did you mean '{suggestion}'?)")}; expected {RecipientForms}");
        return null;
    }

    private EscalationRecipient? FindRota(string name, string path)
    {
        if (rotas.TryGetValue(name, out WeeklyRota? rota))
        {
            return EscalationRecipient.OnCall(rota);
        }
        if (!rotaNames.Contains(name))
        {
            errors.Add($"{path}: rota '{name}' is not defined{NameSuggestions.DidYouMean(name, rotaNames)}; define it under {root}:Rotas");
        }
        // A defined rota that failed to build has its own errors.
        return null;
    }

    private IsoDayOfWeek? ParseDay(string? text, string path)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add($"{path}: a day of the week is required, such as 'Monday' or 'Mon'");
            return null;
        }
        string trimmed = text.Trim();
        foreach (string day in DayNames)
        {
            if (day.Equals(trimmed, StringComparison.OrdinalIgnoreCase) || (trimmed.Length == 3 && day.StartsWith(trimmed, StringComparison.OrdinalIgnoreCase)))
            {
                return Enum.Parse<IsoDayOfWeek>(day);
            }
        }
        errors.Add($"{path}: '{text}' is not a day of the week{NameSuggestions.DidYouMean(trimmed, DayNames)}; expected Monday to Sunday, or Mon to Sun");
        return null;
    }

    /// <summary>Parses a hand-over time with the library's one time-of-day grammar (as business hours and deadline
    /// expressions do); reports an error at <paramref name="path"/> otherwise.</summary>
    private LocalTime? ParseTimeOfDay(string? text, string path)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add($"{path}: a time of day is required, such as '09:00'");
            return null;
        }
        if (TimeOfDayGrammar.TryParse(text, out LocalTime time, out string? error))
        {
            return time;
        }
        errors.Add($"{path}: {error}");
        return null;
    }
}
