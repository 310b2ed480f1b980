using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Trama.Web.Data;
using Trama.Web.Data.Postgres;
using Trama.Web.Data.Sqlite;

namespace Trama.Benchmark.Dataset;

/// Where a scale's database lives, and making it: the app itself migrates and seeds the demo, then
/// the generator grows it. A database already holding the same scale and seed is used again.
public sealed record Datasets(string Root, Scale Scale, int Seed, bool Fresh)
{
    /// Bumped whenever the generator writes different rows, so an old dataset is not taken for a new one.
    private const int GeneratorVersion = 2;

    private string Key => string.Create(CultureInfo.InvariantCulture, $"{Scale.Name}:{Seed}:v{GeneratorVersion}");

    /// The app's settings for a database: its data folder (SQLite) or its connection string (PostgreSQL).
    public sealed record Target(string Database, string DataDirectory, string? Connection)
    {
        public AppDbContext Context() => Database == "Postgres"
            ? new PostgresAppDbContext(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql(Connection).Options)
            : new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite($"Data Source={Path.Combine(DataDirectory, "trama.db")}").Options);
    }

    public async Task<Target> PrepareAsync(string appDll, string database, string? serverConnection)
    {
        var directory = Path.Combine(Root, "artifacts", "bench", $"{Scale.Name}-{database}".ToLowerInvariant());
        Target target;
        if (database == "Postgres")
        {
            var name = $"trama_bench_{Scale.Name}".ToLowerInvariant();
            var builder = new NpgsqlConnectionStringBuilder(serverConnection) { Database = name };
            target = new Target(database, directory, builder.ConnectionString);
            if (!Fresh && !Scale.IsDemoOnly && await HoldsAsync(target))
            {
                Console.WriteLine($"   dataset {Key} already in database {name}: used again (--fresh to make it anew)");
                return target;
            }

            await using var server = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(serverConnection) { Database = "postgres" }.ConnectionString);
            await server.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", server);
            await drop.ExecuteNonQueryAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", server);
            await create.ExecuteNonQueryAsync();
        }
        else
        {
            target = new Target(database, directory, null);
            if (!Fresh && !Scale.IsDemoOnly && File.Exists(Path.Combine(directory, "trama.db")) && await HoldsAsync(target))
            {
                Console.WriteLine($"   dataset {Key} already in {directory}: used again (--fresh to make it anew)");
                return target;
            }

            SqliteConnection.ClearAllPools();
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }

            Directory.CreateDirectory(directory);
        }

        // The app makes its own schema and demo data, as on any first start.
        await using (var app = await RunningApp.StartAsync(appDll, target, ceilings: false))
        {
            Console.WriteLine($"   demo data loaded by the app in {app.StartupSeconds:0.0} s");
        }

        if (!Scale.IsDemoOnly)
        {
            Console.WriteLine($"   generating scale {Scale.Name} (seed {Seed})");
            await using var db = target.Context();
            var generator = new Generator(db, Scale, Seed, Trama.Web.Infrastructure.ItalianTime.Today(TimeProvider.System), new Progress(Generator.ExpectedRows(Scale)));
            await generator.GenerateAsync();
            await db.Database.ExecuteSqlRawAsync("""CREATE TABLE IF NOT EXISTS "BenchmarkDataset" ("Key" VARCHAR(100) NOT NULL)""");
            await db.Database.ExecuteSqlRawAsync("""DELETE FROM "BenchmarkDataset" """);
            await db.Database.ExecuteSqlAsync($"""INSERT INTO "BenchmarkDataset" ("Key") VALUES ({Key})""");
        }

        if (database == "Sqlite")
        {
            SqliteConnection.ClearAllPools();
        }

        return target;
    }

    private async Task<bool> HoldsAsync(Target target)
    {
        try
        {
            await using var db = target.Context();
            var keys = await db.Database.SqlQueryRaw<string>("""SELECT "Key" AS "Value" FROM "BenchmarkDataset" """).ToListAsync();
            return keys.Contains(Key);
        }
        catch (Exception e) when (e is SqliteException or PostgresException or NpgsqlException or InvalidOperationException)
        {
            return false;
        }
    }
}
