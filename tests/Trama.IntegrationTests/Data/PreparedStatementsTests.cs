using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SQLitePCL;
using Trama.IntegrationTests.Infrastructure;
using Trama.Web.Data;
using Trama.Web.Data.Sqlite;
using static SQLitePCL.raw;

namespace Trama.IntegrationTests.Data;

[Trait("Database", "Sqlite")]
public sealed class PreparedStatementsTests(TramaApp app) : IClassFixture<TramaApp>
{
    private const int PreparedAgainCount = 5; // SQLITE_STMTSTATUS_REPREPARE
    private const int RunCount = 6; // SQLITE_STMTSTATUS_RUN

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AQueryRunAgainInOneRequest_ReusesTheStatementSqlitePrepared_WithTheNewArguments()
    {
        var (first, second, before, afterFirst, afterSecond) = await app.WithDbAsync(async db =>
        {
            var codes = await db.Programmes.AsNoTracking().OrderBy(p => p.Code).Select(p => p.Code).ToListAsync(Cancel);
            var before = StatementMemory(db);
            var first = await ProgrammeNamed(db, codes[0]);
            var afterFirst = StatementMemory(db);
            var second = await ProgrammeNamed(db, codes[^1]);
            return (first, second, before, afterFirst, StatementMemory(db));
        });

        Assert.NotEqual(first, second);
        Assert.True(afterFirst > before, "the statement is kept after its first run");
        Assert.Equal(afterFirst, afterSecond);
    }

    [Fact]
    public async Task AKeptStatement_IsNotPreparedAgainForTheNextRequestOnItsConnection()
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var handle = ((SqliteConnection)db.Database.GetDbConnection()).Handle!;
        handle.enable_sqlite3_next_stmt(true);
        var code = await db.Programmes.AsNoTracking().Select(p => p.Code).FirstAsync(Cancel);
        await ProgrammeSummary(db, code);
        var statement = StatementLike(handle, "\"p\".\"Summary\"", "FROM \"Programmes\"", "\"p\".\"Code\" = @");
        var (runs, prepared) = (sqlite3_stmt_status(statement, RunCount, 0), sqlite3_stmt_status(statement, PreparedAgainCount, 0));

        // What the next request does with the connection: another DbContext from the pool is given it.
        await using var next = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<SqliteAppDbContext>>().CreateDbContextAsync(Cancel);
        next.Database.SetDbConnection(db.Database.GetDbConnection(), contextOwnsConnection: false);
        await ProgrammeSummary(next, code);

        Assert.Equal(runs + 1, sqlite3_stmt_status(statement, RunCount, 0));
        Assert.Equal(prepared, sqlite3_stmt_status(statement, PreparedAgainCount, 0));
    }

    [Fact]
    public async Task AKeptStatement_SeesWhatAnotherConnectionCommittedSinceItsLastRun()
    {
        await using var reader = app.Scope();
        var db = reader.ServiceProvider.GetRequiredService<AppDbContext>();
        var before = await db.Territories.CountAsync(Cancel);

        await app.WithDbAsync(async other =>
        {
            other.Territories.Add(new() { Code = "T" + Guid.NewGuid().ToString("N")[..8], Name = "Territorio di prova", Region = "Lombardia", Municipality = "Milano" });
            return await other.SaveChangesAsync(Cancel);
        });

        Assert.Equal(before + 1, await db.Territories.CountAsync(Cancel));
    }

    [Fact]
    public async Task TheSameQueryRunWhileItsReadingIsUnderWay_GivesTheSameRows()
    {
        var (outer, inner) = await app.WithDbAsync(async db =>
        {
            var outer = new List<string>();
            List<string>? inner = null;
            await foreach (var code in db.Programmes.AsNoTracking().OrderBy(p => p.Code).Select(p => p.Code).AsAsyncEnumerable().WithCancellation(Cancel))
            {
                outer.Add(code);
                inner ??= await db.Programmes.AsNoTracking().OrderBy(p => p.Code).Select(p => p.Code).ToListAsync(Cancel);
            }

            return (outer, inner);
        });

        Assert.NotEmpty(outer);
        Assert.Equal(outer, inner);
    }

    [Fact]
    public void AConnectionGivenBackAtRest_IsLentAgain()
    {
        using var connections = new SqliteConnections(app.Database.ConnectionString, c => SqliteAppDbContext.DefineSqlFunctions(c, app.Services.GetRequiredService<DbContextOptions<SqliteAppDbContext>>()));
        SqliteConnection? first;
        using (var lease = connections.Rent())
        {
            first = lease.Connection;
        }

        Assert.NotNull(first);

        using var again = connections.Rent();
        Assert.Same(first, again.Connection);
    }

    [Fact]
    public void AConnectionGivenBackInsideATransaction_IsClosedInsteadOfLent()
    {
        using var connections = new SqliteConnections(app.Database.ConnectionString, c => SqliteAppDbContext.DefineSqlFunctions(c, app.Services.GetRequiredService<DbContextOptions<SqliteAppDbContext>>()));
        SqliteConnection first;
        using (var lease = connections.Rent())
        {
            first = lease.Connection;
            using var begin = first.CreateCommand();
            begin.CommandText = "BEGIN";
            begin.ExecuteNonQuery();
        }

        using var next = connections.Rent();
        Assert.NotSame(first, next.Connection);
        Assert.Equal(System.Data.ConnectionState.Closed, first.State);
    }

    [Fact]
    public void AConnectionClosedInsideATransaction_LeavesNoTransactionToTheNextOne()
    {
        using var connections = new SqliteConnections(app.Database.ConnectionString, c => SqliteAppDbContext.DefineSqlFunctions(c, app.Services.GetRequiredService<DbContextOptions<SqliteAppDbContext>>()));
        using (var lease = connections.Rent())
        {
            using var begin = lease.Connection.CreateCommand();
            begin.CommandText = "BEGIN";
            begin.ExecuteNonQuery();
        }

        // Microsoft.Data.Sqlite pools the handles beneath: the next connection opened gets this one.
        using var next = connections.Rent();
        Assert.NotEqual(0, SQLitePCL.raw.sqlite3_get_autocommit(next.Connection.Handle));
    }

    [Fact]
    public void PastAsManyConnectionsAsAreKept_ALeaseHoldsASpareClosedOne_AndAKeptOneGivenBackIsLentAgain()
    {
        using var connections = new SqliteConnections(app.Database.ConnectionString, c => SqliteAppDbContext.DefineSqlFunctions(c, app.Services.GetRequiredService<DbContextOptions<SqliteAppDbContext>>()));
        var leases = new List<SqliteConnections.Lease>();
        SqliteConnections.Lease spare;
        while ((spare = connections.Rent()).IsKept && leases.Count < 100)
        {
            leases.Add(spare);
        }

        using (spare)
        {
            Assert.InRange(leases.Count, 1, 99);
            Assert.False(spare.IsKept);
            Assert.Equal(System.Data.ConnectionState.Closed, spare.Connection.State);
        }

        var back = leases[^1].Connection;
        leases[^1].Dispose();
        using var again = connections.Rent();
        Assert.Same(back, again.Connection);
        leases.ForEach(l => l.Dispose());
    }

    private static Task<string> ProgrammeSummary(AppDbContext db, string code) =>
        db.Programmes.AsNoTracking().Where(p => p.Code == code).Select(p => p.Summary).SingleAsync(Cancel);

    private static Task<string> ProgrammeNamed(AppDbContext db, string code) =>
        db.Programmes.AsNoTracking().Where(p => p.Code == code).Select(p => p.Name).SingleAsync(Cancel);

    private static sqlite3_stmt StatementLike(sqlite3 handle, params string[] parts)
    {
        for (var statement = sqlite3_next_stmt(handle, null); statement is not null; statement = sqlite3_next_stmt(handle, statement))
        {
            var sql = sqlite3_sql(statement).utf8_to_string();
            if (parts.All(part => sql.Contains(part, StringComparison.Ordinal)))
            {
                return statement;
            }
        }

        throw new InvalidOperationException("No statement holds " + string.Join(", ", parts));
    }

    /// The memory SQLite holds in prepared statements on the request's connection.
    private static int StatementMemory(AppDbContext db)
    {
        const int StatementsUsed = 3; // SQLITE_DBSTATUS_STMT_USED
        sqlite3_db_status(((SqliteConnection)db.Database.GetDbConnection()).Handle!, StatementsUsed, out var current, out _, 0);
        return current;
    }
}
