using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Trama.IntegrationTests.Infrastructure;

namespace Trama.IntegrationTests.Published;

/// A SIGKILL in the middle of concurrent writes, then a restart on the same database (the
/// engine under test: an SQLite file, or a PostgreSQL database that outlives the app).
[Trait("Database", "Any")]
public sealed class CrashTests(PublishedApp published) : IClassFixture<PublishedApp>
{
    private const string Marker = "Scritto prima del crash";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static async Task<(HttpClient Client, Guid Project, Guid Area)> KeyWorkerAsync(Uri root)
    {
        var client = new HttpClient { BaseAddress = root };
        using var token = await client.PostAsJsonAsync("/api/v1/token", new { userName = "operatore", password = Trama.Web.Features.Demo.DemoData.Password }, Cancel);
        Assert.Equal(HttpStatusCode.OK, token.StatusCode);
        using var json = JsonDocument.Parse(await token.Content.ReadAsStringAsync(Cancel));
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", json.RootElement.GetProperty("accessToken").GetString());
        using var list = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/v1/projects?q=AMI-0001", UriKind.Relative), Cancel));
        var project = list.RootElement.GetProperty("items")[0].GetProperty("id").GetGuid();
        using var lines = JsonDocument.Parse(await client.GetStringAsync(new Uri($"/api/v1/projects/{project}/budget/lines", UriKind.Relative), Cancel));
        return (client, project, lines.RootElement[0].GetProperty("lifeAreaId").GetGuid());
    }

    private static async Task<HttpClient> BearerAsync(Uri root, string userName)
    {
        var client = new HttpClient { BaseAddress = root };
        using var token = await client.PostAsJsonAsync("/api/v1/token", new { userName, password = Trama.Web.Features.Demo.DemoData.Password }, Cancel);
        Assert.Equal(HttpStatusCode.OK, token.StatusCode);
        using var json = JsonDocument.Parse(await token.Content.ReadAsStringAsync(Cancel));
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", json.RootElement.GetProperty("accessToken").GetString());
        return client;
    }

    /// Sends a referral as the pharmacy and walks it to completion as the community house, one
    /// answered step after another, until the app dies under it.
    private static async Task ReferralLoopAsync(HttpClient pharmacy, HttpClient house, Guid service, Guid from, int writer, ConcurrentBag<(Guid Id, string State)> answered)
    {
        for (var n = 0; ; n++)
        {
            using var sent = await pharmacy.PostAsJsonAsync("/api/v1/referrals", new { serviceId = service, fromOrganisationId = from, givenName = "Crash", familyName = $"{Marker} {writer}-{n}", contact = "333 000 0000", reason = "Prova di crash.", urgency = "Routine", consentGiven = true }, CancellationToken.None);
            Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
            var referral = JsonDocument.Parse(await sent.Content.ReadAsStringAsync(CancellationToken.None)).RootElement;
            var id = referral.GetProperty("id").GetGuid();
            answered.Add((id, "Requested"));
            foreach (var (action, text) in new[] { ("Accept", (string?)null), ("Start", null), ("Complete", "Concluso prima del crash.") })
            {
                using var moved = await house.PostAsJsonAsync($"/api/v1/referrals/{id}/moves", new { action, text, version = referral.GetProperty("version").GetGuid() }, CancellationToken.None);
                Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
                referral = JsonDocument.Parse(await moved.Content.ReadAsStringAsync(CancellationToken.None)).RootElement;
                answered.Add((id, referral.GetProperty("state").GetString()!));
            }
        }
    }

    private static List<(Guid Id, string Text)> Rows(TestDatabase database, string sql)
    {
        using var connection = database.Provider == "Postgres"
            ? (System.Data.Common.DbConnection)new Npgsql.NpgsqlConnection(database.ConnectionString)
            : new SqliteConnection(database.ConnectionString + ";Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<(Guid, string)>();
        while (reader.Read())
        {
            rows.Add((Guid.Parse(reader.GetValue(0).ToString()!), reader.GetString(1)));
        }

        return rows;
    }

    [Fact]
    public async Task AfterAKillMidBurst_EveryAnsweredWriteIsThereWhole_AndTheAppComesBackReadyWithAnIntactAuditChain()
    {
        await using var database = await TestDatabase.CreateAsync();
        var environment = PublishedApp.Demo(database);
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var diary = new ConcurrentBag<(Guid Id, string Notes)>();
        var ledger = new ConcurrentBag<(Guid Id, string Description)>();
        var moves = new ConcurrentBag<(Guid Id, string State)>();
        var inFlight = 0;
        var before = await AppProcess.StartAsync(published.Folder, environment);
        await using (before)
        {
            var (client, project, area) = await KeyWorkerAsync(before.RootUri);
            using var _ = client;
            using var pharmacy = await BearerAsync(before.RootUri, "sportello");
            using var house = await BearerAsync(before.RootUri, "volontario");
            var service = Rows(database, """SELECT "Id", "Name" FROM "DirectoryServices" WHERE "Name" = 'Sportello di ascolto e orientamento'""").Single().Id;
            var from = Rows(database, """SELECT "Id", "Name" FROM "Organisations" WHERE "Name" = 'Farmacia Comunale 2'""").Single().Id;
            var writers = Enumerable.Range(0, 6).Select(w => Task.Run(async () =>
            {
                for (var n = 0; ; n++)
                {
                    var text = $"{Marker} {w}-{n}: " + new string('x', 2000);
                    try
                    {
                        using var response = w % 2 == 0
                            ? await client.PostAsJsonAsync($"/api/v1/projects/{project}/diary", new { occurredOn = today, type = "PhoneCall", durationMinutes = 7, notes = text, sensitivity = "Ordinary" }, CancellationToken.None)
                            : await client.PostAsJsonAsync($"/api/v1/projects/{project}/ledger", new { spentOn = today, amount = 3.21m, source = "Municipality", lifeAreaId = area, supplier = "Bar Centrale", description = text[..300] }, CancellationToken.None);
                        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
                        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(CancellationToken.None));
                        (w % 2 == 0 ? (Action)(() => diary.Add((json.RootElement.GetProperty("id").GetGuid(), text))) : () => ledger.Add((json.RootElement.GetProperty("id").GetGuid(), text[..300])))();
                    }
                    catch (HttpRequestException)
                    {
                        Interlocked.Increment(ref inFlight);
                        return;
                    }
                }
            })).Concat(Enumerable.Range(0, 2).Select(w => Task.Run(async () =>
            {
                try
                {
                    await ReferralLoopAsync(pharmacy, house, service, from, w, moves);
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref inFlight);
                }
            }))).ToList();

            await Task.Delay(2000, Cancel);
            await before.KillAsync();
            await Task.WhenAll(writers);
        }

        await using var after = await AppProcess.StartAsync(published.Folder, environment);
        using var probe = new HttpClient { BaseAddress = after.RootUri };
        using (var ready = await probe.GetAsync(new Uri("/health/ready", UriKind.Relative), Cancel))
        {
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        }

        var savedDiary = Rows(database, $"""SELECT "Id", "Notes" FROM "DiaryEntries" WHERE "Notes" LIKE '{Marker}%'""").ToDictionary(r => r.Id, r => r.Text);
        var savedLedger = Rows(database, $"""SELECT "Id", "Description" FROM "LedgerEntries" WHERE "Description" LIKE '{Marker}%'""").ToDictionary(r => r.Id, r => r.Text);
        Assert.True(!diary.IsEmpty && !ledger.IsEmpty, $"{diary.Count} diary entries and {ledger.Count} ledger entries answered before the kill");
        Assert.All(diary, d => Assert.Equal(d.Notes, savedDiary.GetValueOrDefault(d.Id)));
        Assert.All(ledger, l => Assert.Equal(l.Description, savedLedger.GetValueOrDefault(l.Id)));

        // Every answered step of a referral is in its timeline, and each referral stands in the
        // state of its last step: no state without its event, no event without its state.
        var events = Rows(database, $"""SELECT e."ReferralId", e."To" FROM "ReferralEvent" e JOIN "Referrals" r ON r."Id" = e."ReferralId" WHERE r."FamilyName" LIKE '{Marker}%'""").ToHashSet();
        Assert.True(!moves.IsEmpty, "no referral step answered before the kill");
        Assert.All(moves, m => Assert.Contains(m, events));
        var states = Rows(database, $"""SELECT "Id", "State" FROM "Referrals" WHERE "FamilyName" LIKE '{Marker}%'""");
        string[] order = ["Requested", "Accepted", "InProgress", "Completed"];
        Assert.All(states, r => Assert.Equal(events.Where(e => e.Id == r.Id).MaxBy(e => Array.IndexOf(order, e.Text)).Text, r.Text));

        // A write cut off before its answer is either all there or not there at all.
        Assert.InRange(savedDiary.Count + savedLedger.Count, diary.Count + ledger.Count, diary.Count + ledger.Count + inFlight);
        Assert.All(savedDiary.Values, notes => Assert.EndsWith(new string('x', 2000), notes, StringComparison.Ordinal));

        // The app's own check: the engine's integrity check (integrity_check, or amcheck on every
        // index), the audit chain, row counts.
        var (exit, report) = await published.CommandAsync(environment, "check");
        Assert.True(exit == 0, report);
        Assert.Contains("Integrity check: ok.", report, StringComparison.Ordinal);
        TestContext.Current.SendDiagnosticMessage($"crash ({database.Provider}): {diary.Count + ledger.Count} writes and {moves.Count} referral steps answered, {inFlight} in flight at the kill, {savedDiary.Count + savedLedger.Count} writes and {moves.Count(m => events.Contains(m))} steps found after restart ({events.Count} steps in all)");
    }
}
