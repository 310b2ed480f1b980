using Microsoft.EntityFrameworkCore;
using Trama.IntegrationTests.Builders;
using Trama.IntegrationTests.Infrastructure;
using Trama.Web.Features.Account;

namespace Trama.IntegrationTests.Features.Admin;

[Trait("Database", "Any")]
public sealed class UserAdministrationTests(TramaApp app) : IClassFixture<TramaApp>
{
    private async Task<(WebSession Session, HtmlResult Page)> AdminAtAsync(string path)
    {
        var session = app.NewSession();
        await session.LoginAsync("admin");
        return (session, await session.GetAsync(path));
    }

    private async Task<string> OrganisationIdAsync(string name) =>
        (await app.WithDbAsync(db => db.Organisations.Where(o => o.Name == name).Select(o => o.Id).SingleAsync())).ToString();

    [Fact]
    public async Task Create_ValidUser_AppearsInTheListAndCanSignIn()
    {
        var (session, form) = await AdminAtAsync("/Admin/Users/Create");
        using var _ = session;
        var name = "nuovo" + Guid.NewGuid().ToString("N")[..6];
        var list = await session.SubmitAsync(form, "main form",
            ("Input.UserName", name), ("Input.DisplayName", "Nuova Operatrice"), ("Input.Email", name + "@example.invalid"),
            ("Input.Roles", Roles.KeyWorker), ("Input.OrganisationIds", await OrganisationIdAsync("Diapason Cooperativa Sociale")),
            ("Input.Password", "Prima-Password-2026"));
        Assert.Equal("/Admin/Users", list.Url.AbsolutePath);
        Assert.Equal("Utente Nuova Operatrice creato.", list.TextOf("[role=status]"));
        Assert.Contains("Nuova Operatrice", list.TextOf("[data-testid=users]"));

        using var newcomer = app.NewSession();
        var home = await newcomer.LoginAsync(name, "Prima-Password-2026");
        Assert.Equal("Operatore di riferimento", home.TextOf("[data-testid=roles]"));
        Assert.Contains("Diapason Cooperativa Sociale", home.TextOf("[data-testid=home-organisations]"));
    }

    [Fact]
    public async Task Create_InvalidInput_KeepsWhatWasTypedAndExplainsEachError()
    {
        var (session, form) = await AdminAtAsync("/Admin/Users/Create");
        using var _ = session;
        var page = await session.SubmitAsync(form, "main form",
            ("Input.UserName", "con spazi"), ("Input.DisplayName", "Mario Esempio"), ("Input.Email", "non-una-email"),
            ("Input.Password", "corta"));
        Assert.Equal("/Admin/Users/Create", page.Url.AbsolutePath);
        Assert.Equal("con spazi", page.Find("#Input_UserName")!.GetAttribute("value"));
        Assert.Equal("Mario Esempio", page.Find("#Input_DisplayName")!.GetAttribute("value"));
        Assert.Equal("non-una-email", page.Find("#Input_Email")!.GetAttribute("value"));
        Assert.Contains(page.Errors, e => e.StartsWith("Il nome utente può contenere solo", StringComparison.Ordinal));
        Assert.Contains("Il campo «Email» non contiene un indirizzo email valido.", page.Errors);
        Assert.Contains("Scegli almeno un ruolo.", page.Errors);
        Assert.Contains("Il campo «Password iniziale» deve contenere da 12 a 256 caratteri.", page.Errors);
    }

    [Fact]
    public async Task Create_TakenUserName_IsRefusedAndNothingIsSaved()
    {
        var existing = await new UserBuilder().WithRole(Roles.Volunteer).CreateAsync(app);
        var (session, form) = await AdminAtAsync("/Admin/Users/Create");
        using var _ = session;
        var before = await app.WithDbAsync(db => db.Users.CountAsync());
        var page = await session.SubmitAsync(form, "main form",
            ("Input.UserName", existing.UserName), ("Input.DisplayName", "Doppione"), ("Input.Email", "altro@example.invalid"),
            ("Input.Roles", Roles.Volunteer), ("Input.Password", "Prima-Password-2026"));
        Assert.Contains($"Il nome utente «{existing.UserName}» è già in uso.", page.Errors);
        Assert.Equal(before, await app.WithDbAsync(db => db.Users.CountAsync()));
    }

    [Fact]
    public async Task Edit_Deactivate_TheUserCanNoLongerSignIn()
    {
        var user = await new UserBuilder().WithRole(Roles.Volunteer).CreateAsync(app);
        var (session, form) = await AdminAtAsync($"/Admin/Users/Edit/{user.Id}");
        using var _ = session;
        var fields = form.Document.QuerySelectorAll("input[name='Input.IsActive']");
        var saved = await session.SubmitAsync(form, "main form[method=post]:not([action*=Unlock])", ("Input.IsActive", "false"));
        Assert.Equal("/Admin/Users", saved.Url.AbsolutePath);

        using var refused = app.NewSession();
        Assert.Contains("Questo account non è attivo. Rivolgiti all'amministratore.", (await refused.LoginAsync(user.UserName, user.Password)).Errors);
    }

    [Fact]
    public async Task Edit_SomeoneElseSavedFirst_ConflictIsReportedAndInputKept()
    {
        var user = await new UserBuilder().WithRole(Roles.Volunteer).WithDisplayName("Prima Versione").CreateAsync(app);
        var (first, firstForm) = await AdminAtAsync($"/Admin/Users/Edit/{user.Id}");
        var (second, secondForm) = await AdminAtAsync($"/Admin/Users/Edit/{user.Id}");
        using var a = first;
        using var b = second;

        var saved = await first.SubmitAsync(firstForm, "main form[method=post]:not([action*=Unlock])", ("Input.DisplayName", "Versione Di Anna"));
        Assert.Equal("/Admin/Users", saved.Url.AbsolutePath);

        var conflict = await second.SubmitAsync(secondForm, "main form[method=post]:not([action*=Unlock])", ("Input.DisplayName", "Versione Di Bruno"));
        Assert.Contains(conflict.Errors, e => e.StartsWith("Qualcun altro ha modificato questo utente", StringComparison.Ordinal));
        Assert.Equal("Versione Di Bruno", conflict.Find("#Input_DisplayName")!.GetAttribute("value"));
        Assert.Equal("Versione Di Anna", await app.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.DisplayName).SingleAsync()));
    }

    [Fact]
    public async Task Edit_ChangeOrganisation_ClosesTheOldMembershipInsteadOfDeletingIt()
    {
        var user = await new UserBuilder().WithRole(Roles.KeyWorker).InOrganisation("Diapason Cooperativa Sociale").CreateAsync(app);
        var (session, form) = await AdminAtAsync($"/Admin/Users/Edit/{user.Id}");
        using var _ = session;
        var aromi = await OrganisationIdAsync("Aromi a tutto Campo");
        var withoutOrganisations = form.Document.QuerySelectorAll("input[name='Input.OrganisationIds']");
        foreach (var box in withoutOrganisations)
        {
            box.RemoveAttribute("checked");
        }

        await session.SubmitAsync(form, "main form[method=post]:not([action*=Unlock])", ("Input.OrganisationIds", aromi));
        var memberships = await app.WithDbAsync(db => db.OrganisationMemberships.Where(m => m.UserId == user.Id)
            .Select(m => new { m.Organisation.Name, m.EndsOn }).ToListAsync());
        Assert.Contains(memberships, m => m.Name == "Diapason Cooperativa Sociale" && m.EndsOn != null);
        Assert.Contains(memberships, m => m.Name == "Aromi a tutto Campo" && m.EndsOn == null);
    }

    [Fact]
    public async Task Edit_AdministratorRemovingOwnAdminRole_IsRefused()
    {
        var adminId = await app.WithDbAsync(db => db.Users.Where(u => u.UserName == "admin").Select(u => u.Id).SingleAsync());
        var (session, form) = await AdminAtAsync($"/Admin/Users/Edit/{adminId}");
        using var _ = session;
        foreach (var box in form.Document.QuerySelectorAll("input[name='Input.Roles']"))
        {
            box.RemoveAttribute("checked");
        }

        var page = await session.SubmitAsync(form, "main form[method=post]:not([action*=Unlock])", ("Input.Roles", Roles.Funder));
        Assert.Contains("Non puoi disattivare il tuo account né toglierti il ruolo di amministratore.", page.Errors);
    }

    [Fact]
    public async Task Unlock_LockedUser_CanSignInAgain()
    {
        var user = await new UserBuilder().WithRole(Roles.KeyWorker).CreateAsync(app);
        using (var attacker = app.NewSession())
        {
            for (var i = 0; i < 5; i++)
            {
                await attacker.LoginAsync(user.UserName, "Wrong-Password-1");
            }
        }

        var (session, edit) = await AdminAtAsync($"/Admin/Users/Edit/{user.Id}");
        using var _ = session;
        Assert.Equal("L'account è bloccato per troppi tentativi di accesso non riusciti.", edit.TextOf("[role=status] span"));
        await session.SubmitAsync(edit, "form[action*=Unlock]");

        using var owner = app.NewSession();
        Assert.Equal("/", (await owner.LoginAsync(user.UserName, user.Password)).Url.AbsolutePath);
    }

    [Fact]
    public async Task Edit_UnknownUser_Answers404()
    {
        var (session, page) = await AdminAtAsync("/Admin/Users/Edit/" + Guid.NewGuid());
        using var _ = session;
        Assert.Equal(System.Net.HttpStatusCode.NotFound, page.Status);
    }
}
