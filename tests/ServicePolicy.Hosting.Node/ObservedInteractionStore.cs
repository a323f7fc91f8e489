// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using ServicePolicy.Hosting.Storage;

namespace ServicePolicy.Hosting.Node;

/// <summary>
/// The node's store, observed: after each committed write of the fact path or the timer path, the interaction's id and
/// the version written are appended to the node's versions file, so the tests can check that no version was written
/// twice (no interaction evaluated by two nodes at once). A write whose node is killed between the commit and the log
/// line is missing from the file; the tests bound those.
/// </summary>
internal sealed class ObservedInteractionStore(IInteractionStore inner, AppendOnlyLog versions) : IInteractionStore
{
    public Task InitializeAsync(CancellationToken cancellationToken) => inner.InitializeAsync(cancellationToken);

    public Task<NodaTime.Instant> GetCurrentInstantAsync(CancellationToken cancellationToken) => inner.GetCurrentInstantAsync(cancellationToken);

    public Task<InteractionRecord?> FindAsync(string interactionId, CancellationToken cancellationToken) => inner.FindAsync(interactionId, cancellationToken);

    public async Task<IReadOnlyList<InteractionRecord>> UpdateAsync(IReadOnlyList<string> interactionIds, InteractionUpdater updater, CancellationToken cancellationToken) =>
        Observe(await inner.UpdateAsync(interactionIds, updater, cancellationToken));

    public async Task<IReadOnlyList<InteractionRecord>> UpdateDueAsync(int maxCount, InteractionUpdater updater, CancellationToken cancellationToken) =>
        Observe(await inner.UpdateDueAsync(maxCount, updater, cancellationToken));

    public Task<QueuePage> QueryAsync(QueueQuery query, CancellationToken cancellationToken) => inner.QueryAsync(query, cancellationToken);

    private IReadOnlyList<InteractionRecord> Observe(IReadOnlyList<InteractionRecord> written)
    {
        versions.Append(written.Select(record => $"{record.Id}\t{record.Version}"));
        return written;
    }
}
