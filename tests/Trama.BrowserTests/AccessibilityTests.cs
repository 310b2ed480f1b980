using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Trama.Web.Features.Demo;

namespace Trama.BrowserTests;

[Collection(BrowserSuite.Name)]
public sealed class AccessibilityTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    public static TheoryData<string> DemoUsers => new(DemoData.Users.Select(u => u.UserName));

    [Fact]
    public async Task LoginPage_IsAccessible()
    {
        var page = await Fixture.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.AssertAccessibleAsync();
    }

    [Fact]
    public async Task LoginPage_WithErrors_IsAccessible()
    {
        var page = await Fixture.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.GetByRole(AriaRole.Button, new() { Name = "Accedi" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Il campo «Password» è obbligatorio.")).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();
    }

    [Theory]
    [MemberData(nameof(DemoUsers))]
    public async Task Home_EachRole_IsAccessibleInItalianAndEnglish(string userName)
    {
        var page = await Fixture.NewPageAsync();
        await page.LoginAsync(userName);
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Buongiorno");
        await page.AssertAccessibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Hello");
        Assert.Equal("en", await page.Locator("html").GetAttributeAsync("lang"));
        await page.AssertAccessibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Italiano" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Buongiorno");
    }

    [Theory]
    [InlineData("/Admin/Users")]
    [InlineData("/Admin/Users/Create")]
    [InlineData("/Account/ChangePassword")]
    [InlineData("/pagina-che-non-esiste")]
    public async Task AdministratorPages_AreAccessible(string path)
    {
        var page = await Fixture.NewPageAsync();
        await page.LoginAsync("admin");
        await page.GotoAsync(path);
        await page.AssertAccessibleAsync();
    }

    [Fact]
    public async Task EditUserPage_IsAccessible()
    {
        var page = await Fixture.NewPageAsync();
        await page.LoginAsync("admin");
        await page.GotoAsync("/Admin/Users");
        await page.GetByRole(AriaRole.Link, new() { Name = "Elena Marchetti" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Modifica utente");
        await page.AssertAccessibleAsync();
    }

    [Fact]
    public async Task CreateUserPage_WithErrors_IsAccessible()
    {
        var page = await Fixture.NewPageAsync();
        await page.LoginAsync("admin");
        await page.GotoAsync("/Admin/Users/Create");
        await page.GetByRole(AriaRole.Button, new() { Name = "Salva" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Scegli almeno un ruolo.")).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();
    }

    [Fact]
    public async Task WhoSawMyData_ForThePerson_IsAccessible()
    {
        var page = await Fixture.NewPageAsync();
        await page.LoginAsync("beneficiario");
        await page.GetByRole(AriaRole.Link, new() { Name = "Chi ha visto i miei dati" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=accesses]")).ToContainTextAsync("Elena Marchetti");
        await page.AssertAccessibleAsync();
    }

    [Theory]
    [InlineData("privacy", "/Privacy/Audit")]
    [InlineData("privacy", "/Privacy/Audit?person=AMI-0001&action=Read")]
    [InlineData("privacy", "/Privacy/Requests?code=AMI-0001")]
    [InlineData("clinico", "/Privacy/Emergency")]
    [InlineData("beneficiario", "/Me/Data")]
    [InlineData("operatore", "/Account/TwoFactor")]
    public async Task PrivacyPages_AreAccessible(string user, string path)
    {
        var page = await Fixture.NewPageAsync();
        await page.LoginAsync(user);
        await page.GotoAsync(path);
        await Assertions.Expect(page.Locator("h1")).Not.ToBeEmptyAsync();
        await page.AssertAccessibleAsync();
    }

    [Fact]
    public async Task ConsentsPage_IsAccessible()
    {
        var page = await Fixture.NewPageAsync();
        await page.LoginAsync("clinico");
        var id = await Fixture.App.WithDbAsync(db => db.Projects.Where(p => p.Person.PseudonymousCode == "AMI-0001").Select(p => p.Id).SingleAsync());
        await page.GotoAsync($"/Projects/{id}/Consents");
        await Assertions.Expect(page.Locator("[data-testid=consents]")).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();
    }

    [Theory]
    [InlineData("clinico", "Agreement/Versions")]
    [InlineData("beneficiario", "Agreement/Versions")]
    [InlineData("clinico", "CrisisPlan")]
    [InlineData("clinico", "Person/Relations")]
    [InlineData("clinico", "Documents")]
    [InlineData("operatore", "Budget")]
    public async Task ProjectSubPages_AreAccessible(string user, string page)
    {
        var browser = await Fixture.NewPageAsync();
        await browser.LoginAsync(user);
        var id = await Fixture.App.WithDbAsync(db => db.Projects.Where(p => p.Person.PseudonymousCode == "AMI-0001").Select(p => p.Id).SingleAsync());
        await browser.GotoAsync($"/Projects/{id}/{page}");
        await Assertions.Expect(browser.Locator("h1")).Not.ToBeEmptyAsync();
        await browser.AssertAccessibleAsync();
    }

    [Fact]
    public async Task GoalEdit_IsAccessible()
    {
        var browser = await Fixture.NewPageAsync();
        await browser.LoginAsync("clinico");
        var (id, goal) = await Fixture.App.WithDbAsync(async db =>
        {
            var project = await db.Projects.Where(p => p.Person.PseudonymousCode == "AMI-0001").Select(p => p.Id).SingleAsync();
            return (project, await db.Goals.Where(g => g.ProjectId == project).OrderBy(g => g.CreatedAtUtc).Select(g => g.Id).FirstAsync());
        });
        await browser.GotoAsync($"/Projects/{id}/Goals/{goal}/Edit");
        await Assertions.Expect(browser.Locator("h1")).Not.ToBeEmptyAsync();
        await browser.AssertAccessibleAsync();
    }

    [Theory]
    [InlineData("coordinatore", "/Programmes/Settings")]
    [InlineData("coordinatore", "/Programmes/Tariffs")]
    [InlineData("fondazione", "/Budget/Programme")]
    public async Task ProgrammePages_AreAccessible(string user, string path)
    {
        var page = await Fixture.NewPageAsync();
        await page.LoginAsync(user);
        await page.GotoAsync(path);
        await Assertions.Expect(page.Locator("h1")).Not.ToBeEmptyAsync();
        await page.AssertAccessibleAsync();
    }

    [Fact]
    public async Task ReferralLists_PagedNewestFirst_AreAccessible_AndMoveToOlderReferrals()
    {
        await Fixture.App.WithDbAsync(async db =>
        {
            var service = await db.DirectoryServices.Where(s => s.Name == "Sportello di ascolto e orientamento").Select(s => s.Id).SingleAsync();
            var sender = await db.Users.Where(u => u.UserName == "sportello").Select(u => u.Id).SingleAsync();
            var from = await db.OrganisationMemberships.Where(m => m.UserId == sender).Select(m => m.OrganisationId).FirstAsync();
            var start = DateTime.UtcNow.AddDays(-1);
            db.Referrals.AddRange(Enumerable.Range(0, 60).Select(i => new Trama.Web.Features.Referrals.Referral
            {
                ServiceId = service,
                FromOrganisationId = from,
                CreatedByUserId = sender,
                CreatedAtUtc = start.AddMinutes(i),
                StateChangedAtUtc = start.AddMinutes(i),
                GivenName = "Paginata",
                FamilyName = $"Persona {i:00}",
                Contact = "333 000 0000",
                Reason = "Cerca compagnia nel quartiere.",
                ConsentGiven = true,
            }));
            return await db.SaveChangesAsync();
        });
        var page = await Fixture.NewPageAsync();
        await page.LoginAsync("volontario");
        await page.GotoAsync("/Referrals");
        var pager = page.GetByRole(AriaRole.Navigation, new() { Name = "Pagine degli invii ricevuti" });
        await Assertions.Expect(pager).ToContainTextAsync("Pagina 1 di");
        await page.AssertAccessibleAsync();

        await pager.GetByRole(AriaRole.Link, new() { Name = "Meno recenti" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Pagine degli invii ricevuti" })).ToContainTextAsync("Pagina 2 di");
        await page.AssertAccessibleAsync();
    }

    [Fact]
    public async Task ProgrammeSettings_WithErrors_IsAccessible()
    {
        var page = await Fixture.NewPageAsync();
        await page.LoginAsync("coordinatore");
        await page.GotoAsync("/Programmes/Settings");
        await page.GetByLabel("Valore di un'ora di operatore (€)").FillAsync("tanto");
        await page.Locator("form[data-testid=settings-form] button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=form-errors]")).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();
    }

    [Fact]
    public async Task EmergencyAccess_WithErrors_IsAccessible()
    {
        var page = await Fixture.NewPageAsync();
        await page.LoginAsync("clinico");
        await page.GotoAsync("/Privacy/Emergency");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apri in emergenza" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=form-errors]")).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();
    }

    [Fact]
    public async Task ForbiddenPage_IsAccessible()
    {
        var page = await Fixture.NewPageAsync();
        await page.LoginAsync("operatore");
        await page.GotoAsync("/Admin/Users");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Accesso non consentito");
        await page.AssertAccessibleAsync();
    }
}

[Collection(BrowserSuite.Name)]
public sealed class AxeCheckTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task AxeCheck_PageWithAnImageWithoutText_Fails()
    {
        var page = await Fixture.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.EvaluateAsync("() => { const img = document.createElement('img'); img.src = '/favicon.svg'; document.querySelector('main').appendChild(img); }");
        var failure = await Assert.ThrowsAnyAsync<Exception>(page.AssertAccessibleAsync);
        Assert.Contains("image-alt", failure.Message, StringComparison.Ordinal);
    }
}
