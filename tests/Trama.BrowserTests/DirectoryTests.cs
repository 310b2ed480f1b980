using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Trama.BrowserTests;

/// The public services guide in a real browser: a citizen without a login, on a phone.
[Collection(BrowserSuite.Name)]
public sealed class DirectoryTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task ACitizenWithoutALogin_SearchesTheGuideOnA360PixelPhone()
    {
        var page = await Fixture.NewPageAsync(width: 360, height: 740);
        await page.GotoAsync("/Account/Login");
        await page.GetByRole(AriaRole.Link, new() { Name = "Cerchi un servizio nel quartiere? Apri la guida ai servizi, senza accedere" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Guida ai servizi del quartiere");

        await page.GetByLabel("Che cosa cerchi").FillAsync("pressione");
        await page.GetByRole(AriaRole.Button, new() { Name = "Cerca", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("result-count")).ToHaveTextAsync("Servizi trovati: 3");

        // The map draws one marker per result, without any tile server.
        await Assertions.Expect(page.Locator("#directory-map path.leaflet-interactive")).ToHaveCountAsync(3);
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"page is {overflow}px wider than a 360px phone");
        await page.AssertAccessibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Farmacia: misurazione della pressione e ascolto" }).First.ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Farmacia: misurazione della pressione e ascolto");
        await Assertions.Expect(page.Locator("table caption")).ToHaveTextAsync("Orari di apertura");
        overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"the service page is {overflow}px wider than a 360px phone");
        await page.AssertAccessibleAsync();
    }

    [Fact]
    public async Task AFrontDeskUser_FindsWhatIsWithinOneKilometreOfTheirPharmacy()
    {
        var page = await Fixture.NewPageAsync();
        await page.LoginAsync("sportello");
        await page.GetByRole(AriaRole.Link, new() { Name = "Guida ai servizi" }).First.ClickAsync();
        await page.GetByLabel("Vicino a").SelectOptionAsync(new SelectOptionValue { Label = "Farmacia Comunale 2" });
        await page.GetByLabel("Entro").SelectOptionAsync(new SelectOptionValue { Label = "1 km" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Cerca", Exact = true }).ClickAsync();

        var distances = await page.GetByTestId("distance").EvaluateAllAsync<double[]>("els => els.map(e => parseFloat(e.dataset.km))");
        Assert.NotEmpty(distances);
        Assert.All(distances, d => Assert.InRange(d, 0, 1));
        Assert.Equal(distances.Order(), distances);
        var far = await Fixture.App.WithDbAsync(db => db.DirectoryServices.CountAsync());
        Assert.True(distances.Length < far);
        await page.AssertAccessibleAsync();
    }
}
