using System.Diagnostics;
using System.Text.Json;
using Trama.Benchmark.Dataset;

namespace Trama.Benchmark;

/// For profiling: each page's database commands with their times, as EF logs them, after a warm-up request.
public static class Explain
{
    public static async Task RunAsync(string userName, Datasets.Target target, string appDll, IReadOnlyList<string> paths)
    {
        var lines = new List<string>();
        await using var app = await RunningApp.StartAsync(appDll, target, ceilings: false, sqlLog: line =>
        {
            lock (lines)
            {
                lines.Add(line);
            }
        });
        using var user = await VirtualUser.SignInAsync(app.Root, userName, Generator.Password);
        foreach (var path in paths)
        {
            await user.GetAsync(path);
            await Task.Delay(200);
            lock (lines)
            {
                lines.Clear();
            }

            var clock = Stopwatch.StartNew();
            var ok = await user.GetAsync(path);
            var ms = clock.Elapsed.TotalMilliseconds;
            await Task.Delay(300);
            Console.WriteLine($"-- {path}: {(ok ? "200" : "not 200")} in {ms:0.0} ms");
            lock (lines)
            {
                foreach (var line in lines)
                {
                    var message = line.StartsWith('{') ? JsonDocument.Parse(line).RootElement.GetProperty("Message").GetString() : line;
                    Console.WriteLine("   " + message?.ReplaceLineEndings(" ")[..Math.Min(message.Length, 4000)]);
                }
            }
        }
    }
}
