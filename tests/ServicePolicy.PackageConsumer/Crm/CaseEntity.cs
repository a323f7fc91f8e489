// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;

namespace Consumer.Crm;

/// <summary>Stands for a generated entity: no attributes; .editorconfig names it and its members.</summary>
public partial class CaseEntity
{
    public string? AssignedTo { get; set; }

    public DateTimeOffset? RespondBy { get; set; }

    public string? Title { get; set; }
}
