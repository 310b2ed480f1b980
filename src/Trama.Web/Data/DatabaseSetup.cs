using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Trama.Web.Data.Postgres;
using Trama.Web.Data.Sqlite;
using Trama.Web.Infrastructure.Jobs;

namespace Trama.Web.Data;

public static class DatabaseSetup
{
    public static IServiceCollection AddTramaDatabase(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var options = DatabaseOptions.From(configuration, environment.ContentRootPath);
        services.AddSingleton(options);
        switch (options.Provider)
        {
            case DatabaseProvider.Sqlite:
                services.AddSingleton(sp =>
                {
                    var pooled = sp.GetRequiredService<DbContextOptions<SqliteAppDbContext>>();
                    return new SqliteConnections(options.ConnectionString, c => SqliteAppDbContext.DefineSqlFunctions(c, pooled));
                });
                services.AddScoped(sp => sp.GetRequiredService<SqliteConnections>().Rent());
                services.AddPooledDbContextFactory<SqliteAppDbContext>(o => AppDbContext.Configure(o.UseSqlite(options.ConnectionString)).AddInterceptors(PreparedStatements.Instance));
                services.AddScoped<AppDbContext>(sp =>
                {
                    // The lease first, so that the scope gives the context back before the connection.
                    var lease = sp.GetRequiredService<SqliteConnections.Lease>();
                    var db = Rent<SqliteAppDbContext>(sp);
                    db.Database.SetDbConnection(lease.Connection, contextOwnsConnection: false);
                    return db;
                });
                services.AddScheduledJob<PlannerStatisticsJob>();
                break;
            case DatabaseProvider.Postgres:
                services.AddPooledDbContextFactory<PostgresAppDbContext>(o => AppDbContext.Configure(o.UseNpgsql(options.ConnectionString)));
                services.AddScoped<AppDbContext>(Rent<PostgresAppDbContext>);
                break;
        }

        services.AddHealthChecks()
            .AddCheck<DatabaseReadyHealthCheck>("database", tags: ["ready"]);
        return services;
    }

    /// A context from the pool, as a request's scope would make one afresh: EF's own state is reset
    /// when a context goes back, and this is the app's. Building a context's services cost 7.7 %
    /// of the server's time on a project's budget page (`perf`, scale M, one user).
    private static TContext Rent<TContext>(IServiceProvider services)
        where TContext : AppDbContext
    {
        var db = services.GetRequiredService<IDbContextFactory<TContext>>().CreateDbContext();
        db.ForgetRequestState();
        return db;
    }

    /// Creates the data folder, applies the provider's migrations and switches SQLite to WAL, before
    /// the app takes requests: a half-migrated database never serves a page.
    public static async Task MigrateDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var options = services.GetRequiredService<DatabaseOptions>();
        if (options.Provider == DatabaseProvider.Sqlite)
        {
            var file = new SqliteConnectionStringBuilder(options.ConnectionString).DataSource;
            var folder = Path.GetDirectoryName(Path.GetFullPath(file));
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }
        }

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (options.Provider == DatabaseProvider.Sqlite)
        {
            // WAL lets readers go on while one writer commits; the mode is stored in the file.
            await db.Database.OpenConnectionAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            await db.Database.CloseConnectionAsync();
        }

        // MigrateAsync also takes the migration lock and diffs the whole model against the last
        // migration's snapshot, a fifth of start-up when nothing is pending; whether a migration
        // was forgotten is checked by the tests instead.
        if ((await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
        {
            await db.Database.MigrateAsync(cancellationToken);
        }
    }

    /// SQLite's query planner prefers a covering index to the primary key's only when it has
    /// statistics, and SQLite gathers them only when asked (PostgreSQL's autovacuum gathers its
    /// own). This analyses, approximately, the tables whose statistics are missing or out of date,
    /// as SQLite advises for long-lived connections: 0.15 s on a region's database.
    public static async Task RefreshPlannerStatisticsAsync(this AppDbContext db, CancellationToken cancellationToken = default)
    {
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA optimize=0x10002;", cancellationToken);
        }
    }
}
