using System.Globalization;
using System.Text;
using Trama.Benchmark.Dataset;

namespace Trama.Benchmark;

/// docs/PERFORMANCE.md, written from the figures of one run.
public static class Report
{
    public const double ReadP95TargetMs = 100, WriteP95TargetMs = 50;

    private const double CeilingShareTarget = 0.40, MemoryTargetMb = 400, StartupTargetSeconds = 3;

    public static string Write(Options options, IReadOnlyList<Run> runs, (Calibration Start, Calibration End) calibration)
    {
        var s = new StringBuilder();
        void Line(FormattableString text) => s.AppendLine(text.ToString(CultureInfo.InvariantCulture));
        var cpu = File.Exists("/proc/cpuinfo") ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() : null;
        var memory = File.Exists("/proc/meminfo") ? long.Parse(File.ReadLines("/proc/meminfo").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) : 0;
        s.AppendLine("# Performance");
        s.AppendLine();
        s.AppendLine("Written by `bench/Trama.Benchmark` (the README says how to run it); do not edit by hand.");
        s.AppendLine();
        Line($"- Run: {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC; scales {string.Join(", ", options.Scales.Select(x => x.Name))}; seed {options.Seed}; {options.Seconds:0.#} s per scenario, concurrency and ceiling.");
        Line($"- Machine: {Environment.ProcessorCount} cores ({cpu ?? "unknown CPU"}), {memory / 1024 / 1024} GB RAM, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}.");
        Line($"- Machine calibration, the same fixed work at the start and at the end of the run (`Calibration.cs`; lower is faster; compare reports by these before comparing their figures): sorting a million integers on one core **{calibration.Start.SortMs:0.0} ms** and **{calibration.End.SortMs:0.0} ms**; writing 4 KiB to the datasets' disk and syncing it, as a commit does, **{calibration.Start.SyncMs:0.00} ms** and **{calibration.End.SyncMs:0.00} ms** (medians).");
        s.AppendLine("- The app: a Release publish compiled ReadyToRun, in its own process, Kestrel on loopback, the database on the same machine. Virtual users are CPS clinicians signed in with cookies; every request is authorised through the care-team scope and audited (a hash-chained audit row committed before the page is sent), as in production.");
        Line($"- Before it is measured, each scenario runs with {options.Users.Max()} users (the most measured), unrecorded, for at least {Run.WarmUpFactor * options.Seconds:0.#} s and then until the server's JIT has settled: a round of {options.Seconds:0.#} s in which it took no more than {Run.SettledJitShare:P0} of one core ({Run.MostWarmUpRounds * options.Seconds:0.#} s at most). The server recompiles its hot ReadyToRun code for tens of seconds under a new load, on the same two cores, and a larger load opens database connections that start cold; the figures are those of a warm server, as in use. Each ceiling is warmed the same way, for at least one round, before its first measurement.");
        s.AppendLine("- Each virtual user sends its next request as soon as the last one answers (no think time): 32 users are 32 requests always in flight, far more than 32 people at work.");
        s.AppendLine("- The load generator, the app and the database share the same 2 cores: past a few users the figures show the machine's saturation as much as the app's.");
        s.AppendLine("- **Framework ceiling**: `/benchmark/ceiling/{scenario}` in the same app (mapped only when the benchmark starts it) reads the rows its page shows with one hand-written SQL command, one statement a list where the page shows several (`Features/Benchmark/CeilingQueries.cs`), and writes them as bare HTML tables: same Kestrel, same cookie authentication, no EF, Razor, scope, audit or localisation. *% of ceiling* is the page's req/s over the ceiling's at the same concurrency.");
        s.AppendLine("- **Server CPU per request**: the processor time the server process used during the measurement, on both cores, over the requests it answered; the same for the ceiling. It says what a page costs against its ceiling; like req/s it moves with the machine's state (a slowed machine makes every request cost more CPU), so compare within one run. On SQLite it includes the database's work, which runs in the app's process; on PostgreSQL it does not include the database server's.");
        s.AppendLine("- **Steady rate within the target** (not one of the issue's targets; measured for the decision on them): requests sent at a steady average rate whatever the answers, spread over the 32 users in turn, at random intervals (a seeded Poisson process, as when people work independently); each latency counts from when its request was due. After one unrecorded run at the first rate (the search comes minutes after the scenario last ran), six rates are tried: first a quarter of the closed loop's highest throughput, then half as much again while the target holds, then halving the interval between the last rate within the target and the first over it; a rate that misses is run once more and counts as over only if it misses again; the table gives the highest rate tried whose p95 stayed within the page's target with no errors. Run after the server's peak memory is read.");
        s.AppendLine("- **Programme indicators** and the **case manager home** are the exceptions to *% of ceiling*: their pages serve what they keep between saves (the indicators' sums, until a budget line or ledger entry is saved, five minutes at most; the home's caseload counted by state, the programme with its partners and the viewer's organisations and colleagues, two minutes at most, reading only the ten reviews due afresh), while their ceilings read all of it on every request. A share near or above 100 % says that keeping them pays, not how close the page comes to the framework.");
        s.AppendLine("- **Database ceiling**: the same command timed alone on an open connection (median of a second of repeats); *× query* is the page's p50 latency at one user over that time.");
        s.AppendLine();
        Verdict(s, runs);
        foreach (var run in runs)
        {
            Line($"## Scale {run.Scale.Name}, {run.Database}");
            s.AppendLine();
            var z = run.Sizes;
            Line($"Dataset: {z.Persons:N0} persons, {z.Projects:N0} projects, {z.DiaryEntries:N0} diary entries, {z.BudgetLines:N0} budget lines, {z.Reviews:N0} reviews, {z.Organisations:N0} organisations, {z.Services:N0} directory services, {z.Referrals:N0} referrals, {z.Users:N0} users.");
            s.AppendLine();
            Line($"Start-up to ready (process start → `/health/ready` answers 200): **{run.StartupSeconds:0.00} s** (target ≤ {StartupTargetSeconds} s). Server peak memory over all the pages' measurements (taken before the ceilings run): **{run.PeakMemoryBytes / 1048576} MB** (target ≤ {MemoryTargetMb} MB).");
            s.AppendLine();
            Line($"Warm-up before each scenario was measured, and the JIT's time in it: {string.Join("; ", run.WarmUps.Select(w => $"{w.Scenario.ToLowerInvariant()} {w.Seconds:0} s ({w.JitMs / 1000:0.0} s)"))}.");
            s.AppendLine();
            s.AppendLine("| Scenario | Users | req/s | p50 ms | p95 ms | p99 ms | Errors | Peak MB | Server CPU ms/req | Ceiling req/s | Ceiling CPU ms/req | % of ceiling | Target |");
            s.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
            foreach (var r in run.Results)
            {
                var a = r.App;
                var share = r.Ceiling is { } c && c.RequestsPerSecond > 0 ? (a.RequestsPerSecond / c.RequestsPerSecond).ToString("P0", CultureInfo.InvariantCulture) : "–";
                var target = r.Write ? $"p95 ≤ {WriteP95TargetMs} ms" : $"p95 ≤ {ReadP95TargetMs} ms, ≥ {CeilingShareTarget:P0} of ceiling";
                Line($"| {r.Scenario} | {a.Users} | {a.RequestsPerSecond:0.0} | {Measure.Ms(a.P50)} | {Measure.Ms(a.P95)} | {Measure.Ms(a.P99)} | {a.Errors + (r.Ceiling?.Errors ?? 0)} | {a.PeakMemoryBytes / 1048576} | {Measure.Ms(a.ServerCpuMsPerRequest)} | {r.Ceiling?.RequestsPerSecond ?? 0:0.0} | {(r.Ceiling is { } cc ? Measure.Ms(cc.ServerCpuMsPerRequest) : "–")} | {share} | {target} |");
            }

            s.AppendLine();
            s.AppendLine("| Scenario | Main query alone, ms | Page p50 at 1 user, ms | × query |");
            s.AppendLine("|---|---:|---:|---:|");
            foreach (var q in run.Queries)
            {
                Line($"| {q.Scenario} | {Measure.Ms(q.QueryMs)} | {Measure.Ms(q.AppP50Ms)} | {q.AppP50Ms / q.QueryMs:0.0} |");
            }

            if (run.Capacities.Count > 0)
            {
                s.AppendLine();
                Capacities(s, run.Capacities);
            }

            s.AppendLine();
            Line($"Cost of auditing a read (an append to the hash chain, committed before the page is sent): **{run.Audit.SequentialMs:0.00} ms** alone; **{run.Audit.ConcurrentPerSecond:0} appends/s** with 8 concurrent writers (concurrent appends share one commit).");
            s.AppendLine();
        }

        // The hand-written account of what was profiled and changed, kept beside the program.
        var findings = Path.Combine(Options.RepositoryRoot(), "bench", "Trama.Benchmark", "Findings.md");
        if (File.Exists(findings))
        {
            s.Append(File.ReadAllText(findings));
        }

        return s.ToString();
    }

    private static void Capacities(StringBuilder s, IReadOnlyList<Capacity> capacities)
    {
        s.AppendLine("| Scenario | p95 target, ms | Steady rate within it, req/s | p50 ms | p95 ms | p99 ms | Closed loop's highest req/s |");
        s.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var c in capacities)
        {
            if (c.AtRate is { } a)
            {
                s.AppendLine(CultureInfo.InvariantCulture, $"| {c.Scenario} | {c.TargetMs} | {c.PerSecond:0.0} | {Measure.Ms(a.P50)} | {Measure.Ms(a.P95)} | {Measure.Ms(a.P99)} | {c.ClosedLoopPerSecond:0.0} |");
            }
            else
            {
                s.AppendLine(CultureInfo.InvariantCulture, $"| {c.Scenario} | {c.TargetMs} | none of the rates tried | – | – | – | {c.ClosedLoopPerSecond:0.0} |");
            }
        }
    }

    /// The first targets of issue 6: scale L, 32 users, SQLite.
    private static void Verdict(StringBuilder s, IReadOnlyList<Run> runs)
    {
        s.AppendLine("## Targets (scale L, 32 concurrent users, SQLite)");
        s.AppendLine();
        var run = runs.FirstOrDefault(r => r.Scale == Scale.L && r.Database == "Sqlite");
        var rows = run?.Results.Where(r => r.App.Users == 32).ToList() ?? [];
        if (run is null || rows.Count == 0)
        {
            s.AppendLine("Not measured in this run (it needs `--scale L` with 32 users on SQLite).");
            s.AppendLine();
            return;
        }

        string Mark(bool met) => met ? "met" : "**missed**";
        s.AppendLine("| Target | Measured | |");
        s.AppendLine("|---|---|---|");
        foreach (var r in rows)
        {
            if (r.Write)
            {
                s.AppendLine(CultureInfo.InvariantCulture, $"| {r.Scenario}: p95 ≤ {WriteP95TargetMs} ms | {Measure.Ms(r.App.P95)} ms | {Mark(r.App.P95 <= WriteP95TargetMs)} |");
                continue;
            }

            var share = r.Ceiling is { RequestsPerSecond: > 0 } c ? r.App.RequestsPerSecond / c.RequestsPerSecond : 0;
            s.AppendLine(CultureInfo.InvariantCulture, $"| {r.Scenario}: p95 ≤ {ReadP95TargetMs} ms | {Measure.Ms(r.App.P95)} ms | {Mark(r.App.P95 <= ReadP95TargetMs)} |");
            s.AppendLine(CultureInfo.InvariantCulture, $"| {r.Scenario}: ≥ {CeilingShareTarget:P0} of the framework ceiling | {share:P0} | {Mark(share >= CeilingShareTarget)} |");
        }

        var errors = rows.Sum(r => r.App.Errors);
        s.AppendLine(CultureInfo.InvariantCulture, $"| Zero errors | {errors} | {Mark(errors == 0)} |");
        s.AppendLine(CultureInfo.InvariantCulture, $"| Server peak memory ≤ {MemoryTargetMb} MB | {run.PeakMemoryBytes / 1048576} MB | {Mark(run.PeakMemoryBytes / 1048576 <= MemoryTargetMb)} |");
        s.AppendLine(CultureInfo.InvariantCulture, $"| Start-up to ready ≤ {StartupTargetSeconds} s | {run.StartupSeconds:0.00} s | {Mark(run.StartupSeconds <= StartupTargetSeconds)} |");
        s.AppendLine();
        if (run.Capacities.Count > 0)
        {
            s.AppendLine("The same pages sent at a steady rate instead of by 32 users with no think time (see above; not a target of the issue):");
            s.AppendLine();
            Capacities(s, run.Capacities);
            s.AppendLine();
        }
    }
}
