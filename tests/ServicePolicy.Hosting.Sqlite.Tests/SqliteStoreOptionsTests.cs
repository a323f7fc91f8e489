// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using NodaTime;
using Xunit;

namespace ServicePolicy.Hosting.Sqlite.Tests;

public sealed class SqliteStoreOptionsTests
{
    [Fact]
    public void Ctor_EnsureDefaultValues()
    {
        var options = new SqliteStoreOptions();
        Assert.Equal(("servicepolicy.db", Duration.FromSeconds(30), (IClock?)null), (options.DataSource, options.BusyTimeout, options.Clock));
        Assert.Equal("ServicePolicy:Hosting:Sqlite", SqliteStoreOptions.SectionName);
        Assert.Empty(SqliteStoreOptionsValidator.Validate(options));
    }

    [Fact]
    public void Validate_TheLongestBusyTimeout_IsAllowed()
    {
        var options = new SqliteStoreOptions { BusyTimeout = Duration.FromHours(1) };

        Assert.Empty(SqliteStoreOptionsValidator.Validate(options));
        Assert.True(new SqliteStoreOptionsValidator().Validate(null, options).Succeeded);
        Assert.True(new SqliteStoreOptionsValidator().Validate(null, new SqliteStoreOptions { DataSource = "" }).Failed);
    }

    public static TheoryData<string, long, string, string> InvalidOptions => new()
    {
        { "", 30, "ServicePolicy:Hosting:Sqlite:DataSource is required", "'' is not one" },
        { "   ", 30, "ServicePolicy:Hosting:Sqlite:DataSource is required", "'   ' is not one" },
        { ":memory:", 30, "ServicePolicy:Hosting:Sqlite:DataSource must be the path of a file", "':memory:'" },
        { "file:store.db?mode=memory", 30, "ServicePolicy:Hosting:Sqlite:DataSource must be the path of a file", "'file:store.db?mode=memory'" },
        { "bad\0name.db", 30, "ServicePolicy:Hosting:Sqlite:DataSource 'bad\0name.db' is not a usable file path", "NUL" },
        { "store.db", 0, "ServicePolicy:Hosting:Sqlite:BusyTimeout must be positive and at most 0:01:00:00", "it is 0:00:00:00" },
        { "store.db", -5, "ServicePolicy:Hosting:Sqlite:BusyTimeout must be positive", "it is -0:00:00:05" },
        { "store.db", 3601, "ServicePolicy:Hosting:Sqlite:BusyTimeout must be positive", "it is 0:01:00:01" },
    };

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public void Validate_InvalidOptions_NameThePathAndTheValue(string dataSource, long busySeconds, string error, string value)
    {
        var options = new SqliteStoreOptions { DataSource = dataSource, BusyTimeout = Duration.FromSeconds(busySeconds) };

        string message = Assert.Single(SqliteStoreOptionsValidator.Validate(options));
        Assert.Contains(error, message, StringComparison.Ordinal);
        Assert.Contains(value, message, StringComparison.Ordinal);

        var thrown = Assert.Throws<ArgumentException>(() => new SqliteInteractionStore(options));
        Assert.Equal("options", thrown.ParamName);
        Assert.Contains(message, thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ADirectory_IsNotADataSource()
    {
        using var database = new TempDatabase();
        Directory.CreateDirectory(database.Directory);
        string message = Assert.Single(SqliteStoreOptionsValidator.Validate(new SqliteStoreOptions { DataSource = database.Directory }));
        Assert.Equal($"ServicePolicy:Hosting:Sqlite:DataSource '{database.Directory}' is not a usable file path: '{database.Directory}' is a directory.", message);
    }

    [Fact]
    public void Validate_EveryError_IsReported()
    {
        Assert.Equal(2, SqliteStoreOptionsValidator.Validate(new SqliteStoreOptions { DataSource = "", BusyTimeout = Duration.Zero }).Count);
    }

    [Fact]
    public void Ctor_RelativeDataSource_IsResolvedAgainstTheCurrentDirectory()
    {
        using var store = new SqliteInteractionStore(new SqliteStoreOptions { DataSource = Path.Combine("data", "desk.db") });
        Assert.Equal(Path.Combine(Directory.GetCurrentDirectory(), "data", "desk.db"), store.DatabasePath);
        Assert.False(File.Exists(store.DatabasePath));
    }

    [Fact]
    public void Ctor_NullOptions_Throws()
    {
        Assert.Equal("options", Assert.Throws<ArgumentNullException>(() => new SqliteInteractionStore(null!)).ParamName);
    }
}
