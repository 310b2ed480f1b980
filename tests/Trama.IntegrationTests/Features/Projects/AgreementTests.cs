using System.Net;
using Microsoft.EntityFrameworkCore;
using Trama.IntegrationTests.Infrastructure;
using Trama.Web.Features.Budget;

namespace Trama.IntegrationTests.Features.Projects;

[Trait("Database", "Any")]
public sealed class AgreementTests(TramaApp app) : IClassFixture<TramaApp>
{
    private Task<Guid> ProjectAsync(string code) =>
        app.WithDbAsync(db => db.Projects.Where(p => p.Person.PseudonymousCode == code).Select(p => p.Id).SingleAsync());

    [Fact]
    public async Task Agreement_ShowsWishesGoalsTeamBudgetAndSignatureLines()
    {
        var id = await ProjectAsync("AMI-0001");
        using var session = app.NewSession();
        await session.LoginAsync("clinico");
        var page = await session.GetAsync($"/Projects/{id}/Agreement");
        var text = page.TextOf("[data-testid=agreement]");
        Assert.Contains("Patto di cura – Budget di Salute", text, StringComparison.Ordinal);
        Assert.Contains("Vorrei una casa mia", text, StringComparison.Ordinal);
        Assert.Contains("Svolgere un tirocinio di inclusione", text, StringComparison.Ordinal);
        Assert.Contains("Sara Colombo – Operatore di riferimento (Cooperativa Lotta contro l'Emarginazione)", text, StringComparison.Ordinal);
        Assert.Contains("La persona o l'amministratore di sostegno", text, StringComparison.Ordinal);
        var planned = await app.WithDbAsync(db => db.BudgetLines.Where(b => b.ProjectId == id).SumAsync(b => b.PlannedCents));
        Assert.Equal(Money.Format(planned), page.TextOf("[data-testid=agreement-total]"));
    }

    [Fact]
    public async Task Agreement_OfAnotherCpsProject_Answers404()
    {
        var id = await ProjectAsync("AMI-0001");
        using var session = app.NewSession();
        await session.LoginAsync("clinico.litta");
        Assert.Equal(HttpStatusCode.NotFound, (await session.GetAsync($"/Projects/{id}/Agreement")).Status);
    }

    [Fact]
    public async Task CrisisPlan_SavedByTheKeyWorker_IsShownToTheWholeTeam()
    {
        var id = await ProjectAsync("AMI-0001");
        using (var coop = app.NewSession())
        {
            await coop.LoginAsync("operatore");
            var form = await coop.GetAsync($"/Projects/{id}/CrisisPlan");
            var saved = await coop.SubmitAsync(form, "main form", ("Input.WhoToCall", "Il fratello Marco, 333 000 0000"));
            Assert.Contains("Il fratello Marco", saved.TextOf("[data-testid=crisis]"), StringComparison.Ordinal);
        }

        using var peer = app.NewSession();
        await peer.LoginAsync("esp");
        Assert.Contains("Il fratello Marco", (await peer.GetAsync($"/Projects/{id}")).TextOf("[data-testid=crisis]"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CrisisPlan_AllEmpty_IsRefusedWithAMessage()
    {
        var id = await ProjectAsync("AMI-0001");
        using var session = app.NewSession();
        await session.LoginAsync("operatore");
        var page = await session.SubmitAsync(await session.GetAsync($"/Projects/{id}/CrisisPlan"), "main form", ("Input.Signs", ""), ("Input.WhatHelps", ""), ("Input.WhoToCall", " "));
        Assert.Contains("Compila almeno uno dei tre campi.", page.Errors);
    }
}

[Trait("Database", "Any")]
public sealed class CareTeamTests(TramaApp app) : IClassFixture<TramaApp>
{
    [Fact]
    public async Task RemovingAKeyWorkerFromTheTeam_EndsTheirAccessAtOnce()
    {
        var code = await app.WithDbAsync(db => db.Projects
            .Where(p => p.MentalHealthCentre.Name == "CPS via Cherasco" && p.State == Trama.Web.Features.Projects.ProjectState.Suspended)
            .Select(p => p.Person.PseudonymousCode).FirstAsync());
        var id = await app.WithDbAsync(db => db.Projects.Where(p => p.Person.PseudonymousCode == code).Select(p => p.Id).SingleAsync());
        using var coop = app.NewSession();
        await coop.LoginAsync("operatore");
        Assert.Equal(HttpStatusCode.OK, (await coop.GetAsync($"/Projects/{id}")).Status);

        using var cps = app.NewSession();
        await cps.LoginAsync("clinico");
        var page = await cps.GetAsync($"/Projects/{id}");
        var after = await cps.SubmitAsync(page, "form[data-member='Sara Colombo']");
        Assert.Equal("Tolto dall'équipe: da oggi non vede più il progetto.", after.TextOf("[role=status]"));

        Assert.Equal(HttpStatusCode.NotFound, (await coop.GetAsync($"/Projects/{id}")).Status);
        Assert.Contains("Sara Colombo", after.TextOf("[data-testid=team]"), StringComparison.Ordinal);
    }
}
