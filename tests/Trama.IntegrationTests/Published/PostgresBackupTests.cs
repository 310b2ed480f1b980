using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using Trama.IntegrationTests.Infrastructure;

namespace Trama.IntegrationTests.Published;

/// The documented PostgreSQL backup (README, Backups): pg_dump while the app writes, pg_restore
/// into an empty database, then the app's `check` on the copy.
[Trait("Database", "Postgres")]
public sealed class PostgresBackupTests(PublishedApp published) : IClassFixture<PublishedApp>
{
    private const string Marker = "Scritto durante pg_dump";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static string Tool(string name)
    {
        var bin = Environment.GetEnvironmentVariable("TRAMA_TEST_PG_BIN")
            ?? Directory.GetDirectories("/usr/lib/postgresql").OrderBy(d => int.Parse(Path.GetFileName(d), System.Globalization.CultureInfo.InvariantCulture)).Select(d => Path.Combine(d, "bin")).Last();
        return Path.Combine(bin, name);
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string tool, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(Tool(tool), args) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        return (process.ExitCode, await stdout + await stderr);
    }

    private static string[] Connection(TestDatabase database)
    {
        var c = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        return ["--host", c.Host!, "--port", c.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--username", c.Username!, "--dbname", c.Database!];
    }

    private static async Task<long> CountAsync(TestDatabase database, string sql)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(Cancel);
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync(Cancel))!;
    }

    [Fact]
    public async Task APgDumpTakenUnderWrites_HoldsEveryWriteAnsweredBeforeIt_AndItsRestoreChecksSound()
    {
        await using var source = await TestDatabase.CreateAsync("Postgres");
        await using var app = await AppProcess.StartAsync(published.Folder, PublishedApp.Demo(source));
        using var client = new HttpClient { BaseAddress = app.RootUri };
        using (var token = await client.PostAsJsonAsync("/api/v1/token", new { userName = "operatore", password = Trama.Web.Features.Demo.DemoData.Password }, Cancel))
        {
            using var json = JsonDocument.Parse(await token.Content.ReadAsStringAsync(Cancel));
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", json.RootElement.GetProperty("accessToken").GetString());
        }

        using var list = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/v1/projects?q=AMI-0001", UriKind.Relative), Cancel));
        var project = list.RootElement.GetProperty("items")[0].GetProperty("id").GetGuid();
        var saved = 0;
        var started = 0;
        using var stop = new CancellationTokenSource();
        var writers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                Interlocked.Increment(ref started);
                var entry = new { occurredOn = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), type = "PhoneCall", durationMinutes = 5, notes = $"{Marker} {w}", sensitivity = "Ordinary" };
                using var response = await client.PostAsJsonAsync($"/api/v1/projects/{project}/diary", entry, CancellationToken.None);
                Assert.Equal(HttpStatusCode.Created, response.StatusCode);
                Interlocked.Increment(ref saved);
            }
        })).ToList();

        await Task.Delay(1000, Cancel);
        var answeredBefore = Volatile.Read(ref saved);
        var file = Path.Combine(source.DataDirectory, "trama.dump");
        var (dumpExit, dumpOutput) = await RunAsync("pg_dump", [.. Connection(source), "--format=custom", "--file", file]);
        var startedBy = Volatile.Read(ref started);
        await Task.Delay(500, Cancel);
        await stop.CancelAsync();
        await Task.WhenAll(writers);
        Assert.True(dumpExit == 0, dumpOutput);

        await using var restored = await TestDatabase.CreateAsync("Postgres");
        var (restoreExit, restoreOutput) = await RunAsync("pg_restore", [.. Connection(restored), "--no-owner", "--exit-on-error", file]);
        Assert.True(restoreExit == 0, restoreOutput);

        var inDump = await CountAsync(restored, $"""SELECT COUNT(*) FROM "DiaryEntries" WHERE "Notes" LIKE '{Marker}%'""");
        Assert.InRange(inDump, answeredBefore, startedBy);
        Assert.True(answeredBefore > 0 && saved > inDump, $"{answeredBefore} answered before pg_dump, {inDump} in it, {saved} in all");

        var environment = PublishedApp.Demo(restored);
        environment["Trama__DemoData"] = "false";
        var (checkExit, report) = await published.CommandAsync(environment, "check");
        Assert.True(checkExit == 0, report);
        Assert.Contains("Integrity check: ok.", report, StringComparison.Ordinal);
        Assert.Contains($"  DiaryEntries: {await CountAsync(restored, """SELECT COUNT(*) FROM "DiaryEntries" """)}", report, StringComparison.Ordinal);

        // The copy is a working database: the app starts on it and serves the project.
        await using var onCopy = await AppProcess.StartAsync(published.Folder, environment);
        using var ready = await new HttpClient { BaseAddress = onCopy.RootUri }.GetAsync(new Uri("/health/ready", UriKind.Relative), Cancel);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }
}
