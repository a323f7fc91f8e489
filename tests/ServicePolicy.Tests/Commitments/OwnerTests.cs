// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using ServicePolicy.Commitments;
using Xunit;

namespace ServicePolicy.Tests.Commitments;

public class OwnerTests
{
    [Fact]
    public void Person_And_Team_HaveKindIdAndText()
    {
        Owner alice = Owner.Person("alice");
        Owner billing = Owner.Team("billing");
        Assert.Equal(OwnerKind.Person, alice.Kind);
        Assert.Equal("alice", alice.Id);
        Assert.Equal(OwnerKind.Team, billing.Kind);
        Assert.Equal("person:alice", alice.ToString());
        Assert.Equal("team:billing", billing.ToString());
    }

    [Fact]
    public void Equals_ComparesKindAndIdOrdinally()
    {
        Assert.Equal(Owner.Person("alice"), Owner.Person("alice"));
        Assert.Equal(Owner.Person("alice").GetHashCode(), Owner.Person("alice").GetHashCode());
        Assert.NotEqual(Owner.Person("alice"), Owner.Team("alice"));
        Assert.NotEqual(Owner.Person("alice"), Owner.Person("Alice"));
        Assert.False(Owner.Person("alice").Equals(null));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Person_EmptyId_Throws(string id)
    {
        var e = Assert.Throws<ArgumentException>(() => Owner.Person(id));
        Assert.Equal("id", e.ParamName);
    }

    [Fact]
    public void Team_NullId_Throws()
    {
        var e = Assert.Throws<ArgumentNullException>(() => Owner.Team(null!));
        Assert.Equal("id", e.ParamName);
    }
}
