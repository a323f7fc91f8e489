// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Globalization;
using ServicePolicy.Internal;
using Xunit;

namespace ServicePolicy.Tests.Internal;

public class PreconditionsTests
{
    /// <summary>Counts how often it is formatted.</summary>
    private sealed class Counted
    {
        public int Formatted { get; private set; }

        public override string ToString()
        {
            Formatted++;
            return "counted";
        }
    }

    [Fact]
    public void CheckArgument_InterpolatedMessage_IsNotFormattedWhenTheCheckPasses()
    {
        var value = new Counted();

        Preconditions.CheckArgument(true, "value", $"Value {value} is wrong.");
        Preconditions.CheckState(true, $"State {value} is wrong.");

        Assert.Equal(0, value.Formatted);
    }

    [Fact]
    public void CheckArgument_InterpolatedMessage_IsFormattedWithTheInvariantCultureWhenTheCheckFails()
    {
        CultureInfo previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("fr-FR");
        try
        {
            var value = new Counted();
            double ratio = 1.5;

            var e = Assert.Throws<ArgumentException>(() => Preconditions.CheckArgument(false, "value", $"Value {value} has ratio {ratio}."));
            var state = Assert.Throws<InvalidOperationException>(() => Preconditions.CheckState(false, $"Ratio {ratio:F2}."));

            Assert.Equal("value", e.ParamName);
            Assert.StartsWith("Value counted has ratio 1.5.", e.Message, StringComparison.Ordinal);
            Assert.Equal("Ratio 1.50.", state.Message);
            Assert.Equal(1, value.Formatted);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }
}
