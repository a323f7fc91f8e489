// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Globalization;
using System.Linq;
using System;
using ServicePolicy.Escalation;
using ServicePolicy.Internal;

namespace ServicePolicy.Hosting.Delivery;

/// <summary>
/// One or more escalation actions could not be delivered after every retry. The other actions of the same call were
/// still dispatched; <see cref="Report"/> says what happened to each, and <see cref="Exception.InnerException"/> is an
/// <see cref="AggregateException"/> with the failures of every attempt.
/// </summary>
[Mutable]
public sealed class EscalationDispatchException : Exception
{
    internal EscalationDispatchException(DispatchReport report, AggregateException failures)
        : base(string.Create(CultureInfo.InvariantCulture,
            $"{report.Failed.Count} escalation action(s) could not be delivered: {string.Join(", ", report.Failed.Select(a => a.Key.ToString()))}."), failures)
    {
        Report = report;
    }

    /// <summary>Gets what the dispatch call did with each action.</summary>
    public DispatchReport Report { get; }
}
