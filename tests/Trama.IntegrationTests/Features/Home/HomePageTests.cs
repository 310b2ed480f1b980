using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Trama.IntegrationTests.Builders;
using Trama.IntegrationTests.Infrastructure;
using Trama.Web.Features.Account;
using Trama.Web.Features.Organisations;
using Trama.Web.Features.Programmes;
using Trama.Web.Features.Projects;

namespace Trama.IntegrationTests.Features.Home;

[Trait("Database", "Any")]
public sealed class HomePageTests(TramaApp app) : IClassFixture<TramaApp>
{
    [Theory]
    [InlineData("clinico", "home-care", "Clinico CPS / case manager DSM", "CPS clinician / DSM case manager")]
    [InlineData("assistente.sociale", "home-care", "Assistente sociale del Comune", "Municipal social worker")]
    [InlineData("operatore", "home-care", "Operatore di riferimento", "Key worker")]
    [InlineData("esp", "home-care", "Esperto in supporto tra pari (ESP)", "Peer support expert (ESP)")]
    [InlineData("volontario", "home-local", "Facilitatore naturale / volontario", "Natural facilitator / volunteer")]
    [InlineData("beneficiario", "home-beneficiary", "Persona in percorso", "Person in care")]
    [InlineData("coordinatore", "partners", "Coordinatore di rete", "Network coordinator")]
    [InlineData("sportello", "home-local", "Presidio di prossimità", "Front-desk point")]
    [InlineData("fondazione", "home-funder", "Fondazione / finanziatore", "Foundation / funder")]
    [InlineData("admin", "home-administrator", "Amministratore", "Administrator")]
    public async Task Home_EachDemoRole_ShowsItsOwnSectionInItalianThenEnglish(string userName, string section, string italianRole, string englishRole)
    {
        using var session = app.NewSession();
        var home = await session.LoginAsync(userName);
        Assert.Equal("/", home.Url.AbsolutePath);
        Assert.NotNull(home.Find($"[data-testid={section}]"));
        Assert.Equal(italianRole, home.TextOf("[data-testid=roles]"));
        Assert.Equal("it", home.Document.DocumentElement.GetAttribute("lang"));

        var english = await session.SwitchLanguageAsync(home, "en");
        Assert.Equal("/", english.Url.AbsolutePath);
        Assert.Equal(englishRole, english.TextOf("[data-testid=roles]"));
        Assert.Equal("en", english.Document.DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public async Task Home_Clinician_SeesTheProgrammeAndItsNetwork()
    {
        using var session = app.NewSession();
        var home = await session.LoginAsync("clinico");
        Assert.Equal("aMIcittà – Budget di salute di comunità", home.TextOf("[data-testid=current-programme]"));
        Assert.Contains("CPS via Cherasco", home.TextOf("[data-testid=home-organisations]"));
        Assert.Contains("Cooperativa Lotta contro l'Emarginazione", home.TextOf("[data-testid=partners]"));
        Assert.Contains("Capofila", home.TextOf("[data-testid=partners]"));
        Assert.Contains("Attivo: 3", home.TextOf("[data-testid=my-projects]"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Home_APartnerJoiningTheProgramme_IsShownAtTheNextView()
    {
        using var session = app.NewSession();
        Assert.DoesNotContain("Associazione Nuovo Partner", (await session.LoginAsync("clinico")).TextOf("[data-testid=partners]"), StringComparison.Ordinal);

        await app.WithDbAsync(async db =>
        {
            var programme = await db.Programmes.Where(p => p.Code == "AMICITTA").Select(p => new { p.Id, p.TerritoryId }).SingleAsync();
            var organisation = new Organisation { Name = "Associazione Nuovo Partner", Kind = OrganisationKind.Association, TerritoryId = programme.TerritoryId };
            db.Organisations.Add(organisation);
            db.Add(new ProgrammePartner { ProgrammeId = programme.Id, OrganisationId = organisation.Id, Role = PartnerRole.Partner });
            return await db.SaveChangesAsync();
        });
        Assert.Contains("Associazione Nuovo Partner", (await session.GetAsync("/")).TextOf("[data-testid=partners]"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("clinico", true)]
    [InlineData("operatore", false)]
    public async Task Home_CareStaff_SeeTheirCaseloadByState_AndItsReviewsDueSoonestFirst(string userName, bool clinician)
    {
        var today = Trama.Web.Infrastructure.ItalianTime.Today(TimeProvider.System);
        var running = new[] { ProjectState.Active, ProjectState.UnderReview, ProjectState.Remodelled, ProjectState.Suspended };
        var (total, due) = await app.WithDbAsync(async db =>
        {
            var id = await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
            var programme = await db.Programmes.Where(p => p.Code == "AMICITTA").Select(p => p.Id).SingleAsync();
            var mine = db.Projects.VisibleTo(db, new Viewer(id, clinician, false, false), today).Where(p => p.ProgrammeId == programme);
            var dueSoon = await mine.Where(p => p.NextReviewDue != null && p.NextReviewDue <= today.AddDays(30) && running.Contains(p.State))
                .Select(p => new { p.Person.PseudonymousCode, p.NextReviewDue }).ToListAsync();
            return (await mine.CountAsync(), dueSoon.OrderBy(d => d.NextReviewDue).Take(10).Select(d => d.NextReviewDue!.Value).ToList());
        });
        using var session = app.NewSession();
        var home = await session.LoginAsync(userName);

        var counts = home.Document.QuerySelectorAll("[data-testid=my-projects] li strong").Select(c => int.Parse(c.TextContent, CultureInfo.InvariantCulture));
        Assert.Equal(total, counts.Sum());
        var shown = home.Document.QuerySelectorAll("[data-testid=reviews-due] li").Select(li => li.TextContent).ToList();
        Assert.NotEmpty(due);
        Assert.Equal(due.Count, shown.Count);
        Assert.All(shown.Zip(due), r => Assert.Contains(r.Second.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), r.First, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Home_AProjectSuspendedSinceTheLastView_IsCountedAtTheNextView()
    {
        static int Count(HtmlResult home, string state) =>
            home.Document.QuerySelectorAll("[data-testid=my-projects] li").Where(li => li.TextContent.StartsWith(state + ":", StringComparison.Ordinal))
                .Select(li => int.Parse(li.QuerySelector("strong")!.TextContent, CultureInfo.InvariantCulture)).SingleOrDefault();
        using var session = app.NewSession();
        var before = await session.LoginAsync("clinico");

        // The demo's counts are shared with the other tests of this class: the project is resumed after.
        Task<Guid> StepAsync(ProjectAction action, Guid? id) => app.WithDbAsync(async db =>
        {
            var clinico = await db.Users.Where(u => u.UserName == "clinico").Select(u => u.Id).SingleAsync();
            var today = Trama.Web.Infrastructure.ItalianTime.Today(TimeProvider.System);
            var project = id is { } known
                ? await db.Projects.SingleAsync(p => p.Id == known)
                : await db.Projects.VisibleTo(db, new Viewer(clinico, true, false, false), today)
                    .Where(p => p.Programme.Code == "AMICITTA" && p.State == ProjectState.Active).OrderBy(p => p.Id).FirstAsync();
            Assert.Null(project.Apply(action, actorIsCps: true, clinico, DateTime.UtcNow, "Ricovero breve"));
            await db.SaveChangesAsync();
            return project.Id;
        });
        var suspended = await StepAsync(ProjectAction.Suspend, null);
        try
        {
            var after = await session.GetAsync("/");
            Assert.Equal(Count(before, "Attivo") - 1, Count(after, "Attivo"));
            Assert.Equal(Count(before, "Sospeso") + 1, Count(after, "Sospeso"));
        }
        finally
        {
            await StepAsync(ProjectAction.Resume, suspended);
        }

        Assert.Equal(Count(before, "Attivo"), Count(await session.GetAsync("/"), "Attivo"));
    }

    [Fact]
    public async Task Home_AColleagueJoiningTheCentreSinceTheLastView_IsListedAtTheNextView()
    {
        using var session = app.NewSession();
        Assert.DoesNotContain("Ilaria Nuovacollega", (await session.LoginAsync("clinico")).Html, StringComparison.Ordinal);

        await new UserBuilder().WithRole(Roles.Clinician).WithDisplayName("Ilaria Nuovacollega").InOrganisation("CPS via Cherasco").CreateAsync(app);
        Assert.Contains("Ilaria Nuovacollega", (await session.GetAsync("/")).Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Home_ProgrammePeriod_IsInItalianDateFormatInBothLanguages()
    {
        using var session = app.NewSession();
        var home = await session.LoginAsync("clinico");
        Assert.Equal("dal 1 ottobre 2018", home.TextOf("[data-testid=programme-period]"));
        var english = await session.SwitchLanguageAsync(home, "en");
        Assert.Equal("from 1 ottobre 2018", english.TextOf("[data-testid=programme-period]"));
    }

    [Fact]
    public async Task Home_FunderOfASmallProgramme_SeesThePeopleCountSuppressed()
    {
        var funder = await new UserBuilder().WithRole(Roles.Funder).InOrganisation("Fondazione Comunitaria Nord Milano").CreateAsync(app);
        using var session = app.NewSession();
        var home = await session.LoginAsync(funder.UserName, funder.Password);
        Assert.Equal("Stiamo bene in Crocetta", home.TextOf("[data-testid=current-programme]"));
        Assert.Equal("< 5", home.TextOf("[data-testid=people-count]"));
    }

    [Fact]
    public async Task Home_FunderOfALargerProgramme_SeesTheCount()
    {
        using var session = app.NewSession();
        var home = await session.LoginAsync("fondazione");
        Assert.Equal("47", home.TextOf("[data-testid=people-count]"));
    }

    [Fact]
    public async Task Home_FrontDesk_SeesCrocettaLocalActorsWithAddresses()
    {
        using var session = app.NewSession();
        var home = await session.LoginAsync("sportello");
        Assert.Equal("Stiamo bene in Crocetta", home.TextOf("[data-testid=current-programme]"));
        var local = home.TextOf("[data-testid=home-local]");
        Assert.Contains("Casa della Cittadinanza", local);
        Assert.Contains("Viale Abruzzi 11, Cinisello Balsamo", local);
        Assert.Contains("Parrocchia San Pietro Martire", local);
    }

    [Fact]
    public async Task Home_Beneficiary_SeesOwnCodeButNoOtherPerson()
    {
        using var session = app.NewSession();
        var home = await session.LoginAsync("beneficiario");
        Assert.Contains("AMI-0001", home.TextOf("[data-testid=home-beneficiary]"));
        Assert.DoesNotContain("AMI-0002", home.Html, StringComparison.Ordinal);
        Assert.Null(home.Find("[data-testid=people-count]"));
    }

    [Fact]
    public async Task ProgrammeSwitch_CoordinatorInBothProgrammes_ChangesTheHeader()
    {
        using var session = app.NewSession();
        var home = await session.LoginAsync("coordinatore");
        Assert.Equal("aMIcittà – Budget di salute di comunità", home.TextOf("[data-testid=current-programme]"));
        var switched = await session.SubmitAsync(home, "form[action='/Account/Programme']", ("code", "CROCETTA"));
        Assert.Equal("Stiamo bene in Crocetta", switched.TextOf("[data-testid=current-programme]"));
        Assert.Contains("Cooperativa Sociale Il Torpedone", switched.TextOf("[data-testid=partners]"));
    }

    [Fact]
    public async Task ProgrammeSwitch_ToAProgrammeTheUserIsNotIn_IsIgnored()
    {
        using var session = app.NewSession();
        var home = await session.LoginAsync("clinico");
        Assert.Null(home.Find("form[action='/Account/Programme']"));
        var token = home.Find("form[action='/Account/Logout'] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var content = new FormUrlEncodedContent([new("code", "CROCETTA"), new("__RequestVerificationToken", token)]);
        await session.Client.PostAsync(new Uri("/Account/Programme", UriKind.Relative), content, TestContext.Current.CancellationToken);
        var after = await session.GetAsync("/");
        Assert.Equal("aMIcittà – Budget di salute di comunità", after.TextOf("[data-testid=current-programme]"));
    }
}
