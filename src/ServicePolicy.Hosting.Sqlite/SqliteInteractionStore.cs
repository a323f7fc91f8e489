// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using System.Globalization;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;
using NodaTime;
using NodaTime.Extensions;
using ServicePolicy.Hosting.Sqlite.Internal;
using ServicePolicy.Hosting.Storage;
using ServicePolicy.Internal;

namespace ServicePolicy.Hosting.Sqlite;

/// <summary>
/// The embedded default store: interactions and the outbox in one SQLite file, created and migrated on first use.
/// It keeps the same contract as every store (<see cref="IInteractionStore"/>, <see cref="IOutboxStore"/>); see
/// <c>docs/hosting-sqlite.md</c> for the schema, the migrations and what to back up.
/// </summary>
/// <remarks>
/// <para>Concurrency: the file is in WAL mode, so reads never wait for the writer. Every write runs in a
/// <c>BEGIN IMMEDIATE</c> transaction, which takes SQLite's one write lock at its start, so writers take turns
/// across threads and processes and a transaction never has to be retried; within one process, writers also queue on
/// a semaphore first, so they wait without polling. A writer of another process is waited for up to
/// <see cref="SqliteStoreOptions.BusyTimeout"/>. Several processes may open the same file on one machine (not over a
/// network file system, where SQLite's locks do not hold).</para>
/// <para>Connections: each operation opens a connection from Microsoft.Data.Sqlite's pool and returns it when done;
/// the commands of a write are prepared once and reused for every interaction in it, so a transaction with many
/// interactions (the fact path's grouping, the timer path's batch) costs one commit.</para>
/// <para>Time: <see cref="GetCurrentInstantAsync"/> reads <see cref="SqliteStoreOptions.Clock"/>, the machine's clock
/// unless one is given. Instants are stored as nanoseconds since 1970 in a 64-bit integer, exactly, from
/// 1677-09-21T00:12:43.145224192Z to 2262-04-11T23:47:16.854775807Z; a change with an instant outside that range is
/// refused with <see cref="ArgumentOutOfRangeException"/> and its transaction rolled back.</para>
/// <para>Order: ids and keys are compared by SQLite's BINARY collation, the byte order of their UTF-8 form. It is
/// <see cref="StringComparer.Ordinal"/>'s order except between characters above U+FFFF and those from U+E000 to
/// U+FFFF.</para>
/// <para>The first operation initializes the file if <see cref="InitializeAsync"/> was not called. Thread-safe.
/// Disposing the store releases its pooled connections; SQLite then folds the WAL back into the file.</para>
/// </remarks>
[Mutable]
public sealed partial class SqliteInteractionStore : IInteractionStore, IOutboxStore, IAsyncDisposable, IDisposable
{
    private readonly string connectionString;
    private readonly int busyTimeoutMilliseconds;
    private readonly IClock clock;
    private readonly SemaphoreSlim writeGate = new(1, 1);
    private readonly SemaphoreSlim initializeGate = new(1, 1);
    private volatile bool initialized;
    private int disposed;

    /// <summary>Creates a store on the file the options name. Nothing is opened until the first operation or
    /// <see cref="InitializeAsync"/>.</summary>
    /// <param name="options">The options; read once, here.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">The options are invalid; the message lists every error with its
    /// configuration path.</exception>
    public SqliteInteractionStore(SqliteStoreOptions options)
        : this(options, null)
    {
    }

    /// <summary>Creates a store whose clock, when the options name none, is <paramref name="fallbackClock"/> (the
    /// container's), else the system clock.</summary>
    internal SqliteInteractionStore(SqliteStoreOptions options, IClock? fallbackClock)
    {
        Preconditions.CheckNotNull(options);
        var errors = SqliteStoreOptionsValidator.Validate(options);
        if (errors.Count > 0)
        {
            Preconditions.ThrowArgument(nameof(options), string.Join(Environment.NewLine, errors));
        }
        DatabasePath = SqliteStoreOptionsValidator.FullPath(options.DataSource);
        busyTimeoutMilliseconds = checked((int)options.BusyTimeout.TotalMilliseconds);
        connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = DatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            // Microsoft.Data.Sqlite's own retry of a busy statement, in whole seconds; busy_timeout (below) waits first.
            DefaultTimeout = (int)Math.Ceiling(options.BusyTimeout.TotalSeconds),
        }.ToString();
        // SQLite is one machine: its clock is the machine's. The system clock is read through TimeProvider.System, as
        // everywhere in the library, unless the host or a test gives another.
        clock = options.Clock ?? fallbackClock ?? TimeProvider.System.ToClock();
    }

    /// <summary>Gets the full path of the database file.</summary>
    public string DatabasePath { get; }

    /// <summary>Gets the newest schema version this package knows (the database's <c>PRAGMA user_version</c> after
    /// <see cref="InitializeAsync"/>).</summary>
    public static int SchemaVersion => SqliteSchema.Version;

    /// <inheritdoc/>
    /// <remarks>Creates the file and any missing directory on its path, puts it in WAL mode and brings its schema to
    /// <see cref="SchemaVersion"/>. Processes that start at once on one file take turns; the second finds the work
    /// done. A file with a newer schema is refused and left unchanged. Calling it again does nothing.</remarks>
    /// <exception cref="StoreSchemaException">The file's schema is newer than this package's, or a migration
    /// failed.</exception>
    /// <exception cref="SqliteException">The file cannot be opened (no permission, not a database), or another
    /// writer held it longer than <see cref="SqliteStoreOptions.BusyTimeout"/>.</exception>
    /// <exception cref="IOException">A missing directory on the file's path cannot be created.</exception>
    /// <exception cref="UnauthorizedAccessException">A missing directory on the file's path may not be
    /// created.</exception>
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        ThrowIfDisposed();
        if (initialized)
        {
            return;
        }
        await initializeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (initialized)
            {
                return;
            }
            cancellationToken.ThrowIfCancellationRequested();
            string? directory = Path.GetDirectoryName(DatabasePath);
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }
            using SqliteConnection connection = Open();
            SqliteSchema.Migrate(connection, DatabasePath);
            initialized = true;
        }
        finally
        {
            initializeGate.Release();
        }
    }

    /// <inheritdoc/>
    public Task<Instant> GetCurrentInstantAsync(CancellationToken cancellationToken) => Task.FromResult(clock.GetCurrentInstant());

    /// <summary>Releases the store's pooled connections. Operations still running finish; later ones throw
    /// <see cref="ObjectDisposedException"/>.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 0)
        {
            using var connection = new SqliteConnection(connectionString);
            SqliteConnection.ClearPool(connection);
        }
    }

    /// <summary>Releases the store's pooled connections; see <see cref="Dispose"/>.</summary>
    /// <returns>A completed task.</returns>
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc/>
    public override string ToString() => $"SQLite store {DatabasePath}";

    /// <summary>Opens a pooled connection and sets how long SQLite waits for another writer.</summary>
    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            connection.Open();
            using SqliteCommand command = connection.CreateCommand();
            command.CommandText = string.Create(CultureInfo.InvariantCulture, $"PRAGMA busy_timeout = {busyTimeoutMilliseconds};");
            command.ExecuteNonQuery();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Opens a connection for a read, initializing the file first if needed.</summary>
    private async ValueTask<SqliteConnection> OpenForReadAsync(CancellationToken cancellationToken)
    {
        ThrowIfDisposed();
        if (!initialized)
        {
            await InitializeAsync(cancellationToken).ConfigureAwait(false);
        }
        cancellationToken.ThrowIfCancellationRequested();
        return Open();
    }

    /// <summary>Runs <paramref name="work"/> in a <c>BEGIN IMMEDIATE</c> transaction, after this process's other
    /// writers; commits when it returns, rolls back when it throws.</summary>
    private async Task<T> WriteAsync<T>(Func<SqliteConnection, SqliteTransaction, T> work, CancellationToken cancellationToken)
    {
        ThrowIfDisposed();
        if (!initialized)
        {
            await InitializeAsync(cancellationToken).ConfigureAwait(false);
        }
        await writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            using SqliteConnection connection = Open();
            using SqliteTransaction transaction = connection.BeginTransaction(deferred: false);
            T result = work(connection, transaction);
            transaction.Commit();
            return result;
        }
        finally
        {
            writeGate.Release();
        }
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(Volatile.Read(ref disposed) != 0, this);
}
