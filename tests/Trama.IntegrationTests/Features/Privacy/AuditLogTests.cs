using Microsoft.EntityFrameworkCore;
using Trama.IntegrationTests.Infrastructure;

namespace Trama.IntegrationTests.Features.Privacy;

/// The privacy officer's audit viewer.
[Trait("Database", "Any")]
public sealed class AuditLogTests(TramaApp app) : IClassFixture<TramaApp>
{
    private async Task<WebSession> OfficerAsync()
    {
        var session = app.NewSession();
        await session.LoginAsync("privacy");
        return session;
    }

    private static List<string[]> Rows(HtmlResult page) =>
        page.Document.QuerySelectorAll("[data-testid=audit-rows] tbody tr")
            .Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToArray()).ToList();

    [Fact]
    public async Task FilteringByPerson_ShowsOnlyThatPersonsRows()
    {
        using var session = await OfficerAsync();
        var rows = Rows(await session.GetAsync("/Privacy/Audit?person=ami-0001"));
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Equal("AMI-0001", r[4]));
    }

    [Fact]
    public async Task FilteringByUserAndAction_ShowsOnlyTheirReads()
    {
        using (var clinician = app.NewSession())
        {
            await clinician.LoginAsync("clinico");
            await clinician.GetAsync("/Projects");
        }

        using var session = await OfficerAsync();
        var rows = Rows(await session.GetAsync("/Privacy/Audit?user=clinico&action=Read"));
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Equal("clinico", r[2]));
        Assert.All(rows, r => Assert.StartsWith("ha consultato", r[3], StringComparison.Ordinal));
    }

    [Fact]
    public async Task AChange_ShowsWhichFieldsChanged_NotTheirValues()
    {
        using var session = await OfficerAsync();
        var rows = Rows(await session.GetAsync("/Privacy/Audit?action=Create"));
        Assert.Contains(rows, r => r[5].Contains("Notes", StringComparison.Ordinal));
        var notes = await app.WithDbAsync(db => db.DiaryEntries.Select(d => d.Notes).FirstAsync());
        Assert.DoesNotContain(rows, r => r.Any(c => c.Contains(notes, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task AnEndDateBeforeTheStart_IsExplained()
    {
        using var session = await OfficerAsync();
        var page = await session.GetAsync("/Privacy/Audit?from=2026-05-10&to=2026-05-01");
        Assert.Contains(page.Errors, e => e.Contains("data finale", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheChainCheck_ReportsAnIntactTrail()
    {
        using var session = await OfficerAsync();
        var page = await session.GetAsync("/Privacy/Audit");
        var verified = await session.SubmitAsync(page, "form[action*='handler=Verify']");
        Assert.Contains("Catena integra", verified.TextOf("[data-testid=verification]"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("admin")]
    [InlineData("clinico")]
    [InlineData("coordinatore")]
    public async Task NobodyElse_OpensTheViewer(string user)
    {
        using var session = app.NewSession();
        await session.LoginAsync(user);
        Assert.Equal("/Account/AccessDenied", (await session.GetAsync("/Privacy/Audit")).Url.AbsolutePath);
    }
}
