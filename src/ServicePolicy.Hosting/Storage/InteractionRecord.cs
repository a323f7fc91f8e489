// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using NodaTime;
using ServicePolicy.Internal;

namespace ServicePolicy.Hosting.Storage;

/// <summary>An interaction as a store holds it: its serialized timeline, the summary of its latest evaluation, the
/// instant it must be woken at, and a version that every write increases by one.</summary>
[Immutable]
public sealed class InteractionRecord
{
    /// <summary>Creates a record.</summary>
    /// <param name="id">The interaction id.</param>
    /// <param name="version">The version: 1 after the first write, one more after each write.</param>
    /// <param name="timeline">The timeline in its serialized form (see <c>docs/hosting.md</c>); opaque to the store.</param>
    /// <param name="summary">The summary of the latest evaluation.</param>
    /// <param name="nextChangeAt">When the evaluation changes next without a new fact; null when it never does.</param>
    /// <exception cref="System.ArgumentNullException">An argument is null.</exception>
    /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="version"/> is less than 1.</exception>
    public InteractionRecord(string id, long version, string timeline, InteractionSummary summary, Instant? nextChangeAt)
    {
        Id = Preconditions.CheckNotNull(id);
        if (version < 1)
        {
            Preconditions.ThrowArgumentOutOfRange(nameof(version), version, $"A stored version starts at 1; {version} is not one.");
        }
        Version = version;
        Timeline = Preconditions.CheckNotNull(timeline);
        Summary = Preconditions.CheckNotNull(summary);
        NextChangeAt = nextChangeAt;
    }

    /// <summary>Gets the interaction id.</summary>
    public string Id { get; }

    /// <summary>Gets the version: 1 after the first write, one more after each write.</summary>
    public long Version { get; }

    /// <summary>Gets the serialized timeline.</summary>
    public string Timeline { get; }

    /// <summary>Gets the summary of the latest evaluation.</summary>
    public InteractionSummary Summary { get; }

    /// <summary>Gets when the evaluation changes next without a new fact; null when it never does.</summary>
    public Instant? NextChangeAt { get; }

    /// <inheritdoc/>
    public override string ToString() => $"{Id} v{Version}: {Summary}";
}
