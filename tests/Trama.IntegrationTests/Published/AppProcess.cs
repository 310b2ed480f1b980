using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace Trama.IntegrationTests.Published;

/// One process of the published app, in Production mode, on the database its environment names.
public sealed partial class AppProcess : IAsyncDisposable
{
    private readonly StringBuilder output = new();
    private readonly Process process;

    private AppProcess(Process process) => this.process = process;

    public Uri RootUri { get; private set; } = null!;

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

    /// Starts the app and waits until it listens; the environment adds to Production defaults.
    public static async Task<AppProcess> StartAsync(string folder, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(folder, "Trama.Web.dll"), "--urls", "http://127.0.0.1:0"])
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var address = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var app = new AppProcess(Process.Start(start)!);
        app.process.OutputDataReceived += (_, e) => app.Receive(e.Data, address);
        app.process.ErrorDataReceived += (_, e) => app.Receive(e.Data, address);
        app.process.BeginOutputReadLine();
        app.process.BeginErrorReadLine();
        app.RootUri = await address.Task.WaitAsync(TimeSpan.FromMinutes(2));
        return app;
    }

    /// SIGKILL: no shutdown hook, no flush, as in a power cut of the process.
    public async Task KillAsync()
    {
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
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

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            await KillAsync();
        }

        if (Infrastructure.TestEnvironment.LogFile is { } log)
        {
            File.AppendAllText(log, Output);
        }

        process.Dispose();
    }

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+")]
    private static partial Regex Listening();
}
