namespace Trama.IntegrationTests.Infrastructure;

/// What ./test.sh hands the tests through the environment.
public static class TestEnvironment
{
    /// `Sqlite` (default) or `Postgres`: the engine database-facing tests run against.
    public static string DatabaseProvider => Environment.GetEnvironmentVariable("TRAMA_TEST_DATABASE") ?? "Sqlite";

    public static bool UsesPostgres => string.Equals(DatabaseProvider, "Postgres", StringComparison.OrdinalIgnoreCase);

    /// A superuser connection to the throwaway cluster ./test.sh starts; each app gets its own database there.
    public static string? PostgresAdminConnection => Environment.GetEnvironmentVariable("TRAMA_TEST_POSTGRES");

    /// Every app the tests start appends its log here, so ./test.sh can check no personal data is logged.
    public static string? LogFile => Environment.GetEnvironmentVariable("TRAMA_TEST_LOG");

    public static string TempRoot
    {
        get
        {
            var root = Path.Combine(Path.GetTempPath(), "trama-tests");
            Directory.CreateDirectory(root);
            return root;
        }
    }

    public static string RepositoryRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Trama.slnx")))
            {
                dir = dir.Parent;
            }

            return dir?.FullName ?? throw new InvalidOperationException("Trama.slnx not found above " + AppContext.BaseDirectory);
        }
    }
}
