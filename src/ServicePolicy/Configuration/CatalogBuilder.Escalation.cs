// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NodaTime;
using NodaTime.Text;
using ServicePolicy.Calendars;
using ServicePolicy.Commitments;
using ServicePolicy.Escalation;
using ServicePolicy.Policies;

namespace ServicePolicy.Configuration;

/// <summary>The escalation part of <see cref="CatalogBuilder"/>: on-call rotas, escalation chains and policies' chain references.</summary>
internal sealed partial class CatalogBuilder
{
    /// <summary>The recipient forms, as error messages list them.</summary>
    internal const string RecipientForms = "owner, owner-lead, owner-manager, role:<name>, person:<id> or on-call:<rota>";

    private static readonly string[] RecipientWords = { "owner", "owner-lead", "owner-manager" };
    private static readonly string[] RecipientPrefixes = { "role", "person", "on-call" };
    private static readonly string[] BuiltInActions =
        { nameof(EscalationActionKind.Notify), nameof(EscalationActionKind.Reassign), nameof(EscalationActionKind.RaisePriority) };

    private static readonly string[] CatchUpModes = Enum.GetNames<EscalationCatchUp>();
    private static readonly string[] DayNames = Enum.GetNames<IsoDayOfWeek>().Where(d => d != nameof(IsoDayOfWeek.None)).ToArray();
    private static readonly LocalTimePattern[] TimePatterns =
        { LocalTimePattern.CreateWithInvariantCulture("HH:mm"), LocalTimePattern.CreateWithInvariantCulture("HH:mm:ss") };

    private readonly Dictionary<string, WeeklyRota> rotas = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> rotaNames = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<EscalationChain> chainVersions = new();

    /// <summary>Every chain name, case-insensitively, mapped to its exact spelling (the one evaluation matches ordinally).</summary>
    private readonly Dictionary<string, string> chainNames = new(StringComparer.OrdinalIgnoreCase);

    private void BuildRotas()
    {
        rotaNames.UnionWith(options.Rotas.Keys);
        AddBuilt(options.BuiltRotas, r => r.Name, rotaNames, rotas, "Rotas", "rota");
        foreach ((string name, RotaOptions rota) in options.Rotas)
        {
            BuildRota($"{root}:Rotas:{name}", name, rota ?? new RotaOptions());
        }
    }

    private void BuildRota(string path, string name, RotaOptions rota)
    {
        int errorCount = errors.Count;
        DateTimeZone? zone = ResolveTimeZone(path, rota.TimeZone);
        if (rota.HandOvers.Count == 0)
        {
            errors.Add($"{path}:HandOvers: a rota needs at least one hand-over, such as {{ \"Day\": \"Monday\", \"At\": \"09:00\", \"Person\": \"alice\" }}");
        }
        var handOvers = new List<(IsoDayOfWeek Day, LocalTime At, string Person, string Path)>();
        for (int i = 0; i < rota.HandOvers.Count; i++)
        {
            string handOverPath = $"{path}:HandOvers:{i}";
            RotaHandOverOptions handOver = rota.HandOvers[i] ?? new RotaHandOverOptions();
            IsoDayOfWeek? day = ParseDay(handOver.Day, $"{handOverPath}:Day");
            LocalTime? at = ParseTimeOfDay(handOver.At, $"{handOverPath}:At");
            if (string.IsNullOrWhiteSpace(handOver.Person))
            {
                errors.Add($"{handOverPath}:Person: the id of the person who takes over is required");
            }
            else if (day is { } d && at is { } t)
            {
                handOvers.Add((d, t, handOver.Person, handOverPath));
            }
        }
        if (errors.Count > errorCount || zone is null)
        {
            return;
        }
        WeeklyRota built = WeeklyRota.Create(name, zone.Id);
        foreach ((IsoDayOfWeek day, LocalTime at, string person, string handOverPath) in handOvers)
        {
            try
            {
                built = built.WithHandOver(day, at, person);
            }
            catch (ArgumentException e)
            {
                errors.Add($"{handOverPath}: {FirstSentence(e.Message)}");
            }
        }
        rotas[name] = built;
    }

    private void BuildEscalationChains()
    {
        foreach (string name in options.EscalationChains.Keys)
        {
            chainNames[name] = name;
        }
        var builtVersions = new HashSet<(string Name, int Version)>();
        foreach (EscalationChain chain in options.BuiltEscalationChains)
        {
            // Versions of one chain built in code may share its name; a name defined in configuration, or spelt
            // differently, or a repeated version, is a duplicate.
            bool duplicate = options.EscalationChains.ContainsKey(chain.Name)
                || (chainNames.TryGetValue(chain.Name, out string? spelling) && !string.Equals(spelling, chain.Name, StringComparison.Ordinal))
                || !builtVersions.Add((chain.Name, chain.Version));
            if (duplicate)
            {
                errors.Add(string.Create(CultureInfo.InvariantCulture,
                    $"{root}:EscalationChains:{chain.Name}: escalation chain '{chain.Name}' (version {chain.Version}) is defined more than once"));
                continue;
            }
            chainNames[chain.Name] = chain.Name;
            chainVersions.Add(chain);
        }
        foreach ((string name, EscalationChainOptions chain) in options.EscalationChains)
        {
            BuildEscalationChain($"{root}:EscalationChains:{name}", name, chain ?? new EscalationChainOptions());
        }
    }

    private void BuildEscalationChain(string path, string name, EscalationChainOptions chain)
    {
        int errorCount = errors.Count;
        if (chain.Version < 1)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"{path}:Version: version {chain.Version} is out of range: expected 1 or more"));
        }
        Instant effectiveFrom = Instant.MinValue;
        if (chain.EffectiveFrom is { } from)
        {
            ParseResult<OffsetDateTime> parsed = OffsetDateTimePattern.ExtendedIso.Parse(from);
            if (parsed.Success)
            {
                effectiveFrom = parsed.Value.ToInstant();
            }
            else
            {
                errors.Add($"{path}:EffectiveFrom: '{from}' is not an instant with an offset, such as '2026-03-01T00:00:00Z'");
            }
        }
        if (string.IsNullOrWhiteSpace(chain.Fallback))
        {
            errors.Add($"{path}:Fallback: a fallback contact is required: the id of the person or channel who hears when a recipient resolves to nobody, such as 'support-leads'");
        }
        BusinessCalendar? fallbackHours = chain.FallbackWorkingHours is null ? null : FindCalendar(chain.FallbackWorkingHours, $"{path}:FallbackWorkingHours");
        BusinessCalendar? chainCalendar = chain.Calendar is null ? null : FindCalendar(chain.Calendar, $"{path}:Calendar");
        var chainDelays = new DelayCalendar(chainCalendar, chain.Calendar is not null, $"{path}:Calendar");

        var warnings = new List<EscalationWarning>();
        for (int i = 0; i < chain.Warnings.Count; i++)
        {
            if (BuildWarning(chain.Warnings[i] ?? new EscalationWarningOptions(), $"{path}:Warnings:{i}") is { } warning)
            {
                warnings.Add(warning);
            }
        }

        if (chain.Levels.Count == 0)
        {
            errors.Add($"{path}:Levels: an escalation chain needs at least one level, such as {{ \"Recipient\": \"owner-lead\", \"Delay\": \"immediately\" }}");
        }
        var levels = new List<EscalationLevel>();
        for (int i = 0; i < chain.Levels.Count; i++)
        {
            if (BuildLevel(chain.Levels[i] ?? new EscalationLevelOptions(), $"{path}:Levels:{i}", chainDelays) is { } level)
            {
                levels.Add(level);
            }
        }

        EscalationRepeat? repeat = null;
        if (chain.Repeat is { } repeatOptions)
        {
            string repeatPath = $"{path}:Repeat";
            int repeatErrors = errors.Count;
            if (repeatOptions.FromLevel < 0 || (chain.Levels.Count > 0 && repeatOptions.FromLevel >= chain.Levels.Count))
            {
                errors.Add(string.Create(CultureInfo.InvariantCulture,
                    $"{repeatPath}:FromLevel: level {repeatOptions.FromLevel} is out of range: expected 0 to {Math.Max(0, chain.Levels.Count - 1)} (the index of a level)"));
            }
            if (repeatOptions.MaxRepeats is { } maxRepeats && maxRepeats < 1)
            {
                errors.Add(string.Create(CultureInfo.InvariantCulture, $"{repeatPath}:MaxRepeats: {maxRepeats} is out of range: expected 1 or more, or leave it out to repeat until met"));
            }
            EscalationDelay? every = ParseDelay(repeatOptions.Every, $"{repeatPath}:Every", allowZero: false, chainDelays);
            if (errors.Count == repeatErrors && every is not null)
            {
                repeat = EscalationRepeat.Create(repeatOptions.FromLevel, every, repeatOptions.MaxRepeats);
            }
        }

        EscalationDelay? acknowledgementTimeout = null;
        if (chain.AcknowledgementTimeout is not null)
        {
            acknowledgementTimeout = ParseDelay(chain.AcknowledgementTimeout, $"{path}:AcknowledgementTimeout", allowZero: false, chainDelays);
            if (chain.Levels.Count > 0 && !chain.Levels.Exists(l => l is null || l.StopOnAcknowledgement))
            {
                errors.Add($"{path}:AcknowledgementTimeout: an acknowledgement timeout needs a level that stops on acknowledgement (StopOnAcknowledgement: true)");
            }
        }

        EscalationCatchUp catchUp = EscalationCatchUp.LatestOnly;
        if (chain.CatchUp is { } catchUpText)
        {
            if (!Enum.TryParse(catchUpText, ignoreCase: true, out catchUp) || !Enum.IsDefined(catchUp) || IsNumeric(catchUpText))
            {
                errors.Add($"{path}:CatchUp: '{catchUpText}' is not a catch-up rule{NameSuggestions.DidYouMean(catchUpText, CatchUpModes)}; expected one of {string.Join(", ", CatchUpModes)}");
            }
        }

        if (errors.Count > errorCount)
        {
            return;
        }
        try
        {
            EscalationChainBuilder builder = EscalationChain.CreateBuilder(name, chain.Version, effectiveFrom, new EscalationContact(chain.Fallback!, fallbackHours))
                .WithCatchUp(catchUp);
            foreach (EscalationWarning warning in warnings)
            {
                builder.AddWarning(warning);
            }
            foreach (EscalationLevel level in levels)
            {
                builder.AddLevel(level);
            }
            if (repeat is not null)
            {
                builder.WithRepeat(repeat);
            }
            if (acknowledgementTimeout is not null)
            {
                builder.WithAcknowledgementTimeout(acknowledgementTimeout);
            }
            chainVersions.Add(builder.Build());
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            errors.Add($"{path}: {FirstSentence(e.Message)}");
        }
    }

    private EscalationWarning? BuildWarning(EscalationWarningOptions warning, string path)
    {
        int errorCount = errors.Count;
        EscalationRecipient? recipient = ParseRecipient(warning.Recipient, $"{path}:Recipient");
        Duration? lead = null;
        if (warning.Percent is null == warning.Before is null)
        {
            errors.Add(warning.Percent is null
                ? $"{path}: give Percent (such as 75) or Before (such as '30 minutes')"
                : $"{path}: give Percent or Before, not both (add a second warning for the other)");
        }
        if (warning.Percent is { } percent && !(percent > 0 && percent < 100))
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"{path}:Percent: {percent} is out of range: expected more than 0 and less than 100"));
        }
        if (warning.Before is { } before)
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
        if (errors.Count > errorCount || recipient is null)
        {
            return null;
        }
        return lead is { } l ? EscalationWarning.BeforeDeadline(l, recipient) : EscalationWarning.AtPercent(warning.Percent!.Value, recipient);
    }

    private EscalationLevel? BuildLevel(EscalationLevelOptions level, string path, DelayCalendar chainDelays)
    {
        int errorCount = errors.Count;
        EscalationRecipient? recipient = ParseRecipient(level.Recipient, $"{path}:Recipient");
        DelayCalendar delays = chainDelays;
        if (level.Calendar is not null)
        {
            delays = new DelayCalendar(FindCalendar(level.Calendar, $"{path}:Calendar"), true, $"{path}:Calendar");
        }
        EscalationDelay? delay = ParseDelay(level.Delay, $"{path}:Delay", allowZero: true, delays);
        EscalationActionKind action = EscalationActionKind.Notify;
        string? customAction = null;
        if (level.CustomAction is not null)
        {
            if (string.IsNullOrWhiteSpace(level.CustomAction))
            {
                errors.Add($"{path}:CustomAction: the name of the host's action is required, such as 'page-sre'");
            }
            if (level.Action is not null && !level.Action.Equals(nameof(EscalationActionKind.Custom), StringComparison.OrdinalIgnoreCase))
            {
                errors.Add($"{path}:Action: a level with a CustomAction must leave Action out (or set it to Custom), not '{level.Action}'");
            }
            customAction = level.CustomAction;
        }
        else if (level.Action is { } actionText)
        {
            if (actionText.Equals(nameof(EscalationActionKind.Custom), StringComparison.OrdinalIgnoreCase))
            {
                errors.Add($"{path}:CustomAction: Action 'Custom' needs the name of the host's action in CustomAction, such as 'page-sre'");
            }
            else if (!Enum.TryParse(actionText, ignoreCase: true, out action) || !Enum.IsDefined(action) || IsNumeric(actionText))
            {
                errors.Add($"{path}:Action: '{actionText}' is not an escalation action{NameSuggestions.DidYouMean(actionText, BuiltInActions)}; "
                    + $"expected one of {string.Join(", ", BuiltInActions)}, or set CustomAction for the host's own");
            }
        }
        if (errors.Count > errorCount || recipient is null || delay is null)
        {
            return null;
        }
        EscalationLevel built = EscalationLevel.Create(recipient, delay)
            .WithStopOnAcknowledgement(level.StopOnAcknowledgement)
            .WithAuthorityToDecide(level.AuthorityToDecide)
            .WithWaitForWorkingHours(level.WaitForWorkingHours);
        return customAction is not null ? built.WithCustomAction(customAction) : built.WithAction(action);
    }

    /// <summary>Parses a delay: <c>immediately</c> or <c>0</c> (when zero is allowed), or a deadline expression that is
    /// an amount of elapsed or business time.</summary>
    private EscalationDelay? ParseDelay(string? text, string path, bool allowZero, DelayCalendar calendar)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (allowZero)
            {
                return EscalationDelay.Zero;
            }
            errors.Add($"{path}: a delay is required, such as '30 minutes' or '1 business hour'");
            return null;
        }
        string trimmed = text.Trim();
        if (trimmed == "0" || trimmed.Equals("immediately", StringComparison.OrdinalIgnoreCase))
        {
            if (allowZero)
            {
                return EscalationDelay.Zero;
            }
            errors.Add($"{path}: the delay must be more than zero, such as '30 minutes' or '1 business hour'");
            return null;
        }
        if (!DeadlineExpression.TryParse(text, out DeadlineRule? rule, out DeadlineExpressionFormatException? error))
        {
            errors.Add($"{path}: {error.SingleLineMessage.Replace("deadline expression", "delay", StringComparison.Ordinal)}");
            return null;
        }
        switch (rule)
        {
            case WithinElapsedTimeRule elapsed:
                return EscalationDelay.Elapsed(elapsed.Amount);
            case WithinBusinessTimeRule business when calendar.Calendar is { } businessCalendar:
                return EscalationDelay.Business(business.Amount, businessCalendar);
            case WithinBusinessTimeRule when calendar.Named:
                // The named calendar is undefined or invalid, and reported as such.
                return null;
            case WithinBusinessTimeRule:
                errors.Add($"{path}: business-time delay '{text}' needs a calendar: set {calendar.Path}" + (allowZero ? " (or the level's own Calendar)" : string.Empty));
                return null;
            default:
                errors.Add($"{path}: '{text}' is not a delay: expected an amount of time such as '30 minutes', '1 business hour' or PT30M"
                    + (allowZero ? ", or 'immediately'" : string.Empty));
                return null;
        }
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

    /// <summary>Returns the exact name of the chain a configured policy names, reporting an undefined chain and a
    /// missing directory.</summary>
    private string? FindEscalationChain(string name, string policyName, string path)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            errors.Add($"{path}: the name of an escalation chain is required (leave EscalationChain out for no escalation)");
            return null;
        }
        if (!chainNames.TryGetValue(name, out string? exact))
        {
            errors.Add($"{path}: escalation chain '{name}' is not defined{NameSuggestions.DidYouMean(name, chainNames.Keys)}");
            return null;
        }
        CheckDirectory(policyName, exact, path);
        return exact;
    }

    /// <summary>Checks the chain a policy built in code names: it must exist, spelt exactly (evaluation matches chain
    /// names ordinally).</summary>
    private void CheckBuiltPolicyChain(ServiceLevelPolicy policy)
    {
        if (policy.EscalationChainName is not { } name)
        {
            return;
        }
        string path = $"{root}:Policies:{policy.Name}:EscalationChain";
        if (!chainNames.TryGetValue(name, out string? exact))
        {
            errors.Add($"{path}: escalation chain '{name}' is not defined{NameSuggestions.DidYouMean(name, chainNames.Keys)}");
        }
        else if (!string.Equals(exact, name, StringComparison.Ordinal))
        {
            errors.Add($"{path}: escalation chain '{name}' is not defined (did you mean '{exact}'? a policy built in code must spell the chain's name exactly)");
        }
        else
        {
            CheckDirectory(policy.Name, name, path);
        }
    }

    private void CheckDirectory(string policyName, string chainName, string path)
    {
        if (!hasEscalationDirectory)
        {
            errors.Add($"{path}: policy '{policyName}' escalates with chain '{chainName}', but no {nameof(IEscalationDirectory)} is registered to resolve "
                + $"its recipients; register one, such as services.AddSingleton<{nameof(IEscalationDirectory)}, MyDirectory>()");
        }
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

    private LocalTime? ParseTimeOfDay(string? text, string path)
    {
        foreach (LocalTimePattern pattern in TimePatterns)
        {
            ParseResult<LocalTime> result = pattern.Parse(text?.Trim() ?? string.Empty);
            if (result.Success)
            {
                return result.Value;
            }
        }
        errors.Add(string.IsNullOrWhiteSpace(text)
            ? $"{path}: a time of day is required, such as '09:00'"
            : $"{path}: '{text}' is not a time of day such as '09:00' or '09:00:00'");
        return null;
    }

    /// <summary>The calendar that measures business-time delays, and where it is (or would be) configured.</summary>
    /// <param name="Calendar">The calendar; null when none is named or the named one is undefined or invalid.</param>
    /// <param name="Named">Whether a calendar is named (so a null <paramref name="Calendar"/> is already reported).</param>
    /// <param name="Path">The configuration path that names it.</param>
    private sealed record DelayCalendar(BusinessCalendar? Calendar, bool Named, string Path);
}
