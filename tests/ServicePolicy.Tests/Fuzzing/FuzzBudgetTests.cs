// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using Xunit;
using Xunit.Sdk;

namespace ServicePolicy.Tests.Fuzzing;

/// <summary>The fuzz budget fails a case that hangs, allocates too much or throws what the entry point does not
/// document, and passes everything else through.</summary>
public class FuzzBudgetTests
{
    [Fact]
    public void A_case_that_hangs_fails_naming_its_input()
    {
        var failure = Assert.Throws<XunitException>(
            () => FuzzBudget.Run("forever", () => Thread.Sleep(Timeout.Infinite), TimeSpan.FromMilliseconds(200)));

        Assert.Contains("\"forever\"", failure.Message);
        Assert.Contains("did not finish", failure.Message);
    }

    [Fact]
    public void A_case_over_its_allocation_budget_fails_naming_its_input()
    {
        var failure = Assert.Throws<XunitException>(
            () => FuzzBudget.Run("big", () => GC.KeepAlive(new byte[2 * 1024 * 1024]), allocatedBytes: 1024 * 1024));

        Assert.Contains("\"big\"", failure.Message);
        Assert.Contains("over its budget", failure.Message);
    }

    [Fact]
    public void A_documented_exception_is_returned_and_success_is_null()
    {
        Exception? thrown = FuzzBudget.RunExpecting("x", () => throw new FormatException("bad x"), typeof(FormatException));

        Assert.IsType<FormatException>(thrown);
        Assert.Null(FuzzBudget.RunExpecting("y", () => { }, typeof(FormatException)));
    }

    [Fact]
    public void An_undocumented_exception_fails_naming_its_type_and_input()
    {
        var failure = Assert.Throws<XunitException>(
            () => FuzzBudget.RunExpecting("z", () => throw new OverflowException(), typeof(FormatException)));

        Assert.Contains("System.OverflowException", failure.Message);
        Assert.Contains("\"z\"", failure.Message);
    }

    [Fact]
    public void A_long_input_is_shortened_in_messages()
    {
        string description = FuzzBudget.Describe(new string('a', 1000));

        Assert.Contains("(1,000 characters)", description);
        Assert.True(description.Length < 260, description);
    }
}
