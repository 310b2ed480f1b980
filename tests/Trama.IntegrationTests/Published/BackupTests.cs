using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Trama.Web.Data;

namespace Trama.IntegrationTests.Published;

/// `backup` and `restore` of the published app on SQLite, taken while the app runs and writes.
[Trait("Database", "Sqlite")]
public sealed class BackupTests(PublishedApp app) : IClassFixture<PublishedApp>
{
    private const string Marker = "Scritto durante il backup";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private async Task<(HttpClient Client, Guid Project)> KeyWorkerAsync()
    {
        var client = new HttpClient { BaseAddress = app.RootUri };
        using var token = await client.PostAsJsonAsync("/api/v1/token", new { userName = "operatore", password = Trama.Web.Features.Demo.DemoData.Password }, Cancel);
        Assert.Equal(HttpStatusCode.OK, token.StatusCode);
        using var json = JsonDocument.Parse(await token.Content.ReadAsStringAsync(Cancel));
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", json.RootElement.GetProperty("accessToken").GetString());
        using var list = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/v1/projects?q=AMI-0001", UriKind.Relative), Cancel));
        return (client, list.RootElement.GetProperty("items")[0].GetProperty("id").GetGuid());
    }

    private static long Count(string database, string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }

    [Fact]
    public async Task ABackupTakenUnderWrites_HoldsEveryWriteAnsweredBeforeIt_AndRestoresIntoANewFolderIdentically()
    {
        var (client, project) = await KeyWorkerAsync();
        using var _ = client;
        var folder = Path.Combine(Infrastructure.TestEnvironment.TempRoot, "backup-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, "trama-backup.db");
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
        var clock = Stopwatch.StartNew();
        var (backupExit, backupOutput) = await app.CommandAsync(app.DataDirectory, "backup", file);
        var startedBy = Volatile.Read(ref started);
        await Task.Delay(500, Cancel);
        await stop.CancelAsync();
        await Task.WhenAll(writers);

        Assert.True(backupExit == 0, backupOutput);
        Assert.Contains("Integrity check: ok.", backupOutput, StringComparison.Ordinal);
        var inBackup = Count(file, $"SELECT COUNT(*) FROM DiaryEntries WHERE Notes LIKE '{Marker}%'");
        Assert.InRange(inBackup, answeredBefore, startedBy);
        Assert.True(answeredBefore > 0 && saved > inBackup, $"{answeredBefore} answered before the backup, {inBackup} in it, {saved} in all, backup took {clock.ElapsedMilliseconds} ms");

        var restoredFolder = Path.Combine(folder, "data");
        var (restoreExit, restoreOutput) = await app.CommandAsync(restoredFolder, "restore", file);
        Assert.True(restoreExit == 0, restoreOutput);
        var backup = await SqliteBackup.CheckAsync(file);
        var restored = await SqliteBackup.CheckAsync(Path.Combine(restoredFolder, "trama.db"));
        Assert.True(restored.IsSound && restored.Audit.Checked > 0, restoreOutput);
        Assert.Equal(backup.Rows, restored.Rows);
        Assert.Equal(backup.Audit, restored.Audit);
        var (verifyExit, verifyOutput) = await app.CommandAsync(restoredFolder, "verify-audit");
        Assert.True(verifyExit == 0, verifyOutput);
    }

    [Fact]
    public async Task Restore_NeverOverwritesADatabase_AndABackupNeverOverwritesAFile()
    {
        var folder = Path.Combine(Infrastructure.TestEnvironment.TempRoot, "backup-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, "trama-backup.db");
        Assert.Equal(0, (await app.CommandAsync(app.DataDirectory, "backup", file)).ExitCode);
        var live = Path.Combine(app.DataDirectory, "trama.db");
        var projects = Count(live, "SELECT COUNT(*) FROM Projects");

        var (overLive, output) = await app.CommandAsync(app.DataDirectory, "restore", file);
        Assert.Equal(1, overLive);
        Assert.Contains("exists", output, StringComparison.Ordinal);
        Assert.Equal(projects, Count(live, "SELECT COUNT(*) FROM Projects"));
        Assert.Equal(1, (await app.CommandAsync(app.DataDirectory, "backup", file)).ExitCode);
    }
}
