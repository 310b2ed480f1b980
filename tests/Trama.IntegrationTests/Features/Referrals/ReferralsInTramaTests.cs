using System.Net;
using Microsoft.EntityFrameworkCore;
using Trama.IntegrationTests.Infrastructure;
using Trama.Web.Features.Projects;
using Trama.Web.Features.Referrals;

namespace Trama.IntegrationTests.Features.Referrals;

/// Referrals of people who are in Trama: sent from a Budget di Salute project by its care team,
/// with the sharing consent on record; and taken by a CPS into a new project as its referral stage.
[Trait("Database", "Any")]
public sealed class ReferralsInTramaTests(TramaApp app) : IClassFixture<TramaApp>
{
    private Task<Guid> ServiceAsync(string name) =>
        app.WithDbAsync(db => db.DirectoryServices.Where(s => s.Name == name).Select(s => s.Id).SingleAsync());

    private Task<Guid> ProjectAsync(string code) =>
        app.WithDbAsync(db => db.Projects.Where(p => p.Person.PseudonymousCode == code).Select(p => p.Id).SingleAsync());

    [Fact]
    public async Task TheCareTeamRefersTheProjectsPerson_WithTheConsentOnRecord_AndTheReferralKnowsThePerson()
    {
        var project = await ProjectAsync("AMI-0001");
        var service = await ServiceAsync("Tirocini e inserimento lavorativo");
        using var operatore = app.NewSession();
        await operatore.LoginAsync("operatore");
        var page = await operatore.GetAsync($"/Projects/{project}");
        Assert.NotNull(page.Find($"a[href='/Directory?project={project}']"));
        var guide = await operatore.GetAsync($"/Directory?project={project}");
        Assert.NotNull(guide.Find($"a[href='/Directory/Services/{service}?project={project}']"));

        var form = await operatore.GetAsync($"/Referrals/New?service={service}&project={project}");
        Assert.Equal(HttpStatusCode.OK, form.Status);
        Assert.Equal("Giorgio", form.Find("#Input_GivenName")!.GetAttribute("value"));
        Assert.NotNull(form.Find("[data-testid=consent-on-record]"));
        var sent = await operatore.SubmitAsync(form, "[data-testid=referral-form]", ("Input.Reason", "Vuole riprendere a lavorare, part-time."), ("Input.Contact", "Tramite Sara Colombo, 02 555 0101"));
        Assert.Equal(HttpStatusCode.OK, sent.Status);
        Assert.Empty(sent.Errors);

        var referral = await app.WithDbAsync(db => db.Referrals.Where(r => r.ProjectId == project).Select(r => new { r.PersonId, r.ConsentGiven, r.ConsentOverride, r.FamilyName }).SingleAsync());
        var person = await app.WithDbAsync(db => db.Projects.Where(p => p.Id == project).Select(p => p.PersonId).SingleAsync());
        Assert.Equal((person, true, null, "Bassi"), (referral.PersonId!.Value, referral.ConsentGiven, referral.ConsentOverride, referral.FamilyName));
    }

    [Fact]
    public async Task SomeoneOffTheCareTeam_CannotReferTheProjectsPerson()
    {
        var project = await ProjectAsync("AMI-0001");
        var service = await ServiceAsync("Sportello di ascolto e orientamento");
        using var pharmacy = app.NewSession();
        await pharmacy.LoginAsync("sportello");
        Assert.Equal(HttpStatusCode.NotFound, (await pharmacy.GetAsync($"/Referrals/New?service={service}&project={project}")).Status);
    }

    [Fact]
    public async Task TheCpsAcceptsAReferral_AndTakesItIntoAProject_WhoseReferralStageItBecomes()
    {
        var (id, pharmacy, cps) = await TakeInAReferralFromThePharmacyAsync(app);
        using (pharmacy)
        using (cps)
        {
            Assert.Equal("Referred", await app.WithDbAsync(db => db.Projects.Where(p => p.Person.FamilyName == "Brivio").Select(p => p.State.ToString()).SingleAsync()));
            var referral = await app.WithDbAsync(db => db.Referrals.Where(r => r.Id == id).Select(r => new { r.State, r.ProjectId, r.PersonId }).SingleAsync());
            Assert.Equal(ReferralState.InProgress, referral.State);
            Assert.NotNull(referral.ProjectId);
            Assert.NotNull((await cps.GetAsync($"/Referrals/{id}")).Find("[data-testid=referral-project] a"));
            Assert.Null((await pharmacy.GetAsync($"/Referrals/{id}")).Find("[data-testid=referral-project]"));
            Assert.Equal(HttpStatusCode.NotFound, (await cps.GetAsync($"/Projects/Refer?FromReferral={id}")).Status);
        }
    }

    /// A pharmacy refers Ettore Brivio to the CPS, the CPS accepts and takes him in with the
    /// intake form as pre-filled; the intake must save without errors.
    internal static async Task<(Guid Referral, WebSession Pharmacy, WebSession Cps)> TakeInAReferralFromThePharmacyAsync(TramaApp app)
    {
        var service = await app.WithDbAsync(db => db.DirectoryServices.Where(s => s.Name == "Accoglienza e presa in carico al CPS via Cherasco").Select(s => s.Id).SingleAsync());
        var pharmacy = app.NewSession();
        await pharmacy.LoginAsync("sportello");
        var form = await pharmacy.GetAsync($"/Referrals/New?service={service}");
        var sent = await pharmacy.SubmitAsync(form, "[data-testid=referral-form]",
            ("Input.GivenName", "Ettore"), ("Input.FamilyName", "Brivio"), ("Input.Contact", "333 444 5566"),
            ("Input.Reason", "Non dorme da settimane, il medico di base suggerisce il CPS."), ("Input.Urgency", "Soon"), ("Input.ConsentGiven", "true"));
        var id = Guid.Parse(sent.Url.AbsolutePath.Split('/')[^1]);

        var cps = app.NewSession();
        await cps.LoginAsync("clinico");
        var details = await cps.GetAsync($"/Referrals/{id}");
        Assert.Null(details.Find("[data-testid=open-project]"));
        details = await cps.SubmitAsync(details, "form[data-action=Accept]");
        var open = details.Find("[data-testid=open-project]")!;
        var intake = await cps.GetAsync(open.GetAttribute("href")!);
        Assert.Equal("Ettore", intake.Find("#Input_GivenName")!.GetAttribute("value"));
        Assert.Equal("Invio da Farmacia Comunale 2", intake.Find("#Input_ReferralSource")!.GetAttribute("value"));
        Assert.Equal("Priority", intake.Find("#Input_Urgency option[selected]")!.GetAttribute("value"));
        var created = await cps.SubmitAsync(intake, "main form", ("Input.BirthDate", "1969-05-04"));
        Assert.Empty(created.Errors);
        return (id, pharmacy, cps);
    }
}

/// Between midnight in Italy and midnight UTC (23:00–24:00 UTC in winter) Italy is already on the
/// next day: a referral received then is dated that day, and the CPS can take it in at once.
[Trait("Database", "Any")]
public sealed class ReferralsAfterItalianMidnightTests : IAsyncLifetime
{
    private readonly TramaApp app = TramaApp.Create(clock: ShiftedClock.NextWednesdayAt(new TimeOnly(0, 30)));

    public ValueTask InitializeAsync() => app.InitializeAsync();

    public ValueTask DisposeAsync() => app.DisposeAsync();

    [Fact]
    public async Task AReferralReceivedAtHalfPastMidnight_IsTakenIn_OnItsItalianDay()
    {
        var (id, pharmacy, cps) = await ReferralsInTramaTests.TakeInAReferralFromThePharmacyAsync(app);
        using (pharmacy)
        using (cps)
        {
            Assert.NotNull((await cps.GetAsync($"/Referrals/{id}")).Find("[data-testid=referral-project] a"));
        }

        var wednesday = await app.WithDbAsync(db => db.Projects.Where(p => p.Person.FamilyName == "Brivio")
            .Select(p => new { p.ReferredOn, Team = p.Team.Select(m => m.StartsOn).ToList() }).SingleAsync());
        Assert.Equal(DayOfWeek.Wednesday, wednesday.ReferredOn.DayOfWeek);
        Assert.All(wednesday.Team, startsOn => Assert.Equal(wednesday.ReferredOn, startsOn));
        Assert.NotNull(await app.WithDbAsync(db => db.Referrals.Where(r => r.Id == id).Select(r => r.ProjectId).SingleAsync()));
    }
}
