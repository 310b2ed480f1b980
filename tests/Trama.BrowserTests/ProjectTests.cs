using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Trama.Web.Features.Projects;

namespace Trama.BrowserTests;

[Collection(BrowserSuite.Name)]
public sealed class ProjectTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private Task<Guid> ProjectAsync(string centre, ProjectState state) =>
        Fixture.App.WithDbAsync(db => db.Projects.Where(p => p.MentalHealthCentre.Name == centre && p.State == state).Select(p => p.Id).FirstAsync());

    private static async Task ActAsync(IPage page, ProjectAction action, string buttonName)
    {
        await page.Locator($"form[data-action={action}]").GetByRole(AriaRole.Button, new() { Name = buttonName }).ClickAsync();
    }

    [Theory]
    [InlineData(ProjectState.Referred)]
    [InlineData(ProjectState.Assessment)]
    [InlineData(ProjectState.CoDesign)]
    [InlineData(ProjectState.Active)]
    [InlineData(ProjectState.UnderReview)]
    [InlineData(ProjectState.Closed)]
    public async Task ProjectPage_InEachKindOfState_IsAccessible(ProjectState state)
    {
        var id = await ProjectAsync("CPS via Cherasco", state);
        var page = await Fixture.NewPageAsync();
        await page.LoginAsync("clinico");
        await page.GotoAsync($"/Projects/{id}");
        await Assertions.Expect(page.Locator("[data-testid=project-state]")).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();
    }

    [Theory]
    [InlineData("/Projects")]
    [InlineData("/Projects?state=Active&sort=review")]
    [InlineData("/Projects/Refer")]
    public async Task ProjectListAndReferral_AreAccessible(string path)
    {
        var page = await Fixture.NewPageAsync();
        await page.LoginAsync("clinico");
        await page.GotoAsync(path);
        await page.AssertAccessibleAsync();
    }

    [Fact]
    public async Task WorkPages_OfAnActiveProject_AreAccessible()
    {
        var active = await ProjectAsync("CPS via Cherasco", ProjectState.Active);
        var review = await ProjectAsync("CPS via Cherasco", ProjectState.UnderReview);
        var page = await Fixture.NewPageAsync();
        await page.LoginAsync("clinico");
        foreach (var path in new[] { $"/Projects/{active}/Diary/New", $"/Projects/{active}/Goals/New", $"/Projects/{active}/Team/Add", $"/Projects/{review}/Reviews/New", $"/Projects/{active}/CrisisPlan", $"/Projects/{active}/Agreement", $"/Projects/{active}/Budget", $"/Projects/{active}/Person" })
        {
            await page.GotoAsync(path);
            await Assertions.Expect(page.Locator("h1")).ToBeVisibleAsync();
            await page.AssertAccessibleAsync();
        }
    }

    [Fact]
    public async Task ReferralWithErrors_IsAccessibleAndKeepsTheInput()
    {
        var page = await Fixture.NewPageAsync();
        await page.LoginAsync("clinico");
        await page.GotoAsync("/Projects/Refer");
        await page.GetByLabel("Nome", new() { Exact = true }).FillAsync("Ines");
        await page.GetByLabel("Codice fiscale").FillAsync("XXXXXX00X00X000X");
        await page.GetByRole(AriaRole.Button, new() { Name = "Invia la segnalazione" }).ClickAsync();
        await Assertions.Expect(page.Locator("#fiscal-error")).ToContainTextAsync("carattere di controllo");
        await Assertions.Expect(page.GetByLabel("Nome", new() { Exact = true })).ToHaveValueAsync("Ines");
        await page.AssertAccessibleAsync();
    }

    [Fact]
    public async Task DiaryEntry_FromA360PixelPhone_TakesOneScreenAndSaves()
    {
        var id = await Fixture.App.WithDbAsync(db => db.Projects.Where(p => p.Person.PseudonymousCode == "AMI-0001").Select(p => p.Id).SingleAsync());
        var page = await Fixture.NewPageAsync(width: 360, height: 740);
        await page.LoginAsync("operatore");
        await page.GotoAsync($"/Projects/{id}/Diary/New");
        await page.GetByLabel("Note").FillAsync("Accompagnato al CPS in bicicletta.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Salva" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=diary]")).ToContainTextAsync("Accompagnato al CPS in bicicletta.");
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"project page is {overflow}px wider than the phone");
    }

    [Fact]
    public async Task OnePerson_FromReferralToClosure_ThroughTheUi()
    {
        var cps = await Fixture.NewPageAsync();
        await cps.LoginAsync("clinico");

        // The key worker refers; only the CPS can select.
        var coop = await Fixture.NewPageAsync();
        await coop.LoginAsync("operatore");
        await coop.GotoAsync("/Projects/Refer");
        await coop.GetByLabel("Nome", new() { Exact = true }).FillAsync("Teodoro");
        await coop.GetByLabel("Cognome").FillAsync("Camminanti");
        await coop.GetByLabel("CPS").SelectOptionAsync(new SelectOptionValue { Label = "CPS via Cherasco" });
        await coop.GetByLabel("Chi segnala").FillAsync("Cooperativa Lotta contro l'Emarginazione");
        await coop.GetByLabel("Motivo della segnalazione").FillAsync("Dorme in auto da due mesi.");
        await coop.Locator("label[for=Input_SharingConsent]").ClickAsync();
        await coop.GetByRole(AriaRole.Button, new() { Name = "Invia la segnalazione" }).ClickAsync();
        await Assertions.Expect(coop.Locator("[data-testid=project-state]")).ToHaveTextAsync("Segnalato");
        await Assertions.Expect(coop.Locator("form[data-action=Accept]")).ToHaveCountAsync(0);
        var url = coop.Url;

        await cps.GotoAsync(url);
        await ActAsync(cps, ProjectAction.Accept, "Ammetti al percorso");
        await Assertions.Expect(cps.Locator("[data-testid=project-state]")).ToHaveTextAsync("In valutazione (UVM)");
        await cps.GetByLabel("Desideri della persona, con le sue parole").FillAsync("Un posto mio dove dormire e tornare a lavorare in officina.");
        await cps.GetByLabel("Partecipante 1: Nome e cognome").FillAsync("Teodoro Camminanti");
        await cps.GetByLabel("Partecipante 2: Nome e cognome").FillAsync("Elena Marchetti");
        await cps.GetByLabel("Partecipante 2: Ruolo").SelectOptionAsync("Psychiatrist");
        await cps.GetByRole(AriaRole.Button, new() { Name = "Salva la valutazione" }).ClickAsync();
        await ActAsync(cps, ProjectAction.CompleteAssessment, "Concludi la valutazione e avvia la co-progettazione");
        await Assertions.Expect(cps.Locator("[data-testid=project-state]")).ToHaveTextAsync("In co-progettazione");
        await cps.GetByLabel("Intensità del sostegno").SelectOptionAsync("High");
        await cps.GetByRole(AriaRole.Button, new() { Name = "Imposta l'intensità" }).ClickAsync();

        foreach (var (area, title) in new[] { ("Casa / habitat", "Avere un posto letto stabile"), ("Lavoro / formazione", "Tornare in officina") })
        {
            await cps.GetByRole(AriaRole.Link, new() { Name = "Aggiungi un obiettivo" }).ClickAsync();
            await cps.GetByLabel("Area di vita").SelectOptionAsync(new SelectOptionValue { Label = area });
            await cps.GetByLabel("Obiettivo").FillAsync(title);
            foreach (var level in new[] { "MuchLess", "Less", "Expected", "More", "MuchMore" })
            {
                await cps.Locator($"#Input_{level}").FillAsync(level + " – " + title);
            }

            await cps.GetByRole(AriaRole.Button, new() { Name = "Salva" }).ClickAsync();
        }

        await ActAsync(cps, ProjectAction.ApproveAndSignAgreement, "Approva il piano e registra il patto firmato");
        await Assertions.Expect(cps.Locator("[data-testid=project-state]")).ToHaveTextAsync("Patto firmato");

        await coop.GotoAsync(url);
        await ActAsync(coop, ProjectAction.Start, "Avvia il progetto");
        await Assertions.Expect(coop.Locator("[data-testid=project-state]")).ToHaveTextAsync("Attivo");

        // Budget: a plan line, then spending past it raises the alert.
        await coop.GetByRole(AriaRole.Link, new() { Name = "Budget", Exact = true }).ClickAsync();
        await coop.GetByLabel("Previsto (€)").FillAsync("500,00");
        await coop.GetByRole(AriaRole.Button, new() { Name = "Aggiungi una voce al piano" }).ClickAsync();
        await coop.Locator("#Spending_Amount").FillAsync("520,00");
        await coop.GetByLabel("Fornitore").FillAsync("Officina Sociale");
        await coop.GetByLabel("Descrizione").FillAsync("Attrezzatura da lavoro");
        await coop.GetByRole(AriaRole.Button, new() { Name = "Registra una spesa" }).ClickAsync();
        await Assertions.Expect(coop.Locator("[data-testid=budget-alert]")).ToHaveTextAsync("Budget esaurito: speso 520,00 € su 500,00 € previsti.");
        await coop.AssertAccessibleAsync();
        await coop.GotoAsync(url);

        var scores = new List<string>();
        foreach (var (first, second, expected) in new[] { ("-1", "0", "43,8"), ("1", "2", "68,6") })
        {
            await ActAsync(coop, ProjectAction.StartReview, "Avvia la verifica");
            await coop.GetByRole(AriaRole.Link, new() { Name = "Registra la verifica" }).ClickAsync();
            var fieldsets = coop.Locator("main fieldset");
            await fieldsets.Nth(0).Locator($"input[value='{first}'] + label").ClickAsync();
            await fieldsets.Nth(1).Locator($"input[value='{second}'] + label").ClickAsync();
            await coop.GetByLabel("Sintesi").FillAsync("Verifica periodica con la persona.");
            await coop.GetByRole(AriaRole.Button, new() { Name = "Salva" }).ClickAsync();
            await Assertions.Expect(coop.Locator("[data-testid=tscore]").Last).ToHaveTextAsync(expected);
            scores.Add(expected);
            await cps.GotoAsync(url);
            await ActAsync(cps, ProjectAction.ContinueAfterReview, "Prosegui dopo la verifica");
            await coop.GotoAsync(url);
        }

        await cps.GotoAsync(url);
        await cps.Locator("form[data-action=Close] select").SelectOptionAsync("GoalsReached");
        await cps.Locator("form[data-action=Close] textarea").FillAsync("Ha un posto letto e lavora in officina.");
        await ActAsync(cps, ProjectAction.Close, "Chiudi il progetto");
        await Assertions.Expect(cps.Locator("[data-testid=project-state]")).ToHaveTextAsync("Chiuso");
        await Assertions.Expect(cps.Locator("[data-testid=timeline]")).ToContainTextAsync("Ha un posto letto e lavora in officina.");
        await cps.AssertAccessibleAsync();
    }
}
