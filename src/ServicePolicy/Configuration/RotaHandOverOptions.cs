// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using ServicePolicy.Internal;

namespace ServicePolicy.Configuration;

/// <summary>One hand-over of an on-call rota: <c>ServicePolicy:Rotas:&lt;name&gt;:HandOvers:&lt;n&gt;</c>.</summary>
/// <remarks>Mutable options POCO. The default value has no day, time or person, which is invalid.</remarks>
[Mutable]
public sealed class RotaHandOverOptions
{
    /// <summary>Gets or sets the week of the rota's cycle.</summary>
    /// <value>From 1 to the rota's <see cref="RotaOptions.CycleWeeks"/>; required when that is more than 1. Default:
    /// null, which means 1.</value>
    public int? Week { get; set; }

    /// <summary>Gets or sets the day of the week.</summary>
    /// <value>Required: <c>Monday</c> to <c>Sunday</c>, or <c>Mon</c> to <c>Sun</c>. Default: null.</value>
    public string? Day { get; set; }

    /// <summary>Gets or sets the local time of the hand-over in the rota's time zone.</summary>
    /// <value>Required: <c>HH:mm</c> or <c>HH:mm:ss</c>, such as <c>09:00</c>. Default: null.</value>
    public string? At { get; set; }

    /// <summary>Gets or sets the host's id of the person who takes over.</summary>
    /// <value>Required. Default: null.</value>
    public string? Person { get; set; }
}
