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
using ServicePolicy.Internal;
using ServicePolicy.Policies;

namespace ServicePolicy.Configuration;

/// <summary>The escalation part of <see cref="CatalogBuilder"/>: escalation chains and policies' chain references
/// (rotas and recipients are in <c>CatalogBuilder.Rotas.cs</c>).</summary>
internal sealed partial class CatalogBuilder
{
    private static readonly string[] BuiltInActions =
        { nameof(EscalationActionKind.Notify), nameof(EscalationActionKind.Reassign), nameof(EscalationActionKind.RaisePriority) };

    private static readonly string[] CatchUpModes = Enum.GetNames<EscalationCatchUp>();

    private readonly List<EscalationChain> chainVersions = new();

    /// <summary>Every chain name, case-insensitively, mapped to its exact spelling (the one evaluation matches ordinally).</summary>
    private readonly Dictionary<string, string> chainNames = new(StringComparer.OrdinalIgnoreCase);

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
            string path = $"{root}:EscalationChains:{name}";
            Guarded(path, () => BuildEscalationChain(path, name, chain ?? new EscalationChainOptions()));
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
                if (InSupportedRange(parsed.Value.Date, from, $"{path}:EffectiveFrom"))
                {
                    effectiveFrom = parsed.Value.ToInstant();
                }
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

        EscalationDelay? repeatEvery = null;
        if (chain.Repeat is { } repeatOptions)
        {
            string repeatPath = $"{path}:Repeat";
            if (repeatOptions.MaxRepeats is { } maxRepeats && maxRepeats < 1)
            {
                errors.Add(string.Create(CultureInfo.InvariantCulture, $"{repeatPath}:MaxRepeats: {maxRepeats} is out of range: expected 1 or more, or leave it out to repeat until met"));
            }
            repeatEvery = ParseDelay(repeatOptions.Every, $"{repeatPath}:Every", allowZero: false, chainDelays);
            if (repeatEvery is not null && repeatEvery.Amount < EscalationRepeat.MinimumInterval)
            {
                errors.Add($"{repeatPath}:Every: '{repeatOptions.Every}' is shorter than the minimum repeat interval of 1 minute.{LimitsDocs.See(LimitsDocs.MinimumRepeat)}");
                repeatEvery = null;
            }
        }

        EscalationDelay? acknowledgementTimeout = null;
        if (chain.AcknowledgementTimeout is not null)
        {
            acknowledgementTimeout = ParseDelay(chain.AcknowledgementTimeout, $"{path}:AcknowledgementTimeout", allowZero: false, chainDelays);
        }

        EscalationCatchUp catchUp = EscalationCatchUp.LatestOnly;
        if (chain.CatchUp is { } catchUpText)
        {
            TryParseName(catchUpText, $"{path}:CatchUp", "a catch-up rule", CatchUpModes, out catchUp);
        }

        var kinds = new List<CommitmentKind>();
        for (int i = 0; i < chain.Kinds.Count; i++)
        {
            if (TryParseName(chain.Kinds[i], $"{path}:Kinds:{i}", "a kind of commitment", AllKinds, out CommitmentKind kind))
            {
                kinds.Add(kind);
            }
        }
        for (int i = 0; i < chain.CustomKinds.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(chain.CustomKinds[i]))
            {
                errors.Add($"{path}:CustomKinds:{i}: the name of a custom target is required, such as 'call-back'");
            }
        }

        // The chain's rules, over the shape configured (whether or not each part parsed).
        AddBuildErrors(
            EscalationChainBuilder.Validate(chain.Warnings.Count, chain.Levels.Select(l => l?.StopOnAcknowledgement ?? true).ToArray(),
                chain.Repeat?.FromLevel, chain.AcknowledgementTimeout is not null, levels.Count == chain.Levels.Count
                && repeatEvery is not null && chain.Repeat!.FromLevel >= 0 && EscalationChainBuilder.RepeatIsWalked(levels, EscalationRepeat.Create(chain.Repeat.FromLevel, repeatEvery, null)),
                chain.Repeat?.MaxRepeats),
            e => e.Member switch
            {
                nameof(EscalationChainBuilder.WithRepeat) when e.Message.Contains("MaxRepeats", StringComparison.Ordinal) => $"{path}:Repeat:MaxRepeats",
                nameof(EscalationChainBuilder.WithRepeat) => $"{path}:Repeat:FromLevel",
                nameof(EscalationChainBuilder.WithAcknowledgementTimeout) => $"{path}:AcknowledgementTimeout",
                _ => $"{path}:Levels",
            },
            e => e.Member == nameof(EscalationChainBuilder.WithAcknowledgementTimeout) ? " (StopOnAcknowledgement: true)" : null);

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
            if (chain.Repeat is { } repeat && repeatEvery is not null)
            {
                builder.WithRepeat(EscalationRepeat.Create(repeat.FromLevel, repeatEvery, repeat.MaxRepeats));
            }
            if (acknowledgementTimeout is not null)
            {
                builder.WithAcknowledgementTimeout(acknowledgementTimeout);
            }
            if (kinds.Count > 0)
            {
                builder.EscalatesOnly(kinds.ToArray());
            }
            if (chain.CustomKinds.Count > 0)
            {
                builder.EscalatesOnlyCustom(chain.CustomKinds.ToArray());
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
            else
            {
                TryParseName(actionText, $"{path}:Action", "an escalation action", BuiltInActions, out action,
                    ", or set CustomAction for the host's own");
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

    /// <summary>The calendar that measures business-time delays, and where it is (or would be) configured.</summary>
    /// <param name="Calendar">The calendar; null when none is named or the named one is undefined or invalid.</param>
    /// <param name="Named">Whether a calendar is named (so a null <paramref name="Calendar"/> is already reported).</param>
    /// <param name="Path">The configuration path that names it.</param>
    private sealed record DelayCalendar(BusinessCalendar? Calendar, bool Named, string Path);
}
