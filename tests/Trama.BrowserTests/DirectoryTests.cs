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

        await page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Pressione e ascolto alla Farmacia Comunale") }).First.ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^Pressione e ascolto alla Farmacia Comunale [123]$"));
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

    [Fact]
    public async Task ALongResult_PagesWithPreviousAndNext_KeepingTheSearch_OnA360PixelPhone()
    {
        await using var app = Trama.IntegrationTests.Infrastructure.TramaApp.Create(demoData: true, kestrel: true);
        await app.InitializeAsync();
        await Trama.IntegrationTests.Features.ServiceDirectory.BusyDirectory.AddServicesAsync(app, 25);
        var context = await Fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.RootUri.ToString(), Locale = "it-IT", ViewportSize = new ViewportSize { Width = 360, Height = 740 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Directory");
        await page.GetByLabel("Che cosa cerchi").FillAsync("zafferano");
        await page.GetByRole(AriaRole.Button, new() { Name = "Cerca", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("result-count")).ToHaveTextAsync("Servizi trovati: 25 · mostrati dal 1 al 20");
        await Assertions.Expect(page.Locator("#directory-map path.leaflet-interactive")).ToHaveCountAsync(20);
        await Assertions.Expect(page.GetByTestId("pager-results")).ToContainTextAsync("Pagina 1 di 2");
        await page.AssertAccessibleAsync();

        await page.GetByTestId("pager-results").GetByRole(AriaRole.Link, new() { Name = "Successivi" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("result-count")).ToHaveTextAsync("Servizi trovati: 25 · mostrati dal 21 al 25");
        await Assertions.Expect(page.GetByLabel("Che cosa cerchi")).ToHaveValueAsync("zafferano");
        await Assertions.Expect(page.Locator("[data-testid=results] h2").First).ToHaveTextAsync("Laboratorio di zafferano 20");
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"the second page is {overflow}px wider than a 360px phone");
        await page.AssertAccessibleAsync();
        await context.CloseAsync();
    }
}

/// The whole closed loop in a browser, on a Wednesday morning so that "open now" finds services.
[Collection(BrowserSuite.Name)]
public sealed class ReferralLoopTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task APharmacyRefersToAServiceOpenNowNearby_TheServiceAcceptsAndCompletes_AndThePharmacySeesItCompleted()
    {
        await using var app = Trama.IntegrationTests.Infrastructure.TramaApp.Create(demoData: true, kestrel: true, clock: Trama.IntegrationTests.Infrastructure.ShiftedClock.NextWednesdayAt(new TimeOnly(10, 0)));
        await app.InitializeAsync();
        async Task<IPage> OpenAsync(string user)
        {
            var context = await Fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.RootUri.ToString(), Locale = "it-IT", ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
            var page = await context.NewPageAsync();
            await page.LoginAsync(user);
            return page;
        }

        var pharmacy = await OpenAsync("sportello");
        await pharmacy.GetByRole(AriaRole.Link, new() { Name = "Guida ai servizi" }).First.ClickAsync();
        await pharmacy.GetByLabel("Vicino a").SelectOptionAsync(new SelectOptionValue { Label = "Farmacia Comunale 2" });
        await pharmacy.GetByLabel("Entro").SelectOptionAsync(new SelectOptionValue { Label = "1 km" });
        await pharmacy.Locator("label[for=open]").ClickAsync();
        await pharmacy.GetByRole(AriaRole.Button, new() { Name = "Cerca", Exact = true }).ClickAsync();
        var hit = pharmacy.Locator(".trama-directory-hit", new() { HasText = "Sportello di ascolto e orientamento" });
        await Assertions.Expect(hit.GetByTestId("open")).ToHaveTextAsync("Aperto ora");
        var distances = await pharmacy.GetByTestId("distance").EvaluateAllAsync<double[]>("els => els.map(e => parseFloat(e.dataset.km))");
        Assert.All(distances, d => Assert.InRange(d, 0, 1));

        await hit.GetByRole(AriaRole.Link).ClickAsync();
        await pharmacy.GetByRole(AriaRole.Link, new() { Name = "Invia una persona a questo servizio" }).ClickAsync();
        await pharmacy.GetByLabel("Nome", new() { Exact = true }).FillAsync("Rosa");
        await pharmacy.GetByLabel("Cognome").FillAsync("Galimberti");
        await pharmacy.GetByLabel("Recapito").FillAsync("333 000 9876");
        await pharmacy.GetByLabel("Motivo dell'invio").FillAsync("Vive sola da quando è mancato il marito e non esce quasi più.");
        await pharmacy.Locator("label[for=Input_ConsentGiven]").ClickAsync();
        await pharmacy.AssertAccessibleAsync();
        await pharmacy.GetByRole(AriaRole.Button, new() { Name = "Invia", Exact = true }).ClickAsync();
        await Assertions.Expect(pharmacy.GetByTestId("referral-state")).ToHaveTextAsync("Inviato");
        var referral = pharmacy.Url;

        var house = await OpenAsync("volontario");
        await house.GetByRole(AriaRole.Link, new() { Name = "Invii" }).First.ClickAsync();
        await house.GetByTestId("referrals-inbox").GetByRole(AriaRole.Link, new() { Name = "Rosa Galimberti" }).ClickAsync();
        await Assertions.Expect(house.GetByText("333 000 9876")).ToBeVisibleAsync();
        await house.GetByRole(AriaRole.Button, new() { Name = "Accogli", Exact = true }).ClickAsync();
        await Assertions.Expect(house.GetByTestId("referral-state")).ToHaveTextAsync("Accolto");
        await house.GetByLabel("Esito, per chi ha inviato").FillAsync("Giovedì viene al pranzo comunitario.");
        await house.GetByRole(AriaRole.Button, new() { Name = "Concludi con un esito" }).ClickAsync();
        await Assertions.Expect(house.GetByTestId("referral-state")).ToHaveTextAsync("Concluso");
        await house.AssertAccessibleAsync();

        await pharmacy.GotoAsync("/Referrals");
        await Assertions.Expect(pharmacy.GetByTestId("referrals-sent").Locator("tr", new() { HasText = "Rosa Galimberti" })).ToContainTextAsync("Concluso");
        await pharmacy.AssertAccessibleAsync();
        await pharmacy.GotoAsync(referral);
        await Assertions.Expect(pharmacy.GetByTestId("outcome")).ToHaveTextAsync("Giovedì viene al pranzo comunitario.");
        await pharmacy.Context.CloseAsync();
        await house.Context.CloseAsync();
    }
}

[Collection(BrowserSuite.Name)]
public sealed class DirectoryManagementTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task TheCommunityHouseKeepsItsEntry_OnAPhone_WithErrorsExplained_AndEveryManagementPageAccessible()
    {
        var page = await Fixture.NewPageAsync(width: 360, height: 800);
        await page.LoginAsync("volontario");
        await page.GotoAsync("/Directory");
        await page.GetByRole(AriaRole.Link, new() { Name = "Gestisci la guida" }).ClickAsync();
        await page.AssertAccessibleAsync();
        await page.GetByTestId("manage-services").GetByRole(AriaRole.Link, new() { Name = "Sportello di ascolto e orientamento" }).ClickAsync();
        await page.GetByLabel("Lunedì, Prima fascia: chiude alle").FillAsync("08:00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Salva", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByText("La chiusura deve venire dopo l'apertura.")).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"the service form is {overflow}px wider than a 360px phone");

        await page.GetByLabel("Lunedì, Prima fascia: chiude alle").FillAsync("12:45");
        await page.GetByRole(AriaRole.Button, new() { Name = "Salva", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByText("«Sportello di ascolto e orientamento» è aggiornato nella guida.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("history")).ToContainTextAsync("Lucia Ferri");
        await page.AssertAccessibleAsync();

        await page.GotoAsync("/Directory/Manage");
        await page.GetByTestId("manage-organisations").GetByRole(AriaRole.Link, new() { Name = "Casa della Cittadinanza" }).ClickAsync();
        await page.GetByLabel("Codice fiscale o partita IVA").FillAsync("123");
        await page.GetByRole(AriaRole.Button, new() { Name = "Salva", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("form-errors")).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();

        await page.GotoAsync("/Directory/Manage/Places");
        await page.GetByRole(AriaRole.Button, new() { Name = "Salva", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("form-errors")).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();

        var coordinator = await Fixture.NewPageAsync();
        await coordinator.LoginAsync("coordinatore");
        await coordinator.GotoAsync("/Directory/Manage/Categories");
        await coordinator.Locator("form[data-category=new]").GetByRole(AriaRole.Button, new() { Name = "Aggiungi" }).ClickAsync();
        await Assertions.Expect(coordinator.GetByTestId("form-errors")).ToBeVisibleAsync();
        await coordinator.AssertAccessibleAsync();

        await coordinator.GotoAsync("/Directory/Manage");
        await coordinator.GetByRole(AriaRole.Link, new() { Name = "Importa nella guida" }).ClickAsync();
        await coordinator.AssertAccessibleAsync();
        var csv = string.Join(';', Trama.Web.Features.ServiceDirectory.Manage.DirectoryFile.CsvColumns) + "\n"
            + "Circolo Acli;;Tombola;Tombola del venerdì.;culture;it;;;;no;;;;;;Salone;Via Roma 1;20092;Cinisello Balsamo;MI;45,55;9,22;Ve 15:00-18:00\n"
            + "Circolo Acli;;Burraco;Burraco.;carte;it;;;;no;;;;;;Salone;Via Roma 1;20092;Cinisello Balsamo;MI;45,55;9,22;Ve 15:00-18:00\n";
        await coordinator.GetByLabel("File CSV o esportazione HSDS (JSON)").SetInputFilesAsync(new FilePayload { Name = "circolo.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(csv) });
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Anteprima" }).ClickAsync();
        await Assertions.Expect(coordinator.GetByTestId("import-problems")).ToContainTextAsync("Riga 3: categorie sconosciute alla guida: carte.");
        await Assertions.Expect(coordinator.GetByRole(AriaRole.Button, new() { Name = "Importa", Exact = true })).ToHaveCountAsync(0);
        await coordinator.AssertAccessibleAsync();

        await coordinator.GotoAsync("/Referrals");
        await coordinator.GetByRole(AriaRole.Link, new() { Name = "Invii in cifre" }).ClickAsync();
        await Assertions.Expect(coordinator.GetByTestId("counts-total")).ToBeVisibleAsync();
        await coordinator.AssertAccessibleAsync();
    }

    [Fact]
    public async Task TheCareTeamFindsAServiceForTheProjectsPerson_AndTheFormIsAccessible()
    {
        var page = await Fixture.NewPageAsync();
        await page.LoginAsync("operatore");
        var project = await Fixture.App.WithDbAsync(db => db.Projects.Where(p => p.Person.PseudonymousCode == "AMI-0001").Select(p => p.Id).SingleAsync());
        await page.GotoAsync($"/Projects/{project}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Invia a un servizio del quartiere" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("choosing-for-project")).ToBeVisibleAsync();
        await page.GetByLabel("Che cosa cerchi").FillAsync("tirocini");
        await page.GetByRole(AriaRole.Button, new() { Name = "Cerca", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Tirocini e inserimento lavorativo" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Invia una persona a questo servizio" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("consent-on-record")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Nome", new() { Exact = true })).ToHaveValueAsync("Giorgio");
        await page.AssertAccessibleAsync();
    }
}
