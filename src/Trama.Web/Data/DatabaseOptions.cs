namespace Trama.Web.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// Where the data lives, read once from configuration: `Database:Provider`,
/// `ConnectionStrings:Trama` and `Trama:DataDirectory`.
public sealed record DatabaseOptions(DatabaseProvider Provider, string ConnectionString, string DataDirectory)
{
    /// Statements kept prepared per PostgreSQL connection unless the connection string says otherwise.
    public const int AutoPreparedStatements = 100;

    public static DatabaseOptions From(IConfiguration configuration, string contentRoot)
    {
        var providerName = configuration["Database:Provider"] ?? nameof(DatabaseProvider.Sqlite);
        if (!Enum.TryParse<DatabaseProvider>(providerName, ignoreCase: true, out var provider))
        {
            throw new InvalidOperationException($"Database:Provider must be Sqlite or Postgres, not '{providerName}'.");
        }

        var dataDirectory = Path.GetFullPath(configuration["Trama:DataDirectory"] ?? "data", contentRoot);
        var connectionString = configuration.GetConnectionString("Trama");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            connectionString = provider switch
            {
                DatabaseProvider.Sqlite => $"Data Source={Path.Combine(dataDirectory, "trama.db")}",
                _ => throw new InvalidOperationException("ConnectionStrings:Trama is required when Database:Provider is Postgres."),
            };
        }

        if (provider == DatabaseProvider.Sqlite)
        {
            // Foreign keys are per connection in SQLite: ask for them in every connection string.
            var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString) { ForeignKeys = true };
            connectionString = builder.ToString();
        }
        else if (!Names(connectionString, "Max Auto Prepare"))
        {
            // Every page runs the same few dozen statements. Prepared on a connection once used five
            // times, PostgreSQL no longer parses and plans them on each request: a fifth to a quarter
            // of a page's time at scale L. An explicit setting is kept (0 turns it off, for a
            // PgBouncer in transaction mode without max_prepared_statements).
            connectionString = new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = AutoPreparedStatements }.ToString();
        }

        return new DatabaseOptions(provider, connectionString, dataDirectory);
    }

    private static bool Names(string connectionString, string keyword) =>
        new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Any(k => string.Equals(k.Replace(" ", string.Empty, StringComparison.Ordinal), keyword.Replace(" ", string.Empty, StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase));
}
