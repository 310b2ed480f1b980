using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Trama.Web.Data.Sqlite;

public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options) : AppDbContext(options)
{
    /// Defines on a connection the SQL functions that EF's queries may call (decimal arithmetic,
    /// regexp). EF defines them on a connection it opens or is configured with, but not on one given
    /// to a pooled context for a request (SetDbConnection): so each connection is shown once to a
    /// context of its own, and keeps them while it lives, closed or open. That context is made with
    /// the pooled contexts' options, so that EF uses the services and model it has already built
    /// for them rather than building them again (a second model cost a second of start-up at L).
    internal static void DefineSqlFunctions(SqliteConnection connection, DbContextOptions<SqliteAppDbContext> pooled)
    {
        using var db = new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>(pooled).UseSqlite(connection).Options);
        _ = db.Database.GetDbConnection();
    }
}

internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteAppDbContext>
{
    public SqliteAppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite("Data Source=design.db").Options);
}
