using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Trama.IntegrationTests.Infrastructure;
using Trama.Web.Features.Budget;
using Trama.Web.Features.Programmes;
using Trama.Web.Features.Projects;

namespace Trama.IntegrationTests.Features.Budget;

/// Budget periods, the cost at tariff, the value of logged time and the programme's totals.
[Trait("Database", "Any")]
public sealed class BudgetPlanTests(TramaApp app) : IClassFixture<TramaApp>
{
    private Task<Guid> ProjectAsync() =>
        app.WithDbAsync(db => db.Projects.Where(p => p.Person.PseudonymousCode == "AMI-0001").Select(p => p.Id).SingleAsync());

    [Fact]
    public async Task APlanLine_CarriesItsPeriod_AndAPeriodEndingBeforeItStartsIsRefused()
    {
        var id = await ProjectAsync();
        using var session = app.NewSession();
        await session.LoginAsync("clinico");
        var page = await session.GetAsync($"/Projects/{id}/Budget");

        var refused = await session.SubmitAsync(page, "form[data-testid=line-form]", ("Line.Planned", "500"), ("Line.PeriodStart", "2026-06-01"), ("Line.PeriodEnd", "2026-05-01"));
        Assert.Contains("non può precedere", refused.TextOf("#period-end-error"), StringComparison.Ordinal);
        Assert.Equal("500", refused.Find("#Line_Planned")!.GetAttribute("value"));

        await session.SubmitAsync(refused, "form[data-testid=line-form]", ("Line.PeriodEnd", "2026-12-31"), ("Line.Planned", "512,34"));
        var line = await app.WithDbAsync(db => db.BudgetLines.SingleAsync(b => b.ProjectId == id && b.PlannedCents == 512_34));
        Assert.Equal((new DateOnly(2026, 6, 1), new DateOnly(2026, 12, 31)), (line.PeriodStart!.Value, line.PeriodEnd!.Value));
    }

    [Fact]
    public async Task TheCostAtTariff_IsTheTerritorysRatesOverTheDaysSinceTheStart()
    {
        var id = await ProjectAsync();
        var (project, rows) = await app.WithDbAsync(async db =>
        {
            var p = await db.Projects.Include(x => x.Programme).SingleAsync(x => x.Id == id);
            return (p, await db.TariffTable.Where(t => t.TerritoryId == p.Programme.TerritoryId).ToListAsync());
        });
        var today = Trama.Web.Infrastructure.ItalianTime.Today(TimeProvider.System);
        var (health, social) = TariffTableEntry.CostBetween(rows, project.Intensity!.Value, project.StartedOn!.Value, today);
        using var session = app.NewSession();
        await session.LoginAsync("operatore");

        var page = await session.GetAsync($"/Projects/{id}/Budget");

        Assert.True(health + social > 0);
        Assert.Equal(Money.Format(health + social), page.TextOf("[data-testid=tariff-cost]"));
    }

    [Fact]
    public async Task LoggedTime_IsValuedAtTheProgrammesHourlyRates()
    {
        var id = await ProjectAsync();
        var (minutes, rate) = await app.WithDbAsync(async db =>
        {
            // The CPS referent reads every entry of the project, so every staff minute counts.
            var staff = await db.DiaryEntries.Where(d => d.ProjectId == id
                && !db.CareTeamMembers.Any(m => m.ProjectId == id && m.UserId == d.AuthorUserId && (m.Role == CareTeamRole.PeerSupportExpert || m.Role == CareTeamRole.NaturalFacilitator || m.Role == CareTeamRole.FamilyMember)))
                .SumAsync(d => d.DurationMinutes);
            return (staff, await db.Programmes.Where(p => p.Code == Trama.Web.Features.Demo.DemoData.Amicitta).Select(p => p.StaffHourlyRateCents).SingleAsync());
        });
        using var session = app.NewSession();
        await session.LoginAsync("clinico");

        var page = await session.GetAsync($"/Projects/{id}/Budget");

        var row = page.Find("[data-testid=time-value] tr[data-kind=Staff]")!;
        Assert.Equal(Money.Format((long)Math.Round(minutes * rate / 60m, MidpointRounding.ToEven)), row.QuerySelectorAll("td")[3].TextContent.Trim());
    }

    [Fact]
    public async Task TheProgrammeTotals_AddUpToTheLedgerToTheCent_ForAllTimeAndForAYear()
    {
        var (all, year) = await app.WithDbAsync(async db =>
        {
            var ledger = db.LedgerEntries.Where(e => db.Projects.Any(p => p.Id == e.ProjectId && p.Programme.Code == Trama.Web.Features.Demo.DemoData.Amicitta));
            return (await ledger.SumAsync(e => e.AmountCents), await ledger.Where(e => e.SpentOn.Year == 2026).SumAsync(e => e.AmountCents));
        });
        using var session = app.NewSession();
        await session.LoginAsync("fondazione");

        Assert.Equal(Money.Format(all), (await session.GetAsync("/Budget/Programme")).TextOf("[data-testid=programme-spent]"));
        Assert.Equal(Money.Format(year), (await session.GetAsync("/Budget/Programme?year=2026")).TextOf("[data-testid=programme-spent]"));
    }
}
