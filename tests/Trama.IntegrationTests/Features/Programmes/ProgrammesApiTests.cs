using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Trama.IntegrationTests.Infrastructure;
using Trama.Web.Features.Projects;

namespace Trama.IntegrationTests.Features.Programmes;

/// /api/v1/programme: the settings, life areas and tariff table of the caller's programme, with
/// the rules and roles of the pages.
[Trait("Database", "Any")]
public sealed class ProgrammesApiTests(TramaApp app) : IClassFixture<TramaApp>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));
        return json.RootElement.Clone();
    }

    [Fact]
    public async Task TheSettings_AreChangedWithTheirVersion_AndAStaleVersionIs409()
    {
        using var coordinator = await app.BearerAsync("coordinatore");
        using var read = await coordinator.GetAsync(new Uri("/api/v1/programme/settings", UriKind.Relative), Cancel);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        var settings = await JsonAsync(read);
        var version = settings.GetProperty("version").GetGuid();
        var change = new
        {
            reviewIntervalMonths = 4,
            staffHourlyRate = 27.5m,
            peerHourlyRate = 18m,
            volunteerHourlyRate = 0m,
            phases = new[] { new { state = "FollowUp", nameIt = "Accompagnamento dopo la chiusura", nameEn = "Aftercare" } },
            version,
        };

        using var saved = await coordinator.PutAsJsonAsync("/api/v1/programme/settings", change, Cancel);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var after = await JsonAsync(saved);
        Assert.Equal(4, after.GetProperty("reviewIntervalMonths").GetInt32());
        Assert.Equal(27.5m, after.GetProperty("staffHourlyRate").GetDecimal());
        Assert.Contains(after.GetProperty("phases").EnumerateArray(), p => p.GetProperty("nameIt").GetString() == "Accompagnamento dopo la chiusura");

        using var stale = await coordinator.PutAsJsonAsync("/api/v1/programme/settings", change with { reviewIntervalMonths = 6 }, Cancel);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(4, await app.WithDbAsync(db => db.Programmes.Where(p => p.Code == Trama.Web.Features.Demo.DemoData.Amicitta).Select(p => p.ReviewIntervalMonths).SingleAsync()));
    }

    [Fact]
    public async Task BadSettings_AreExplainedFieldByField_AndNothingIsSaved()
    {
        using var coordinator = await app.BearerAsync("coordinatore");
        var version = (await JsonAsync(await coordinator.GetAsync(new Uri("/api/v1/programme/settings", UriKind.Relative), Cancel))).GetProperty("version").GetGuid();
        var bad = new
        {
            reviewIntervalMonths = 0,
            staffHourlyRate = 25.125m,
            peerHourlyRate = -1m,
            volunteerHourlyRate = 0m,
            phases = new[] { new { state = "Active", nameIt = "Solo in italiano", nameEn = (string?)null } },
            version,
        };

        using var refused = await coordinator.PutAsJsonAsync("/api/v1/programme/settings", bad, Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var errors = (await JsonAsync(refused)).GetProperty("errors");
        foreach (var field in new[] { "reviewIntervalMonths", "staffHourlyRate", "peerHourlyRate", "phases[0].NameIt" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}: {errors}");
        }

        Assert.Equal(version, await app.WithDbAsync(db => db.Programmes.Where(p => p.Code == Trama.Web.Features.Demo.DemoData.Amicitta).Select(p => p.Version).SingleAsync()));
    }

    [Theory]
    [InlineData("clinico")]
    [InlineData("fondazione")]
    public async Task TheTariffTable_IsReadByClinicalAndFundingStaff_ButOnlyKeepersChangeItOrTheSettings(string user)
    {
        using var client = await app.BearerAsync(user);
        using var table = await client.GetAsync(new Uri("/api/v1/programme/tariffs", UriKind.Relative), Cancel);
        Assert.Equal(HttpStatusCode.OK, table.StatusCode);
        Assert.NotEqual(0, (await JsonAsync(table)).GetArrayLength());

        using var add = await client.PostAsJsonAsync("/api/v1/programme/tariffs", new { intensity = "High", unit = "PerMonth", healthShare = 1m, socialShare = 1m, validFrom = "2099-01-01" }, Cancel);
        Assert.Equal(HttpStatusCode.Forbidden, add.StatusCode);
        using var settings = await client.GetAsync(new Uri("/api/v1/programme/settings", UriKind.Relative), Cancel);
        Assert.Equal(HttpStatusCode.Forbidden, settings.StatusCode);
    }

    [Fact]
    public async Task ANewRate_ClosesTheCurrentOneTheDayBefore_AndAnEarlierStartIsRefused()
    {
        using var coordinator = await app.BearerAsync("coordinatore");
        var rate = new { intensity = "Low", unit = "PerMonth", healthShare = 410.50m, socialShare = 300m, validFrom = "2031-01-01" };

        using var added = await coordinator.PostAsJsonAsync("/api/v1/programme/tariffs", rate, Cancel);
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        Assert.Equal(710.50m, (await JsonAsync(added)).GetProperty("total").GetDecimal());
        Assert.True(await app.WithDbAsync(db => db.TariffTable.AnyAsync(t => t.Intensity == Intensity.Low && t.ValidTo == new DateOnly(2030, 12, 31))));

        using var earlier = await coordinator.PostAsJsonAsync("/api/v1/programme/tariffs", rate with { validFrom = "2030-06-01" }, Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, earlier.StatusCode);
        Assert.True((await JsonAsync(earlier)).GetProperty("errors").TryGetProperty("validFrom", out _));
        using var thirdDecimal = await coordinator.PostAsJsonAsync("/api/v1/programme/tariffs", rate with { healthShare = 1.001m, validFrom = "2032-01-01" }, Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, thirdDecimal.StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.TariffTable.CountAsync(t => t.Intensity == Intensity.Low && t.ValidFrom >= new DateOnly(2031, 1, 1))));
    }

    [Fact]
    public async Task ALifeArea_IsAddedAndRenamed_AndATakenCodeIsRefused()
    {
        using var coordinator = await app.BearerAsync("coordinatore");
        var area = new { code = "spirituality", nameIt = "Spiritualità", nameEn = "Spirituality", nationalArea = "SocialLife" };

        using var added = await coordinator.PostAsJsonAsync("/api/v1/programme/life-areas", area, Cancel);
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var id = (await JsonAsync(added)).GetProperty("id").GetGuid();

        using var taken = await coordinator.PostAsJsonAsync("/api/v1/programme/life-areas", area, Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, taken.StatusCode);
        Assert.True((await JsonAsync(taken)).GetProperty("errors").TryGetProperty("code", out _));

        using var renamed = await coordinator.PutAsJsonAsync($"/api/v1/programme/life-areas/{id}", area with { nameIt = "Spiritualità e fede" }, Cancel);
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.Equal("Spiritualità e fede", await app.WithDbAsync(db => db.LifeAreas.Where(a => a.Id == id).Select(a => a.NameIt).SingleAsync()));
        Assert.Contains("Spiritualità e fede", await coordinator.GetStringAsync(new Uri("/api/v1/programme/life-areas", UriKind.Relative), Cancel), StringComparison.Ordinal);
    }
}
