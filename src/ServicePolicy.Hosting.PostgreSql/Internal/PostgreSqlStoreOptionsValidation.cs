// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using Npgsql;

namespace ServicePolicy.Hosting.PostgreSql.Internal;

/// <summary>Checks <see cref="PostgreSqlStoreOptions"/>; every message names the configuration path of the bad value and
/// never shows the connection string (it may hold a password).</summary>
internal static partial class PostgreSqlStoreOptionsValidation
{
    private const string ConnectionStringPath = PostgreSqlStoreOptions.SectionName + ":" + nameof(PostgreSqlStoreOptions.ConnectionString);
    private const string SchemaPath = PostgreSqlStoreOptions.SectionName + ":" + nameof(PostgreSqlStoreOptions.Schema);

    public static List<string> Validate(PostgreSqlStoreOptions options)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            errors.Add($"{ConnectionStringPath} is required: the Npgsql connection string of the database the nodes share (Host=...;Database=...;Username=...).");
        }
        else if (Parse(options.ConnectionString) is null)
        {
            errors.Add($"{ConnectionStringPath} is not a valid Npgsql connection string, or names no Host (the value is not shown: it may hold a password).");
        }
        if (options.Schema is null || !SchemaName().IsMatch(options.Schema))
        {
            errors.Add($"{SchemaPath} '{options.Schema}' is not a schema name the store accepts: lower-case letters, digits and underscores, starting with a letter or underscore, at most 63 characters (default '{PostgreSqlStoreOptions.DefaultSchema}').");
        }
        return errors;
    }

    public static NpgsqlConnectionStringBuilder? Parse(string connectionString)
    {
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            return string.IsNullOrWhiteSpace(builder.Host) ? null : builder;
        }
        catch (ArgumentException)
        {
            return null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>Where a connection string points, without its password: for error messages.</summary>
    public static string Describe(NpgsqlConnectionStringBuilder builder) =>
        $"host {builder.Host}, port {builder.Port}, database {builder.Database ?? "(default)"}, user {builder.Username ?? "(default)"}";

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex SchemaName();
}
