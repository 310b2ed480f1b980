using Microsoft.Playwright;

namespace Trama.BrowserTests;

[Collection(BrowserSuite.Name)]
public sealed class LayoutTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Theory]
    [InlineData("coordinatore")]
    [InlineData("admin")]
    [InlineData("sportello")]
    [InlineData("beneficiario")]
    public async Task Home_On360PixelPhone_HasNoHorizontalScrollAndPassesAxe(string userName)
    {
        var page = await Fixture.NewPageAsync(width: 360, height: 740);
        await page.LoginAsync(userName);
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"page is {overflow}px wider than a 360px phone");
        await page.AssertAccessibleAsync();
    }

    [Fact]
    public async Task LoginPage_On360PixelPhone_HasNoHorizontalScroll()
    {
        var page = await Fixture.NewPageAsync(width: 360, height: 740);
        await page.GotoAsync("/Account/Login");
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"page is {overflow}px wider than a 360px phone");
    }

    [Fact]
    public async Task SkipLink_IsTheFirstTabStopAndMovesFocusToTheContent()
    {
        var page = await Fixture.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Vai al contenuto principale", await page.EvaluateAsync<string>("() => document.activeElement.textContent.trim()"));
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("main", await page.EvaluateAsync<string>("() => document.activeElement.id"));
    }

    [Fact]
    public async Task Login_WithKeyboardOnly_ReachesTheHomePage()
    {
        var page = await Fixture.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Nome utente o email").FocusAsync();
        await page.Keyboard.TypeAsync("operatore");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync(Trama.Web.Features.Demo.DemoData.Password);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Buongiorno, Sara Colombo");
    }

    [Fact]
    public async Task Login_WithJavaScriptOff_StillWorks()
    {
        var page = await Fixture.NewPageAsync(javaScript: false);
        await page.LoginAsync("clinico");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Buongiorno, Elena Marchetti");
    }

    [Fact]
    public async Task Pages_LoadWithoutFailedRequestsOrConsoleErrors()
    {
        var page = await Fixture.NewPageAsync();
        var failures = new List<string>();
        page.RequestFailed += (_, request) => failures.Add($"{request.Url}: {request.Failure}");
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                failures.Add($"{response.Url}: {response.Status}");
            }
        };
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                failures.Add("console: " + message.Text);
            }
        };
        await page.LoginAsync("admin");
        await page.GotoAsync("/Admin/Users");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.StartsWith("\"Titillium Web\"", await page.EvaluateAsync<string>("() => getComputedStyle(document.body).fontFamily"), StringComparison.Ordinal);
    }
}
