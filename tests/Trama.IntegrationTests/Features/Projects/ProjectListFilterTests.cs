using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Trama.IntegrationTests.Infrastructure;
using Trama.Web.Features.Projects;

namespace Trama.IntegrationTests.Features.Projects;

[Trait("Database", "Any")]
public sealed class ProjectListFilterTests(TramaApp app) : IClassFixture<TramaApp>
{
    private static int Shown(HtmlResult page) => page.Document.QuerySelectorAll("[data-testid=projects] tbody tr").Length;

    /// Each row's project id (from its link) and person code.
    private static List<(Guid Id, string Code)> Rows(HtmlResult page) =>
        page.Document.QuerySelectorAll("[data-testid=projects] tbody td:first-child a")
            .Select(a => (Guid.Parse(a.GetAttribute("href")!.Split('/').Last()), a.TextContent.Trim())).ToList();

    /// Every row of a list, page after page.
    private static async Task<List<(Guid Id, string Code)>> AllRowsAsync(WebSession session, string query)
    {
        var first = await session.GetAsync($"/Projects?{query}");
        var rows = Rows(first);
        for (var p = 2; p <= first.Document.QuerySelectorAll(".pagination .page-link").Length; p++)
        {
            rows.AddRange(Rows(await session.GetAsync($"/Projects?{query}&p={p}")));
        }

        return rows;
    }

    /// Referred projects at the demo clinician's CPS, beyond the demo's fourteen: enough for
    /// three pages, with referral days and names that tie, so that ties cross page boundaries.
    private async Task AddReferredProjectsAtCherascoAsync(int count)
    {
        await app.WithDbAsync(async db =>
        {
            if (await db.People.AnyAsync(p => p.PseudonymousCode.StartsWith("PAG-")))
            {
                return 0;
            }

            var cps = await db.Projects.Where(p => p.MentalHealthCentre.Name == "CPS via Cherasco").Select(p => new { p.ProgrammeId, p.MentalHealthCentreId, p.ReferredOn }).FirstAsync();
            for (var i = 0; i < count; i++)
            {
                var person = new Trama.Web.Features.People.Person
                {
                    PseudonymousCode = $"PAG-{i:0000}",
                    GivenName = "Paola",
                    FamilyName = i % 2 == 0 ? "Pagine" : "Paginetta",
                    NormalisedName = Trama.Web.Features.People.Person.Normalise(i % 2 == 0 ? "Pagine" : "Paginetta", "Paola"),
                    ProgrammeId = cps.ProgrammeId,
                };
                db.Projects.Add(new HealthBudgetProject
                {
                    ProgrammeId = cps.ProgrammeId,
                    Person = person,
                    MentalHealthCentreId = cps.MentalHealthCentreId,
                    ReferredOn = cps.ReferredOn.AddDays(-(i % 3)),
                    ReferralSource = "Test",
                    ReferralReason = "Paging",
                    CreatedAtUtc = DateTime.UtcNow,
                });
            }

            return await db.SaveChangesAsync();
        });
    }

    [Fact]
    public async Task Paging_InEveryOrder_ShowsEachVisibleProjectOnce_InThatOrder()
    {
        await AddReferredProjectsAtCherascoAsync(30);
        using var session = app.NewSession();
        await session.LoginAsync("clinico");
        var byOrder = new Dictionary<string, List<(Guid Id, string Code)>>();
        foreach (var sort in new[] { "referred", "code", "name", "review" })
        {
            var rows = await AllRowsAsync(session, $"sort={sort}");

            Assert.Equal(rows.Count, rows.Select(r => r.Id).Distinct().Count());
            byOrder[sort] = rows;
        }

        var all = byOrder["code"].Select(r => r.Id).Order().ToList();
        Assert.True(all.Count > IndexModel.PageSize, "needs more than one page");
        Assert.All(byOrder.Values, rows => Assert.Equal(all, rows.Select(r => r.Id).Order()));
        var codes = byOrder["code"].Select(r => r.Code).ToList();
        Assert.Equal(codes.Order(StringComparer.Ordinal), codes);
        var referredOn = await app.WithDbAsync(db => db.Projects.ToDictionaryAsync(p => p.Id, p => p.ReferredOn));
        var dates = byOrder["referred"].Select(r => referredOn[r.Id]).ToList();
        Assert.Equal(dates.OrderDescending(), dates);
    }

    [Fact]
    public async Task TheApi_PagedThrough_ReturnsEachVisibleProjectOnce_NewestReferralFirst()
    {
        await AddReferredProjectsAtCherascoAsync(30);
        using var client = await app.BearerAsync("clinico");
        var ids = new List<Guid>();
        int total, pageSize, page = 0;
        do
        {
            page++;
            using var json = JsonDocument.Parse(await client.GetStringAsync(new Uri($"/api/v1/projects?page={page}", UriKind.Relative), TestContext.Current.CancellationToken));
            Assert.Equal(page, json.RootElement.GetProperty("page").GetInt32());
            (total, pageSize) = (json.RootElement.GetProperty("total").GetInt32(), json.RootElement.GetProperty("pageSize").GetInt32());
            ids.AddRange(json.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()));
        }
        while (page * pageSize < total);

        Assert.True(page > 1, "needs more than one page");
        Assert.Equal(total, ids.Count);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        using var session = app.NewSession();
        await session.LoginAsync("clinico");
        var onThePages = (await AllRowsAsync(session, "sort=referred")).Select(r => r.Id).ToList();

        Assert.Equal(onThePages.Order(), ids.Order());
        var referredOn = await app.WithDbAsync(db => db.Projects.ToDictionaryAsync(p => p.Id, p => p.ReferredOn));
        var dates = ids.Select(id => referredOn[id]).ToList();
        Assert.Equal(dates.OrderDescending(), dates);
    }

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

    [Theory]
    [InlineData("clinico", true)]
    [InlineData("clinico.litta", true)]
    [InlineData("operatore", false)]
    [InlineData("beneficiario", false)]
    public async Task TheList_ShowsEachProjectOfTheScopeThatMatches_Once(string user, bool clinician)
    {
        var expected = await app.WithDbAsync(async db =>
        {
            var id = await db.Users.Where(u => u.UserName == user).Select(u => u.Id).SingleAsync();
            var programme = await db.Programmes.Where(p => p.Code == "AMICITTA").Select(p => p.Id).SingleAsync();
            return await db.Projects.VisibleTo(db, new Viewer(id, clinician, false, false), Trama.Web.Infrastructure.ItalianTime.Today(TimeProvider.System))
                .Where(p => p.ProgrammeId == programme).Matching("a").Select(p => p.Id).ToListAsync();
        });
        using var session = app.NewSession();
        await session.LoginAsync(user);
        var shown = (await AllRowsAsync(session, "q=a&sort=code")).Select(r => r.Id).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(shown.Count, shown.Distinct().Count());
        Assert.Equal(expected.Order(), shown.Order());
    }

    [Fact]
    public async Task AClinicianOnTheTeamOfAnotherCpsProject_SeesIt_BesideTheirCpsProjects()
    {
        var (member, elsewhere) = await app.WithDbAsync(async db =>
        {
            var clinician = await db.Users.Where(u => u.UserName == "clinico").Select(u => u.Id).SingleAsync();
            var project = await db.Projects.Where(p => p.MentalHealthCentre.Name != "CPS via Cherasco" && p.State == ProjectState.Active).Select(p => p.Id).FirstAsync();
            var member = new CareTeamMember { ProjectId = project, UserId = clinician, Role = CareTeamRole.KeyWorker, StartsOn = Trama.Web.Infrastructure.ItalianTime.Today(TimeProvider.System) };
            db.CareTeamMembers.Add(member);
            await db.SaveChangesAsync();
            return (member, project);
        });
        try
        {
            var atCherasco = await app.WithDbAsync(db => db.Projects.Where(p => p.MentalHealthCentre.Name == "CPS via Cherasco" && p.State == ProjectState.Active).Select(p => p.Id).ToListAsync());
            using var session = app.NewSession();
            await session.LoginAsync("clinico");
            var shown = (await AllRowsAsync(session, "state=Active&sort=code")).Select(r => r.Id).ToList();
            Assert.Equal(atCherasco.Append(elsewhere).Order(), shown.Order());
        }
        finally
        {
            await app.WithDbAsync(async db =>
            {
                db.CareTeamMembers.Remove(await db.CareTeamMembers.SingleAsync(m => m.Id == member.Id));
                return await db.SaveChangesAsync();
            });
        }
    }
}
