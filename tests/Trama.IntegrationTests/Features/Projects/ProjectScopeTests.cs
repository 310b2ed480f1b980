using System.Net;
using Microsoft.EntityFrameworkCore;
using Trama.IntegrationTests.Infrastructure;
using Trama.Web.Features.Projects;

namespace Trama.IntegrationTests.Features.Projects;

[Trait("Database", "Any")]
public sealed class ProjectScopeTests(TramaApp app) : IClassFixture<TramaApp>
{
    private Task<Guid> ProjectOfAsync(string personCode) =>
        app.WithDbAsync(db => db.Projects.Where(p => p.Person.PseudonymousCode == personCode).Select(p => p.Id).SingleAsync());

    private Task<string> FirstProjectCodeAtAsync(string centre, ProjectState state) =>
        app.WithDbAsync(db => db.Projects.Where(p => p.MentalHealthCentre.Name == centre && p.State == state).Select(p => p.Person.PseudonymousCode).FirstAsync());

    private static List<string> Codes(HtmlResult list) =>
        list.Document.QuerySelectorAll("[data-testid=projects] tbody td:first-child").Select(td => td.TextContent.Trim()).ToList();

    [Fact]
    public async Task List_Clinician_SeesEveryProjectOfTheirCpsAndNoOther()
    {
        using var session = app.NewSession();
        await session.LoginAsync("clinico");
        var codes = Codes(await session.GetAsync("/Projects"));
        var expected = await app.WithDbAsync(db => db.Projects.Where(p => p.MentalHealthCentre.Name == "CPS via Cherasco").Select(p => p.Person.PseudonymousCode).ToListAsync());
        Assert.Equal(expected.Order(), codes.Order());
        Assert.Equal(14, codes.Count);
    }

    [Fact]
    public async Task List_Beneficiary_SeesOnlyTheirOwnProject()
    {
        using var session = app.NewSession();
        await session.LoginAsync("beneficiario");
        Assert.Equal(["AMI-0001"], Codes(await session.GetAsync("/Projects")));
    }

    [Theory]
    [InlineData("coordinatore")]
    [InlineData("fondazione")]
    [InlineData("admin")]
    public async Task List_RolesWithoutCare_SeeNoProject(string userName)
    {
        using var session = app.NewSession();
        await session.LoginAsync(userName);
        Assert.Empty(Codes(await session.GetAsync("/Projects")));
    }

    [Fact]
    public async Task List_KeyWorker_SeesOnlyProjectsWhereOnTheTeam()
    {
        using var session = app.NewSession();
        await session.LoginAsync("operatore");
        var codes = new List<string>();
        for (var page = 1; page <= 5; page++)
        {
            codes.AddRange(Codes(await session.GetAsync($"/Projects?sort=code&p={page}")));
        }

        codes = codes.Distinct().ToList();
        var expected = await app.WithDbAsync(db => db.CareTeamMembers.Where(m => m.User!.UserName == "operatore").Select(m => db.Projects.Where(p => p.Id == m.ProjectId).Select(p => p.Person.PseudonymousCode).Single()).ToListAsync());
        Assert.NotEmpty(codes);
        Assert.Equal(expected.Order(), codes.Order());
    }

    [Fact]
    public async Task Details_ProjectOfAnotherCps_Answers404()
    {
        var cherasco = await ProjectOfAsync("AMI-0001");
        using var session = app.NewSession();
        await session.LoginAsync("clinico.litta");
        var page = await session.GetAsync($"/Projects/{cherasco}");
        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.DoesNotContain("Bassi", page.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Details_UnknownId_Answers404LikeAnOutOfScopeOne()
    {
        using var session = app.NewSession();
        await session.LoginAsync("clinico");
        Assert.Equal(HttpStatusCode.NotFound, (await session.GetAsync($"/Projects/{Guid.NewGuid()}")).Status);
    }

    [Fact]
    public async Task Details_ClinicalDiaryNotes_AreHiddenFromTheKeyWorkerAndThePerson()
    {
        var id = await ProjectOfAsync("AMI-0001");
        const string clinicalNote = "Controllo periodico; nessuna variazione della terapia.";
        using (var clinician = app.NewSession())
        {
            await clinician.LoginAsync("clinico");
            Assert.Contains(clinicalNote, (await clinician.GetAsync($"/Projects/{id}")).TextOf("[data-testid=diary]"), StringComparison.Ordinal);
        }

        foreach (var user in new[] { "operatore", "beneficiario", "esp" })
        {
            using var session = app.NewSession();
            await session.LoginAsync(user);
            var page = await session.GetAsync($"/Projects/{id}");
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.DoesNotContain(clinicalNote, page.Html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Search_ByNameWithoutAccentsOrCase_FindsTheProject()
    {
        using var session = app.NewSession();
        await session.LoginAsync("clinico");
        Assert.Equal(["AMI-0001"], Codes(await session.GetAsync("/Projects?q=bassi")));
        Assert.Equal(["AMI-0001"], Codes(await session.GetAsync("/Projects?q=ami-0001")));
    }

    [Fact]
    public async Task Filter_ByState_ShowsOnlyThatState()
    {
        using var session = app.NewSession();
        await session.LoginAsync("clinico");
        var expected = await FirstProjectCodeAtAsync("CPS via Cherasco", ProjectState.WaitingList);
        Assert.Equal([expected], Codes(await session.GetAsync("/Projects?state=WaitingList")));
    }

    [Fact]
    public async Task List_UnderReviewPastItsDate_IsMarkedOverdue()
    {
        await app.WithDbAsync(async db =>
        {
            var p = await db.Projects.FirstAsync(p => p.MentalHealthCentre.Name == "CPS via Cherasco" && p.State == ProjectState.Active && p.Person.PseudonymousCode != "AMI-0001");
            p.NextReviewDue = new DateOnly(2020, 1, 1);
            return await db.SaveChangesAsync();
        });
        using var session = app.NewSession();
        await session.LoginAsync("clinico");
        Assert.Contains("in ritardo", (await session.GetAsync("/Projects?sort=review")).TextOf("[data-testid=projects]"), StringComparison.Ordinal);
    }
}
