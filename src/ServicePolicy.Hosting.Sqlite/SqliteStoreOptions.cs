// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using NodaTime;
using ServicePolicy.Internal;

namespace ServicePolicy.Hosting.Sqlite;

/// <summary>
/// Where the SQLite store keeps its file and how long a writer waits for another: configuration section
/// <c>ServicePolicy:Hosting:Sqlite</c>.
/// </summary>
/// <remarks>Mutable options POCO; the defaults make a store in <c>servicepolicy.db</c> in the current directory that
/// waits up to 30 seconds for another writer and reads the machine's clock.</remarks>
[Mutable]
public sealed class SqliteStoreOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "ServicePolicy:Hosting:Sqlite";

    /// <summary>The default database file.</summary>
    public const string DefaultDataSource = "servicepolicy.db";

    /// <summary>Gets or sets the path of the database file. A relative path is resolved against the process's current
    /// directory when the store is created (for <c>dotnet run</c>, the project's directory; for a generic host, its
    /// default content root). The file, and any missing directory on its path, is created on first start.</summary>
    /// <value>A file path; not empty, not <c>:memory:</c>, not a directory. Default: <c>servicepolicy.db</c>.</value>
    public string DataSource { get; set; } = DefaultDataSource;

    /// <summary>Gets or sets how long an operation waits for the database while another writer (in this process or
    /// another) holds it, before it fails with SQLite's "database is locked".</summary>
    /// <value>Positive, at most one hour; configuration text in NodaTime's duration format <c>D:hh:mm:ss</c>
    /// (<c>0:00:00:30</c>). Default: 30 seconds.</value>
    public Duration BusyTimeout { get; set; } = Duration.FromSeconds(30);

    /// <summary>Gets or sets the store's clock: the "database clock" that decides what is due and when leases end.
    /// SQLite runs on one machine, so its clock is the machine's; tests set a <c>FakeClock</c>. Not bound from
    /// configuration.</summary>
    /// <value>A clock, or null for the container's <see cref="IClock"/> (when registered through
    /// <c>AddServicePolicySqliteStore</c>) or else the system clock. Default: null.</value>
    public IClock? Clock { get; set; }
}
