// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using System;

namespace ServicePolicy.Hosting.Storage;

/// <summary>The database's schema cannot be used by this version of the package: it is newer (written by a later
/// version), or a migration failed.</summary>
public sealed class StoreSchemaException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="databaseVersion">The schema version the database has.</param>
    /// <param name="supportedVersion">The newest schema version this package knows.</param>
    /// <param name="message">What is wrong and what to do.</param>
    /// <param name="innerException">The cause, if any.</param>
    public StoreSchemaException(int databaseVersion, int supportedVersion, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        DatabaseVersion = databaseVersion;
        SupportedVersion = supportedVersion;
    }

    /// <summary>Gets the schema version the database has.</summary>
    public int DatabaseVersion { get; }

    /// <summary>Gets the newest schema version this package knows.</summary>
    public int SupportedVersion { get; }
}
