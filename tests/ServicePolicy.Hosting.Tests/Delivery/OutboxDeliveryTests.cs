// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using NodaTime;
using ServicePolicy.Hosting.Delivery;
using ServicePolicy.Hosting.Storage;
using Xunit;

namespace ServicePolicy.Hosting.Tests.Delivery;

/// <summary>A delivery as a channel's own tests build it: its arguments are checked and named.</summary>
public class OutboxDeliveryTests
{
    private static readonly Instant DueAt = Instant.FromUtc(2026, 3, 2, 9, 0);

    [Fact]
    public void Ctor_KeepsEveryValue_AtTheSmallestAttemptAndLease()
    {
        var delivery = new OutboxDelivery("k1", "T-1", OutboxKind.Remedy, DueAt, "{}", 1, 1);

        Assert.Equal(("k1", "T-1", OutboxKind.Remedy, DueAt, "{}", 1, 1),
            (delivery.Key, delivery.InteractionId, delivery.Kind, delivery.DueAt, delivery.Payload, delivery.Attempt, delivery.Lease));
        Assert.Equal("Remedy k1 (lease 1, attempt 1)", delivery.ToString());
    }

    [Theory]
    [InlineData(OutboxKind.Escalation)]
    [InlineData(OutboxKind.Remedy)]
    public void Ctor_EveryDefinedKind_IsAccepted(OutboxKind kind) =>
        Assert.Equal(kind, new OutboxDelivery("k1", "T-1", kind, DueAt, "{}", 2, 3).Kind);

    [Theory]
    [InlineData(null, "T-1", "{}", "key")]
    [InlineData("k1", null, "{}", "interactionId")]
    [InlineData("k1", "T-1", null, "payload")]
    public void Ctor_NullText_IsRefusedWithItsName(string? key, string? interactionId, string? payload, string name) =>
        Assert.Equal(name, Assert.Throws<ArgumentNullException>(() => new OutboxDelivery(key!, interactionId!, OutboxKind.Escalation, DueAt, payload!, 1, 1)).ParamName);

    [Theory]
    [InlineData(-1, 1, 1, "kind")]
    [InlineData(3, 1, 1, "kind")]   // 2 is DelayNotice
    [InlineData(2, 0, 1, "attempt")]
    [InlineData(0, 0, 1, "attempt")]
    [InlineData(0, 1, 0, "lease")]
    public void Ctor_OutOfRangeNumber_IsRefusedWithItsName(int kind, int attempt, int lease, string name) =>
        Assert.Equal(name, Assert.Throws<ArgumentOutOfRangeException>(() => new OutboxDelivery("k1", "T-1", (OutboxKind)kind, DueAt, "{}", attempt, lease)).ParamName);
}
