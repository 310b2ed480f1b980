using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Npgsql;
using Trama.IntegrationTests.Infrastructure;

namespace Trama.IntegrationTests.Published;

/// Two published instances on one PostgreSQL database, as behind a load balancer.
[Trait("Database", "Postgres")]
public sealed partial class TwoInstancesTests(PublishedApp published) : IClassFixture<PublishedApp>, IAsyncLifetime
{
    private TestDatabase database = null!;
    private AppProcess first = null!;
    private AppProcess second = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        database = await TestDatabase.CreateAsync("Postgres");

        // The first instance migrates and seeds; the second starts on the finished database, as a
        // rolling deployment does.
        first = await AppProcess.StartAsync(published.Folder, Environment("A"));
        second = await AppProcess.StartAsync(published.Folder, Environment("B"));
    }

    public async ValueTask DisposeAsync()
    {
        await second.DisposeAsync();
        await first.DisposeAsync();
        await database.DisposeAsync();
    }

    private Dictionary<string, string> Environment(string instance) => new()
    {
        ["Database__Provider"] = "Postgres",
        ["ConnectionStrings__Trama"] = database.ConnectionString,
        ["Trama__DataDirectory"] = database.DataDirectory,
        ["Trama__DemoData"] = "true",
        ["Trama__Jobs__Instance"] = instance,
        ["Trama__Jobs__Tick"] = "00:00:00.2",
        ["Trama__Jobs__Every__audit-verify"] = "00:00:01",
        ["Trama__ReverseProxy__KnownProxies__0"] = "127.0.0.1",
    };

    /// Two clients, one per instance, sharing one cookie jar as one browser behind the balancer.
    private (WebSession OnFirst, WebSession OnSecond) Browser()
    {
        var cookies = new CookieContainer();
        WebSession On(AppProcess app) => new(new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = app.RootUri });
        return (On(first), On(second));
    }

    [Fact]
    public async Task ALoginOnOneInstance_IsValidOnTheOther_AndFormsAndPagesWorkWhenRequestsAlternate()
    {
        var (onFirst, onSecond) = Browser();
        using var a = onFirst;
        using var b = onSecond;
        var home = await a.LoginAsync("operatore");
        Assert.Equal(HttpStatusCode.OK, home.Status);

        for (var i = 0; i < 10; i++)
        {
            var page = await (i % 2 == 0 ? b : a).GetAsync("/Projects");
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.DoesNotContain("/Account/Login", page.Url.AbsolutePath, StringComparison.Ordinal);
        }

        // A form rendered by one instance (its antiforgery token) is accepted by the other.
        var italian = await a.GetAsync("/Projects");
        var english = await b.SwitchLanguageAsync(italian, "en");
        Assert.Equal(HttpStatusCode.OK, english.Status);
        Assert.Equal("en", english.Document.DocumentElement.GetAttribute("lang"));
        Assert.Equal("en", (await a.GetAsync("/Projects")).Document.DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public async Task AnApiTokenFromOneInstance_WritesOnTheOther_AndTheWriteIsReadOnTheFirst()
    {
        using var a = new HttpClient { BaseAddress = first.RootUri };
        using var b = new HttpClient { BaseAddress = second.RootUri };
        using var token = await a.PostAsJsonAsync("/api/v1/token", new { userName = "operatore", password = Trama.Web.Features.Demo.DemoData.Password }, Cancel);
        using var json = JsonDocument.Parse(await token.Content.ReadAsStringAsync(Cancel));
        var bearer = new AuthenticationHeaderValue("Bearer", json.RootElement.GetProperty("accessToken").GetString());
        a.DefaultRequestHeaders.Authorization = bearer;
        b.DefaultRequestHeaders.Authorization = bearer;
        using var list = JsonDocument.Parse(await b.GetStringAsync(new Uri("/api/v1/projects?q=AMI-0001", UriKind.Relative), Cancel));
        var project = list.RootElement.GetProperty("items")[0].GetProperty("id").GetGuid();

        var entry = new { occurredOn = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), type = "PhoneCall", durationMinutes = 10, notes = "Telefonata tra due istanze", sensitivity = "Ordinary" };
        using var created = await b.PostAsJsonAsync($"/api/v1/projects/{project}/diary", entry, Cancel);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var diary = await a.GetStringAsync(new Uri($"/api/v1/projects/{project}/diary", UriKind.Relative), Cancel);
        Assert.Contains("Telefonata tra due istanze", diary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BehindTheProxy_TheAuditKeepsTheClientAddress_AndCookiesAreSecure()
    {
        using var client = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = first.RootUri };
        using var login = new HttpRequestMessage(HttpMethod.Get, "/Account/Login");
        login.Headers.Add("X-Forwarded-For", "203.0.113.7");
        login.Headers.Add("X-Forwarded-Proto", "https");
        using var response = await client.SendAsync(login, Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.All(response.Headers.GetValues("Set-Cookie"), c => Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase));

        using var direct = await client.GetAsync(new Uri("/Account/Login", UriKind.Relative), Cancel);
        Assert.All(direct.Headers.GetValues("Set-Cookie"), c => Assert.DoesNotContain("secure", c, StringComparison.OrdinalIgnoreCase));

        using var token = await client.PostAsJsonAsync("/api/v1/token", new { userName = "operatore", password = Trama.Web.Features.Demo.DemoData.Password }, Cancel);
        using var json = JsonDocument.Parse(await token.Content.ReadAsStringAsync(Cancel));
        using var read = new HttpRequestMessage(HttpMethod.Get, "/api/v1/projects?q=AMI-0001");
        read.Headers.Authorization = new AuthenticationHeaderValue("Bearer", json.RootElement.GetProperty("accessToken").GetString());
        read.Headers.Add("X-Forwarded-For", "203.0.113.7");
        using var list = await client.SendAsync(read, Cancel);
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.True(await ScalarAsync("""SELECT COUNT(*) FROM "AuditEntries" WHERE "IpAddress" = '203.0.113.7'""") > 0);
        Assert.Equal(0, await ScalarAsync("""SELECT COUNT(*) FROM "AuditEntries" WHERE "IpAddress" LIKE '%,%'"""));
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(Cancel);
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync(Cancel))!;
    }

    [Fact]
    public async Task AScheduledJob_RunsOnceForEverySlot_AcrossBothInstances()
    {
        await Task.Delay(TimeSpan.FromSeconds(6), Cancel);

        var runs = Ran().Matches(first.Output).Select(m => (Slot: long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), Instance: "A"))
            .Concat(Ran().Matches(second.Output).Select(m => (Slot: long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), Instance: "B")))
            .ToList();
        Assert.True(runs.Count >= 4, $"{runs.Count} runs in six seconds");
        Assert.Equal(runs.Count, runs.Select(r => r.Slot).Distinct().Count());

        // No slot skipped between the first and the last run: one of the two always took it.
        var slots = runs.Select(r => r.Slot).Order().ToList();
        Assert.Equal(slots[^1] - slots[0] + 1, slots.Count);

        Assert.Equal(runs.Count, await ScalarAsync($"""SELECT COUNT(*) FROM "JobRuns" WHERE "Job" = 'audit-verify' AND "Succeeded" AND "Slot" BETWEEN {slots[0]} AND {slots[^1]}"""));
        TestContext.Current.SendDiagnosticMessage($"two instances: {runs.Count} slots run, {runs.Count(r => r.Instance == "A")} by A and {runs.Count(r => r.Instance == "B")} by B, none twice");
    }

    [GeneratedRegex(@"Scheduled job audit-verify ran for slot (\d+)")]
    private static partial Regex Ran();
}
