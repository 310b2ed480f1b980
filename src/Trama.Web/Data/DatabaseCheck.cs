using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Trama.Web.Features.Audit;

namespace Trama.Web.Data;

/// What `check`, `backup` and `restore` verify before a database is trusted: the engine's own
/// integrity check, the audit hash chain, and the row count of every table (to compare copies).
public static class DatabaseCheck
{
    public sealed record Result(bool IsSound, string Integrity, AuditVerification Audit, IReadOnlyDictionary<string, long> Rows);

    public static async Task<Result> RunAsync(AppDbContext db, CancellationToken cancellationToken = default)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var sqlite = db.Database.IsSqlite();
            var integrity = sqlite ? await SqliteIntegrityAsync(connection, cancellationToken) : await PostgresIntegrityAsync(connection, cancellationToken);
            var tables = await ListAsync(
                connection,
                sqlite
                    ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
                    : "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name",
                cancellationToken);
            var rows = new SortedDictionary<string, long>(StringComparer.Ordinal);
            foreach (var table in tables)
            {
                await using var count = connection.CreateCommand();
                count.CommandText = $"SELECT COUNT(*) FROM \"{table.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
                rows[table] = Convert.ToInt64(await count.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
            }

            var audit = await AuditChain.VerifyAsync(db, cancellationToken);
            return new Result(integrity is "ok" or "ok (indexes not checked: amcheck is not installed)" && audit.IsIntact, integrity, audit, rows);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// Prints a result for an operator; 0 when sound.
    public static int Report(Result check, string what, TextWriter output)
    {
        output.WriteLine($"{what}.");
        output.WriteLine($"Integrity check: {check.Integrity}.");
        output.WriteLine(check.Audit.IsIntact
            ? $"Audit trail intact: {check.Audit.Checked} rows verified."
            : $"Audit trail BROKEN at sequence {check.Audit.FirstBrokenSequence}.");
        foreach (var (table, count) in check.Rows)
        {
            output.WriteLine($"  {table}: {count}");
        }

        output.WriteLine(check.IsSound ? "OK" : "FAILED");
        return check.IsSound ? 0 : 1;
    }

    private static async Task<string> SqliteIntegrityAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var problems = await ListAsync(connection, "PRAGMA integrity_check", cancellationToken);
        return string.Join("; ", problems.Take(10));
    }

    /// PostgreSQL has no integrity_check; its amcheck extension verifies every B-tree index
    /// against its table. Creating the extension needs a superuser, so without it the check says so.
    private static async Task<string> PostgresIntegrityAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var installed = await ListAsync(connection, "SELECT extname FROM pg_extension WHERE extname = 'amcheck'", cancellationToken);
        if (installed.Count == 0)
        {
            try
            {
                await using var create = connection.CreateCommand();
                create.CommandText = "CREATE EXTENSION IF NOT EXISTS amcheck";
                await create.ExecuteNonQueryAsync(cancellationToken);
            }
            catch (DbException)
            {
                return "ok (indexes not checked: amcheck is not installed)";
            }
        }

        var indexes = await ListAsync(
            connection,
            """
            SELECT c.oid::regclass::text FROM pg_index i
            JOIN pg_class c ON c.oid = i.indexrelid
            JOIN pg_am a ON a.oid = c.relam AND a.amname = 'btree'
            JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = current_schema()
            """,
            cancellationToken);
        foreach (var index in indexes)
        {
            try
            {
                await using var verify = connection.CreateCommand();
                verify.CommandText = "SELECT bt_index_check(@index::regclass, true)";
                var parameter = verify.CreateParameter();
                parameter.ParameterName = "index";
                parameter.Value = index;
                verify.Parameters.Add(parameter);
                await verify.ExecuteNonQueryAsync(cancellationToken);
            }
            catch (DbException e)
            {
                return $"index {index} is damaged: {e.Message}";
            }
        }

        return "ok";
    }

    private static async Task<List<string>> ListAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var values = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }
}
