using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Trama.Benchmark;
using Trama.Web.Data;
using Trama.Web.Data.Postgres;
using Trama.Web.Data.Sqlite;
using Trama.Web.Features.Audit;

// dotnet run -c Release --project bench/Trama.Benchmark -- [--seconds 10] [--users 1,8,32] [--postgres "<connection string>"] [--report docs/PERFORMANCE.md]
var options = Options.Parse(args);
var root = Options.RepositoryRoot();
var appDll = Path.Combine(root, "src", "Trama.Web", "bin", "Release", "net10.0", "Trama.Web.dll");
if (!File.Exists(appDll))
{
    Console.Error.WriteLine($"Build the app in Release first (dotnet run -c Release builds it): {appDll} is missing.");
    return 2;
}

var results = new List<(string Database, double StartupSeconds, List<Result> Results, AuditCost Audit)>();
foreach (var (database, connection) in options.Databases())
{
    Console.WriteLine($"== {database}");
    var dataDirectory = Directory.CreateTempSubdirectory("trama-bench-").FullName;
    await using var app = await RunningApp.StartAsync(appDll, database, connection, dataDirectory);
    Console.WriteLine($"   ready in {app.StartupSeconds:0.00} s at {app.Root}");

    var all = new List<Result>();
    var maxUsers = options.Users.Max();
    var names = new[] { "clinico", "operatore", "clinico.litta", "assistente.sociale", "clinico.plebisciti", "esp" };
    var users = new List<VirtualUser>();
    var projects = new Dictionary<VirtualUser, string>();
    var tokens = new Dictionary<VirtualUser, string>();
    for (var i = 0; i < maxUsers; i++)
    {
        var user = await VirtualUser.SignInAsync(app.Root, names[i % names.Length], "Trama-Demo-2026");
        var list = await user.Client.GetStringAsync(new Uri("/Projects?state=Active", UriKind.Relative));
        projects[user] = Regex.Match(list, "href=\"(/Projects/[0-9a-f-]{36})\"").Groups[1].Value;
        tokens[user] = await VirtualUser.TokenAsync(user.Client, projects[user] + "/Diary/New");
        users.Add(user);
    }

    var day = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    var scenarios = new (string Name, Func<VirtualUser, Task<bool>> Request)[]
    {
        ("Case manager home", u => u.GetAsync("/")),
        ("Project list, filter + text search", u => u.GetAsync("/Projects?state=Active&q=a")),
        ("Project page", u => u.GetAsync(projects[u])),
        ("Budget summary", u => u.GetAsync(projects[u] + "/Budget")),
        ("Diary entry save", u => u.PostAsync(projects[u] + "/Diary/New",
        [
            new("Input.OccurredOn", day), new("Input.Type", "Accompaniment"), new("Input.DurationMinutes", "45"),
            new("Input.Notes", "Accompagnamento al colloquio di lavoro."), new("Input.Sensitivity", "Ordinary"), new("__RequestVerificationToken", tokens[u]),
        ])),
    };
    foreach (var (name, request) in scenarios)
    {
        foreach (var n in options.Users)
        {
            var result = await Measure.RunAsync(name, users.Take(n).ToList(), TimeSpan.FromSeconds(options.Seconds), request, app.MemoryBytes);
            all.Add(result);
            Console.WriteLine($"   {name,-36} {n,3} users  {result.RequestsPerSecond,8:0.0} req/s  p50 {Measure.Ms(result.P50),6} ms  p95 {Measure.Ms(result.P95),6} ms  p99 {Measure.Ms(result.P99),6} ms  errors {result.Errors}  peak {result.PeakMemoryBytes / 1048576} MB");
        }
    }

    foreach (var u in users)
    {
        u.Dispose();
    }

    var startup = app.StartupSeconds;
    await app.DisposeAsync();
    var audit = await AuditCost.MeasureAsync(database, connection, dataDirectory);
    Console.WriteLine($"   audit append: {audit.SequentialMs:0.00} ms each alone, {audit.ConcurrentPerSecond:0} appends/s with 8 writers");
    results.Add((database, startup, all, audit));
}

var report = Report.Write(options, results.Select(r => (r.Database, r.StartupSeconds, (IReadOnlyList<Result>)r.Results, r.Audit)).ToList());
if (options.ReportPath is { } path)
{
    await File.WriteAllTextAsync(Path.Combine(root, path), report);
    Console.WriteLine($"Report written to {path}");
}

var errors = results.Sum(r => r.Results.Sum(x => x.Errors));
Console.WriteLine(errors == 0 ? "No errors." : $"{errors} errors.");
return errors == 0 ? 0 : 1;

namespace Trama.Benchmark
{
    public sealed record Options(double Seconds, IReadOnlyList<int> Users, string? Postgres, string? ReportPath, bool SkipSqlite)
    {
        public static Options Parse(string[] args)
        {
            string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
            return new Options(
                double.Parse(Value("--seconds") ?? "10", CultureInfo.InvariantCulture),
                (Value("--users") ?? "1,8,32").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList(),
                Value("--postgres"),
                args.Contains("--no-report") ? null : Value("--report") ?? "docs/PERFORMANCE.md",
                args.Contains("--no-sqlite"));
        }

        public IEnumerable<(string Database, string? Connection)> Databases()
        {
            if (!SkipSqlite)
            {
                yield return ("Sqlite", null);
            }

            if (Postgres is not null)
            {
                yield return ("Postgres", Postgres);
            }
        }

        public static string RepositoryRoot()
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Trama.slnx")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException("Trama.slnx not found above " + AppContext.BaseDirectory);
        }
    }

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

        public static async Task<RunningApp> StartAsync(string dll, string database, string? connection, string dataDirectory)
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
                info.Environment["Database__Provider"] = database;
                info.Environment["ConnectionStrings__Trama"] = connection ?? string.Empty;
                info.Environment["Trama__DataDirectory"] = dataDirectory;
                info.Environment["Trama__DemoData"] = "true";
                info.Environment["Trama__Security__LoginAttemptsPerMinute"] = "100000";
                info.Environment["Logging__LogLevel__Default"] = "Warning";
                var clock = Stopwatch.StartNew();
                var process = Process.Start(info)!;
                process.OutputDataReceived += (_, _) => { };
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

        /// Resident memory of the server process, from /proc (Linux).
        public long MemoryBytes()
        {
            try
            {
                var line = File.ReadLines($"/proc/{process.Id}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
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
    }

    /// What auditing a read costs: one append to the hash chain, committed before the page is sent.
    public sealed record AuditCost(double SequentialMs, double ConcurrentPerSecond)
    {
        public static async Task<AuditCost> MeasureAsync(string database, string? connection, string dataDirectory)
        {
            AppDbContext Context() => database == "Postgres"
                ? new PostgresAppDbContext(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql(connection).Options)
                : new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite($"Data Source={Path.Combine(dataDirectory, "trama.db")}").Options);

            static List<AuditEntry> One() =>
            [
                new AuditEntry
                {
                    AtUtc = AuditChain.Instant(DateTime.UtcNow), UserId = null, Action = AuditActions.Read, EntityType = "Benchmark",
                    EntityId = Guid.NewGuid().ToString(), PreviousHash = string.Empty, Hash = string.Empty,
                },
            ];

            const int Sequential = 500;
            await using (var db = Context())
            {
                for (var i = 0; i < 20; i++)
                {
                    await AuditRecorder.AppendAsync(db, One(), db.SaveChangesAsync, CancellationToken.None);
                }

                var clock = Stopwatch.StartNew();
                for (var i = 0; i < Sequential; i++)
                {
                    await AuditRecorder.AppendAsync(db, One(), db.SaveChangesAsync, CancellationToken.None);
                }

                var sequentialMs = clock.Elapsed.TotalMilliseconds / Sequential;
                clock.Restart();
                await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
                {
                    await using var writer = Context();
                    for (var i = 0; i < Sequential / 8; i++)
                    {
                        await AuditRecorder.AppendAsync(writer, One(), writer.SaveChangesAsync, CancellationToken.None);
                    }
                })));
                var concurrent = (Sequential / 8 * 8) / clock.Elapsed.TotalSeconds;
                var intact = await AuditChain.VerifyAsync(db);
                if (!intact.IsIntact)
                {
                    throw new InvalidOperationException("the audit chain broke under the benchmark");
                }

                return new AuditCost(sequentialMs, concurrent);
            }
        }
    }

    public static class Report
    {
        public static string Write(Options options, IReadOnlyList<(string Database, double StartupSeconds, IReadOnlyList<Result> Results, AuditCost Audit)> runs)
        {
            var cpu = File.Exists("/proc/cpuinfo") ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() : null;
            var memory = File.Exists("/proc/meminfo") ? File.ReadLines("/proc/meminfo").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)[1] : "0";
            var s = new StringBuilder();
            s.AppendLine("# Performance");
            s.AppendLine();
            s.AppendLine("Written by `bench/Trama.Benchmark` (see the README); do not edit by hand.");
            s.AppendLine();
            s.AppendLine(CultureInfo.InvariantCulture, $"- Run: {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {options.Seconds:0.#} s per scenario and concurrency");
            s.AppendLine(CultureInfo.InvariantCulture, $"- Machine: {Environment.ProcessorCount} cores ({cpu ?? "unknown CPU"}), {long.Parse(memory, CultureInfo.InvariantCulture) / 1024 / 1024} GB RAM, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}");
            s.AppendLine("- Scale: **S** (the demo data of both programmes: 40 Budget di Salute projects). Scales M and L need the dataset generator (issue 6, not built yet).");
            s.AppendLine("- The app: Release build, its own process, Kestrel on loopback, demo users signed in with cookies, every request authorised and audited as in production.");
            s.AppendLine("- The load generator, the app and the database share the same cores: past 8 users the figures show the machine's saturation as much as the app's.");
            s.AppendLine();
            foreach (var (database, startup, results, audit) in runs)
            {
                s.AppendLine(CultureInfo.InvariantCulture, $"## {database}");
                s.AppendLine();
                s.AppendLine(CultureInfo.InvariantCulture, $"Start-up to ready (process start → `/health/ready` answers 200, migrations and demo data included): **{startup:0.00} s** (target ≤ 3 s).");
                s.AppendLine();
                s.AppendLine("| Scenario | Users | req/s | p50 ms | p95 ms | p99 ms | Errors | Peak memory MB | Target |");
                s.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---|");
                foreach (var r in results)
                {
                    var target = r.Scenario.Contains("save", StringComparison.Ordinal) ? "p95 ≤ 50 ms" : "p95 ≤ 100 ms";
                    s.AppendLine(CultureInfo.InvariantCulture, $"| {r.Scenario} | {r.Users} | {r.RequestsPerSecond:0.0} | {Measure.Ms(r.P50)} | {Measure.Ms(r.P95)} | {Measure.Ms(r.P99)} | {r.Errors} | {r.PeakMemoryBytes / 1048576} | {target} |");
                }

                s.AppendLine();
                s.AppendLine(CultureInfo.InvariantCulture, $"Cost of auditing a read (one append to the hash chain, in its own transaction, committed before the page is sent): **{audit.SequentialMs:0.00} ms** per read alone; the chain takes **{audit.ConcurrentPerSecond:0} appends/s** with 8 concurrent writers (appends are serialised).");
                s.AppendLine();
            }

            s.AppendLine("## Not measured yet");
            s.AppendLine();
            s.AppendLine("Directory search near a point, referral inbox and programme indicators (their features are issue 5's); the framework and database ceilings; scales M and L.");
            return s.ToString();
        }
    }
}
