using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Trama.Web.Data.Sqlite;
using Trama.Web.Features.Audit;

namespace Trama.Web.Data;

/// `check`, `backup FILE` and `restore FILE`. `check` verifies the configured database, on either
/// engine. `backup` and `restore` are a copy of the SQLite database taken with SQLite's online
/// backup API, safe while the app runs and writes, and checked before it is trusted (integrity
/// check, audit chain, row counts). PostgreSQL is backed up with pg_dump (README, section Backups).
public static class SqliteBackup
{
    /// Runs the command named in <paramref name="args"/>; the exit code, or null when there is none.
    public static async Task<int?> RunAsync(string[] args, IServiceProvider services, TextWriter output)
    {
        if (args.Contains("check"))
        {
            await using var scope = services.CreateAsyncScope();
            return DatabaseCheck.Report(await DatabaseCheck.RunAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>()), "Database checked", output);
        }

        var command = Array.FindIndex(args, a => a is "backup" or "restore");
        if (command < 0)
        {
            return null;
        }

        var options = services.GetRequiredService<DatabaseOptions>();
        if (options.Provider != DatabaseProvider.Sqlite)
        {
            output.WriteLine("This database is PostgreSQL: back it up with pg_dump, restore it with pg_restore, then run `check` on it (README, section Backups).");
            return 2;
        }

        if (command + 1 >= args.Length || args[command + 1].StartsWith('-'))
        {
            output.WriteLine($"Usage: {args[command]} FILE");
            return 2;
        }

        var file = Path.GetFullPath(args[command + 1]);
        var database = new SqliteConnectionStringBuilder(options.ConnectionString).DataSource;
        return args[command] == "backup" ? await BackupAsync(database, file, output) : await RestoreAsync(file, database, output);
    }

    private static async Task<int> BackupAsync(string database, string file, TextWriter output)
    {
        if (!File.Exists(database))
        {
            output.WriteLine($"No database at {database}.");
            return 1;
        }

        if (File.Exists(file))
        {
            output.WriteLine($"{file} exists already: a backup never overwrites a file.");
            return 1;
        }

        Copy(database, file);
        return Report(await CheckAsync(file), $"Backup written to {file}", output);
    }

    private static async Task<int> RestoreAsync(string file, string database, TextWriter output)
    {
        if (!File.Exists(file))
        {
            output.WriteLine($"No backup at {file}.");
            return 1;
        }

        // Restoring over a database would lose whatever it holds that the backup does not.
        if (File.Exists(database))
        {
            output.WriteLine($"{database} exists: restore into an empty data folder (Trama__DataDirectory) and switch to it.");
            return 1;
        }

        var backup = await CheckAsync(file);
        if (!backup.IsSound)
        {
            return Report(backup, $"The backup {file} is damaged; nothing restored", output);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(database)!);
        Copy(file, database);
        var restored = await CheckAsync(database);
        var same = restored.Rows.Count == backup.Rows.Count && restored.Rows.All(r => backup.Rows.GetValueOrDefault(r.Key, -1) == r.Value);
        return Report(restored with { IsSound = restored.IsSound && same }, $"Restored into {database}", output);
    }

    /// Copies page by page inside one read transaction: writers go on (WAL), the copy is one
    /// consistent moment, and it only takes its name once complete.
    private static void Copy(string from, string to)
    {
        var partial = to + ".partial";
        File.Delete(partial);
        using (var source = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = from, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString()))
        using (var target = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = partial, Pooling = false }.ToString()))
        {
            source.Open();
            target.Open();
            source.BackupDatabase(target);

            // One self-contained file, whatever the source's journal; the app turns WAL back on when it starts.
            using var journal = target.CreateCommand();
            journal.CommandText = "PRAGMA journal_mode=DELETE;";
            journal.ExecuteNonQuery();
        }

        File.Move(partial, to);
    }

    public static async Task<DatabaseCheck.Result> CheckAsync(string path)
    {
        var connection = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString();
        await using var db = new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite(connection).Options);
        return await DatabaseCheck.RunAsync(db);
    }

    private static int Report(DatabaseCheck.Result check, string what, TextWriter output) => DatabaseCheck.Report(check, what, output);
}
