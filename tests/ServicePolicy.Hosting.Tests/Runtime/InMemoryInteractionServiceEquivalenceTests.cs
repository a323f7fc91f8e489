// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using NodaTime;
using ServicePolicy.Hosting.Storage;

namespace ServicePolicy.Hosting.Tests.Runtime;

public sealed class InMemoryInteractionServiceEquivalenceTests : InteractionServiceEquivalenceTests
{
    protected override int MaxTest => 200;

    protected override Task<IRuntimeStore> CreateStoreAsync(IClock clock) => Task.FromResult<IRuntimeStore>(new Under(new InMemoryInteractionStore(clock)));

    private sealed class Under(InMemoryInteractionStore store) : IRuntimeStore
    {
        public IInteractionStore Interactions => store;

        public IOutboxStore Outbox => store;

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
