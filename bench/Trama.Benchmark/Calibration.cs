using System.Diagnostics;

namespace Trama.Benchmark;

/// The same fixed work timed at the start and at the end of a run, so that reports made on
/// different days can be compared: this machine is shared, and on some nights it ran the same
/// build two to three times slower (Findings, sixteenth pass), which only an A/B by hand showed.
public sealed record Calibration(double SortMs, double SyncMs)
{
    private const int Integers = 1_000_000, Sorts = 5, Syncs = 100;

    /// On one core, sorting a million integers (seeded, so always the same ones), the median of
    /// five; on the disk that holds the datasets, writing 4 KiB and waiting for it to be synced
    /// (what every commit waits for), the median of a hundred.
    public static Calibration Measure(string directory)
    {
        var source = new int[Integers];
        var random = new Random(2026);
        for (var i = 0; i < source.Length; i++)
        {
            source[i] = random.Next();
        }

        var work = new int[Integers];
        var sorts = new List<double>();
        for (var i = 0; i < Sorts; i++)
        {
            source.CopyTo(work, 0);
            var clock = Stopwatch.StartNew();
            Array.Sort(work);
            sorts.Add(clock.Elapsed.TotalMilliseconds);
        }

        Directory.CreateDirectory(directory);
        var file = Path.Combine(directory, "calibration.tmp");
        var syncs = new List<double>();
        try
        {
            using var stream = new FileStream(file, FileMode.Create, FileAccess.Write, FileShare.None, 1, FileOptions.None);
            var block = new byte[4096];
            for (var i = 0; i < Syncs; i++)
            {
                var clock = Stopwatch.StartNew();
                stream.Position = 0;
                stream.Write(block);
                stream.Flush(flushToDisk: true);
                syncs.Add(clock.Elapsed.TotalMilliseconds);
            }
        }
        finally
        {
            File.Delete(file);
        }

        return new Calibration(Median(sorts), Median(syncs));
    }

    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"sort {SortMs:0.0} ms, sync {SyncMs:0.00} ms");

    private static double Median(List<double> values)
    {
        values.Sort();
        return values[values.Count / 2];
    }
}
