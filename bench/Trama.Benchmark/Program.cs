using System.Globalization;
using Trama.Benchmark;
using Trama.Benchmark.Dataset;

// dotnet run -c Release --project bench/Trama.Benchmark -- [--scale S|M|L|M,L] [--seconds 10] [--users 1,8,32]
//   [--postgres "<connection string to a server>"] [--no-sqlite] [--seed 2026] [--fresh] [--generate-only]
//   [--report docs/PERFORMANCE.md | --no-report] [--explain "/path,/path": each page's SQL with its time, for profiling] [--user <who --explain signs in as>]
//   [--only "<part of a scenario's name>[|<part of another's>]"] [--app <a published Trama.Web.dll> (default: publish one, ReadyToRun)]
var options = Options.Parse(args);
var root = Options.RepositoryRoot();
var appDll = options.App ?? await PublishAsync(root);
if (!File.Exists(appDll))
{
    Console.Error.WriteLine($"{appDll} is missing.");
    return 2;
}

var runs = new List<Run>();
var calibrationDirectory = Path.Combine(root, "artifacts", "bench");
var measuring = !options.GenerateOnly && options.Explain is null;
var calibrationAtStart = measuring ? Calibration.Measure(calibrationDirectory) : null;
if (calibrationAtStart is not null)
{
    Console.WriteLine($"== machine calibration at the start: {calibrationAtStart}");
}

foreach (var scale in options.Scales)
{
    foreach (var (database, connection) in options.Databases())
    {
        Console.WriteLine($"== scale {scale.Name}, {database}");
        var datasets = new Datasets(root, scale, options.Seed, options.Fresh);
        var generation = System.Diagnostics.Stopwatch.StartNew();
        var target = await datasets.PrepareAsync(appDll, database, connection);
        Console.WriteLine($"   dataset ready in {generation.Elapsed.TotalSeconds:0.0} s");
        if (options.GenerateOnly)
        {
            continue;
        }

        if (options.Explain is { } paths)
        {
            await Explain.RunAsync(options.User ?? Generator.Clinician(scale, 0), target, appDll, paths);
            continue;
        }

        runs.Add(await Run.ExecuteAsync(options, scale, target, appDll));
    }
}

if (!measuring)
{
    return 0;
}

var calibrationAtEnd = Calibration.Measure(calibrationDirectory);
Console.WriteLine($"== machine calibration at the end: {calibrationAtEnd}");
if (options.ReportPath is { } path)
{
    await File.WriteAllTextAsync(Path.Combine(root, path), Report.Write(options, runs, (calibrationAtStart!, calibrationAtEnd)));
    Console.WriteLine($"Report written to {path}");
}

var errors = runs.Sum(r => r.Results.Sum(x => x.App.Errors + (x.Ceiling?.Errors ?? 0)));
Console.WriteLine(errors == 0 ? "No errors." : $"{errors} errors.");
return errors == 0 ? 0 : 1;

// The app as production runs it: a Release publish, compiled ahead of time (ReadyToRun) so
// start-up does not wait for the JIT.
static async Task<string> PublishAsync(string root)
{
    var output = Path.Combine(root, "artifacts", "bench", "app");
    Console.WriteLine($"== publishing the app (Release, ReadyToRun) to {output}");
    var publish = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("dotnet",
        ["publish", Path.Combine(root, "src", "Trama.Web"), "-c", "Release", "-r", "linux-x64", "--self-contained", "false", "-p:PublishReadyToRun=true", "-o", output, "--nologo", "-v", "quiet", "-clp:ErrorsOnly"]))!;
    await publish.WaitForExitAsync();
    if (publish.ExitCode != 0)
    {
        throw new InvalidOperationException("dotnet publish failed");
    }

    return Path.Combine(output, "Trama.Web.dll");
}

namespace Trama.Benchmark
{
    public sealed record Options(
        IReadOnlyList<Scale> Scales, double Seconds, IReadOnlyList<int> Users, string? Postgres, string? ReportPath, bool SkipSqlite, int Seed, bool Fresh, bool GenerateOnly, IReadOnlyList<string>? Explain, string? Only, string? App, string? User, double? Overload)
    {
        public static Options Parse(string[] args)
        {
            string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
            return new Options(
                (Value("--scale") ?? "S").Split(',').Select(Scale.Parse).ToList(),
                double.Parse(Value("--seconds") ?? "10", CultureInfo.InvariantCulture),
                (Value("--users") ?? "1,8,32").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList(),
                Value("--postgres"),
                args.Contains("--no-report") ? null : Value("--report") ?? "docs/PERFORMANCE.md",
                args.Contains("--no-sqlite"),
                int.Parse(Value("--seed") ?? "2026", CultureInfo.InvariantCulture),
                args.Contains("--fresh"),
                args.Contains("--generate-only"),
                Value("--explain")?.Split(','),
                Value("--only"),
                Value("--app") is { } app ? Path.GetFullPath(app) : null,
                Value("--user"),
                args.Contains("--overload")
                    ? double.TryParse(Value("--overload"), CultureInfo.InvariantCulture, out var rate) ? rate : 0
                    : null);
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
}
