// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using NodaTime;
using Npgsql;
using Polly;
using Polly.Retry;
using ServicePolicy.Hosting.PostgreSql.Internal;
using ServicePolicy.Hosting.Storage;
using ServicePolicy.Internal;

namespace ServicePolicy.Hosting.PostgreSql;

/// <summary>
/// The PostgreSQL store: any number of identical nodes share one database and nothing else. Interactions are locked
/// per transaction (fact path), due interactions are claimed with <c>FOR UPDATE SKIP LOCKED</c> (timer path), outbox
/// entries are leased by the database's clock, and the schema is migrated under an advisory lock. See
/// <c>docs/hosting-postgresql.md</c>.
/// </summary>
/// <remarks>
/// <para>Thread-safe; one instance per process, over its own <see cref="NpgsqlDataSource"/> (connection pool), which
/// it disposes.</para>
/// <para>A transaction that fails with a serialization failure or a deadlock (SQLSTATE 40001, 40P01), or loses its
/// connection before it commits, is retried from the start on a new connection, a few times with backoff (Polly), so
/// the caller's <see cref="InteractionUpdater"/> may be called again; the contract allows it. A connection lost while
/// committing is not retried (the commit may have happened): the error reaches the caller.</para>
/// </remarks>
[Mutable]
public sealed partial class PostgreSqlInteractionStore : IInteractionStore, IOutboxStore, IAsyncDisposable, IDisposable
{
    private static readonly ResiliencePropertyKey<bool> CommitStarted = new("ServicePolicy.PostgreSql.CommitStarted");

    private readonly NpgsqlDataSource dataSource;
    private readonly IClock? clock;
    private readonly string schema;
    private readonly string target;
    private readonly long lockSeed;
    private readonly ResiliencePipeline pipeline;

    /// <summary>Creates a store over a new connection pool for <see cref="PostgreSqlStoreOptions.ConnectionString"/>.
    /// Nothing is read or written until <see cref="InitializeAsync"/>.</summary>
    /// <param name="options">The options.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">The options are not valid; the message names each bad option's configuration
    /// path.</exception>
    public PostgreSqlInteractionStore(PostgreSqlStoreOptions options)
    {
        Preconditions.CheckNotNull(options);
        List<string> errors = PostgreSqlStoreOptionsValidation.Validate(options);
        Preconditions.CheckArgument(errors.Count == 0, nameof(options), string.Join(Environment.NewLine, errors));
        NpgsqlConnectionStringBuilder builder = PostgreSqlStoreOptionsValidation.Parse(options.ConnectionString!)!;
        target = PostgreSqlStoreOptionsValidation.Describe(builder);
        dataSource = NpgsqlDataSource.Create(builder);
        clock = options.Clock;
        schema = "\"" + options.Schema + "\"";
        lockSeed = StableHash(options.Schema);
        pipeline = new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = args => ValueTask.FromResult(IsRetryable(args.Outcome.Exception, args.Context)),
                MaxRetryAttempts = 5,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(20),
            })
            .Build();
    }

    /// <summary>Gets the newest schema version this package knows (and <see cref="InitializeAsync"/> migrates to).</summary>
    public static int SchemaVersion => SchemaMigrations.LatestVersion;

    /// <inheritdoc/>
    /// <remarks>Under a transaction-scoped advisory lock, so that nodes starting together migrate once: creates the
    /// schema and its <c>schema_version</c> table when missing and applies each migration the database lacks, in one
    /// transaction.</remarks>
    /// <exception cref="NpgsqlException">The database cannot be reached; the message names its host, port, database and
    /// user (never the password).</exception>
    public Task InitializeAsync(CancellationToken cancellationToken) =>
        RunAsync(async (connection, context, ct) =>
        {
            await using NpgsqlTransaction transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
            await SchemaMigrator.MigrateAsync(connection, transaction, schema, ct).ConfigureAwait(false);
            await CommitAsync(transaction, context, ct).ConfigureAwait(false);
            return true;
        }, cancellationToken);

    /// <inheritdoc/>
    public Task<Instant> GetCurrentInstantAsync(CancellationToken cancellationToken)
    {
        if (clock is not null)
        {
            return Task.FromResult(clock.GetCurrentInstant());
        }
        return RunAsync(async (connection, context, ct) =>
        {
            await using var command = new NpgsqlCommand("SELECT " + NanosecondInstants.DatabaseClockSql, connection);
            return NanosecondInstants.FromNanoseconds((long)(await command.ExecuteScalarAsync(ct).ConfigureAwait(false))!);
        }, cancellationToken);
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => dataSource.DisposeAsync();

    /// <inheritdoc/>
    public void Dispose() => dataSource.Dispose();

    private string Table(string name) => schema + "." + name;

    /// <summary>The instant a statement runs at, as SQL: the database's clock, or the test clock's instant as a literal
    /// (an integer, so nothing can be injected).</summary>
    private string NowSql() => clock is null
        ? NanosecondInstants.DatabaseClockSql
        : "(" + NanosecondInstants.ToNanoseconds(clock.GetCurrentInstant(), "the test clock's instant").ToString(System.Globalization.CultureInfo.InvariantCulture) + "::bigint)";

    /// <summary>Runs one attempt after another until one succeeds or fails for good; each attempt has a connection of its
    /// own.</summary>
    private async Task<T> RunAsync<T>(Func<NpgsqlConnection, ResilienceContext, CancellationToken, Task<T>> body, CancellationToken cancellationToken)
    {
        ResilienceContext context = ResilienceContextPool.Shared.Get(cancellationToken);
        try
        {
            return await pipeline.ExecuteAsync(
                static async (ctx, state) =>
                {
                    ctx.Properties.Set(CommitStarted, false);
                    await using NpgsqlConnection connection = await state.Store.OpenAsync(ctx.CancellationToken).ConfigureAwait(false);
                    return await state.Body(connection, ctx, ctx.CancellationToken).ConfigureAwait(false);
                },
                context,
                (Store: this, Body: body)).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private static async Task CommitAsync(NpgsqlTransaction transaction, ResilienceContext context, CancellationToken cancellationToken)
    {
        context.Properties.Set(CommitStarted, true);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is NpgsqlException or SocketException or IOException or TimeoutException)
        {
            throw new NpgsqlException($"Cannot connect to PostgreSQL ({target}; from {PostgreSqlStoreOptions.SectionName}:ConnectionString): {e.Message}", e);
        }
    }

    private static bool IsRetryable(Exception? exception, ResilienceContext context)
    {
        if (exception is PostgresException { SqlState: PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected })
        {
            return true; // The transaction rolled back, whether or not COMMIT was sent.
        }
        if (context.Properties.GetValue(CommitStarted, false))
        {
            return false; // The commit may have happened: retrying could write twice.
        }
        return exception switch
        {
            PostgresException { SqlState: PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow } => true,
            PostgresException => false,
            NpgsqlException npgsql => npgsql.IsTransient,
            _ => false,
        };
    }

    /// <summary>FNV-1a of the schema name: the seed of the interactions' advisory-lock keys, so that two stores in
    /// different schemas of one database do not wait on each other's ids (stable across processes, unlike
    /// <see cref="string.GetHashCode()"/>).</summary>
    private static long StableHash(string text)
    {
        ulong hash = 14695981039346656037UL;
        foreach (char c in text)
        {
            hash = unchecked((hash ^ c) * 1099511628211UL);
        }
        return unchecked((long)hash);
    }
}
