// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using Xunit;

namespace ServicePolicy.Hosting.PostgreSql.Tests.Infrastructure;

/// <summary>The tests that share one PostgreSQL server (<see cref="PostgreSqlFixture"/>); each test works in a schema of
/// its own.</summary>
[CollectionDefinition(Name)]
public sealed class PostgreSqlCollection : ICollectionFixture<PostgreSqlFixture>
{
    public const string Name = "PostgreSQL";
}
