using Microsoft.EntityFrameworkCore;
using Trama.IntegrationTests.Infrastructure;
using Trama.Web.Features.Projects;

namespace Trama.IntegrationTests.Features.Projects;

[Trait("Database", "Any")]
public sealed class ProjectListFilterTests(TramaApp app) : IClassFixture<TramaApp>
{
    private static int Shown(HtmlResult page) => page.Document.QuerySelectorAll("[data-testid=projects] tbody tr").Length;

    [Fact]
    public async Task FilteringByCaseManager_ShowsTheProjectsTheyManage()
    {
        var (userId, expected) = await app.WithDbAsync(async db =>
        {
            var id = await db.Users.Where(u => u.UserName == "clinico").Select(u => u.Id).SingleAsync();
            var count = await db.Projects.CountAsync(p => p.Team.Any(m => m.UserId == id && (m.Role == CareTeamRole.CpsReferent || m.Role == CareTeamRole.CaseManager) && m.EndsOn == null));
            return (id, count);
        });
        using var session = app.NewSession();
        await session.LoginAsync("operatore");
        var page = await session.GetAsync($"/Projects?manager={userId}&sort=code");
        Assert.NotNull(page.Find($"#manager option[value='{userId}'][selected]"));
        var visibleToKeyWorker = await app.WithDbAsync(db => db.Projects.CountAsync(p =>
            p.Team.Any(m => m.UserId == userId && m.Role == CareTeamRole.CpsReferent && m.EndsOn == null) && p.Team.Any(m => m.User!.UserName == "operatore" && m.EndsOn == null)));
        Assert.True(expected >= visibleToKeyWorker);
        Assert.Equal(Math.Min(IndexModel.PageSize, visibleToKeyWorker), Shown(page));
    }

    [Fact]
    public async Task FilteringByLifeArea_ShowsOnlyPlansWorkingOnIt()
    {
        var (area, expected) = await app.WithDbAsync(async db =>
        {
            var clinician = await db.Users.Where(u => u.UserName == "clinico").Select(u => u.Id).SingleAsync();
            var housing = await db.LifeAreas.Where(a => a.Code == db.LifeAreas.OrderBy(x => x.SortOrder).Select(x => x.Code).First()).Select(a => new { a.Id, a.ProgrammeId }).FirstAsync(a => db.Programmes.Any(p => p.Id == a.ProgrammeId && p.Code == "AMICITTA"));
            var count = await db.Projects.CountAsync(p => p.Team.Any(m => m.UserId == clinician && m.EndsOn == null)
                && (p.Goals.Any(g => g.LifeAreaId == housing.Id) || db.BudgetLines.Any(b => b.ProjectId == p.Id && b.LifeAreaId == housing.Id)));
            return (housing.Id, count);
        });
        using var session = app.NewSession();
        await session.LoginAsync("clinico");
        var page = await session.GetAsync($"/Projects?area={area}");
        Assert.True(expected > 0);
        Assert.Equal(Math.Min(IndexModel.PageSize, expected), Shown(page));
    }
}
