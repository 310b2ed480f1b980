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

    [Fact]
    public async Task AManagerJoiningOrLeavingATeam_IsOfferedOrWithdrawnAtTheNextView()
    {
        var (peer, projectId) = await app.WithDbAsync(async db => (
            await db.Users.Where(u => u.UserName == "esp").Select(u => u.Id).SingleAsync(),
            await db.Projects.Where(p => p.Person.PseudonymousCode == "AMI-0001").Select(p => p.Id).SingleAsync()));
        using var session = app.NewSession();
        await session.LoginAsync("clinico");
        Assert.Null((await session.GetAsync("/Projects")).Find($"#manager option[value='{peer}']"));

        var member = new CareTeamMember { ProjectId = projectId, UserId = peer, Role = CareTeamRole.CaseManager, StartsOn = Trama.Web.Infrastructure.ItalianTime.Today(TimeProvider.System) };
        await app.WithDbAsync(db =>
        {
            db.CareTeamMembers.Add(member);
            return db.SaveChangesAsync();
        });
        Assert.NotNull((await session.GetAsync("/Projects")).Find($"#manager option[value='{peer}']"));

        await app.WithDbAsync(async db =>
        {
            db.CareTeamMembers.Remove(await db.CareTeamMembers.SingleAsync(m => m.Id == member.Id));
            return await db.SaveChangesAsync();
        });
        Assert.Null((await session.GetAsync("/Projects")).Find($"#manager option[value='{peer}']"));
    }

    [Fact]
    public async Task EachViewer_IsOfferedOnlyTheCentresOfTheProjectsTheySee()
    {
        foreach (var user in new[] { "clinico", "clinico.litta", "operatore" })
        {
            var expected = await app.WithDbAsync(async db =>
            {
                var id = await db.Users.Where(u => u.UserName == user).Select(u => u.Id).SingleAsync();
                var viewer = new Viewer(id, user.StartsWith("clinico", StringComparison.Ordinal), false, false);
                var programme = await db.Programmes.Where(p => p.Code == "AMICITTA").Select(p => p.Id).SingleAsync();
                var centres = await db.Projects.VisibleTo(db, viewer, Trama.Web.Infrastructure.ItalianTime.Today(TimeProvider.System)).Where(p => p.ProgrammeId == programme)
                    .Select(p => p.MentalHealthCentreId).Distinct().ToListAsync();
                return centres.Select(c => c.ToString()).ToList();
            });
            using var session = app.NewSession();
            await session.LoginAsync(user);
            var offered = (await session.GetAsync("/Projects")).Document.QuerySelectorAll("#centre option[value]")
                .Select(o => o.GetAttribute("value")).Where(v => !string.IsNullOrEmpty(v)).ToList();
            Assert.NotEmpty(expected);
            Assert.Equal(expected.Order(StringComparer.Ordinal), offered.Order(StringComparer.Ordinal));
        }
    }
}
