using System.Net;
using Microsoft.EntityFrameworkCore;
using Trama.IntegrationTests.Infrastructure;
using Trama.Web.Features.Budget;

namespace Trama.IntegrationTests.Features.Budget;

[Trait("Database", "Any")]
public sealed class BudgetTests(TramaApp app) : IClassFixture<TramaApp>
{
    private Task<Guid> ProjectAsync(string code) =>
        app.WithDbAsync(db => db.Projects.Where(p => p.Person.PseudonymousCode == code).Select(p => p.Id).SingleAsync());

    private async Task<(WebSession Session, HtmlResult Page, Guid Id)> OpenAsync(string user = "operatore", string code = "AMI-0001")
    {
        var id = await ProjectAsync(code);
        var session = app.NewSession();
        await session.LoginAsync(user);
        return (session, await session.GetAsync($"/Projects/{id}/Budget"), id);
    }

    [Fact]
    public async Task Page_TotalsMatchTheLedgerToTheCent()
    {
        var (session, page, id) = await OpenAsync();
        using var _ = session;
        var spent = await app.WithDbAsync(db => db.LedgerEntries.Where(e => e.ProjectId == id).SumAsync(e => e.AmountCents));
        var planned = await app.WithDbAsync(db => db.BudgetLines.Where(e => e.ProjectId == id).SumAsync(e => e.PlannedCents));
        Assert.Equal(Money.Format(spent), page.TextOf("[data-testid=total-spent]"));
        Assert.Equal(Money.Format(planned), page.TextOf("[data-testid=total-planned]"));
    }

    [Fact]
    public async Task Spending_InItalianFormat_IsRecordedExactly()
    {
        var project = await ProjectAsync("AMI-0001");
        var (session, page, id) = await OpenAsync();
        using var _ = session;
        var before = await app.WithDbAsync(db => db.LedgerEntries.Where(e => e.ProjectId == id).SumAsync(e => e.AmountCents));
        var saved = await session.SubmitAsync(page, "form[data-testid=spending-form]",
            ("Spending.Amount", "1.234,56"), ("Spending.Supplier", "Ferramenta Rossi"), ("Spending.Description", "Attrezzi per il laboratorio"));
        Assert.Empty(saved.Errors);
        Assert.Equal("Spesa di 1.234,56 € registrata.", saved.TextOf("[role=status]"));
        Assert.Equal(Money.Format(before + 123456), saved.TextOf("[data-testid=total-spent]"));
        Assert.Contains("Ferramenta Rossi", saved.TextOf("[data-testid=ledger]"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("12,345", "deve essere un importo in euro con al massimo due decimali")]
    [InlineData("-10", "non può essere negativo o zero")]
    [InlineData("0", "non può essere negativo o zero")]
    public async Task Spending_BadAmount_IsExplainedAndTheFormKept(string amount, string message)
    {
        var (session, page, _) = await OpenAsync();
        using var __ = session;
        var refused = await session.SubmitAsync(page, "form[data-testid=spending-form]",
            ("Spending.Amount", amount), ("Spending.Supplier", "Fornitore X"), ("Spending.Description", "Descrizione Y"));
        Assert.Contains(message, refused.TextOf("#amount-error"), StringComparison.Ordinal);
        Assert.Equal(amount, refused.Find("#Spending_Amount")!.GetAttribute("value"));
        Assert.Equal("Fornitore X", refused.Find("#Spending_Supplier")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Spending_Past90PercentAndThen100_RaisesTheAlerts()
    {
        var code = await app.WithDbAsync(db => db.Projects
            .Where(p => p.State == Trama.Web.Features.Projects.ProjectState.AgreementSigned && p.MentalHealthCentre.Name == "CPS via Cherasco")
            .Select(p => p.Person.PseudonymousCode).FirstAsync());
        var (session, page, _) = await OpenAsync("clinico", code);
        using var __ = session;
        Assert.Null(page.Find("[data-testid=budget-alert]"));
        page = await session.SubmitAsync(page, "form[data-testid=line-form]", ("Line.Source", "Funder"), ("Line.Planned", "1.000,00"));
        Assert.Null(page.Find("[data-testid=budget-alert]"));

        var nearly = await session.SubmitAsync(page, "form[data-testid=spending-form]",
            ("Spending.Source", "Funder"), ("Spending.Amount", "900"), ("Spending.Supplier", "Fornitore"), ("Spending.Description", "Spesa grande"));
        Assert.Equal("Attenzione: speso 900,00 € su 1.000,00 € previsti, oltre il 90% del budget.", nearly.TextOf("[data-testid=budget-alert]"));

        var over = await session.SubmitAsync(nearly, "form[data-testid=spending-form]",
            ("Spending.Source", "Funder"), ("Spending.Amount", "100,01"), ("Spending.Supplier", "Fornitore"), ("Spending.Description", "Sforamento"));
        Assert.Equal("Budget esaurito: speso 1.000,01 € su 1.000,00 € previsti.", over.TextOf("[data-testid=budget-alert]"));
        Assert.Equal("-0,01 €", over.Find("[data-testid=budget] tfoot td:last-child")!.TextContent.Trim());
    }

    [Fact]
    public async Task PlanLine_IsAddedToThePlan()
    {
        var (session, page, id) = await OpenAsync("assistente.sociale");
        using var _ = session;
        var before = await app.WithDbAsync(db => db.BudgetLines.Where(e => e.ProjectId == id).SumAsync(e => e.PlannedCents));
        var saved = await session.SubmitAsync(page, "form[data-testid=line-form]", ("Line.Source", "Municipality"), ("Line.Planned", "800"), ("Line.Committed", "200,50"));
        Assert.Equal(Money.Format(before + 80000), saved.TextOf("[data-testid=total-planned]"));
    }

    [Fact]
    public async Task Budget_OfAProjectOutOfScope_Answers404()
    {
        var id = await ProjectAsync("AMI-0001");
        using var session = app.NewSession();
        await session.LoginAsync("clinico.plebisciti");
        Assert.Equal(HttpStatusCode.NotFound, (await session.GetAsync($"/Projects/{id}/Budget")).Status);
    }
}
