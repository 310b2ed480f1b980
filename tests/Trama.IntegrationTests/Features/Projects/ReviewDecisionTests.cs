using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Trama.IntegrationTests.Infrastructure;
using Trama.Web.Features.Projects;

namespace Trama.IntegrationTests.Features.Projects;

/// A review's decision drives the next step: the CPS's decision at once, anyone else's as a proposal.
[Trait("Database", "Any")]
public sealed class ReviewDecisionTests(TramaApp app) : IClassFixture<TramaApp>
{
    private Task<Guid> UnderReviewAsync(string centre) =>
        app.WithDbAsync(db => db.Projects.Where(p => p.MentalHealthCentre.Name == centre && p.State == ProjectState.UnderReview && p.Goals.Count > 0)
            .OrderBy(p => p.Person.PseudonymousCode).Select(p => p.Id).FirstAsync());

    private static async Task<HtmlResult> ReviewAsync(WebSession session, Guid id, ReviewDecision decision)
    {
        var form = await session.GetAsync($"/Projects/{id}/Reviews/New");
        var ratings = form.Document.QuerySelectorAll("input[type=radio][value='0']").Select(r => (r.GetAttribute("name")!, "0"));
        return await session.SubmitAsync(form, "main form", [.. ratings, ("Input.HeldOn", DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            ("Input.Narrative", "Verifica con la persona e la famiglia."), ("Input.Decision", decision.ToString())]);
    }

    [Fact]
    public async Task AKeyWorkersDecision_IsAProposalTheCpsConfirms()
    {
        var id = await UnderReviewAsync("CPS via Cherasco");
        using var coop = app.NewSession();
        await coop.LoginAsync("operatore");
        await ReviewAsync(coop, id, ReviewDecision.ChangeIntensity);
        Assert.Equal(ProjectState.UnderReview, await app.WithDbAsync(db => db.Projects.Where(p => p.Id == id).Select(p => p.State).SingleAsync()));

        using var cps = app.NewSession();
        await cps.LoginAsync("clinico");
        var page = await cps.GetAsync($"/Projects/{id}");
        Assert.Contains("Cambiare intensità", page.TextOf("[data-testid=proposed-decision]"), StringComparison.Ordinal);
        Assert.NotNull(page.Find("form[data-action=Remodel][data-suggested=true]"));
        Assert.Null(page.Find("form[data-action=ContinueAfterReview][data-suggested=true]"));
    }

    [Fact]
    public async Task TheCpsDecisionToContinue_MovesTheProjectOnAtOnce()
    {
        var id = await UnderReviewAsync("CPS corso Plebisciti");
        using var cps = app.NewSession();
        await cps.LoginAsync("clinico.plebisciti");
        var page = await ReviewAsync(cps, id, ReviewDecision.Continue);
        Assert.Equal($"/Projects/{id}", page.Url.AbsolutePath);
        Assert.Equal(ProjectState.Active, await app.WithDbAsync(db => db.Projects.Where(p => p.Id == id).Select(p => p.State).SingleAsync()));
        Assert.Equal(ProjectAction.ContinueAfterReview, await app.WithDbAsync(db => db.ProjectTransitions.Where(t => t.ProjectId == id).OrderByDescending(t => t.AtUtc).Select(t => t.Action).FirstAsync()));
    }
}
