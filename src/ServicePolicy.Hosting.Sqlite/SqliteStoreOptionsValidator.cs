// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;
using System.Collections.Generic;
using System.IO;
using Microsoft.Extensions.Options;
using NodaTime;
using static System.FormattableString;

namespace ServicePolicy.Hosting.Sqlite;

/// <summary>Checks <see cref="SqliteStoreOptions"/>: every error names its configuration path and the value. Reports
/// only; builds nothing.</summary>
internal sealed class SqliteStoreOptionsValidator : IValidateOptions<SqliteStoreOptions>
{
    /// <summary>The longest busy timeout allowed.</summary>
    internal static readonly Duration MaxBusyTimeout = Duration.FromHours(1);

    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, SqliteStoreOptions options)
    {
        IReadOnlyList<string> errors = Validate(options);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    /// <summary>Returns every error in the options; empty when they are valid.</summary>
    internal static IReadOnlyList<string> Validate(SqliteStoreOptions options)
    {
        var errors = new List<string>();
        const string Prefix = SqliteStoreOptions.SectionName + ":";
        string? dataSource = options.DataSource;
        if (string.IsNullOrWhiteSpace(dataSource))
        {
            errors.Add(Invariant($"{Prefix}{nameof(SqliteStoreOptions.DataSource)} is required: the path of the database file (for example '{SqliteStoreOptions.DefaultDataSource}'); '{dataSource}' is not one."));
        }
        else if (string.Equals(dataSource.Trim(), ":memory:", StringComparison.OrdinalIgnoreCase) || dataSource.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            errors.Add(Invariant($"{Prefix}{nameof(SqliteStoreOptions.DataSource)} must be the path of a file; '{dataSource}' is not (an in-memory database or URI would not be shared by the store's connections)."));
        }
        else if (FullPathError(dataSource) is { } error)
        {
            errors.Add(Invariant($"{Prefix}{nameof(SqliteStoreOptions.DataSource)} '{dataSource}' is not a usable file path: {error}"));
        }
        if (options.BusyTimeout <= Duration.Zero || options.BusyTimeout > MaxBusyTimeout)
        {
            errors.Add(Invariant($"{Prefix}{nameof(SqliteStoreOptions.BusyTimeout)} must be positive and at most {MaxBusyTimeout} (one hour); it is {options.BusyTimeout}."));
        }
        return errors;
    }

    /// <summary>Resolves a data source against the current directory.</summary>
    internal static string FullPath(string dataSource) => Path.GetFullPath(dataSource);

    private static string? FullPathError(string dataSource)
    {
        string full;
        try
        {
            if (dataSource.Contains('\0', StringComparison.Ordinal))
            {
                return "it contains a NUL character.";
            }
            full = FullPath(dataSource);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException or IOException or System.Security.SecurityException)
        {
            return e.Message;
        }
        if (Directory.Exists(full))
        {
            return $"'{full}' is a directory.";
        }
        return null;
    }
}
