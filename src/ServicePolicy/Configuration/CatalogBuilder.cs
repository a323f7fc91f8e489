// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using System.Collections.Generic;
using System.Linq;
using NodaTime;
using NodaTime.Text;
using ServicePolicy.Calendars;
using ServicePolicy.Catalog;
using ServicePolicy.Commitments;
using ServicePolicy.Escalation;
using ServicePolicy.Internal;
using ServicePolicy.Policies;

namespace ServicePolicy.Configuration;

/// <summary>
/// Builds a <see cref="CatalogContent"/> from <see cref="ServicePolicyOptions"/>, collecting every error with its
/// configuration path instead of stopping at the first.
/// </summary>
/// <remarks>
/// <para>Configuration parses text (names, dates, delays, recipients) and reports what does not parse. The rules of the
/// domain (a policy has targets, appointments cannot be paused, a repeat starts at an existing level...) live once, in
/// the domain builders: their <c>Validate</c> returns <see cref="BuildError"/>s naming the builder call at fault, and
/// <see cref="AddBuildErrors"/> maps each to the configuration path that gave that call's input.</para>
/// <para>The parts: this file (the run, shared parsing and lookups), <c>.Calendars</c>, <c>.Policies</c>,
/// <c>.Escalation</c> (chains and policies' chain references) and <c>.Rotas</c> (rotas and recipients).</para>
/// </remarks>
internal sealed partial class CatalogBuilder
{
    private static readonly string[] AllKinds = Enum.GetNames<CommitmentKind>();

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
            string path = $"{root}:Calendars:{name}";
            Guarded(path, () => BuildCalendar(path, name, calendar));
        }
        BuildRotas();
        BuildEscalationChains();
        BuildPauseReasons();
        var policyNames = new HashSet<string>(options.Policies.Keys, StringComparer.OrdinalIgnoreCase);
        AddBuilt(options.BuiltPolicies, p => p.Name, policyNames, policies, "Policies", "policy", CheckBuiltPolicyChain);
        foreach ((string name, PolicyOptions policy) in options.Policies)
        {
            string path = $"{root}:Policies:{name}";
            Guarded(path, () => BuildPolicy(path, name, policy));
        }
        if (policyNames.Count == 0)
        {
            errors.Add($"{root}:Policies: no policies are defined; add at least one under {root}:Policies");
        }
        // The catalogue's calendars are the ones profiles may name as the customer's hours, also when the set is used
        // on its own (Evaluator.Evaluate(timeline, catalog.PolicySet, now)).
        ServiceLevelPolicySet? set = BuildPolicySet(policyNames)?.WithCustomerCalendars(calendars);
        return errors.Count == 0 ? new CatalogContent(calendars, policies, set, chainVersions, rotas) : null;
    }

    /// <summary>Runs the build of one configured entry, recording an argument, state or overflow exception that a
    /// domain builder throws for a value configuration could not check as an error at the entry's
    /// <paramref name="path"/>, so that no such exception escapes validation or a reload.</summary>
    private void Guarded(string path, Action build)
    {
        try
        {
            build();
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or OverflowException)
        {
            errors.Add($"{path}: {FirstSentence(e.Message)}");
        }
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

    /// <summary>Records the errors a domain builder found, each at the configuration path <paramref name="pathOf"/>
    /// gives it. An error is skipped when configuration already reported a problem at that path or under it: the
    /// builder saw only the parts that parsed (so, say, a policy whose targets all failed to parse would otherwise also
    /// be told it has none).</summary>
    /// <param name="found">The builder's errors.</param>
    /// <param name="pathOf">The configuration path of the input an error names.</param>
    /// <param name="hint">Text to add after an error's message in configuration's terms, or null.</param>
    private void AddBuildErrors(IReadOnlyList<BuildError> found, Func<BuildError, string> pathOf, Func<BuildError, string?>? hint = null)
    {
        int reported = errors.Count;
        foreach (BuildError error in found)
        {
            string path = pathOf(error);
            if (errors.Take(reported).Any(e => e.StartsWith(path + ":", StringComparison.Ordinal)))
            {
                continue;
            }
            errors.Add($"{path}: {error.Message}{hint?.Invoke(error)}");
        }
    }

    /// <summary>Parses the name of an enum value among <paramref name="names"/>, or records at <paramref name="path"/>
    /// that <paramref name="text"/> is not <paramref name="what"/>, with a "did you mean" suggestion and the names
    /// expected.</summary>
    /// <param name="text">The text.</param>
    /// <param name="path">The configuration path of the text.</param>
    /// <param name="what">What the text should name, with its article, such as <c>a kind of commitment</c>.</param>
    /// <param name="names">The names accepted (a subset of the enum's, in the order error messages list them).</param>
    /// <param name="value">The value named.</param>
    /// <param name="hint">Text to add after the message, such as where else to look.</param>
    /// <returns>Whether the text names a value.</returns>
    private bool TryParseName<TEnum>(string? text, string path, string what, IReadOnlyCollection<string> names, out TEnum value, string? hint = null)
        where TEnum : struct, Enum
    {
        if (NameSuggestions.TryParseName(text, names, out value))
        {
            return true;
        }
        errors.Add($"{path}: {NameSuggestions.NotOneOf(text, what, names)}{hint}");
        return false;
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
            if (Limits.IsSupported(result.Value))
            {
                return result.Value;
            }
            errors.Add($"{path}: {Limits.DateOutOfRange("date", $"'{text}'")}");
            return null;
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
            return InSupportedRange(withOffset.Value.Date, text, path) ? withOffset.Value.ToInstant() : null;
        }
        foreach (LocalDateTimePattern pattern in new[] { LocalDateTimePattern.ExtendedIso, LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm") })
        {
            ParseResult<LocalDateTime> local = pattern.Parse(text);
            if (local.Success)
            {
                return zone is null || !InSupportedRange(local.Value.Date, text, path) ? null : local.Value.InZoneLeniently(zone).ToInstant();
            }
        }
        errors.Add($"{path}: '{text}' is not a date and time such as '2026-06-01T09:00' (calendar time) or '2026-06-01T08:00:00Z'");
        return null;
    }

    /// <summary>Whether the date of a written date and time is in the supported range, after recording an error at
    /// <paramref name="path"/> when it is not. Checked before converting to an instant, which would overflow for the
    /// extremes of NodaTime's range (9999-12-31T23:59:59-18:00).</summary>
    private bool InSupportedRange(LocalDate date, string text, string path)
    {
        if (Limits.IsSupported(date))
        {
            return true;
        }
        errors.Add($"{path}: {Limits.DateOutOfRange("date and time", $"'{text}'")}");
        return false;
    }

    private static string FirstSentence(string message)
    {
        int end = message.IndexOf(" (Parameter", StringComparison.Ordinal);
        return (end >= 0 ? message.Substring(0, end) : message).TrimEnd('.');
    }
}
