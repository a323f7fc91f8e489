// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using NodaTime;

namespace ServicePolicy.Hosting.Storage;

/// <summary>
/// Works out an interaction's change inside the store's transaction, while the store holds the interaction's lock.
/// It must be pure and quick (deserialize, append, evaluate): it runs with the row locked, and a store may call it
/// again if the transaction is retried.
/// </summary>
/// <param name="interactionId">The interaction's id.</param>
/// <param name="current">The stored record; null when the interaction is not stored yet.</param>
/// <param name="now">The store's clock (the database's, so that no node's clock skew matters) at the transaction.</param>
/// <returns>The change to write; null to write nothing for this interaction.</returns>
/// <remarks>An exception thrown here rolls back the whole transaction (every interaction in it) and reaches the
/// caller of the store.</remarks>
public delegate InteractionChange? InteractionUpdater(string interactionId, InteractionRecord? current, Instant now);
