// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

namespace Consumer;

/// <summary>SP1001 and SP1002 are set to none for this file in .editorconfig: no warnings.</summary>
public static class Silenced
{
    public static SupportTicket Draft() => new SupportTicket("draft");
}
