using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Trama.Benchmark;

/// The app as it runs in production: its own process, Kestrel on loopback, Release build.
public sealed class RunningApp : IAsyncDisposable
{
    private readonly Process process;
    private bool disposed;

    private RunningApp(Process process, Uri root, double startupSeconds)
    {
        this.process = process;
        Root = root;
        StartupSeconds = startupSeconds;
    }

    public Uri Root { get; }

    public double StartupSeconds { get; }

    public static async Task<RunningApp> StartAsync(string dll, Dataset.Datasets.Target target, bool ceilings, Action<string>? sqlLog = null)
    {
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            var root = new Uri($"http://127.0.0.1:{port}");
            var info = new ProcessStartInfo("dotnet", [dll])
            {
                WorkingDirectory = Path.GetDirectoryName(dll)!,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            info.Environment["ASPNETCORE_URLS"] = root.ToString();
            info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
            info.Environment["Database__Provider"] = target.Database;
            info.Environment["ConnectionStrings__Trama"] = AppConnection(target.Connection);
            info.Environment["Trama__DataDirectory"] = target.DataDirectory;
            info.Environment["Trama__BenchmarkCeilings"] = ceilings ? "true" : "false";
            info.Environment["Trama__DemoData"] = "true";
            info.Environment["Trama__Security__LoginAttemptsPerMinute"] = "100000";
            info.Environment["Logging__LogLevel__Default"] = "Warning";
            if (sqlLog is not null)
            {
                info.Environment["Logging__LogLevel__Microsoft.EntityFrameworkCore.Database.Command"] = "Information";
            }

            var clock = Stopwatch.StartNew();
            var process = Process.Start(info)!;
            process.OutputDataReceived += (_, e) =>
            {
                if (sqlLog is not null && e.Data is { } line && line.Contains("Executed DbCommand", StringComparison.Ordinal))
                {
                    sqlLog(line);
                }
            };
            process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { Console.Error.WriteLine("   app: " + e.Data); } };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            using var client = new HttpClient { BaseAddress = root };
            while (clock.Elapsed < TimeSpan.FromMinutes(2))
            {
                try
                {
                    using var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
                    if (ready.IsSuccessStatusCode)
                    {
                        return new RunningApp(process, root, clock.Elapsed.TotalSeconds);
                    }
                }
                catch (HttpRequestException)
                {
                }

                if (process.HasExited)
                {
                    throw new InvalidOperationException($"the app exited with code {process.ExitCode}");
                }

                await Task.Delay(25);
            }

            process.Kill(entireProcessTree: true);
            throw new TimeoutException("the app was not ready within 2 minutes");
        }
    }

    /// Processor time the server process has used since it started, on every core (user and system).
    public TimeSpan CpuTime()
    {
        process.Refresh();
        return process.HasExited ? TimeSpan.Zero : process.TotalProcessorTime;
    }

    /// Resident memory of the server process, from /proc (Linux).
    public long MemoryBytes() => Status("VmRSS:");

    /// The most the server process has held in memory since it started (the kernel's high-water mark).
    public long PeakMemoryBytes() => Status("VmHWM:");

    private long Status(string field)
    {
        try
        {
            var line = File.ReadLines($"/proc/{process.Id}/status").FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    /// The production shape of docs/DEPLOYMENT.md: at Npgsql's default of a hundred, the app's
    /// pool could take every connection of a server at PostgreSQL's default `max_connections`
    /// while a steady-rate probe queued requests, and the benchmark's own connection (taking out
    /// the entries the save scenario wrote) was refused. A size other than the default given in `--postgres` is kept.
    private static string AppConnection(string? connection)
    {
        if (connection is null)
        {
            return string.Empty;
        }

        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connection);
        if (builder.MaxPoolSize == new Npgsql.NpgsqlConnectionStringBuilder().MaxPoolSize)
        {
            builder.MaxPoolSize = 40;
        }

        return builder.ConnectionString;
    }
}
