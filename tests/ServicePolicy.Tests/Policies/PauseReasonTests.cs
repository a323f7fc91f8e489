// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using ServicePolicy.Policies;
using Xunit;

namespace ServicePolicy.Tests.Policies;

public class PauseReasonTests
{
    [Fact]
    public void Default_IsWaitingOnCustomer()
    {
        Assert.Equal(PauseReason.WaitingOnCustomer, default);
        Assert.Equal("WaitingOnCustomer", default(PauseReason).Name);
        Assert.True(default(PauseReason).IsBuiltIn);
    }

    [Fact]
    public void Create_BuiltInNames_GiveTheBuiltInValues()
    {
        Assert.Equal(PauseReason.WaitingOnCustomer, PauseReason.Create("WaitingOnCustomer"));
        Assert.Equal(PauseReason.WaitingOnThirdParty, PauseReason.Create("WaitingOnThirdParty"));
        Assert.True(PauseReason.Create("WaitingOnThirdParty").IsBuiltIn);
        Assert.False(PauseReason.Create("WaitingOnVendor").IsBuiltIn);
    }

    [Fact]
    public void Equality_IsOrdinalEqualityOfTheName()
    {
        PauseReason vendor = PauseReason.Create("WaitingOnVendor");
        PauseReason again = PauseReason.Create(new string("WaitingOnVendor".ToCharArray()));
        PauseReason other = PauseReason.Create("waitingOnVendor");

        Assert.True(vendor == again);
        Assert.False(vendor != again);
        Assert.True(vendor.Equals((object)again));
        Assert.Equal(vendor.GetHashCode(), again.GetHashCode());
        Assert.True(vendor != other);
        Assert.False(vendor.Equals(PauseReason.WaitingOnCustomer));
        Assert.False(vendor.Equals("WaitingOnVendor"));
        Assert.Equal("WaitingOnVendor", vendor.ToString());
    }

    [Theory]
    [InlineData("", "it is empty or white space")]
    [InlineData("  ", "it is empty or white space")]
    [InlineData(" vendor", "it starts or ends with white space")]
    [InlineData("vendor\t", "it starts or ends with white space")]
    [InlineData("on:hold", "it contains ':'")]
    [InlineData("waitingoncustomer", "it differs from the built-in reason 'WaitingOnCustomer' only in case")]
    [InlineData("WAITINGONTHIRDPARTY", "it differs from the built-in reason 'WaitingOnThirdParty' only in case")]
    public void Create_BadName_ThrowsSayingWhy(string name, string why)
    {
        ArgumentException e = Assert.Throws<ArgumentException>(() => PauseReason.Create(name));

        Assert.Equal("name", e.ParamName);
        Assert.Contains($"'{name}' is not a pause reason name: {why}", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_TooLongOrNull_Throws()
    {
        Assert.Contains("longer than 200 characters", Assert.Throws<ArgumentException>(() => PauseReason.Create(new string('x', 201))).Message, StringComparison.Ordinal);
        Assert.NotNull(PauseReason.Create(new string('x', 200)).Name);
        Assert.Equal("name", Assert.Throws<ArgumentNullException>(() => PauseReason.Create(null!)).ParamName);
    }
}
