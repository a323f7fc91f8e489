// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using ServicePolicy.Internal;

namespace ServicePolicy.Configuration;

/// <summary>
/// An override of an on-call rota: <c>ServicePolicy:Rotas:&lt;name&gt;:Overrides:&lt;n&gt;</c>, such as "Sam covers for
/// Alex from 1 to 14 March": <c>{ "Person": "sam", "CoversFor": "alex", "From": "2027-03-01", "To": "2027-03-14" }</c>.
/// It becomes <see cref="Escalation.WeeklyRota.WithOverride"/>.
/// </summary>
/// <remarks>Mutable options POCO. The default value has no times and no person, which is invalid.</remarks>
[Mutable]
public sealed class RotaOverrideOptions
{
    /// <summary>Gets or sets when the override starts (inclusive), in the rota's local time.</summary>
    /// <value>Required: a date (<c>2027-03-01</c>, from its start) or a local date and time (<c>2027-03-01T09:00</c>,
    /// <c>2027-03-01T09:00:00</c>). Default: null.</value>
    public string? From { get; set; }

    /// <summary>Gets or sets when the override ends, in the rota's local time.</summary>
    /// <value>Required, after <see cref="From"/>: a date (<c>2027-03-14</c>, through the end of that day) or a local
    /// date and time (<c>2027-03-15T09:00</c>, exclusive). Default: null.</value>
    public string? To { get; set; }

    /// <summary>Gets or sets the host's id of the person on call instead.</summary>
    /// <value>Required. Default: null.</value>
    public string? Person { get; set; }

    /// <summary>Gets or sets the person covered for: the override applies only while the rota has them on call.</summary>
    /// <value>Optional: one of the rota's hand-over people. Default: null, meaning the override applies throughout.</value>
    public string? CoversFor { get; set; }
}
