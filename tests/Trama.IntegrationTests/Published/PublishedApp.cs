using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace Trama.IntegrationTests.Published;

/// `dotnet publish` output started as its own process in Production mode: what a deployment runs.
/// ./test.sh publishes once and passes the folder in TRAMA_PUBLISHED_APP; otherwise the fixture publishes.
public sealed partial class PublishedApp : IAsyncLifetime
{
    private readonly StringBuilder output = new();
    private readonly string dataDirectory = Path.Combine(Infrastructure.TestEnvironment.TempRoot, "published-" + Guid.NewGuid().ToString("N"));
    private Process? process;

    private string folder = null!;

    public Uri RootUri { get; private set; } = null!;

    /// The running app's data folder, holding its SQLite file.
    public string DataDirectory => dataDirectory;

    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    public async ValueTask InitializeAsync()
    {
        folder = Environment.GetEnvironmentVariable("TRAMA_PUBLISHED_APP") ?? await PublishAsync();
        var start = new ProcessStartInfo("dotnet", [Path.Combine(folder, "Trama.Web.dll"), "--urls", "http://127.0.0.1:0"])
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Trama__DemoData"] = "true";
        start.Environment["Trama__DataDirectory"] = dataDirectory;
        start.Environment["Database__Provider"] = "Sqlite";
        var address = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => Receive(e.Data, address);
        process.ErrorDataReceived += (_, e) => Receive(e.Data, address);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        RootUri = await address.Task.WaitAsync(TimeSpan.FromMinutes(2));
    }

    /// Runs one of the app's commands (backup, restore, verify-audit) against a data folder, as an
    /// operator would beside the running app: its exit code and what it printed.
    public async Task<(int ExitCode, string Output)> CommandAsync(string dataFolder, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(folder, "Trama.Web.dll"), .. args])
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Trama__DataDirectory"] = dataFolder;
        start.Environment["Database__Provider"] = "Sqlite";
        using var command = Process.Start(start)!;
        var stdout = command.StandardOutput.ReadToEndAsync();
        var stderr = command.StandardError.ReadToEndAsync();
        await command.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        return (command.ExitCode, await stdout + await stderr);
    }

    private void Receive(string? line, TaskCompletionSource<Uri> address)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }

        if (Listening().Match(line) is { Success: true } match)
        {
            address.TrySetResult(new Uri(match.Value));
        }
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
        if (process is not null)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            process.Dispose();
        }

        if (Infrastructure.TestEnvironment.LogFile is { } log)
        {
            lock (output)
            {
                File.AppendAllText(log, output.ToString());
            }
        }

        try
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+")]
    private static partial Regex Listening();
}
