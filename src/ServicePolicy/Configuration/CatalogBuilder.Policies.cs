// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NodaTime;
using ServicePolicy.Calendars;
using ServicePolicy.Commitments;
using ServicePolicy.Internal;
using ServicePolicy.Policies;

namespace ServicePolicy.Configuration;

/// <summary>The policy part of <see cref="CatalogBuilder"/>: policies, their targets, pause rules, at-risk thresholds,
/// remedies and handoff limits, and the policy set.</summary>
internal sealed partial class CatalogBuilder
{
    private static readonly string[] TargetKinds = AllKinds.Where(n => n != nameof(CommitmentKind.Custom)).ToArray();
    private static readonly string[] ReopenModes = Enum.GetNames<ReopenMode>();
    private static readonly string[] Recurrences = Enum.GetNames<MilestoneRecurrence>();
    private static readonly string[] BuiltInPauseReasons = { PauseReason.WaitingOnCustomer.Name, PauseReason.WaitingOnThirdParty.Name };

    /// <summary>The reasons for waiting policies may name: the built-in ones, then those declared in configuration
    /// (with the spelling they were declared with); see <see cref="BuildPauseReasons"/>.</summary>
    private readonly List<string> pauseReasonNames = new(BuiltInPauseReasons);

    /// <summary>Checks <c>PauseReasons</c> and adds the valid ones to <see cref="pauseReasonNames"/>.</summary>
    private void BuildPauseReasons()
    {
        for (int i = 0; i < options.PauseReasons.Count; i++)
        {
            string path = $"{root}:PauseReasons:{i}";
            string? declared = options.PauseReasons[i];
            if (string.IsNullOrEmpty(declared))
            {
                errors.Add($"{path}: a name is required, such as 'WaitingOnVendor'");
                continue;
            }
            if (pauseReasonNames.FirstOrDefault(n => n.Equals(declared, StringComparison.OrdinalIgnoreCase)) is { } existing)
            {
                errors.Add(BuiltInPauseReasons.Contains(existing)
                    ? $"{path}: '{declared}' is a built-in reason for waiting and needs no declaring"
                    : $"{path}: the reason for waiting '{declared}' is declared more than once");
                continue;
            }
            if (PauseReason.Validate(declared) is { } problem)
            {
                errors.Add($"{path}: '{declared}' is not a reason for waiting: {problem}");
                continue;
            }
            pauseReasonNames.Add(declared);
        }
    }
    private static readonly string[] RemedyKinds = Enum.GetNames<RemedyKind>();
    private static readonly string[] EarlyArrivals = Enum.GetNames<EarlyArrival>();
    private static readonly string[] TargetStarts = Enum.GetNames<TargetStart>();
    private static readonly string[] ReplacedTargets = Enum.GetNames<ReplacedTarget>();
    private static readonly string[] TargetHoursNames = Enum.GetNames<TargetHours>();

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

        // The targets and pause rules that parsed, as the builder will be given them, with the configuration path of
        // each (and of each paused kind) to report the builder's errors at.
        var targets = new List<ServiceTarget>();
        var targetShape = new List<(CommitmentKind Kind, string? Name)>();
        var targetPaths = new List<string>();
        foreach ((string key, TargetOptions target) in policy.Targets)
        {
            string targetPath = $"{path}:Targets:{key}";
            if (!TryParseTargetKey(key, target?.Kind, targetPath, path, out CommitmentKind kind, out string? measureName))
            {
                continue;
            }
            targetShape.Add((kind, measureName));
            targetPaths.Add(targetPath);
            if (BuildTarget(target ?? new TargetOptions(), targetPath,
                rule => measureName is null ? ServiceTarget.Create(kind, rule) : ServiceTarget.Create(kind, rule).WithName(measureName)) is { } built)
            {
                targets.Add(built);
            }
        }
        foreach ((string key, TargetOptions target) in policy.CustomTargets)
        {
            string targetPath = $"{path}:CustomTargets:{key}";
            if (target?.Kind is not null)
            {
                errors.Add($"{targetPath}:Kind: a custom target has no kind; to name a measure of a built-in kind, put it under {path}:Targets");
                continue;
            }
            targetShape.Add((CommitmentKind.Custom, key));
            targetPaths.Add(targetPath);
            if (BuildTarget(target ?? new TargetOptions(), targetPath, rule => ServiceTarget.Custom(key, rule)) is { } built)
            {
                targets.Add(built);
            }
        }
        var pauses = new List<(PauseReason Reason, IReadOnlyList<CommitmentKind> Kinds, IReadOnlyList<string> Targets)>();
        var pausePaths = new List<(string Path, List<int> Indices)>();
        List<string> targetNames = targetShape.Where(t => t.Name is not null).Select(t => t.Name!).ToList();
        foreach ((string key, List<string> pausedNames) in policy.Pause)
        {
            string pausePath = $"{path}:Pause:{key}";
            if (pauseReasonNames.FirstOrDefault(n => n.Equals(key.Trim(), StringComparison.OrdinalIgnoreCase)) is not { } reasonName)
            {
                errors.Add($"{pausePath}: {NameSuggestions.NotOneOf(key, "a reason for waiting", pauseReasonNames)}; declare the host's own reasons under {root}:PauseReasons");
                continue;
            }
            var kinds = new List<CommitmentKind>();
            var kindIndices = new List<int>();
            var pausedTargets = new List<string>();
            var targetIndices = new List<int>();
            for (int i = 0; i < (pausedNames?.Count ?? 0); i++)
            {
                string? text = pausedNames![i];
                if (NameSuggestions.TryParseName(text, AllKinds, out CommitmentKind kind))
                {
                    kinds.Add(kind);
                    kindIndices.Add(i);
                }
                else if (targetNames.FirstOrDefault(n => n.Equals(text?.Trim(), StringComparison.OrdinalIgnoreCase)) is { } targetName)
                {
                    pausedTargets.Add(targetName);
                    targetIndices.Add(i);
                }
                else
                {
                    errors.Add($"{pausePath}:{i}: {NameSuggestions.NotOneOf(text, "a kind of commitment or a target of this policy", AllKinds.Concat(targetNames))}");
                }
            }
            pauses.Add((PauseReason.Create(reasonName), kinds, pausedTargets));
            pausePaths.Add((pausePath, kindIndices.Concat(targetIndices).ToList()));
        }
        AddBuildErrors(
            ServiceLevelPolicyBuilder.Validate(targetShape, pauses),
            e => (e.Member, e.Index, e.Element) switch
            {
                (nameof(ServiceLevelPolicyBuilder.PauseWhile), { } i, { } j) => $"{pausePaths[i].Path}:{pausePaths[i].Indices[j]}",
                (nameof(ServiceLevelPolicyBuilder.PauseWhile), { } i, null) => pausePaths[i].Path,
                (nameof(ServiceLevelPolicyBuilder.AddTarget), { } i, _) => targetPaths[i],
                _ => $"{path}:Targets",
            },
            e => e is { Member: nameof(ServiceLevelPolicyBuilder.AddTarget), Index: null }
                ? ", such as \"FirstResponse\": { \"Deadline\": \"4 business hours\" }"
                : null);

        AtRiskThreshold? atRisk = policy.AtRisk is null ? null : BuildAtRisk(policy.AtRisk, $"{path}:AtRisk");
        TargetStart targetStart = TargetStart.FromChange;
        ReplacedTarget replacedTarget = ReplacedTarget.Cancel;
        if (policy.TargetStart is not null)
        {
            TryParseName(policy.TargetStart, $"{path}:TargetStart", "a target start", TargetStarts, out targetStart);
        }
        if (policy.ReplacedTarget is not null)
        {
            TryParseName(policy.ReplacedTarget, $"{path}:ReplacedTarget", "a way to treat replaced targets", ReplacedTargets, out replacedTarget);
        }
        string? chainName = policy.EscalationChain is null ? null : FindEscalationChain(policy.EscalationChain, name, $"{path}:EscalationChain");
        BreachRemedy[]? handoffRemedies = null;
        if (policy.HandoffLimit is { } limit)
        {
            if (limit.MaxReassignments is not { } max)
            {
                errors.Add($"{path}:HandoffLimit:MaxReassignments: the number of reassignments allowed is required (0 or more; 3 lets an interaction pass through four people)");
            }
            else if (max < 0)
            {
                errors.Add($"{path}:HandoffLimit:MaxReassignments: {max} is out of range: expected 0 or more");
            }
            handoffRemedies = BuildRemedies(limit.Remedies, $"{path}:HandoffLimit:Remedies");
        }
        FeedbackScale? feedbackScale = policy.FeedbackScale is null ? null : BuildFeedbackScale(policy.FeedbackScale, $"{path}:FeedbackScale");
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
            foreach ((PauseReason reason, IReadOnlyList<CommitmentKind> kinds, IReadOnlyList<string> pausedTargets) in pauses)
            {
                builder.PauseWhile(reason, kinds, pausedTargets);
            }
            if (atRisk is not null)
            {
                builder.WithAtRisk(atRisk);
            }
            if (policy.HandoffLimit?.MaxReassignments is { } maxReassignments)
            {
                builder.WithHandoffLimit(maxReassignments, handoffRemedies ?? Array.Empty<BreachRemedy>());
            }
            if (chainName is not null)
            {
                builder.WithEscalationChain(chainName);
            }
            builder.WithTargetStart(targetStart).WithReplacedTarget(replacedTarget);
            if (feedbackScale is not null)
            {
                builder.WithFeedbackScale(feedbackScale.Minimum, feedbackScale.Maximum);
            }
            policies[name] = builder.Build();
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            errors.Add($"{path}: {e.Message}");
        }
    }

    /// <summary>Reads a key under <c>Targets</c>: a kind (an unnamed target), or, with <c>Kind</c>, a measure's name.</summary>
    private bool TryParseTargetKey(string key, string? kindText, string targetPath, string policyPath, out CommitmentKind kind, out string? measureName)
    {
        measureName = null;
        bool keyIsKind = NameSuggestions.TryParseName(key, TargetKinds, out CommitmentKind keyKind);
        if (kindText is null)
        {
            kind = keyKind;
            if (keyIsKind)
            {
                return true;
            }
            string hint = key.Trim().Equals(nameof(CommitmentKind.Custom), StringComparison.OrdinalIgnoreCase)
                ? $" (custom targets go under {policyPath}:CustomTargets)"
                : $" (to name a measure, give its kind too, such as \"{key}\": {{ \"Kind\": \"Resolution\", ... }})";
            return TryParseName(key, targetPath, "a kind of commitment", TargetKinds, out kind, hint);
        }
        string? kindHint = kindText.Trim().Equals(nameof(CommitmentKind.Custom), StringComparison.OrdinalIgnoreCase)
            ? $" (custom targets go under {policyPath}:CustomTargets)"
            : null;
        if (!TryParseName(kindText, $"{targetPath}:Kind", "a kind of commitment", TargetKinds, out kind, kindHint))
        {
            return false;
        }
        if (keyIsKind)
        {
            if (keyKind == kind)
            {
                return true;
            }
            errors.Add($"{targetPath}: a measure of {kind} cannot be named '{key.Trim()}', the name of another kind of commitment; choose another name");
            return false;
        }
        if (kind == CommitmentKind.Appointment)
        {
            errors.Add($"{targetPath}:Kind: an Appointment target cannot be a named measure (an appointment window is one booking); use the key Appointment");
            return false;
        }
        if (key.Contains('/', StringComparison.Ordinal))
        {
            errors.Add($"{targetPath}: a measure's name must not contain '/', which separates the parts of action keys");
            return false;
        }
        measureName = key;
        return true;
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
        if (target.EarlyArrival is { } earlyArrivalText
            && TryParseName(earlyArrivalText, $"{path}:EarlyArrival", "an early-arrival rule", EarlyArrivals, out EarlyArrival earlyArrival)
            && rule is not null)
        {
            if (rule is AppointmentWindowRule window)
            {
                rule = window.WithEarlyArrival(earlyArrival);
            }
            else
            {
                errors.Add($"{path}:EarlyArrival: only an appointment window deadline ('appointment window of 4 hours') has an early-arrival rule; remove it or change the deadline");
            }
        }
        BusinessCalendar? calendar = target.Calendar is null ? null : FindCalendar(target.Calendar, $"{path}:Calendar");
        AtRiskThreshold? atRisk = target.AtRisk is null ? null : BuildAtRisk(target.AtRisk, $"{path}:AtRisk");
        BreachRemedy[] remedies = BuildRemedies(target.Remedies, $"{path}:Remedies");
        ReopenMode reopenMode = ReopenMode.Resume;
        if (target.ReopenMode is { } reopenText)
        {
            TryParseName(reopenText, $"{path}:ReopenMode", "a reopen mode", ReopenModes, out reopenMode);
        }
        MilestoneRecurrence recurrence = MilestoneRecurrence.None;
        if (target.Recurrence is { } recurrenceText)
        {
            TryParseName(recurrenceText, $"{path}:Recurrence", "a milestone recurrence", Recurrences, out recurrence);
        }
        TargetHours hours = TargetHours.Policy;
        if (target.Hours is not null)
        {
            TryParseName(target.Hours, $"{path}:Hours", "an hours setting", TargetHoursNames, out hours);
        }
        if (target.DelayNotice is { } notice && string.IsNullOrWhiteSpace(notice))
        {
            errors.Add($"{path}:DelayNotice: a template id is required, such as 'running-late'; leave the key out for no notice");
        }
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
            if (reopenMode != ReopenMode.Resume)
            {
                if (built.Kind != CommitmentKind.Resolution)
                {
                    errors.Add($"{path}:ReopenMode: only a Resolution target has a cycle a reopening resumes, so only it can start a new one");
                    return null;
                }
                built = built.WithReopenMode(reopenMode);
            }
            if (recurrence != MilestoneRecurrence.None)
            {
                if (built.Kind != CommitmentKind.Custom)
                {
                    errors.Add($"{path}:Recurrence: only a custom target (a milestone) recurs; move it under CustomTargets or remove the key");
                    return null;
                }
                built = built.WithRecurrence(recurrence);
            }
            if (hours != TargetHours.Policy)
            {
                built = built.WithHours(hours);
            }
            if (target.DelayNotice is { } template)
            {
                built = built.WithDelayNotice(template);
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
            if (!TryParseName(remedy.Kind, $"{remedyPath}:Kind", "a kind of remedy", RemedyKinds, out RemedyKind kind))
            {
                continue;
            }
            DeadlineRule? deadline = null;
            if (remedy.Deadline is not null)
            {
                if (!DeadlineExpression.TryParse(remedy.Deadline, out deadline, out DeadlineExpressionFormatException? error))
                {
                    errors.Add($"{remedyPath}:Deadline: {error.SingleLineMessage}");
                    continue;
                }
                if (deadline is AppointmentWindowRule)
                {
                    errors.Add($"{remedyPath}:Deadline: '{remedy.Deadline}' is an appointment window; a remedy's deadline is counted from the breach, such as '1 business hour'");
                    continue;
                }
            }
            int count = built.Count;
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
            if (deadline is not null && built.Count > count)
            {
                built[^1] = built[^1].WithDeadline(deadline);
            }
        }
        return built.ToArray();
    }

    private FeedbackScale? BuildFeedbackScale(FeedbackScaleOptions scale, string path)
    {
        int errorCount = errors.Count;
        if (scale.Minimum is not { } minimum)
        {
            errors.Add($"{path}:Minimum: the lowest score is required, such as 1");
        }
        else if (minimum is < 0 or > 999)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"{path}:Minimum: {minimum} is out of range: expected 0 to 999"));
        }
        if (scale.Maximum is not { } maximum)
        {
            errors.Add($"{path}:Maximum: the highest score is required, such as 5");
        }
        else if (maximum > 1000 || (scale.Minimum is { } low && maximum <= low))
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture,
                $"{path}:Maximum: {maximum} is out of range: expected more than Minimum ({scale.Minimum}) and at most 1000"));
        }
        return errors.Count > errorCount ? null : FeedbackScale.Create(scale.Minimum!.Value, scale.Maximum!.Value);
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

    /// <summary>Thrown by <see cref="Required"/> after it has recorded the error, to skip building the remedy.</summary>
    private sealed class MissingValueException : Exception
    {
    }
}
