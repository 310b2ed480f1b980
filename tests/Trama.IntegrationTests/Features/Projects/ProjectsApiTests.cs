using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Trama.IntegrationTests.Infrastructure;
using Trama.Web.Features.Audit;
using Trama.Web.Features.Projects;

namespace Trama.IntegrationTests.Features.Projects;

/// /api/v1: the same scope, audit and rules as the pages, as JSON with problem details.
[Trait("Database", "Any")]
public sealed class ProjectsApiTests(TramaApp app) : IClassFixture<TramaApp>
{
    private static readonly string Today = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private Task<Guid> ProjectAsync(string code = "AMI-0001") =>
        app.WithDbAsync(db => db.Projects.Where(p => p.Person.PseudonymousCode == code).Select(p => p.Id).SingleAsync());

    private Task<HttpClient> BearerAsync(string user) => app.BearerAsync(user);

    [Fact]
    public async Task ABearerToken_ReadsAProjectInScope_AndTheReadIsAudited()
    {
        var id = await ProjectAsync();
        using var client = await BearerAsync("operatore");
        var before = await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityId == id.ToString() && a.Action == AuditActions.Read));
        using var json = JsonDocument.Parse(await client.GetStringAsync(new Uri($"/api/v1/projects/{id}", UriKind.Relative), TestContext.Current.CancellationToken));
        Assert.Equal("AMI-0001", json.RootElement.GetProperty("code").GetString());
        Assert.Equal(before + 1, await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityId == id.ToString() && a.Action == AuditActions.Read)));
    }

    [Fact]
    public async Task OutOfScope_IsAProblemDetails404()
    {
        var id = await app.WithDbAsync(db => db.Projects.Where(p => p.MentalHealthCentre.Name == "CPS corso Plebisciti" && p.State == ProjectState.Referred).Select(p => p.Id).FirstAsync());
        using var client = await BearerAsync("operatore");
        using var response = await client.GetAsync(new Uri($"/api/v1/projects/{id}", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task WithoutCredentials_TheApiAnswers401_NotTheLoginPage()
    {
        using var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var response = await client.GetAsync(new Uri("/api/v1/projects", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task ADiaryEntry_IsSaved_AndBadInputGetsLocalisedFieldErrors()
    {
        var id = await ProjectAsync();
        using var client = await BearerAsync("operatore");
        using var bad = await client.PostAsJsonAsync($"/api/v1/projects/{id}/diary", new { occurredOn = "2099-01-01", type = "HomeVisit", durationMinutes = 0, notes = "" }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        using var problem = JsonDocument.Parse(await bad.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var errors = problem.RootElement.GetProperty("errors");
        Assert.Contains("tra la segnalazione e oggi", errors.GetProperty("occurredOn")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("Durata", errors.GetProperty("durationMinutes")[0].GetString(), StringComparison.Ordinal);
        Assert.True(errors.TryGetProperty("notes", out _));

        using var good = await client.PostAsJsonAsync($"/api/v1/projects/{id}/diary", new { occurredOn = Today, type = "HomeVisit", durationMinutes = 50, notes = "Visita a casa via API.", sensitivity = "Ordinary" }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, good.StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.DiaryEntries.CountAsync(d => d.ProjectId == id && d.Notes == "Visita a casa via API.")));
    }

    [Fact]
    public async Task ACookieCall_ThatChangesSomething_NeedsTheAntiforgeryHeader()
    {
        var id = await ProjectAsync();
        using var session = app.NewSession();
        var home = await session.LoginAsync("operatore");
        var token = home.Find("form[action='/Account/Logout'] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var entry = new { occurredOn = Today, type = "PhoneCall", durationMinutes = 10, notes = "Telefonata via API con cookie.", sensitivity = "Ordinary" };
        using (var forged = await session.Client.PostAsJsonAsync($"/api/v1/projects/{id}/diary", entry, TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/projects/{id}/diary") { Content = JsonContent.Create(entry) };
        request.Headers.Add("RequestVerificationToken", token);
        using var allowed = await session.Client.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, allowed.StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.DiaryEntries.CountAsync(d => d.Notes == "Telefonata via API con cookie.")));
    }

    [Fact]
    public async Task AStaleVersion_IsA409Conflict_AndNothingChanges()
    {
        var id = await app.WithDbAsync(db => db.Projects.Where(p => p.MentalHealthCentre.Name == "CPS via Cherasco" && p.State == ProjectState.Active && p.Person.PseudonymousCode != "AMI-0001").Select(p => p.Id).FirstAsync());
        using var client = await BearerAsync("clinico");
        using var response = await client.PostAsJsonAsync($"/api/v1/projects/{id}/transitions", new { action = "Suspend", reason = "Ricovero", version = Guid.NewGuid() }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(ProjectState.Active, await app.WithDbAsync(db => db.Projects.Where(p => p.Id == id).Select(p => p.State).SingleAsync()));

        using var current = JsonDocument.Parse(await client.GetStringAsync(new Uri($"/api/v1/projects/{id}", UriKind.Relative), TestContext.Current.CancellationToken));
        var version = current.RootElement.GetProperty("version").GetGuid();
        using var done = await client.PostAsJsonAsync($"/api/v1/projects/{id}/transitions", new { action = "Suspend", reason = "Ricovero", version }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
    }

    [Fact]
    public async Task TheOpenApiDocument_DescribesTheProjectEndpoints()
    {
        using var client = app.CreateClient();
        using var json = JsonDocument.Parse(await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative), TestContext.Current.CancellationToken));
        var paths = json.RootElement.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/v1/projects/{id}", out _));
        Assert.True(paths.TryGetProperty("/api/v1/projects/{id}/diary", out var diary));
        Assert.True(diary.TryGetProperty("post", out _));
        Assert.True(paths.TryGetProperty("/api/v1/token", out _));
    }

    [Fact]
    public async Task AGoal_IsAddedAndChangedThroughTheApi_AndAStaleVersionIs409()
    {
        var id = await ProjectAsync();
        var area = await app.WithDbAsync(db => db.LifeAreas.Where(a => a.Code == "social" && db.Projects.Any(p => p.Id == id && p.ProgrammeId == a.ProgrammeId)).Select(a => a.Id).SingleAsync());
        using var client = await BearerAsync("operatore");
        var goal = new { lifeAreaId = area, title = "Andare al mercato del sabato", weight = 2, muchLess = "Non esce", less = "Una volta al mese", expected = "Ogni due settimane", more = "Ogni settimana", muchMore = "Accompagna un vicino", version = Guid.Empty };

        using var created = await client.PostAsJsonAsync($"/api/v1/projects/{id}/goals", goal, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var json = JsonDocument.Parse(await created.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var goalId = json.RootElement.GetProperty("id").GetGuid();
        var version = json.RootElement.GetProperty("version").GetGuid();

        using var changed = await client.PutAsJsonAsync($"/api/v1/projects/{id}/goals/{goalId}", goal with { expected = "Ogni settimana, da solo", version = version }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        using var stale = await client.PutAsJsonAsync($"/api/v1/projects/{id}/goals/{goalId}", goal with { expected = "Sovrascritto?", version = version }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("Ogni settimana, da solo", await app.WithDbAsync(db => db.Goals.Where(g => g.Id == goalId).Select(g => g.Expected).SingleAsync()));

        var goals = await client.GetStringAsync(new Uri($"/api/v1/projects/{id}/goals", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Contains("Andare al mercato del sabato", goals, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AGoalWithoutLevels_IsAValidationProblemNamingEachField()
    {
        var id = await ProjectAsync();
        using var client = await BearerAsync("operatore");

        using var response = await client.PostAsJsonAsync($"/api/v1/projects/{id}/goals", new { lifeAreaId = Guid.NewGuid(), title = "Solo il titolo", weight = 5 }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var errors = json.RootElement.GetProperty("errors");
        foreach (var field in new[] { "lifeAreaId", "expected", "muchLess", "weight" })
        {
            Assert.True(errors.TryGetProperty(field, out _), field);
        }
    }

    [Fact]
    public async Task Spending_IsRecordedInCents_AndAThirdDecimalIsRefused()
    {
        var id = await ProjectAsync();
        var area = await app.WithDbAsync(db => db.LifeAreas.Where(a => a.Code == "housing" && db.Projects.Any(p => p.Id == id && p.ProgrammeId == a.ProgrammeId)).Select(a => a.Id).SingleAsync());
        using var client = await BearerAsync("operatore");
        var spending = new { spentOn = Today, amount = 12.345m, source = "Municipality", lifeAreaId = area, supplier = "Ferramenta Rossi", description = "Mensola per la cucina" };

        using var refused = await client.PostAsJsonAsync($"/api/v1/projects/{id}/ledger", spending, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);

        using var saved = await client.PostAsJsonAsync($"/api/v1/projects/{id}/ledger", spending with { amount = 12.34m }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, saved.StatusCode);
        Assert.True(await app.WithDbAsync(db => db.LedgerEntries.AnyAsync(e => e.ProjectId == id && e.AmountCents == 12_34 && e.Supplier == "Ferramenta Rossi")));
        var ledger = await client.GetStringAsync(new Uri($"/api/v1/projects/{id}/ledger", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Contains("12.34", ledger, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reviews_ComeWithTheirRatingsAndTScore()
    {
        var id = await app.WithDbAsync(db => db.Projects.Where(p => db.Reviews.Any(r => r.ProjectId == p.Id) && p.MentalHealthCentre.Name == "CPS via Cherasco").Select(p => p.Id).FirstAsync());
        using var client = await BearerAsync("clinico");

        using var json = JsonDocument.Parse(await client.GetStringAsync(new Uri($"/api/v1/projects/{id}/reviews", UriKind.Relative), TestContext.Current.CancellationToken));

        var first = json.RootElement[0];
        Assert.True(first.GetProperty("ratings").GetArrayLength() > 0);
        Assert.Equal(JsonValueKind.Number, first.GetProperty("tScore").ValueKind);
    }

    [Fact]
    public async Task AReviewPostedByTheCps_RatesEveryGoal_ComputesTheTScore_AndMovesTheProjectOn()
    {
        var id = await app.WithDbAsync(db => db.Projects.Where(p => p.State == ProjectState.UnderReview && p.MentalHealthCentre.Name == "CPS via Cherasco").Select(p => p.Id).FirstAsync());
        var goals = await app.WithDbAsync(db => db.Goals.Where(g => g.ProjectId == id).Select(g => g.Id).ToListAsync());
        using var client = await BearerAsync("clinico");

        using var missing = await client.PostAsJsonAsync($"/api/v1/projects/{id}/reviews", new { heldOn = Today, narrative = "Verifica", decision = "Continue", ratings = new Dictionary<Guid, int>() }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains($"ratings.{goals[0]}", await missing.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);

        using var saved = await client.PostAsJsonAsync($"/api/v1/projects/{id}/reviews", new { heldOn = Today, narrative = "Obiettivi raggiunti come previsto.", decision = "Continue", ratings = goals.ToDictionary(g => g, _ => 0) }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, saved.StatusCode);
        using var json = JsonDocument.Parse(await saved.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(50.0, json.RootElement.GetProperty("tScore").GetDouble(), 1);
        Assert.Equal(ProjectState.Active, await app.WithDbAsync(db => db.Projects.Where(p => p.Id == id).Select(p => p.State).SingleAsync()));

        using var again = await client.PostAsJsonAsync($"/api/v1/projects/{id}/reviews", new { heldOn = Today, narrative = "Di nuovo", decision = "Continue", ratings = goals.ToDictionary(g => g, _ => 0) }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task AReferral_ThroughTheApi_CreatesTheProjectWithTheReferrerOnTheTeam_AndTheBeneficiaryRole()
    {
        var centre = await app.WithDbAsync(db => db.Organisations.Where(o => o.Name == "CPS via Cherasco").Select(o => o.Id).SingleAsync());
        using var client = await BearerAsync("operatore");
        var referral = new
        {
            givenName = "Ottavio",
            familyName = "Brivio",
            birthDate = "1981-04-02",
            mentalHealthCentreId = centre,
            referredOn = Today,
            referralSource = "Cooperativa Lotta contro l'Emarginazione",
            referralReason = "Vive da solo dopo un ricovero e non esce di casa.",
            urgency = "Priority",
            sharingConsent = true,
        };

        using var created = await client.PostAsJsonAsync("/api/v1/projects", referral, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var json = JsonDocument.Parse(await created.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var id = json.RootElement.GetProperty("id").GetGuid();
        var (state, team, role) = await app.WithDbAsync(async db =>
        {
            var p = await db.Projects.Include(x => x.Team).SingleAsync(x => x.Id == id);
            return (p.State, p.Team.Select(m => m.Role).ToList(), await db.PersonRoles.Where(r => r.PersonId == p.PersonId).Select(r => r.Kind).SingleAsync());
        });
        Assert.Equal(ProjectState.Referred, state);
        Assert.Equal([CareTeamRole.KeyWorker], team);
        Assert.Equal(Trama.Web.Features.People.PersonRoleKind.Beneficiary, role);

        using var duplicate = await client.PostAsJsonAsync("/api/v1/projects", referral, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        Assert.Contains("existingCode", await duplicate.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AReferralWithoutAReasonOrWithAWrongFiscalCode_IsExplainedFieldByField()
    {
        var centre = await app.WithDbAsync(db => db.Organisations.Where(o => o.Name == "CPS via Cherasco").Select(o => o.Id).SingleAsync());
        using var client = await BearerAsync("operatore");

        using var response = await client.PostAsJsonAsync("/api/v1/projects", new { givenName = "Ada", familyName = "Conti", fiscalCode = "CNTDAA80A41F205X", mentalHealthCentreId = centre, referredOn = Today, referralSource = "MMG", referralReason = "" }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var errors = json.RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty("referralReason", out var reason));
        Assert.Contains("Motivo", reason[0].GetString(), StringComparison.Ordinal);
        Assert.True(errors.TryGetProperty("fiscalCode", out _));
    }

    [Fact]
    public async Task TheCrisisPlan_IsChangedWithTheProjectsVersion_AndAStaleOneIs409()
    {
        var id = await ProjectAsync();
        using var client = await BearerAsync("operatore");
        using var plan = JsonDocument.Parse(await client.GetStringAsync(new Uri($"/api/v1/projects/{id}/crisis-plan", UriKind.Relative), TestContext.Current.CancellationToken));
        var version = plan.RootElement.GetProperty("version").GetGuid();

        using var saved = await client.PutAsJsonAsync($"/api/v1/projects/{id}/crisis-plan", new { signs = "Salta i pasti.", whatHelps = "Cucinare insieme.", whoToCall = "CPS", version }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        using var stale = await client.PutAsJsonAsync($"/api/v1/projects/{id}/crisis-plan", new { signs = "Sovrascritto?", version }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("Salta i pasti.", await app.WithDbAsync(db => db.Projects.Where(p => p.Id == id).Select(p => p.CrisisSigns).SingleAsync()));

        var team = await client.GetStringAsync(new Uri($"/api/v1/projects/{id}/team", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Contains("KeyWorker", team, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThePersonsRecord_IsChangedWithItsVersion_AndAnInvalidFiscalCodeIsExplained()
    {
        var id = await ProjectAsync();
        using var client = await BearerAsync("clinico");
        using var person = JsonDocument.Parse(await client.GetStringAsync(new Uri($"/api/v1/projects/{id}/person", UriKind.Relative), TestContext.Current.CancellationToken));
        var record = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(person.RootElement.GetRawText())!;

        record["fiscalCode"] = JsonSerializer.SerializeToElement("XXXXXX00X00X000X");
        using var invalid = await client.PutAsJsonAsync($"/api/v1/projects/{id}/person", record, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Contains("fiscalCode", await invalid.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);

        record["fiscalCode"] = person.RootElement.GetProperty("fiscalCode");
        record["languages"] = JsonSerializer.SerializeToElement("italiano, dialetto milanese");
        using var saved = await client.PutAsJsonAsync($"/api/v1/projects/{id}/person", record, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        using var stale = await client.PutAsJsonAsync($"/api/v1/projects/{id}/person", record, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("italiano, dialetto milanese", await app.WithDbAsync(db => db.Projects.Where(p => p.Id == id).Select(p => p.Person.Languages).SingleAsync()));
    }

    [Fact]
    public async Task ANamedFacilitator_JoinsTheTeamThroughTheApi_AndAUserOutsideTheProgrammeIsRefused()
    {
        var id = await ProjectAsync();
        using var client = await BearerAsync("clinico");

        using var added = await client.PostAsJsonAsync($"/api/v1/projects/{id}/team", new { name = "Gino, barista sotto casa", role = "NaturalFacilitator" }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        using var refused = await client.PostAsJsonAsync($"/api/v1/projects/{id}/team", new { userId = "no-such-user", role = "KeyWorker" }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.True(await app.WithDbAsync(db => db.CareTeamMembers.AnyAsync(m => m.ProjectId == id && m.Name == "Gino, barista sotto casa")));
    }

    [Fact]
    public async Task AConsentWithdrawnThroughTheApi_RestrictsSharingAtOnce()
    {
        var id = await app.WithDbAsync(db => db.Projects.Where(p => p.State == ProjectState.Active && p.MentalHealthCentre.Name == "CPS via Cherasco" && p.Person.PseudonymousCode != "AMI-0001"
            && p.Team.Any(m => m.Role == CareTeamRole.KeyWorker)).Select(p => p.Id).FirstAsync());
        using var cps = await BearerAsync("clinico");
        using var worker = await BearerAsync("operatore");
        using var before = await worker.GetAsync(new Uri($"/api/v1/projects/{id}/budget", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);

        using var withdrawn = await cps.PostAsJsonAsync($"/api/v1/projects/{id}/consents", new { purpose = "SharingWithPartners", given = false, statedOn = Today }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, withdrawn.StatusCode);

        using var after = await worker.GetAsync(new Uri($"/api/v1/projects/{id}/budget", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Forbidden, after.StatusCode);
    }

    [Fact]
    public async Task ASignature_IsRecordedOnAFrozenVersion_AndALegalRepresentativeWithoutPowersIsRefused()
    {
        var id = await ProjectAsync();
        using var client = await BearerAsync("clinico");

        using var refused = await client.PostAsJsonAsync($"/api/v1/projects/{id}/agreement/versions/1/signatures", new { kind = "LegalRepresentative", name = "Avv. Nessuno", signedOn = Today }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("\"kind\"", await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);

        using var signed = await client.PostAsJsonAsync($"/api/v1/projects/{id}/agreement/versions/1/signatures", new { kind = "Municipality", name = "Dott. Walter Sala", capacity = "per il Comune di Milano", signedOn = Today }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, signed.StatusCode);
        var signatures = await client.GetStringAsync(new Uri($"/api/v1/projects/{id}/agreement/versions/1/signatures", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Contains("Dott. Walter Sala", signatures, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APlanLine_IsAddedWithItsPeriod_AndTheBudgetTotalsFollowToTheCent()
    {
        var id = await ProjectAsync();
        var area = await app.WithDbAsync(db => db.LifeAreas.Where(a => a.Code == "work" && db.Projects.Any(p => p.Id == id && p.ProgrammeId == a.ProgrammeId)).Select(a => a.Id).SingleAsync());
        using var client = await BearerAsync("operatore");
        using var before = JsonDocument.Parse(await client.GetStringAsync(new Uri($"/api/v1/projects/{id}/budget", UriKind.Relative), TestContext.Current.CancellationToken));
        var line = new { lifeAreaId = area, source = "Funder", nature = "Cash", periodStart = "2026-09-01", periodEnd = "2026-06-30", planned = 250.10m, committed = 0m };

        using var refused = await client.PostAsJsonAsync($"/api/v1/projects/{id}/budget/lines", line, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        using var saved = await client.PostAsJsonAsync($"/api/v1/projects/{id}/budget/lines", line with { periodEnd = "2027-08-31" }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, saved.StatusCode);

        using var after = JsonDocument.Parse(await client.GetStringAsync(new Uri($"/api/v1/projects/{id}/budget", UriKind.Relative), TestContext.Current.CancellationToken));
        Assert.Equal(before.RootElement.GetProperty("planned").GetDecimal() + 250.10m, after.RootElement.GetProperty("planned").GetDecimal());
    }

    [Fact]
    public async Task RolesRepresentativesAndCaregivers_AreRecordedThroughTheApi_WithThePagesRules()
    {
        var id = await ProjectAsync();
        using var client = await BearerAsync("clinico");

        using var overlapping = await client.PostAsJsonAsync($"/api/v1/projects/{id}/person/roles", new { kind = "Beneficiary", startsOn = Today }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, overlapping.StatusCode);
        Assert.Contains("sovrappone", await overlapping.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);

        using var role = await client.PostAsJsonAsync($"/api/v1/projects/{id}/person/roles", new { kind = "Volunteer", startsOn = Today, note = "Orto di quartiere" }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, role.StatusCode);
        using var noDecree = await client.PostAsJsonAsync($"/api/v1/projects/{id}/person/legal-representatives", new { kind = "SupportAdministrator", name = "Avv. Lia Bossi", startsOn = Today }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, noDecree.StatusCode);
        Assert.Contains("courtDecree", await noDecree.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        using var caregiver = await client.PostAsJsonAsync($"/api/v1/projects/{id}/person/caregivers", new { name = "Rita Sala", relationship = "Madre", livesWithPerson = true, startsOn = Today }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, caregiver.StatusCode);

        var relations = await client.GetStringAsync(new Uri($"/api/v1/projects/{id}/person/relations", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Contains("Orto di quartiere", relations, StringComparison.Ordinal);
        Assert.Contains("Rita Sala", relations, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheCps_RecordsTheAssessmentAndTheIntensityThroughTheApi_SoTheProjectMovesOnWithoutThePages()
    {
        var id = await app.WithDbAsync(db => db.Projects.Where(p => p.State == ProjectState.Assessment && p.MentalHealthCentre.Name == "CPS via Cherasco").Select(p => p.Id).FirstAsync());
        using var cps = await BearerAsync("clinico");
        using var project = JsonDocument.Parse(await cps.GetStringAsync(new Uri($"/api/v1/projects/{id}", UriKind.Relative), TestContext.Current.CancellationToken));
        var version = project.RootElement.GetProperty("version").GetGuid();
        var assessment = new { heldOn = Today, wishes = "Vorrei tornare a dipingere.", participants = new[] { new { name = "La persona", role = "Person" } }, version };

        using var tooFew = await cps.PutAsJsonAsync($"/api/v1/projects/{id}/assessment", assessment, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, tooFew.StatusCode);
        Assert.Contains("participants", await tooFew.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);

        using var saved = await cps.PutAsJsonAsync($"/api/v1/projects/{id}/assessment", assessment with { participants = [new { name = "La persona", role = "Person" }, new { name = "Elena Marchetti", role = "Psychiatrist" }] }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        using var afterAssessment = JsonDocument.Parse(await saved.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        version = afterAssessment.RootElement.GetProperty("version").GetGuid();

        using var moved = await cps.PostAsJsonAsync($"/api/v1/projects/{id}/transitions", new { action = "CompleteAssessment", version }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        using var afterMove = JsonDocument.Parse(await moved.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        using var intensity = await cps.PutAsJsonAsync($"/api/v1/projects/{id}/intensity", new { intensity = "High", version = afterMove.RootElement.GetProperty("version").GetGuid() }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, intensity.StatusCode);
        var after = await app.WithDbAsync(db => db.Projects.Where(p => p.Id == id).Select(p => new { p.State, p.Intensity }).SingleAsync());
        Assert.Equal(ProjectState.CoDesign, after.State);
        Assert.Equal(Intensity.High, after.Intensity);
    }
}
