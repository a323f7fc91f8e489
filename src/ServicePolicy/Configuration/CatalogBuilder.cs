// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using NodaTime;
using NodaTime.Text;
using ServicePolicy.Calendars;
using ServicePolicy.Catalog;
using ServicePolicy.Commitments;
using ServicePolicy.Policies;

namespace ServicePolicy.Configuration;

/// <summary>
/// Builds a <see cref="CatalogContent"/> from <see cref="ServicePolicyOptions"/>, collecting every error with its
/// configuration path instead of stopping at the first.
/// </summary>
internal sealed partial class CatalogBuilder
{
    private static readonly string[] TargetKinds = Enum.GetNames<CommitmentKind>().Where(n => n != nameof(CommitmentKind.Custom)).ToArray();
    private static readonly string[] AllKinds = Enum.GetNames<CommitmentKind>();
    private static readonly string[] PauseReasons = Enum.GetNames<PauseReason>();
    private static readonly string[] RemedyKinds = Enum.GetNames<RemedyKind>();

    private readonly ServicePolicyOptions options;
    private readonly string root;
    private readonly List<string> errors = new();
    private readonly Dictionary<string, BusinessCalendar> calendars = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> calendarNames = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, ServiceLevelPolicy> policies = new(StringComparer.OrdinalIgnoreCase);
    private readonly bool hasEscalationDirectory;

    private CatalogBuilder(ServicePolicyOptions options, bool hasEscalationDirectory)
    {
        this.options = options;
        this.hasEscalationDirectory = hasEscalationDirectory;
        root = options.SectionPath;
    }

    /// <summary>Builds the content, or returns the errors (each <c>path: message</c>).</summary>
    /// <param name="options">The options.</param>
    /// <param name="hasEscalationDirectory">Whether the container has an <c>IEscalationDirectory</c>; policies that
    /// name an escalation chain are errors without one.</param>
    internal static (CatalogContent? Content, IReadOnlyList<string> Errors) Build(ServicePolicyOptions options, bool hasEscalationDirectory = true)
    {
        var builder = new CatalogBuilder(options, hasEscalationDirectory);
        CatalogContent? content = builder.Run();
        return (builder.errors.Count == 0 ? content : null, builder.errors);
    }

    private CatalogContent? Run()
    {
        errors.AddRange(options.ConfigurationErrors);
        calendarNames.UnionWith(options.Calendars.Keys);
        AddBuilt(options.BuiltCalendars, c => c.Name, calendarNames, calendars, "Calendars", "calendar");
        foreach ((string name, CalendarOptions calendar) in options.Calendars)
        {
            BuildCalendar($"{root}:Calendars:{name}", name, calendar);
        }
        BuildRotas();
        BuildEscalationChains();
        var policyNames = new HashSet<string>(options.Policies.Keys, StringComparer.OrdinalIgnoreCase);
        AddBuilt(options.BuiltPolicies, p => p.Name, policyNames, policies, "Policies", "policy", CheckBuiltPolicyChain);
        foreach ((string name, PolicyOptions policy) in options.Policies)
        {
            BuildPolicy($"{root}:Policies:{name}", name, policy);
        }
        if (policyNames.Count == 0)
        {
            errors.Add($"{root}:Policies: no policies are defined; add at least one under {root}:Policies");
        }
        ServiceLevelPolicySet? set = BuildPolicySet(policyNames);
        return errors.Count == 0 ? new CatalogContent(calendars, policies, set, chainVersions, rotas) : null;
    }

    /// <summary>Registers objects built in code under their names; a name that configuration or another built object
    /// already uses is reported at <c>{root}:{section}:{name}</c> and the object is skipped.</summary>
    private void AddBuilt<T>(IEnumerable<T> built, Func<T, string> nameOf, HashSet<string> names, Dictionary<string, T> into,
        string section, string what, Action<T>? check = null)
    {
        foreach (T item in built)
        {
            string name = nameOf(item);
            if (!names.Add(name))
            {
                errors.Add($"{root}:{section}:{name}: {what} '{name}' is defined more than once");
                continue;
            }
            check?.Invoke(item);
            into[name] = item;
        }
    }

    /// <summary>The zone named at <c>{path}:TimeZone</c>, or null after recording why there is none.</summary>
    private DateTimeZone? ResolveTimeZone(string path, string? timeZoneId)
    {
        if (string.IsNullOrWhiteSpace(timeZoneId))
        {
            errors.Add($"{path}:TimeZone: a time zone is required, such as 'Europe/London'");
            return null;
        }
        DateTimeZone? zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(timeZoneId);
        if (zone is null)
        {
            errors.Add($"{path}:TimeZone: time zone '{timeZoneId}' is not a known IANA (TZDB) id"
                + NameSuggestions.DidYouMean(timeZoneId, DateTimeZoneProviders.Tzdb.Ids));
        }
        return zone;
    }

    private void BuildCalendar(string path, string name, CalendarOptions calendar)
    {
        int errorCount = errors.Count;
        DateTimeZone? zone = ResolveTimeZone(path, calendar.TimeZone);
        WeeklyHours? hours = null;
        if (calendar.Hours is null)
        {
            if (calendar.SpecialDays.Count == 0)
            {
                errors.Add($"{path}:Hours: weekly hours are required, such as 'Mon-Fri 09:00-17:00'");
            }
        }
        else if (!WeeklyHours.TryParse(calendar.Hours, out hours, out BusinessHoursFormatException? hoursError))
        {
            errors.Add($"{path}:Hours: {hoursError!.SingleLineMessage}");
        }
        var holidays = new List<LocalDate>();
        for (int i = 0; i < calendar.Holidays.Count; i++)
        {
            if (ParseDate(calendar.Holidays[i], $"{path}:Holidays:{i}") is { } date)
            {
                holidays.Add(date);
            }
        }
        var closures = new List<Interval>();
        for (int i = 0; i < calendar.HolidayFiles.Count; i++)
        {
            string file = calendar.HolidayFiles[i];
            string filePath = $"{path}:HolidayFiles:{i}";
            if (string.IsNullOrWhiteSpace(file))
            {
                errors.Add($"{filePath}: a file path is required");
                continue;
            }
            string fullPath = Path.IsPathRooted(file) ? file : Path.Combine(AppContext.BaseDirectory, file);
            if (!File.Exists(fullPath))
            {
                errors.Add($"{filePath}: iCalendar file '{file}' was not found (looked for '{fullPath}')");
                continue;
            }
            if (zone is null)
            {
                continue;
            }
            try
            {
                (List<LocalDate> fileHolidays, List<Interval> fileClosures) = IcsHolidayReader.Read(fullPath, zone);
                holidays.AddRange(fileHolidays);
                closures.AddRange(fileClosures);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                errors.Add($"{filePath}: iCalendar file '{file}' could not be read: {e.Message}");
            }
        }
        var specialDays = new List<(LocalDate Date, TimeRange[] Ranges)>();
        foreach ((string key, string ranges) in calendar.SpecialDays)
        {
            string dayPath = $"{path}:SpecialDays:{key}";
            if (ParseDate(key, dayPath) is not { } date)
            {
                continue;
            }
            try
            {
                TimeRange[] parsed = BusinessHoursParser.ParseRanges(ranges ?? string.Empty).ToArray();
                if (parsed.Length == 0)
                {
                    errors.Add($"{dayPath}: a special day needs at least one range such as '09:00-13:00'; list a day with no working time under Holidays");
                    continue;
                }
                specialDays.Add((date, parsed));
            }
            catch (BusinessHoursFormatException e)
            {
                errors.Add($"{dayPath}: {e.SingleLineMessage}");
            }
        }
        for (int i = 0; i < calendar.Closures.Count; i++)
        {
            string closurePath = $"{path}:Closures:{i}";
            ClosureOptions closure = calendar.Closures[i] ?? new ClosureOptions();
            Instant? start = ParseInstant(closure.Start, zone, $"{closurePath}:Start");
            Instant? end = ParseInstant(closure.End, zone, $"{closurePath}:End");
            if (start is { } s && end is { } e)
            {
                if (e <= s)
                {
                    errors.Add($"{closurePath}:End: the closure must end after it starts ('{closure.End}' is not after '{closure.Start}')");
                }
                else
                {
                    closures.Add(new Interval(s, e));
                }
            }
        }
        if (errors.Count > errorCount || zone is null)
        {
            return;
        }
        try
        {
            BusinessCalendarBuilder builder = BusinessCalendar.CreateBuilder(name, zone);
            if (hours is not null)
            {
                builder.WithWeeklyHours(hours);
            }
            builder.AddHolidays(holidays);
            foreach ((LocalDate date, TimeRange[] ranges) in specialDays)
            {
                builder.AddSpecialDay(date, ranges);
            }
            foreach (Interval closure in closures)
            {
                builder.AddClosure(closure);
            }
            calendars[name] = builder.Build();
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            errors.Add($"{path}: {e.Message}");
        }
    }

    private void BuildPolicy(string path, string name, PolicyOptions policy)
    {
        int errorCount = errors.Count;
        if (policy.Version < 1)
        {
            errors.Add($"{path}:Version: version {policy.Version} is out of range: expected 1 or more");
        }
        BusinessCalendar? calendar = null;
        if (string.IsNullOrWhiteSpace(policy.Calendar))
        {
            errors.Add($"{path}:Calendar: a calendar is required: the name of one of {root}:Calendars");
        }
        else
        {
            calendar = FindCalendar(policy.Calendar, $"{path}:Calendar");
        }
        Applicability applicability = BuildApplicability(policy.AppliesTo, $"{path}:AppliesTo");
        var targets = new List<ServiceTarget>();
        foreach ((string key, TargetOptions target) in policy.Targets)
        {
            string targetPath = $"{path}:Targets:{key}";
            if (!Enum.TryParse(key, ignoreCase: true, out CommitmentKind kind) || !Enum.IsDefined(kind) || kind == CommitmentKind.Custom || IsNumeric(key))
            {
                errors.Add($"{targetPath}: '{key}' is not a kind of commitment{NameSuggestions.DidYouMean(key, TargetKinds)}; expected one of "
                    + string.Join(", ", TargetKinds) + (key.Equals("Custom", StringComparison.OrdinalIgnoreCase) ? $" (custom targets go under {path}:CustomTargets)" : string.Empty));
                continue;
            }
            if (BuildTarget(target ?? new TargetOptions(), targetPath, rule => ServiceTarget.Create(kind, rule)) is { } built)
            {
                targets.Add(built);
            }
        }
        foreach ((string key, TargetOptions target) in policy.CustomTargets)
        {
            if (BuildTarget(target ?? new TargetOptions(), $"{path}:CustomTargets:{key}", rule => ServiceTarget.Custom(key, rule)) is { } built)
            {
                targets.Add(built);
            }
        }
        if (policy.Targets.Count == 0 && policy.CustomTargets.Count == 0)
        {
            errors.Add($"{path}:Targets: no targets are defined; add at least one, such as \"FirstResponse\": {{ \"Deadline\": \"4 business hours\" }}");
        }
        var pauses = new List<(PauseReason Reason, CommitmentKind[] Kinds)>();
        foreach ((string key, List<string> kindNames) in policy.Pause)
        {
            string pausePath = $"{path}:Pause:{key}";
            if (!Enum.TryParse(key, ignoreCase: true, out PauseReason reason) || !Enum.IsDefined(reason) || IsNumeric(key))
            {
                errors.Add($"{pausePath}: '{key}' is not a reason for waiting{NameSuggestions.DidYouMean(key, PauseReasons)}; expected one of {string.Join(", ", PauseReasons)}");
                continue;
            }
            var kinds = new List<CommitmentKind>();
            for (int i = 0; i < (kindNames?.Count ?? 0); i++)
            {
                string kindName = kindNames![i];
                if (!Enum.TryParse(kindName, ignoreCase: true, out CommitmentKind kind) || !Enum.IsDefined(kind) || IsNumeric(kindName))
                {
                    errors.Add($"{pausePath}:{i}: '{kindName}' is not a kind of commitment{NameSuggestions.DidYouMean(kindName ?? string.Empty, AllKinds)}; expected one of {string.Join(", ", AllKinds)}");
                }
                else if (kind == CommitmentKind.Appointment)
                {
                    errors.Add($"{pausePath}:{i}: an appointment window is a fixed time and cannot be paused");
                }
                else
                {
                    kinds.Add(kind);
                }
            }
            if (kindNames is null || kindNames.Count == 0)
            {
                errors.Add($"{pausePath}: list at least one kind of commitment to pause, such as [\"FirstResponse\", \"Resolution\"]");
            }
            pauses.Add((reason, kinds.ToArray()));
        }
        AtRiskThreshold? atRisk = policy.AtRisk is null ? null : BuildAtRisk(policy.AtRisk, $"{path}:AtRisk");
        string? chainName = policy.EscalationChain is null ? null : FindEscalationChain(policy.EscalationChain, name, $"{path}:EscalationChain");
        BreachRemedy[]? handoffRemedies = null;
        if (policy.HandoffLimit is { } limit)
        {
            if (limit.Maximum is not { } maximum)
            {
                errors.Add($"{path}:HandoffLimit:Maximum: the number of handoffs allowed is required (0 or more)");
            }
            else if (maximum < 0)
            {
                errors.Add($"{path}:HandoffLimit:Maximum: {maximum} is out of range: expected 0 or more");
            }
            handoffRemedies = BuildRemedies(limit.Remedies, $"{path}:HandoffLimit:Remedies");
        }
        if (errors.Count > errorCount || calendar is null)
        {
            return;
        }
        try
        {
            ServiceLevelPolicyBuilder builder = ServiceLevelPolicy.CreateBuilder(name, policy.Version, calendar).AppliesTo(applicability);
            foreach (ServiceTarget target in targets)
            {
                builder.AddTarget(target);
            }
            foreach ((PauseReason reason, CommitmentKind[] kinds) in pauses)
            {
                builder.PauseWhile(reason, kinds);
            }
            if (atRisk is not null)
            {
                builder.WithAtRisk(atRisk);
            }
            if (policy.HandoffLimit?.Maximum is { } max)
            {
                builder.WithHandoffLimit(max, handoffRemedies ?? Array.Empty<BreachRemedy>());
            }
            if (chainName is not null)
            {
                builder.WithEscalationChain(chainName);
            }
            policies[name] = builder.Build();
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            errors.Add($"{path}: {e.Message}");
        }
    }

    private ServiceTarget? BuildTarget(TargetOptions target, string path, Func<DeadlineRule, ServiceTarget> create)
    {
        int errorCount = errors.Count;
        DeadlineRule? rule = null;
        if (string.IsNullOrWhiteSpace(target.Deadline))
        {
            errors.Add($"{path}:Deadline: a deadline expression is required, such as '4 business hours'");
        }
        else if (!DeadlineExpression.TryParse(target.Deadline, out rule, out DeadlineExpressionFormatException? error))
        {
            errors.Add($"{path}:Deadline: {error.SingleLineMessage}");
        }
        BusinessCalendar? calendar = target.Calendar is null ? null : FindCalendar(target.Calendar, $"{path}:Calendar");
        AtRiskThreshold? atRisk = target.AtRisk is null ? null : BuildAtRisk(target.AtRisk, $"{path}:AtRisk");
        BreachRemedy[] remedies = BuildRemedies(target.Remedies, $"{path}:Remedies");
        if (errors.Count > errorCount || rule is null)
        {
            return null;
        }
        try
        {
            ServiceTarget built = create(rule);
            if (calendar is not null)
            {
                built = built.WithCalendar(calendar);
            }
            if (atRisk is not null)
            {
                built = built.WithAtRisk(atRisk);
            }
            return remedies.Length > 0 ? built.WithRemedies(remedies) : built;
        }
        catch (ArgumentException e)
        {
            errors.Add($"{path}:Deadline: {FirstSentence(e.Message)}");
            return null;
        }
    }

    private AtRiskThreshold? BuildAtRisk(AtRiskOptions atRisk, string path)
    {
        int errorCount = errors.Count;
        if (atRisk.Percent is { } percent && !(percent > 0 && percent < 100))
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture,
                $"{path}:Percent: {percent} is out of range: expected more than 0 and less than 100"));
        }
        Duration? lead = null;
        if (atRisk.Before is { } before)
        {
            if (DeadlineExpression.TryParseDuration(before, out Duration parsed, out DeadlineExpressionFormatException? error))
            {
                lead = parsed;
            }
            else
            {
                errors.Add($"{path}:Before: {error.SingleLineMessage.Replace("deadline expression", "duration", StringComparison.Ordinal)}");
            }
        }
        if (atRisk.Percent is null && atRisk.Before is null)
        {
            errors.Add($"{path}: give Percent (such as 75), Before (such as '30 minutes'), or both");
        }
        if (errors.Count > errorCount)
        {
            return null;
        }
        return (atRisk.Percent, lead) switch
        {
            ({ } p, { } l) => AtRiskThreshold.AtPercentOrBeforeDeadline(p, l),
            ({ } p, null) => AtRiskThreshold.AtPercent(p),
            (null, { } l) => AtRiskThreshold.BeforeDeadline(l),
            _ => null,
        };
    }

    private BreachRemedy[] BuildRemedies(List<RemedyOptions> remedies, string path)
    {
        var built = new List<BreachRemedy>();
        for (int i = 0; i < remedies.Count; i++)
        {
            string remedyPath = $"{path}:{i}";
            RemedyOptions remedy = remedies[i] ?? new RemedyOptions();
            if (!Enum.TryParse(remedy.Kind, ignoreCase: true, out RemedyKind kind) || !Enum.IsDefined(kind) || IsNumeric(remedy.Kind))
            {
                errors.Add(remedy.Kind is null
                    ? $"{remedyPath}:Kind: the kind of remedy is required: one of {string.Join(", ", RemedyKinds)}"
                    : $"{remedyPath}:Kind: '{remedy.Kind}' is not a kind of remedy{NameSuggestions.DidYouMean(remedy.Kind, RemedyKinds)}; expected one of {string.Join(", ", RemedyKinds)}");
                continue;
            }
            try
            {
                switch (kind)
                {
                    case RemedyKind.Apology:
                        built.Add(BreachRemedy.Apology());
                        break;
                    case RemedyKind.Accommodation:
                        built.Add(BreachRemedy.Accommodation(Required(remedy.Description, $"{remedyPath}:Description", "a description"), remedy.Amount, remedy.Currency));
                        break;
                    case RemedyKind.Credit:
                        if (remedy.Amount is not { } amount)
                        {
                            errors.Add($"{remedyPath}:Amount: a credit needs an amount");
                            break;
                        }
                        built.Add(BreachRemedy.Credit(amount, Required(remedy.Currency, $"{remedyPath}:Currency", "a currency such as 'GBP'")));
                        break;
                    default:
                        built.Add(BreachRemedy.ProactiveMessage(Required(remedy.Template, $"{remedyPath}:Template", "a template id")));
                        break;
                }
            }
            catch (ArgumentException e)
            {
                string property = e.ParamName switch
                {
                    "currency" => "Currency",
                    "amount" => "Amount",
                    "description" => "Description",
                    "templateId" => "Template",
                    _ => "Kind",
                };
                errors.Add($"{remedyPath}:{property}: {FirstSentence(e.Message)}");
            }
            catch (MissingValueException)
            {
                // Reported by Required.
            }
        }
        return built.ToArray();
    }

    private string Required(string? value, string path, string what)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add($"{path}: {what} is required");
            throw new MissingValueException();
        }
        return value;
    }

    private Applicability BuildApplicability(ApplicabilityOptions? appliesTo, string path)
    {
        Applicability applicability = Applicability.Any;
        if (appliesTo is null)
        {
            return applicability;
        }
        string[]? Values(List<string> values, string name)
        {
            if (values.Count == 0)
            {
                return null;
            }
            for (int i = 0; i < values.Count; i++)
            {
                if (string.IsNullOrWhiteSpace(values[i]))
                {
                    errors.Add($"{path}:{name}:{i}: a value is required");
                    return null;
                }
            }
            return values.ToArray();
        }
        if (Values(appliesTo.Priorities, "Priorities") is { } priorities)
        {
            applicability = applicability.WithPriorities(priorities);
        }
        if (Values(appliesTo.Channels, "Channels") is { } channels)
        {
            applicability = applicability.WithChannels(channels);
        }
        if (Values(appliesTo.CustomerTiers, "CustomerTiers") is { } tiers)
        {
            applicability = applicability.WithCustomerTiers(tiers);
        }
        if (appliesTo.Internal is { } isInternal)
        {
            applicability = isInternal ? applicability.ForInternalCustomers() : applicability.ForExternalCustomers();
        }
        foreach ((string key, string value) in appliesTo.Attributes)
        {
            applicability = applicability.WithAttribute(key, value ?? string.Empty);
        }
        return applicability;
    }

    private ServiceLevelPolicySet? BuildPolicySet(HashSet<string> policyNames)
    {
        string path = $"{root}:PolicySet";
        if (options.PolicySet is not { } set)
        {
            return policies.Count == 1 && policyNames.Count == 1 ? new ServiceLevelPolicySet(Array.Empty<ServiceLevelPolicy>(), policies.Values.Single()) : null;
        }
        ServiceLevelPolicy? fallback = null;
        if (string.IsNullOrWhiteSpace(set.Fallback))
        {
            errors.Add($"{path}:Fallback: a policy set needs a fallback policy for interactions no other policy matches");
        }
        else
        {
            fallback = FindPolicy(set.Fallback, $"{path}:Fallback", policyNames);
        }
        var ordered = new List<ServiceLevelPolicy>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < set.Order.Count; i++)
        {
            string name = set.Order[i];
            string itemPath = $"{path}:Order:{i}";
            if (string.IsNullOrWhiteSpace(name))
            {
                errors.Add($"{itemPath}: a policy name is required");
                continue;
            }
            if (!seen.Add(name))
            {
                errors.Add($"{itemPath}: policy '{name}' is listed more than once");
                continue;
            }
            if (set.Fallback is not null && string.Equals(name, set.Fallback, StringComparison.OrdinalIgnoreCase))
            {
                errors.Add($"{itemPath}: policy '{name}' is the fallback and must not be listed in Order too");
                continue;
            }
            if (FindPolicy(name, itemPath, policyNames) is { } policy)
            {
                ordered.Add(policy);
            }
        }
        return fallback is null || errors.Count > 0 ? null : new ServiceLevelPolicySet(ordered, fallback);
    }

    private BusinessCalendar? FindCalendar(string name, string path)
    {
        if (calendars.TryGetValue(name, out BusinessCalendar? calendar))
        {
            return calendar;
        }
        if (!calendarNames.Contains(name))
        {
            errors.Add($"{path}: calendar '{name}' is not defined{NameSuggestions.DidYouMean(name, calendarNames)}");
        }
        // A defined calendar that failed to build has its own errors.
        return null;
    }

    private ServiceLevelPolicy? FindPolicy(string name, string path, HashSet<string> policyNames)
    {
        if (policies.TryGetValue(name, out ServiceLevelPolicy? policy))
        {
            return policy;
        }
        if (!policyNames.Contains(name))
        {
            errors.Add($"{path}: policy '{name}' is not defined{NameSuggestions.DidYouMean(name, policyNames)}");
        }
        return null;
    }

    private LocalDate? ParseDate(string text, string path)
    {
        ParseResult<LocalDate> result = LocalDatePattern.Iso.Parse(text ?? string.Empty);
        if (result.Success)
        {
            return result.Value;
        }
        errors.Add($"{path}: '{text}' is not a date in the form yyyy-MM-dd");
        return null;
    }

    private Instant? ParseInstant(string? text, DateTimeZone? zone, string path)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add($"{path}: a date and time is required, such as '2026-06-01T09:00' (calendar time) or '2026-06-01T08:00:00Z'");
            return null;
        }
        ParseResult<OffsetDateTime> withOffset = OffsetDateTimePattern.ExtendedIso.Parse(text);
        if (withOffset.Success)
        {
            return withOffset.Value.ToInstant();
        }
        foreach (LocalDateTimePattern pattern in new[] { LocalDateTimePattern.ExtendedIso, LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm") })
        {
            ParseResult<LocalDateTime> local = pattern.Parse(text);
            if (local.Success)
            {
                return zone is null ? null : local.Value.InZoneLeniently(zone).ToInstant();
            }
        }
        errors.Add($"{path}: '{text}' is not a date and time such as '2026-06-01T09:00' (calendar time) or '2026-06-01T08:00:00Z'");
        return null;
    }

    private static string FirstSentence(string message)
    {
        int end = message.IndexOf(" (Parameter", StringComparison.Ordinal);
        return (end >= 0 ? message.Substring(0, end) : message).TrimEnd('.');
    }

    private static bool IsNumeric(string? text) => text is not null && text.Length > 0 && (char.IsAsciiDigit(text[0]) || text[0] == '-');

    /// <summary>Thrown by <see cref="Required"/> after it has recorded the error, to skip building the remedy.</summary>
    private sealed class MissingValueException : Exception
    {
    }
}
