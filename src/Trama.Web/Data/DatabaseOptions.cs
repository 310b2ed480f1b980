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

        return new DatabaseOptions(provider, connectionString, dataDirectory);
    }
}
