using Microsoft.Data.Sqlite;
using Npgsql;

namespace Trama.IntegrationTests.Infrastructure;

/// A real, empty database of the configured engine, owned by one test app and removed after it.
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? postgresName;

    private TestDatabase(string provider, string connectionString, string dataDirectory, string? postgresName)
    {
        Provider = provider;
        ConnectionString = connectionString;
        DataDirectory = dataDirectory;
        this.postgresName = postgresName;
    }

    public string Provider { get; }

    public string ConnectionString { get; }

    public string DataDirectory { get; }

    public static async Task<TestDatabase> CreateAsync(string? provider = null)
    {
        provider ??= TestEnvironment.DatabaseProvider;
        var dataDirectory = Path.Combine(TestEnvironment.TempRoot, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataDirectory);
        if (!string.Equals(provider, "Postgres", StringComparison.OrdinalIgnoreCase))
        {
            return new TestDatabase("Sqlite", $"Data Source={Path.Combine(dataDirectory, "trama.db")}", dataDirectory, null);
        }

        var admin = TestEnvironment.PostgresAdminConnection
            ?? throw new InvalidOperationException("TRAMA_TEST_POSTGRES is not set: run the suite through ./test.sh to get a PostgreSQL server.");
        var name = "trama_test_" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name };
        return new TestDatabase("Postgres", builder.ConnectionString, dataDirectory, name);
    }

    public async ValueTask DisposeAsync()
    {
        if (postgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(TestEnvironment.PostgresAdminConnection);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{postgresName}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
        else
        {
            SqliteConnection.ClearAllPools();
        }

        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open is left to the OS's temp cleanup; it holds only fictional data.
        }
    }
}
