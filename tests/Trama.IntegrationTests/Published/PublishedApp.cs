using System.Diagnostics;

namespace Trama.IntegrationTests.Published;

/// `dotnet publish` output started as its own process in Production mode: what a deployment runs.
/// ./test.sh publishes once and passes the folder in TRAMA_PUBLISHED_APP; otherwise the fixture publishes.
public sealed class PublishedApp : IAsyncLifetime
{
    private readonly string dataDirectory = Path.Combine(Infrastructure.TestEnvironment.TempRoot, "published-" + Guid.NewGuid().ToString("N"));
    private AppProcess? app;

    /// The published folder, to start more instances from.
    public string Folder { get; private set; } = null!;

    public Uri RootUri => app!.RootUri;

    /// The running app's data folder, holding its SQLite file.
    public string DataDirectory => dataDirectory;

    public string Output => app?.Output ?? string.Empty;

    public static Dictionary<string, string> SqliteDemo(string dataFolder) => new()
    {
        ["Trama__DemoData"] = "true",
        ["Trama__DataDirectory"] = dataFolder,
        ["Database__Provider"] = "Sqlite",
    };

    /// Demo data on the test database's engine, in its data folder.
    public static Dictionary<string, string> Demo(Infrastructure.TestDatabase database) => database.Provider == "Postgres"
        ? new()
        {
            ["Trama__DemoData"] = "true",
            ["Trama__DataDirectory"] = database.DataDirectory,
            ["Database__Provider"] = "Postgres",
            ["ConnectionStrings__Trama"] = database.ConnectionString,
        }
        : SqliteDemo(database.DataDirectory);

    public async ValueTask InitializeAsync()
    {
        Folder = Environment.GetEnvironmentVariable("TRAMA_PUBLISHED_APP") ?? await PublishAsync();
        app = await AppProcess.StartAsync(Folder, SqliteDemo(dataDirectory));
    }

    /// Runs one of the app's commands (backup, restore, verify-audit) against a data folder, as an
    /// operator would beside the running app: its exit code and what it printed.
    public async Task<(int ExitCode, string Output)> CommandAsync(string dataFolder, params string[] args) =>
        await CommandAsync(new Dictionary<string, string> { ["Trama__DataDirectory"] = dataFolder, ["Database__Provider"] = "Sqlite" }, args);

    public async Task<(int ExitCode, string Output)> CommandAsync(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(Folder, "Trama.Web.dll"), .. args])
        {
            WorkingDirectory = Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var command = Process.Start(start)!;
        var stdout = command.StandardOutput.ReadToEndAsync();
        var stderr = command.StandardError.ReadToEndAsync();
        await command.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        return (command.ExitCode, await stdout + await stderr);
    }

    private static async Task<string> PublishAsync()
    {
        var folder = Path.Combine(Infrastructure.TestEnvironment.TempRoot, "publish-" + Guid.NewGuid().ToString("N"));
        var project = Path.Combine(Infrastructure.TestEnvironment.RepositoryRoot, "src", "Trama.Web", "Trama.Web.csproj");
        using var publish = Process.Start(new ProcessStartInfo("dotnet", ["publish", project, "-c", "Release", "-o", folder, "--nologo"])
        {
            RedirectStandardOutput = true,
        })!;
        var log = await publish.StandardOutput.ReadToEndAsync();
        await publish.WaitForExitAsync();
        return publish.ExitCode == 0 ? folder : throw new InvalidOperationException("dotnet publish failed:\n" + log);
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }

        try
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
