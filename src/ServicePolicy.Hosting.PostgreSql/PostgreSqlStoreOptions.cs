// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using NodaTime;
using ServicePolicy.Internal;

namespace ServicePolicy.Hosting.PostgreSql;

/// <summary>
/// Options of <see cref="PostgreSqlInteractionStore"/>, bound from the configuration section
/// <c>ServicePolicy:Hosting:PostgreSql</c> (<see cref="SectionName"/>).
/// </summary>
[Mutable]
public sealed class PostgreSqlStoreOptions
{
    /// <summary>The configuration section the options are bound from.</summary>
    public const string SectionName = "ServicePolicy:Hosting:PostgreSql";

    /// <summary>The schema used when <see cref="Schema"/> is not set.</summary>
    public const string DefaultSchema = "servicepolicy";

    /// <summary>Gets or sets the Npgsql connection string (<c>Host=db;Port=5432;Database=desk;Username=desk;Password=...</c>).
    /// Required. Error messages name its host, port, database and user, never its password.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Gets or sets the PostgreSQL schema that holds the store's tables: lower-case letters, digits and
    /// underscores, starting with a letter or underscore, at most 63 characters. Defaults to <see cref="DefaultSchema"/>.
    /// Several stores (several desks, or tests) can share one database under different schemas.</summary>
    public string Schema { get; set; } = DefaultSchema;

    /// <summary>Gets or sets a clock that replaces the database's, for tests. Leave null in production: the store then
    /// reads <c>clock_timestamp()</c> in SQL, so that every node wakes interactions and leases the outbox by one clock and
    /// no node's clock skew can fire anything early.</summary>
    public IClock? Clock { get; set; }
}
