using System.Net;
using Trama.IntegrationTests.Infrastructure;

namespace Trama.IntegrationTests.Features.Errors;

[Trait("Database", "Any")]
public sealed class ErrorPageTests(TramaApp app) : IClassFixture<TramaApp>
{
    [Fact]
    public async Task UnknownPage_SignedIn_Answers404WithItalianMessage()
    {
        using var session = app.NewSession();
        await session.LoginAsync("operatore");
        var page = await session.GetAsync("/non-esiste");
        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Equal("Pagina non trovata", page.TextOf("[data-testid=error-title]"));
    }

    [Fact]
    public async Task UnknownPage_InEnglish_Answers404WithEnglishMessage()
    {
        using var session = app.NewSession();
        var home = await session.LoginAsync("operatore");
        await session.SwitchLanguageAsync(home, "en");
        var page = await session.GetAsync("/does-not-exist");
        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Equal("Page not found", page.TextOf("[data-testid=error-title]"));
    }

    [Fact]
    public async Task AdminPage_ForANonAdministrator_IsForbiddenWithAClearMessage()
    {
        using var session = app.NewSession();
        await session.LoginAsync("operatore");
        var page = await session.GetAsync("/Admin/Users");
        Assert.Equal(HttpStatusCode.Forbidden, page.Status);
        Assert.Equal("Accesso non consentito", page.TextOf("h1"));
    }

    [Fact]
    public async Task PostWithoutAntiforgeryToken_IsRejected()
    {
        using var session = app.NewSession();
        using var content = new FormUrlEncodedContent([new("Input.UserName", "admin"), new("Input.Password", "x")]);
        var response = await session.Client.PostAsync(new Uri("/Account/Login", UriKind.Relative), content, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Responses_CarryASecurityPolicyThatAllowsNoThirdPartyOrigin()
    {
        using var session = app.NewSession();
        var response = await session.Client.GetAsync(new Uri("/Account/Login", UriKind.Relative), TestContext.Current.CancellationToken);
        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("http", policy, StringComparison.Ordinal);
    }
}
