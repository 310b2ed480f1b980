using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Trama.Benchmark.Dataset;
using Trama.Web.Features.Benchmark;
using Trama.Web.Features.Demo;

namespace Trama.Benchmark;

public sealed record ScenarioResult(string Scenario, bool Write, Result App, Result? Ceiling);

/// The highest steady rate, among those tried, at which a page's p95 stayed within its target with
/// no errors (null when none did), beside the most the closed loop of users reached.
public sealed record Capacity(string Scenario, double TargetMs, double PerSecond, Result? AtRate, double ClosedLoopPerSecond);

/// A scenario's main query run straight against the database, beside the app's latency for the page.
public sealed record QueryCeiling(string Scenario, double QueryMs, double AppP50Ms);

/// How long a scenario ran unrecorded before it was measured, and the time the JIT took in it.
public sealed record WarmUp(string Scenario, double Seconds, double JitMs);

public sealed record TableSizes(long Persons, long Projects, long DiaryEntries, long BudgetLines, long Reviews, long Organisations, long Services, long Referrals, long Users);

/// One scale on one engine: the app started on the dataset, every scenario at every concurrency
/// with its framework ceiling, then each main query alone, then the cost of an audit append.
public sealed partial record Run(Scale Scale, string Database, double StartupSeconds, long PeakMemoryBytes, IReadOnlyList<ScenarioResult> Results, IReadOnlyList<QueryCeiling> Queries, AuditCost Audit, TableSizes Sizes, IReadOnlyList<Capacity> Capacities, IReadOnlyList<WarmUp> WarmUps)
{
    private sealed record Scenario(string Name, bool Write, CeilingScenario Ceiling, Func<Member, Task<bool>> Request);

    /// A signed-in virtual user with its centre and the project it works on.
    private sealed record Member(VirtualUser User, string UserId, Guid OrganisationId, Guid ProjectId, string Token)
    {
        public string Project => "/Projects/" + ProjectId;
    }

    /// Milan's Duomo: the directory is searched within a kilometre of it.
    private const double Latitude = 45.4642, Longitude = 9.1900;

    private const string SearchText = "ro";

    /// What the save scenario writes (its ceiling too, in CeilingQueries): no generated entry says it.
    private const string SavedNotes = "Accompagnamento al colloquio di lavoro.";

    public static async Task<Run> ExecuteAsync(Options options, Scale scale, Datasets.Target target, string appDll)
    {
        await using var app = await RunningApp.StartAsync(appDll, target, ceilings: true);
        Console.WriteLine($"   ready in {app.StartupSeconds:0.00} s at {app.Root}");
        Guid programmeId;
        var members = new List<Member>();
        await using (var db = target.Context())
        {
            programmeId = await db.Programmes.Where(p => p.Code == DemoData.Amicitta).Select(p => p.Id).SingleAsync();
            for (var i = 0; i < options.Users.Max(); i++)
            {
                var name = Generator.Clinician(scale, i);
                var user = await VirtualUser.SignInAsync(app.Root, name, Generator.Password);
                var list = await user.Client.GetStringAsync(new Uri("/Projects?state=Active", UriKind.Relative));
                var project = Guid.Parse(ProjectLink().Match(list).Groups[1].Value);
                var token = await VirtualUser.TokenAsync(user.Client, $"/Projects/{project}/Diary/New");
                var id = await db.Users.Where(u => u.UserName == name).Select(u => u.Id).SingleAsync();
                var centre = await db.OrganisationMemberships.Where(m => m.UserId == id).Select(m => m.OrganisationId).SingleAsync();
                members.Add(new Member(user, id, centre, project, token));
            }
        }

        var day = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var near = string.Create(CultureInfo.InvariantCulture, $"lat={Latitude}&lon={Longitude}&radius=1");
        Scenario[] scenarios =
        [
            new("Case manager home", false, CeilingScenario.Home, m => m.User.GetAsync("/")),
            new("Project list, filter + text search", false, CeilingScenario.ProjectList, m => m.User.GetAsync($"/Projects?state=Active&q={SearchText}")),
            new("Project page", false, CeilingScenario.ProjectPage, m => m.User.GetAsync(m.Project)),
            new("Budget summary", false, CeilingScenario.BudgetSummary, m => m.User.GetAsync(m.Project + "/Budget")),
            new("Directory search near a point", false, CeilingScenario.DirectoryNear, m => m.User.GetAsync("/Directory?near=me&" + near)),
            new("Referral inbox", false, CeilingScenario.ReferralInbox, m => m.User.GetAsync("/Referrals")),
            new("Programme indicators", false, CeilingScenario.ProgrammeIndicators, m => m.User.GetAsync("/Budget/Programme")),
            new("Diary entry save", true, CeilingScenario.DiarySave, m => m.User.PostAsync(m.Project + "/Diary/New",
            [
                new("Input.OccurredOn", day), new("Input.Type", "Accompaniment"), new("Input.DurationMinutes", "45"),
                new("Input.Notes", SavedNotes), new("Input.Sensitivity", "Ordinary"), new("__RequestVerificationToken", m.Token),
            ])),
        ];

        string CeilingPath(Scenario s, Member m) =>
            $"/benchmark/ceiling/{s.Ceiling}?project={m.ProjectId}&programme={programmeId}&organisation={m.OrganisationId}&q={SearchText}&{near}";

        var results = new List<ScenarioResult>();
        var duration = TimeSpan.FromSeconds(options.Seconds);
        await ForgetSavedEntriesAsync(target);
        var chosen = scenarios.Where(s => options.Only is null || options.Only.Split('|').Any(part => s.Name.Contains(part, StringComparison.OrdinalIgnoreCase))).ToList();
        var pages = new List<(Scenario Scenario, int Users, Result Result)>();
        var warmUps = new List<WarmUp>();
        foreach (var scenario in chosen)
        {
            foreach (var m in members)
            {
                await scenario.Request(m);
            }

            // A server runs for days, and this one takes more than half a minute of load to settle
            // (the JIT recompiling hot ReadyToRun code, the database's caches): measured cold, the
            // home, first in the list, gave 89 req/s at 32 users, and 115 and 152 measured again.
            var warm = await WarmAsync(scenario.Name, members, duration, WarmUpFactor, scenario.Request, app);
            warmUps.Add(new WarmUp(scenario.Name, warm.Seconds, warm.JitMs));
            foreach (var n in options.Users)
            {
                var jitBefore = await JitMsAsync(members[0]);
                var result = await Measure.RunAsync(scenario.Name, members.Take(n).ToList(), duration, scenario.Request, app.MemoryBytes, app.CpuTime);
                var jit = await JitMsAsync(members[0]) - jitBefore;
                pages.Add((scenario, n, result));
                Console.WriteLine($"   {scenario.Name,-36} {n,3} users  {result.RequestsPerSecond,7:0.0} req/s  p50 {Measure.Ms(result.P50),6}  p95 {Measure.Ms(result.P95),6}  p99 {Measure.Ms(result.P99),6} ms  errors {result.Errors}  peak {result.PeakMemoryBytes / 1048576} MB  cpu {Measure.Ms(result.ServerCpuMsPerRequest)} ms/req  jit {jit:0} ms");
            }

            await ForgetSavedEntriesAsync(target, scenario);
        }

        // The app's own peak, before the ceilings run: an unpaged hand-written aggregate for 32
        // users at once holds far more memory than any page, and a process keeps what it once held.
        var peak = app.PeakMemoryBytes();
        var capacities = new List<Capacity>();
        double ClosedLoop(Scenario scenario) => pages.Where(p => p.Scenario == scenario).Max(p => p.Result.RequestsPerSecond);
        foreach (var scenario in chosen)
        {
            if (options.Overload is { } overload)
            {
                await OverloadAsync(scenario, members, overload > 0 ? overload : 2 * ClosedLoop(scenario), duration);
                await ForgetSavedEntriesAsync(target, scenario);
                continue;
            }

            var capacity = await CapacityAsync(scenario, members, ClosedLoop(scenario), duration);
            capacities.Add(capacity);
            Console.WriteLine(capacity.AtRate is { } at
                ? $"   {scenario.Name,-36} steady {capacity.PerSecond,7:0.0} req/s: p95 {Measure.Ms(at.P95)} ms (target {capacity.TargetMs} ms); the closed loop reached {capacity.ClosedLoopPerSecond:0.0}"
                : $"   {scenario.Name,-36} p95 over {capacity.TargetMs} ms at every rate tried");
            await ForgetSavedEntriesAsync(target, scenario);
        }

        foreach (var (scenario, n, result) in pages)
        {
            if (n == pages.First(p => p.Scenario == scenario).Users)
            {
                await WarmAsync(scenario.Name + " (ceiling)", members, duration, 1,
                    m => m.User.SendAsync(scenario.Write ? HttpMethod.Post : HttpMethod.Get, CeilingPath(scenario, m)), app);
                await ForgetSavedEntriesAsync(target, scenario);
            }

            var ceiling = await Measure.RunAsync(scenario.Name + " (ceiling)", members.Take(n).ToList(), duration,
                m => m.User.SendAsync(scenario.Write ? HttpMethod.Post : HttpMethod.Get, CeilingPath(scenario, m)), app.MemoryBytes, app.CpuTime);
            results.Add(new ScenarioResult(scenario.Name, scenario.Write, result, ceiling));
            Console.WriteLine($"   {scenario.Name,-36} {n,3} users  ceiling {ceiling.RequestsPerSecond,7:0.0} req/s: the page reaches {result.RequestsPerSecond / ceiling.RequestsPerSecond:P0} of it; cpu {Measure.Ms(ceiling.ServerCpuMsPerRequest)} ms/req");
            await ForgetSavedEntriesAsync(target, scenario);
        }

        var startup = app.StartupSeconds;
        foreach (var m in members)
        {
            m.User.Dispose();
        }

        await app.DisposeAsync();
        var first = members[0];
        var arguments = new CeilingArguments(first.UserId, first.ProjectId, programmeId, SearchText, Latitude, Longitude, 1, first.OrganisationId);
        var queries = new List<QueryCeiling>();
        foreach (var scenario in scenarios.Where(s => results.Any(r => r.Scenario == s.Name)))
        {
            var ms = await QueryMsAsync(target, scenario.Ceiling, arguments);
            var alone = results.First(r => r.Scenario == scenario.Name && r.App.Users == options.Users.Min()).App.P50;
            queries.Add(new QueryCeiling(scenario.Name, ms, alone));
            Console.WriteLine($"   {scenario.Name,-36} main query alone {Measure.Ms(ms),6} ms; the page at {options.Users.Min()} user takes {alone / ms:0.0}× that");
            await ForgetSavedEntriesAsync(target, scenario);
        }

        var audit = await AuditCost.MeasureAsync(target);
        Console.WriteLine($"   audit append: {audit.SequentialMs:0.00} ms each alone, {audit.ConcurrentPerSecond:0} appends/s with 8 writers");
        return new Run(scale, target.Database, startup, peak, results, queries, audit, await SizesAsync(target), capacities, warmUps);
    }

    /// Each scenario runs at least this many times its measured duration, with every user, before it is measured.
    public const int WarmUpFactor = 3;

    /// The JIT has settled when it used no more than this share of one core over a round of the warm-up.
    public const double SettledJitShare = 0.02;

    /// However long the JIT keeps busy, a scenario is measured after this many rounds of warm-up.
    public const int MostWarmUpRounds = 20;

    /// Runs a scenario with every user (as many as the largest concurrency measured) in rounds of
    /// <paramref name="round"/>, at least <paramref name="fewestRounds"/> of them, until a round in
    /// which the server's JIT was settled: a fixed warm-up measured pages while the JIT still
    /// recompiled their hot code in the background, on the same two cores (at L, a quarter of the
    /// server's processor time in the referral inbox's closed loop at 32 users went to the JIT).
    ///
    /// With every user, not eight: what only a larger load brings was otherwise first met inside
    /// the measurement. On PostgreSQL at L the pool opened some twenty-five connections more at
    /// 32 users, each a new server process with cold catalogue caches and none of the page's
    /// statements prepared yet, and the app compiled the code of the users not yet seen (their
    /// sign-in checks) and of the pool's growth; the figures are in Findings.md's twenty-second pass.
    private static async Task<(double Seconds, double JitMs)> WarmAsync(string name, List<Member> members, TimeSpan round, int fewestRounds, Func<Member, Task<bool>> request, RunningApp app)
    {
        var clock = Stopwatch.StartNew();
        var first = await JitMsAsync(members[0]);
        for (var i = 1; ; i++)
        {
            var before = await JitMsAsync(members[0]);
            await Measure.RunAsync(name, members, round, request, app.MemoryBytes, app.CpuTime);
            var after = await JitMsAsync(members[0]);
            if ((i >= fewestRounds && after - before <= round.TotalMilliseconds * SettledJitShare) || i >= MostWarmUpRounds)
            {
                Console.WriteLine($"   {name,-36} warmed for {clock.Elapsed.TotalSeconds:0} s; the JIT took {after - first:0} ms of it, {after - before:0} ms in the last {round.TotalSeconds:0.#} s");
                return (clock.Elapsed.TotalSeconds, after - first);
            }
        }
    }

    private static async Task<double> JitMsAsync(Member member) =>
        (await member.User.Client.GetFromJsonAsync<RuntimeFigures>(new Uri("/benchmark/runtime", UriKind.Relative)))!.JitMilliseconds;

    private const int CapacityProbes = 6;

    /// Starts at a quarter of the closed loop's highest throughput and goes up by half as much
    /// again while the target holds; once a rate does not, halves the interval between the last
    /// within and the first over until the probes are used up. Going up from below matters: a
    /// rate far over what the server can take leaves it slower for the probes after it (hundreds
    /// of requests in flight grow the thread pool and the database connections), so starting at
    /// the closed loop's throughput made the next, lower rates fail too.
    ///
    /// The first rate is run once unrecorded before the probes, as each scenario is warmed before
    /// the closed loop: the search comes minutes after the scenario last ran, and what the server
    /// keeps for a while has gone by then (the list's filter choices, two minutes). Without it the
    /// list's first probe at L, 43.7 req/s, missed its target by 0.4 ms and the search never went
    /// higher, where M's went up to 199 req/s.
    ///
    /// A rate that misses is tried once more before it counts as over: at L one stall in the
    /// first probe (p95 113 ms at 39.5 req/s, then 47 ms at 38.3) held a search to a quarter of
    /// the closed loop.
    private static async Task<Capacity> CapacityAsync(Scenario scenario, IReadOnlyList<Member> members, double closedLoop, TimeSpan duration)
    {
        var target = scenario.Write ? Report.WriteP95TargetMs : Report.ReadP95TargetMs;
        await Measure.AtRateAsync(scenario.Name, members, closedLoop / 4, duration, scenario.Request);
        double within = 0;
        double? over = null;
        Result? best = null;
        for (var i = 0; i < CapacityProbes; i++)
        {
            var rate = over is { } o ? (within + o) / 2 : within == 0 ? closedLoop / 4 : within * 1.5;
            var result = await ProbeAsync(rate);
            if (!Holds(result))
            {
                // A passing stall (a checkpoint, a collection, what the server keeps running out)
                // must not cap the search: a rate is over the target only if it misses twice.
                result = await ProbeAsync(rate);
            }

            if (Holds(result))
            {
                within = rate;
                best = result;
            }
            else
            {
                over = rate;
            }
        }

        return new Capacity(scenario.Name, target, within, best, closedLoop);

        bool Holds(Result result) => result.Errors == 0 && result.P95 <= target;

        async Task<Result> ProbeAsync(double rate)
        {
            var result = await Measure.AtRateAsync(scenario.Name, members, rate, duration, scenario.Request);
            Console.WriteLine($"   {scenario.Name,-36} at {rate,7:0.0} req/s  p50 {Measure.Ms(result.P50),6}  p95 {Measure.Ms(result.P95),6}  p99 {Measure.Ms(result.P99),6} ms  errors {result.Errors}");
            return result;
        }
    }

    /// `--overload [rate]`, in place of the steady-rate search: the rate (unset, twice the closed
    /// loop's throughput) for the measured duration, then a quarter of it for twice as long. Shows
    /// what a burst the server cannot take costs while it lasts (answers served per second, turned
    /// away, waits) and whether the server is itself again after it; not in the report.
    private static async Task OverloadAsync(Scenario scenario, IReadOnlyList<Member> members, double rate, TimeSpan duration)
    {
        var during = await Measure.AtRateAsync(scenario.Name, members, rate, duration, scenario.Request);
        Console.WriteLine($"   {scenario.Name,-36} overload {rate,7:0.0} req/s: served {(during.Requests - during.Errors) / during.Seconds,7:0.0}/s over {during.Seconds:0.0} s  p50 {Measure.Ms(during.P50),6}  p95 {Measure.Ms(during.P95),6}  p99 {Measure.Ms(during.P99),6} ms  errors {during.Errors}");
        var after = await Measure.AtRateAsync(scenario.Name, members, rate / 4, duration * 2, scenario.Request);
        Console.WriteLine($"   {scenario.Name,-36} after it {rate / 4,7:0.0} req/s  p50 {Measure.Ms(after.P50),6}  p95 {Measure.Ms(after.P95),6}  p99 {Measure.Ms(after.P99),6} ms  errors {after.Errors}");
    }

    /// After a scenario that writes, as soon as it has run: the save scenario puts a thousand and
    /// more entries on the first users' projects, and the project page's and the budget's steady
    /// rates and ceilings, which come after it, then read the pile instead of the project their
    /// pages were measured on: at M the project page's ceiling came out three times slower than the page.
    private static async Task ForgetSavedEntriesAsync(Datasets.Target target, Scenario scenario)
    {
        if (scenario.Write)
        {
            await ForgetSavedEntriesAsync(target);
        }
    }

    /// Takes out the diary entries that the save scenario and its ceiling wrote, so that a reused
    /// dataset stays the generated one: a few runs used to pile ten thousand entries on one project,
    /// and its page then measured the pile. The audit rows stay: the trail only grows, as in use.
    private static async Task ForgetSavedEntriesAsync(Datasets.Target target)
    {
        await using var db = target.Context();
        var removed = await db.DiaryEntries.Where(d => d.Notes == SavedNotes).ExecuteDeleteAsync();
        if (removed > 0)
        {
            Console.WriteLine($"   {removed:N0} diary entries saved by the benchmark taken out of the dataset");
        }
    }

    /// The median time of the scenario's hand-written query on one open connection, over a second of repeats.
    private static async Task<double> QueryMsAsync(Datasets.Target target, CeilingScenario scenario, CeilingArguments arguments)
    {
        var sqlite = target.Database == "Sqlite";
        await using DbConnection connection = sqlite
            ? new SqliteConnection($"Data Source={Path.Combine(target.DataDirectory, "trama.db")}")
            : new NpgsqlConnection(target.Connection);
        await connection.OpenAsync();
        var times = new List<double>();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < 5 || (clock.Elapsed < TimeSpan.FromSeconds(1) && i < 2_000); i++)
        {
            await using var command = CeilingQueries.Command(connection, sqlite, scenario, arguments);
            var started = Stopwatch.GetTimestamp();
            await using (var reader = await command.ExecuteReaderAsync())
            {
                do
                {
                    while (await reader.ReadAsync())
                    {
                        for (var c = 0; c < reader.FieldCount; c++)
                        {
                            _ = reader.GetValue(c);
                        }
                    }
                }
                while (await reader.NextResultAsync());
            }

            if (i >= 3)
            {
                times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }

        times.Sort();
        return times[times.Count / 2];
    }

    private static async Task<TableSizes> SizesAsync(Datasets.Target target)
    {
        await using var db = target.Context();
        return new TableSizes(
            await db.People.LongCountAsync(), await db.Projects.LongCountAsync(), await db.DiaryEntries.LongCountAsync(), await db.BudgetLines.LongCountAsync(),
            await db.Reviews.LongCountAsync(), await db.Organisations.LongCountAsync(), await db.DirectoryServices.LongCountAsync(), await db.Referrals.LongCountAsync(),
            await db.Users.LongCountAsync());
    }

    [GeneratedRegex("href=\"/Projects/([0-9a-f-]{36})\"")]
    private static partial Regex ProjectLink();
}
