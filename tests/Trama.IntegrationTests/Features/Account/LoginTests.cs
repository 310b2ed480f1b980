using System.Net;
using Trama.IntegrationTests.Builders;
using Trama.IntegrationTests.Infrastructure;
using Trama.Web.Features.Account;
using Trama.Web.Features.Demo;

namespace Trama.IntegrationTests.Features.Account;

[Trait("Database", "Any")]
public sealed class LoginTests(TramaApp app) : IClassFixture<TramaApp>
{
    [Fact]
    public async Task Home_Anonymous_RedirectsToLogin()
    {
        using var session = app.NewSession();
        var page = await session.GetAsync("/");
        Assert.Equal("/Account/Login", page.Url.AbsolutePath);
        Assert.Equal("Accedi", page.TextOf("h1"));
    }

    [Fact]
    public async Task Login_EmptyFields_ShowsItalianRequiredMessages()
    {
        using var session = app.NewSession();
        var page = await session.SubmitAsync(await session.GetAsync("/Account/Login"), "main form", ("Input.UserName", ""), ("Input.Password", ""));
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Il campo «Nome utente o email» è obbligatorio.", page.Errors);
        Assert.Contains("Il campo «Password» è obbligatorio.", page.Errors);
    }

    [Fact]
    public async Task Login_WrongPassword_ShowsGenericErrorAndKeepsUserName()
    {
        var user = await new UserBuilder().WithRole(Roles.KeyWorker).CreateAsync(app);
        using var session = app.NewSession();
        var page = await session.LoginAsync(user.UserName, "Wrong-Password-1");
        Assert.Contains("Nome utente o password non corretti.", page.Errors);
        Assert.Equal(user.UserName, page.Find("#Input_UserName")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Login_UnknownUser_ShowsTheSameGenericError()
    {
        using var session = app.NewSession();
        var page = await session.LoginAsync("nobody-" + Guid.NewGuid().ToString("N")[..6], "Whatever-Password-1");
        Assert.Contains("Nome utente o password non corretti.", page.Errors);
    }

    [Fact]
    public async Task Login_FiveWrongPasswords_LocksTheAccountEvenForTheRightPassword()
    {
        var user = await new UserBuilder().WithRole(Roles.KeyWorker).CreateAsync(app);
        using var session = app.NewSession();
        for (var i = 0; i < 5; i++)
        {
            await session.LoginAsync(user.UserName, "Wrong-Password-1");
        }

        var page = await session.LoginAsync(user.UserName, user.Password);
        Assert.Equal("/Account/Login", page.Url.AbsolutePath);
        Assert.Contains(page.Errors, e => e.StartsWith("Account bloccato", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Login_LockedAccountInEnglish_ShowsEnglishMessage()
    {
        var user = await new UserBuilder().WithRole(Roles.KeyWorker).CreateAsync(app);
        using var session = app.NewSession();
        await session.SwitchLanguageAsync(await session.GetAsync("/Account/Login"), "en");
        for (var i = 0; i < 5; i++)
        {
            await session.LoginAsync(user.UserName, "Wrong-Password-1");
        }

        var page = await session.LoginAsync(user.UserName, user.Password);
        Assert.Contains(page.Errors, e => e.StartsWith("Account locked", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Login_DeactivatedUser_IsRefused()
    {
        var user = await new UserBuilder().WithRole(Roles.KeyWorker).Inactive().CreateAsync(app);
        using var session = app.NewSession();
        var page = await session.LoginAsync(user.UserName, user.Password);
        Assert.Contains("Questo account non è attivo. Rivolgiti all'amministratore.", page.Errors);
    }

    [Fact]
    public async Task Login_ByEmail_SignsIn()
    {
        using var session = app.NewSession();
        var page = await session.LoginAsync(DemoData.EmailOf("operatore"));
        Assert.Equal("/", page.Url.AbsolutePath);
    }

    [Fact]
    public async Task Login_ExternalReturnUrl_IsIgnored()
    {
        using var session = app.NewSession();
        var login = await session.GetAsync("/Account/Login?ReturnUrl=https%3A%2F%2Fevil.example%2F");
        var page = await session.SubmitAsync(login, "main form", ("Input.UserName", "operatore"), ("Input.Password", DemoData.Password));
        Assert.Equal("/", page.Url.AbsolutePath);
        Assert.Equal("localhost", page.Url.Host);
    }

    [Fact]
    public async Task Logout_EndsTheSession()
    {
        using var session = app.NewSession();
        var home = await session.LoginAsync("operatore");
        var after = await session.SubmitAsync(home, "form[action='/Account/Logout']");
        Assert.Equal("/Account/Login", after.Url.AbsolutePath);
        Assert.Equal("/Account/Login", (await session.GetAsync("/")).Url.AbsolutePath);
    }

    [Fact]
    public async Task ChangePassword_WrongCurrentPassword_ShowsErrorOnThatField()
    {
        var user = await new UserBuilder().WithRole(Roles.KeyWorker).CreateAsync(app);
        using var session = app.NewSession();
        await session.LoginAsync(user.UserName, user.Password);
        var page = await session.SubmitAsync(await session.GetAsync("/Account/ChangePassword"), "main form",
            ("Input.CurrentPassword", "Not-The-Password-1"), ("Input.NewPassword", "Brand-New-Password-7"), ("Input.ConfirmPassword", "Brand-New-Password-7"));
        Assert.Equal("La password non è corretta.", page.TextOf("#current-error"));
    }

    [Fact]
    public async Task ChangePassword_WeakPassword_ExplainsThePolicy()
    {
        var user = await new UserBuilder().WithRole(Roles.KeyWorker).CreateAsync(app);
        using var session = app.NewSession();
        await session.LoginAsync(user.UserName, user.Password);
        var page = await session.SubmitAsync(await session.GetAsync("/Account/ChangePassword"), "main form",
            ("Input.CurrentPassword", user.Password), ("Input.NewPassword", "alllowercase123"), ("Input.ConfirmPassword", "alllowercase123"));
        Assert.Contains("La password deve contenere almeno una lettera maiuscola.", page.TextOf("#new-error"));
    }

    [Fact]
    public async Task ChangePassword_Valid_TheNewPasswordSignsIn()
    {
        var user = await new UserBuilder().WithRole(Roles.KeyWorker).CreateAsync(app);
        using var session = app.NewSession();
        await session.LoginAsync(user.UserName, user.Password);
        var done = await session.SubmitAsync(await session.GetAsync("/Account/ChangePassword"), "main form",
            ("Input.CurrentPassword", user.Password), ("Input.NewPassword", "Brand-New-Password-7"), ("Input.ConfirmPassword", "Brand-New-Password-7"));
        Assert.Equal("Password cambiata.", done.TextOf("[role=status]"));

        using var again = app.NewSession();
        Assert.Equal("/", (await again.LoginAsync(user.UserName, "Brand-New-Password-7")).Url.AbsolutePath);
    }
}
