// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using ServicePolicy.Hosting.Storage;
using ServicePolicy.Hosting.Telemetry;
using Xunit;

namespace ServicePolicy.Hosting.Tests.Telemetry;

public class OutboxKindTagTests
{
    [Theory]
    [InlineData(OutboxKind.Escalation, "escalation")]
    [InlineData(OutboxKind.Remedy, "remedy")]
    [InlineData(OutboxKind.DelayNotice, "delayNotice")]
    public void KindName_IsThePayloadsKind(OutboxKind kind, string name) => Assert.Equal(name, HostingMetrics.KindName(kind));

    [Fact]
    public void KindName_EveryKindHasItsOwnName() =>
        Assert.Equal(Enum.GetValues<OutboxKind>().Length, Enum.GetValues<OutboxKind>().Select(HostingMetrics.KindName).Distinct().Count());
}
