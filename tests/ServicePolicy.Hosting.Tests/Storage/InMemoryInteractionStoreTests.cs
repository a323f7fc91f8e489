// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using ServicePolicy.Hosting.Storage;

namespace ServicePolicy.Hosting.Tests.Storage;

public sealed class InMemoryInteractionStoreTests : StoreContractTests
{
    protected override Task<IStoreUnderTest> CreateStoreAsync() => Task.FromResult<IStoreUnderTest>(new Under(new InMemoryInteractionStore(Clock)));

    private sealed class Under(InMemoryInteractionStore store) : IStoreUnderTest
    {
        public IInteractionStore Interactions => store;

        public IOutboxStore Outbox => store;

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
