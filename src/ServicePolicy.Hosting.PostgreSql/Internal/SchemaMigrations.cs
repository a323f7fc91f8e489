// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System.Collections.Generic;

namespace ServicePolicy.Hosting.PostgreSql.Internal;

/// <summary>
/// The store's schema, as the migrations that build it: migration <c>n</c> takes a schema at version <c>n - 1</c> to
/// version <c>n</c>. A migration is never edited once released; a change is a new migration at the end. <c>{schema}</c>
/// stands for the quoted schema name.
/// </summary>
internal static class SchemaMigrations
{
    /// <summary>The migrations in order; the last one's number is <see cref="LatestVersion"/>.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        // 1: interactions and the outbox. Instants are bigint nanoseconds since the Unix epoch (NanosecondInstants);
        // ids and keys sort by byte order (COLLATE "C"), the ordinal order of the contract.
        """
        CREATE TABLE {schema}.interactions (
            id              text COLLATE "C" PRIMARY KEY,
            version         bigint NOT NULL CHECK (version >= 1),
            timeline        text NOT NULL,
            state           integer NOT NULL,
            deadline_ns     bigint NULL,
            owner           text NOT NULL,
            policy          text NULL,
            evaluated_at_ns bigint NOT NULL,
            failure         text NULL,
            next_change_ns  bigint NULL
        );
        -- The timer path: due interactions, earliest first; only rows with a wake-up are in the index.
        CREATE INDEX interactions_due ON {schema}.interactions (next_change_ns, id) WHERE next_change_ns IS NOT NULL;
        -- The queue by state, in deadline order (rows without a deadline last).
        CREATE INDEX interactions_queue ON {schema}.interactions (state, deadline_ns, id);
        -- The queue of open interactions due before an instant.
        CREATE INDEX interactions_open_by_deadline ON {schema}.interactions (deadline_ns, id)
            WHERE state IN (0, 1, 2, 3) AND deadline_ns IS NOT NULL;

        CREATE TABLE {schema}.outbox (
            key             text COLLATE "C" PRIMARY KEY,
            interaction_id  text COLLATE "C" NOT NULL,
            kind            integer NOT NULL,
            due_at_ns       bigint NOT NULL,
            payload         text NOT NULL,
            state           integer NOT NULL,
            leases          integer NOT NULL DEFAULT 0,
            leased_by       text NULL,
            lease_until_ns  bigint NULL,
            last_error      text NULL,
            created_at_ns   bigint NOT NULL,
            sent_at_ns      bigint NULL
        );
        -- Leasing: pending entries, earliest due first.
        CREATE INDEX outbox_pending ON {schema}.outbox (due_at_ns, key) WHERE state = 0;
        -- Dead letters and sent entries listed by key use the primary key with a filter; dead letters are few.
        CREATE INDEX outbox_dead_letters ON {schema}.outbox (key) WHERE state = 2;
        """,
    ];

    /// <summary>The newest schema version this package knows.</summary>
    public static int LatestVersion => All.Count;
}
