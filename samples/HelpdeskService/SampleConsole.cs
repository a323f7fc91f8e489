// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using NodaTime;
using NodaTime.Text;

namespace ServicePolicy.HelpdeskService;

/// <summary>Writes the sample's lines to standard output: time (UTC), this copy's node name, what, and the details.
/// The host's logs go to standard error, so the output can be read (and checked by CI) on its own.</summary>
internal sealed class SampleConsole(IClock clock, CommandLine commandLine)
{
    private static readonly InstantPattern TimePattern = InstantPattern.CreateWithInvariantCulture("HH:mm:ss");

    public static string Format(Instant instant) => TimePattern.Format(instant);

    public void WriteLine(string what, string details) =>
        Console.Out.WriteLine($"{Format(clock.GetCurrentInstant())} [{commandLine.Node}] {what,-10} {details}");
}
