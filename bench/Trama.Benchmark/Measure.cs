using System.Diagnostics;
using System.Globalization;

namespace Trama.Benchmark;

/// The figures of one scenario at one concurrency.
/// <paramref name="ServerCpuSeconds"/> is the processor time the server process used over the
/// measurement, on every core: what the requests cost the app, page against ceiling in one run.
public sealed record Result(string Scenario, int Users, int Requests, int Errors, double Seconds, double P50, double P95, double P99, long PeakMemoryBytes, double ServerCpuSeconds = 0)
{
    public double RequestsPerSecond => Requests / Seconds;

    public double ServerCpuMsPerRequest => Requests == 0 ? 0 : ServerCpuSeconds * 1000 / Requests;
}

public static class Measure
{
    /// Runs <paramref name="request"/> in a loop on each of <paramref name="users"/> virtual users
    /// for the given time; every latency is kept, so percentiles are exact, not estimated.
    public static async Task<Result> RunAsync<TUser>(string scenario, IReadOnlyList<TUser> users, TimeSpan duration, Func<TUser, Task<bool>> request, Func<long> memory, Func<TimeSpan> cpu)
    {
        var latencies = new List<double>[users.Count];
        var errors = 0;
        long peak = 0;
        using var stop = new CancellationTokenSource(duration);
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                peak = Math.Max(peak, memory());
                await Task.Delay(50, CancellationToken.None);
            }
        });
        var cpuBefore = cpu();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(users.Select((u, i) => Task.Run(async () =>
        {
            var mine = latencies[i] = new List<double>(4096);
            while (!stop.IsCancellationRequested)
            {
                var started = Stopwatch.GetTimestamp();
                bool ok;
                try
                {
                    ok = await request(u);
                }
                catch (HttpRequestException)
                {
                    ok = false;
                }

                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (!ok)
                {
                    Interlocked.Increment(ref errors);
                }
            }
        })));
        var seconds = clock.Elapsed.TotalSeconds;
        var cpuSeconds = (cpu() - cpuBefore).TotalSeconds;
        await sampler;
        peak = Math.Max(peak, memory());
        var all = latencies.SelectMany(l => l).Order().ToArray();
        double P(double q) => all.Length == 0 ? 0 : all[Math.Min(all.Length - 1, (int)Math.Ceiling(q * all.Length) - 1)];
        return new Result(scenario, users.Count, all.Length, errors, seconds, P(0.50), P(0.95), P(0.99), peak, cpuSeconds);
    }

    /// Sends requests at a steady average rate whatever the answers, spread over the users in
    /// turn. The gaps between requests are random (a Poisson process, seeded), as when people
    /// work independently: evenly spaced requests would never queue behind each other and flatter
    /// the server. Each latency counts from when its request was due, not from when it went out,
    /// so a server that falls behind is seen as slow rather than as sending fewer requests.
    public static async Task<Result> AtRateAsync<TUser>(string scenario, IReadOnlyList<TUser> users, double perSecond, TimeSpan duration, Func<TUser, Task<bool>> request)
    {
        var count = Math.Max(1, (int)(perSecond * duration.TotalSeconds));
        var latencies = new double[count];
        var errors = 0;
        var sent = new List<Task>(count);
        var random = new Random(2026);
        var offsets = new double[count];
        for (var k = 1; k < count; k++)
        {
            offsets[k] = offsets[k - 1] - (Math.Log(1 - random.NextDouble()) / perSecond);
        }

        var start = Stopwatch.GetTimestamp();
        for (var next = 0; next < count;)
        {
            var elapsed = Stopwatch.GetElapsedTime(start).TotalSeconds;
            for (; next < count && offsets[next] <= elapsed; next++)
            {
                var k = next;
                var due = start + (long)(offsets[k] * Stopwatch.Frequency);
                sent.Add(Task.Run(async () =>
                {
                    bool ok;
                    try
                    {
                        ok = await request(users[k % users.Count]);
                    }
                    catch (HttpRequestException)
                    {
                        ok = false;
                    }

                    latencies[k] = Stopwatch.GetElapsedTime(due).TotalMilliseconds;
                    if (!ok)
                    {
                        Interlocked.Increment(ref errors);
                    }
                }));
            }

            await Task.Delay(1);
        }

        await Task.WhenAll(sent);
        var seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        Array.Sort(latencies);
        double P(double q) => latencies[Math.Min(count - 1, (int)Math.Ceiling(q * count) - 1)];
        return new Result(scenario, users.Count, count, errors, seconds, P(0.50), P(0.95), P(0.99), 0);
    }

    public static string Ms(double value) => value.ToString(value < 10 ? "0.00" : "0.0", CultureInfo.InvariantCulture);
}
