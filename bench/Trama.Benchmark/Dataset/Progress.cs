using System.Diagnostics;
using System.Globalization;

namespace Trama.Benchmark.Dataset;

/// A progress bar with the load's rows per second, on one console line.
public sealed class Progress(long expectedRows)
{
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private TimeSpan? lastPrint;
    private string stage = "writing";

    public TimeSpan Elapsed => clock.Elapsed;

    public void Stage(string name) => stage = name;

    public void Report(long rows)
    {
        if (lastPrint is { } last && clock.Elapsed - last < TimeSpan.FromSeconds(0.5))
        {
            return;
        }

        lastPrint = clock.Elapsed;
        var share = expectedRows == 0 ? 1 : Math.Min(1, (double)rows / expectedRows);
        var filled = (int)(share * 30);
        var rate = rows / Math.Max(0.001, clock.Elapsed.TotalSeconds);
        var eta = rate > 0 ? TimeSpan.FromSeconds(Math.Max(0, (expectedRows - rows) / rate)) : TimeSpan.Zero;
        Console.Write(string.Create(CultureInfo.InvariantCulture,
            $"\r   [{new string('#', filled)}{new string('.', 30 - filled)}] {share,4:P0} {rows,10:N0} rows {rate,8:N0} rows/s  {clock.Elapsed:mm\\:ss} elapsed, ~{eta:mm\\:ss} left  {stage}   "));
    }

    public void Done(long rows)
    {
        lastPrint = null;
        Report(rows);
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"   {rows:N0} rows in {clock.Elapsed.TotalSeconds:0.0} s ({rows / clock.Elapsed.TotalSeconds:N0} rows/s)"));
    }
}
