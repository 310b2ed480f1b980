using System.Net;
using Microsoft.EntityFrameworkCore;
using Trama.IntegrationTests.Infrastructure;
using Trama.Web.Features.People;
using Trama.Web.Features.Projects;

namespace Trama.IntegrationTests.Features.Projects;

[Trait("Database", "Any")]
public sealed class ProjectWorkflowTests(TramaApp app) : IClassFixture<TramaApp>
{
    private async Task<string> CentreIdAsync(string name) =>
        (await app.WithDbAsync(db => db.Organisations.Where(o => o.Name == name).Select(o => o.Id).SingleAsync())).ToString();

    private static string NewFiscalCode(string family, string given, DateOnly born, bool female) =>
        Trama.Web.Features.Demo.DemoProjects.FiscalCodeFor(family, given, born, female);

    private async Task<HtmlResult> ReferAsync(WebSession session, string given, string family, string fiscal = "", string birth = "1980-04-02", bool confirm = false)
    {
        var form = await session.GetAsync("/Projects/Refer");
        var fields = new List<(string, string)>
        {
            ("Input.GivenName", given), ("Input.FamilyName", family), ("Input.BirthDate", birth), ("Input.FiscalCode", fiscal),
            ("Input.MentalHealthCentreId", await CentreIdAsync("CPS via Cherasco")), ("Input.ReferralSource", "Medico di base"),
            ("Input.ReferralReason", "Vive da solo, ha perso il lavoro e non esce più di casa."), ("Input.SharingConsent", "true"),
        };
        if (confirm)
        {
            fields.Add(("Input.UseExistingPerson", "true"));
        }

        return await session.SubmitAsync(form, "main form", [.. fields]);
    }

    private static Task<HtmlResult> ActAsync(WebSession session, HtmlResult page, ProjectAction action, params (string, string)[] extra) =>
        session.SubmitAsync(page, $"form[data-action={action}]", extra);

    [Fact]
    public async Task Refer_ByAKeyWorker_CreatesAReferredProjectWithTheReferrerOnTheTeam()
    {
        using var session = app.NewSession();
        await session.LoginAsync("operatore");
        var page = await ReferAsync(session, "Ottavio", "Segnalatini");
        Assert.Equal("Segnalato", page.TextOf("[data-testid=project-state]"));
        Assert.Contains("Sara Colombo – Operatore di riferimento", page.TextOf("[data-testid=team]"), StringComparison.Ordinal);
        Assert.Matches("AMI-[0-9]{4}", page.TextOf("h1"));
        Assert.Null(page.Find("form[data-action=Accept]"));
    }

    [Fact]
    public async Task Refer_InvalidFiscalCode_IsExplainedAndEverythingTypedIsKept()
    {
        using var session = app.NewSession();
        await session.LoginAsync("clinico");
        var page = await ReferAsync(session, "Renata", "Sbagliati", fiscal: "SBGRNT80D42F205A");
        Assert.Equal("/Projects/Refer", page.Url.AbsolutePath);
        Assert.Contains("Il carattere di controllo del codice fiscale non corrisponde", page.TextOf("#fiscal-error"), StringComparison.Ordinal);
        Assert.Equal("Renata", page.Find("#Input_GivenName")!.GetAttribute("value"));
        Assert.Equal("SBGRNT80D42F205A", page.Find("#Input_FiscalCode")!.GetAttribute("value"));
        Assert.Contains("Vive da solo", page.Find("#Input_ReferralReason")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refer_FiscalCodeOfAnotherBirthDate_IsRefused()
    {
        using var session = app.NewSession();
        await session.LoginAsync("clinico");
        var code = NewFiscalCode("Datasbagliata", "Irene", new DateOnly(1980, 4, 2), female: true);
        var page = await ReferAsync(session, "Irene", "Datasbagliata", fiscal: code, birth: "1981-04-02");
        Assert.Equal("Il codice fiscale non corrisponde alla data di nascita indicata.", page.TextOf("#fiscal-error"));
    }

    [Fact]
    public async Task Refer_SamePersonTwice_AsksToConfirmAndThenReusesThePerson()
    {
        using var session = app.NewSession();
        await session.LoginAsync("clinico");
        var code = NewFiscalCode("Doppietti", "Ugo", new DateOnly(1975, 6, 15), female: false);
        await ReferAsync(session, "Ugo", "Doppietti", fiscal: code, birth: "1975-06-15");
        var warned = await ReferAsync(session, "Ugo", "Doppietti", fiscal: code, birth: "1975-06-15");
        Assert.Contains(warned.Errors, e => e.StartsWith("Questa persona sembra già registrata", StringComparison.Ordinal));
        var linked = await ReferAsync(session, "Ugo", "Doppietti", fiscal: code, birth: "1975-06-15", confirm: true);
        Assert.Equal("Segnalato", linked.TextOf("[data-testid=project-state]"));
        Assert.Equal(1, await app.WithDbAsync(db => db.People.CountAsync(p => p.FiscalCode == code)));
        Assert.Equal(2, await app.WithDbAsync(db => db.Projects.CountAsync(p => p.Person.FiscalCode == code)));
    }

    [Fact]
    public async Task Lifecycle_FromReferralToClosure_WithGoalsAndAReviewTScore()
    {
        using var cps = app.NewSession();
        await cps.LoginAsync("clinico");
        var page = await ReferAsync(cps, "Lucio", "Percorsi");
        var id = page.Url.AbsolutePath.Split('/')[^1];

        page = await ActAsync(cps, page, ProjectAction.Accept);
        Assert.Equal("In valutazione (UVM)", page.TextOf("[data-testid=project-state]"));
        page = await ActAsync(cps, page, ProjectAction.CompleteAssessment);
        Assert.Contains("Prima registra la valutazione multidimensionale", string.Join(" ", page.Errors), StringComparison.Ordinal);
        page = await cps.SubmitAsync(page, "form[action*=Assessment]", ("Assessment.Wishes", "Voglio tornare a cucinare per gli amici."), ("Assessment.Strengths", "Ama la cucina"),
            ("Assessment.Participants[0].Name", "La persona"), ("Assessment.Participants[1].Name", "Elena Marchetti"));
        Assert.Equal("«Voglio tornare a cucinare per gli amici.»", page.TextOf("[data-testid=wishes]"));
        page = await ActAsync(cps, page, ProjectAction.CompleteAssessment);
        Assert.Equal("In co-progettazione", page.TextOf("[data-testid=project-state]"));

        page = await cps.SubmitAsync(page, "form[action*=Intensity]", ("intensity", "High"));
        Assert.Equal("Alta", page.TextOf("[data-testid=intensity]"));
        var areas = await app.WithDbAsync(db => db.LifeAreas.Where(a => a.Programme.Code == "AMICITTA").OrderBy(a => a.SortOrder).Select(a => a.Id).ToListAsync());
        foreach (var (area, title, weight) in new[] { (areas[0], "Trovare una casa", "2"), (areas[1], "Fare un corso di cucina", "1") })
        {
            page = await cps.SubmitAsync(await cps.GetAsync($"/Projects/{id}/Goals/New"), "main form",
                ("Input.LifeAreaId", area.ToString()), ("Input.Title", title), ("Input.Weight", weight), ("Input.MuchLess", "a"), ("Input.Less", "b"),
                ("Input.Expected", "c"), ("Input.More", "d"), ("Input.MuchMore", "e"));
        }

        page = await ActAsync(cps, page, ProjectAction.ApproveAndSignAgreement);
        Assert.Equal("Patto firmato", page.TextOf("[data-testid=project-state]"));

        using var coop = app.NewSession();
        await coop.LoginAsync("operatore");
        Assert.Equal(HttpStatusCode.NotFound, (await coop.GetAsync($"/Projects/{id}")).Status);
        await app.WithDbAsync(async db =>
        {
            var operatore = await db.Users.Where(u => u.UserName == "operatore").Select(u => u.Id).SingleAsync();
            db.CareTeamMembers.Add(new CareTeamMember { ProjectId = Guid.Parse(id), UserId = operatore, Role = CareTeamRole.KeyWorker, StartsOn = new DateOnly(2020, 1, 1) });
            return await db.SaveChangesAsync();
        });
        var coopPage = await coop.GetAsync($"/Projects/{id}");
        coopPage = await ActAsync(coop, coopPage, ProjectAction.Start);
        Assert.Equal("Attivo", coopPage.TextOf("[data-testid=project-state]"));
        coopPage = await ActAsync(coop, coopPage, ProjectAction.StartReview);

        var goals = await app.WithDbAsync(db => db.Goals.Where(g => g.ProjectId == Guid.Parse(id)).OrderBy(g => g.Weight).Select(g => g.Id).ToListAsync());
        var reviewForm = await coop.GetAsync($"/Projects/{id}/Reviews/New");
        var reviewed = await coop.SubmitAsync(reviewForm, "main form",
            ($"Input.Ratings[{goals[0]}]", "-1"), ($"Input.Ratings[{goals[1]}]", "1"), ("Input.Narrative", "Cucina due volte a settimana."), ("Input.Decision", "Continue"));

        // weights 1 (−1) and 2 (+1): 50 + 10·1 / √(0.7·5 + 0.3·9) = 54,0
        Assert.Equal("54,0", reviewed.TextOf("[data-testid=tscore]"));
        Assert.Null(reviewed.Find("form[data-action=ContinueAfterReview]"));

        page = await cps.GetAsync($"/Projects/{id}");
        page = await ActAsync(cps, page, ProjectAction.ContinueAfterReview);
        page = await ActAsync(cps, page, ProjectAction.Close, ("closure", "GoalsReached"), ("reason", "Ha trovato casa e lavoro."));
        Assert.Equal("Chiuso", page.TextOf("[data-testid=project-state]"));
        var timeline = page.TextOf("[data-testid=timeline]");
        Assert.Contains("Chiudi il progetto → Chiuso", timeline, StringComparison.Ordinal);
        Assert.Contains("Ha trovato casa e lavoro.", timeline, StringComparison.Ordinal);
        Assert.Equal(7, await app.WithDbAsync(db => db.ProjectTransitions.CountAsync(t => t.ProjectId == Guid.Parse(id))));
        var beneficiary = await app.WithDbAsync(db => db.PersonRoles.SingleAsync(r => db.Projects.Any(p => p.Id == Guid.Parse(id) && p.PersonId == r.PersonId)));
        Assert.Equal(Trama.Web.Infrastructure.ItalianTime.Today(TimeProvider.System), beneficiary.EndsOn);
    }

    [Fact]
    public async Task Transition_FromAStalePage_IsAConflictAndChangesNothing()
    {
        using var first = app.NewSession();
        using var second = app.NewSession();
        await first.LoginAsync("clinico");
        await second.LoginAsync("clinico");
        var referred = await ReferAsync(first, "Carlo", "Contesi");
        var stale = await second.GetAsync(referred.Url.AbsolutePath);
        await ActAsync(first, referred, ProjectAction.Accept);

        var conflict = await ActAsync(second, stale, ProjectAction.PutOnWaitingList, ("reason", "nessun posto"));
        Assert.Equal(HttpStatusCode.Conflict, conflict.Status);
        Assert.Contains(conflict.Errors, e => e.StartsWith("Qualcun altro ha modificato questo progetto", StringComparison.Ordinal));
        Assert.Equal("In valutazione (UVM)", conflict.TextOf("[data-testid=project-state]"));
    }

    [Fact]
    public async Task Selection_PostedByAKeyWorkerOnTheTeam_IsForbidden()
    {
        using var coop = app.NewSession();
        await coop.LoginAsync("operatore");
        var referred = await ReferAsync(coop, "Sandro", "Nonselezionabile");
        var token = referred.Find("form[action='/Account/Logout'] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var version = await app.WithDbAsync(db => db.Projects.Where(p => p.Person.FamilyName == "Nonselezionabile").Select(p => p.Version).SingleAsync());
        using var content = new FormUrlEncodedContent([new("action", "Accept"), new("version", version.ToString()), new("__RequestVerificationToken", token)]);
        var response = await coop.Client.PostAsync(new Uri(referred.Url.AbsolutePath + "?handler=Transition", UriKind.Relative), content, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Contains("/Account/AccessDenied", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(ProjectState.Referred, await app.WithDbAsync(db => db.Projects.Where(p => p.Person.FamilyName == "Nonselezionabile").Select(p => p.State).SingleAsync()));
    }

    [Fact]
    public async Task Diary_QuickEntry_IsSavedAndAFutureDateIsRefused()
    {
        var id = await app.WithDbAsync(db => db.Projects.Where(p => p.Person.PseudonymousCode == "AMI-0001").Select(p => p.Id).SingleAsync());
        using var session = app.NewSession();
        await session.LoginAsync("operatore");
        var form = await session.GetAsync($"/Projects/{id}/Diary/New");
        var refused = await session.SubmitAsync(form, "main form", ("Input.OccurredOn", DateTime.UtcNow.AddDays(3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)), ("Input.Notes", "Passeggiata al parco Nord."));
        Assert.Equal("La data deve essere tra la segnalazione e oggi.", refused.TextOf("#date-error"));
        Assert.Contains("Passeggiata al parco Nord.", refused.Find("#Input_Notes")!.TextContent, StringComparison.Ordinal);

        var saved = await session.SubmitAsync(refused, "main form", ("Input.OccurredOn", DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Contains("Passeggiata al parco Nord.", saved.TextOf("[data-testid=diary]"), StringComparison.Ordinal);
        var month = DateTime.UtcNow.ToString("MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("it-IT"));
        var row = saved.Document.QuerySelectorAll("[data-testid=hours] tbody tr").Select(r => r.TextContent).FirstOrDefault(t => t.Contains(month, StringComparison.Ordinal) && t.Contains("Operatore di riferimento", StringComparison.Ordinal));
        Assert.NotNull(row);
    }

    [Fact]
    public async Task Diary_AnotherProjectsGoalOrAnotherProgrammesArea_IsRefused_AndWhatWasTypedStays()
    {
        var (id, foreignGoal, foreignArea) = await app.WithDbAsync(async db =>
        {
            var project = await db.Projects.Where(p => p.Person.PseudonymousCode == "AMI-0001").Select(p => new { p.Id, p.ProgrammeId }).SingleAsync();
            var goal = await db.Goals.Where(g => g.ProjectId != project.Id).Select(g => g.Id).FirstAsync();
            var area = await db.LifeAreas.Where(a => a.ProgrammeId != project.ProgrammeId).Select(a => a.Id).FirstAsync();
            return (project.Id, goal, area);
        });
        using var session = app.NewSession();
        await session.LoginAsync("clinico");
        var form = await session.GetAsync($"/Projects/{id}/Diary/New");
        var before = await app.WithDbAsync(db => db.DiaryEntries.CountAsync(d => d.ProjectId == id));

        var refused = await session.SubmitAsync(form, "main form", ("Input.GoalId", foreignGoal.ToString()), ("Input.Notes", "Colloquio con il datore di lavoro."));
        Assert.Equal($"/Projects/{id}/Diary/New", refused.Url.AbsolutePath);
        Assert.Contains($"Il valore «{foreignGoal}» non è valido.", refused.Errors);
        Assert.Contains("Colloquio con il datore di lavoro.", refused.Find("#Input_Notes")!.TextContent, StringComparison.Ordinal);
        Assert.NotEmpty(refused.Document.QuerySelectorAll("#Input_LifeAreaId option[value]:not([value=''])"));

        refused = await session.SubmitAsync(form, "main form", ("Input.LifeAreaId", foreignArea.ToString()), ("Input.Notes", "Colloquio con il datore di lavoro."));
        Assert.Contains($"Il valore «{foreignArea}» non è valido.", refused.Errors);
        Assert.Equal(before, await app.WithDbAsync(db => db.DiaryEntries.CountAsync(d => d.ProjectId == id)));
    }

    [Fact]
    public async Task Diary_ClinicalEntryByTheCps_StaysHiddenFromTheKeyWorker()
    {
        var id = await app.WithDbAsync(db => db.Projects.Where(p => p.Person.PseudonymousCode == "AMI-0001").Select(p => p.Id).SingleAsync());
        using (var cps = app.NewSession())
        {
            await cps.LoginAsync("clinico");
            await cps.SubmitAsync(await cps.GetAsync($"/Projects/{id}/Diary/New"), "main form",
                ("Input.Type", "ClinicalInterview"), ("Input.Notes", "Nota clinica riservata di prova."), ("Input.Sensitivity", "Clinical"));
        }

        using var coop = app.NewSession();
        await coop.LoginAsync("operatore");
        Assert.DoesNotContain("Nota clinica riservata di prova.", (await coop.GetAsync($"/Projects/{id}")).Html, StringComparison.Ordinal);
    }

    [Fact]
    public void FiscalCodeHelper_ProducesValidCodes() =>
        Assert.True(FiscalCode.Check(NewFiscalCode("Rossi", "Maria", new DateOnly(1990, 2, 3), true), new DateOnly(1990, 2, 3), PersonSex.Female).IsValid);
}
