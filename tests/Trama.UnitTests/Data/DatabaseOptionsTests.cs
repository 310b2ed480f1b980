using Microsoft.Extensions.Configuration;
using Trama.Web.Data;

namespace Trama.UnitTests.Data;

public sealed class DatabaseOptionsTests
{
    private static DatabaseOptions Read(params (string Key, string Value)[] settings) =>
        DatabaseOptions.From(
            new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build(),
            "/srv/trama");

    [Fact]
    public void Defaults_AreSqliteInTheDataFolderWithForeignKeys()
    {
        var options = Read();
        Assert.Equal(DatabaseProvider.Sqlite, options.Provider);
        Assert.Equal("/srv/trama/data", options.DataDirectory);
        Assert.Contains("Data Source=/srv/trama/data/trama.db", options.ConnectionString, StringComparison.Ordinal);
        Assert.Contains("Foreign Keys=True", options.ConnectionString, StringComparison.Ordinal);
    }

    [Fact]
    public void DataDirectory_IsConfigurable()
    {
        Assert.Equal("/var/lib/trama", Read(("Trama:DataDirectory", "/var/lib/trama")).DataDirectory);
    }

    [Fact]
    public void Postgres_WithoutConnectionString_IsRefusedWithAClearMessage()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Read(("Database:Provider", "Postgres")));
        Assert.Contains("ConnectionStrings:Trama", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Postgres_ProviderNameIsCaseInsensitive()
    {
        var options = Read(("Database:Provider", "postgres"), ("ConnectionStrings:Trama", "Host=db;Database=trama"));
        Assert.Equal(DatabaseProvider.Postgres, options.Provider);
        Assert.StartsWith("Host=db;Database=trama", options.ConnectionString, StringComparison.Ordinal);
    }

    [Fact]
    public void Postgres_PreparesFrequentStatements_UnlessTheConnectionStringSaysOtherwise()
    {
        static Npgsql.NpgsqlConnectionStringBuilder Built(string connectionString) =>
            new(Read(("Database:Provider", "Postgres"), ("ConnectionStrings:Trama", connectionString)).ConnectionString);
        static int AutoPrepared(string connectionString) => Built(connectionString).MaxAutoPrepare;

        Assert.Equal(DatabaseOptions.AutoPreparedStatements, AutoPrepared("Host=db;Database=trama;Password='s3;cret'"));
        Assert.Equal("s3;cret", Built("Host=db;Database=trama;Password='s3;cret'").Password);
        Assert.Equal(0, AutoPrepared("Host=db;Database=trama;Max Auto Prepare=0"));
        Assert.Equal(20, AutoPrepared("Host=db;Database=trama;maxautoprepare=20"));
    }

    [Fact]
    public void UnknownProvider_IsRefused()
    {
        Assert.Throws<InvalidOperationException>(() => Read(("Database:Provider", "Oracle")));
    }
}
