using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Trama.IntegrationTests.Infrastructure;
using Trama.Web.Features.Projects;

namespace Trama.IntegrationTests.Features.Projects;

/// A signed agreement is frozen; a change makes an addendum; versions compare; the person accepts in the app.
[Trait("Database", "Any")]
public sealed class AgreementVersionTests(TramaApp app) : IClassFixture<TramaApp>
{
    private Task<Guid> ProjectAsync() =>
        app.WithDbAsync(db => db.Projects.Where(p => p.Person.PseudonymousCode == "AMI-0001").Select(p => p.Id).SingleAsync());

    [Fact]
    public async Task ASignedDemoAgreement_IsFrozenWithItsSignatories()
    {
        var id = await ProjectAsync();
        using var session = app.NewSession();
        await session.LoginAsync("operatore");
        var page = await session.GetAsync($"/Projects/{id}/Agreement/Versions?n=1");
        Assert.Contains("v1", page.TextOf("[data-testid=versions]"), StringComparison.Ordinal);
        Assert.Contains("Giorgio Bassi", page.TextOf("[data-testid=signatures]"), StringComparison.Ordinal);
        Assert.Contains("Cooperativa Lotta contro l'Emarginazione", page.TextOf("[data-testid=signatures]"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AChangedPlan_LeavesTheSignedVersionAlone_AndAnAddendumShowsWhatChanged()
    {
        var id = await ProjectAsync();
        var frozen = await app.WithDbAsync(db => db.AgreementVersions.Where(v => v.ProjectId == id && v.Number == 1).Select(v => v.Content).SingleAsync());
        using var cps = app.NewSession();
        await cps.LoginAsync("clinico");
        var goal = await cps.GetAsync($"/Projects/{id}/Goals/New");
        var area = goal.Document.QuerySelectorAll("#Input_LifeAreaId option").Select(o => o.GetAttribute("value")).First(v => !string.IsNullOrEmpty(v))!;
        await cps.SubmitAsync(goal, "main form", ("Input.LifeAreaId", area), ("Input.Title", "Iscriversi alla piscina di via Iseo"),
            ("Input.MuchLess", "Non ci va"), ("Input.Less", "Ci va una volta"), ("Input.Expected", "Ci va ogni settimana"), ("Input.More", "Due volte"), ("Input.MuchMore", "Con un amico"));

        var versions = await cps.GetAsync($"/Projects/{id}/Agreement/Versions");
        Assert.NotNull(versions.Find("[data-testid=plan-changed]"));
        Assert.Equal(frozen, await app.WithDbAsync(db => db.AgreementVersions.Where(v => v.ProjectId == id && v.Number == 1).Select(v => v.Content).SingleAsync()));

        var refused = await cps.SubmitAsync(versions, "form[data-testid=addendum]");
        Assert.Contains(refused.Errors, e => e.Contains("Motivo della modifica", StringComparison.Ordinal));

        var compared = await cps.SubmitAsync(versions, "form[data-testid=addendum]", ("Reason", "Nuovo obiettivo concordato alla verifica."));
        Assert.True(compared.Url.Query.Contains("n=2", StringComparison.Ordinal), $"{compared.Status} {compared.Url} {compared.Find("[data-testid=form-errors]")?.OuterHtml}");
        Assert.Contains("v2", compared.TextOf("[data-testid=versions]"), StringComparison.Ordinal);
        var added = compared.Document.QuerySelectorAll("[data-testid=comparison] ins").Select(e => e.TextContent).ToList();
        Assert.Contains(added, a => a.Contains("Iscriversi alla piscina di via Iseo", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ThePerson_AcceptsTheAgreementInTheApp_Once()
    {
        var id = await ProjectAsync();
        using var person = app.NewSession();
        await person.LoginAsync("beneficiario");
        var page = await person.GetAsync($"/Projects/{id}/Agreement/Versions?n=1");
        var accepted = await person.SubmitAsync(page, "form[data-testid=accept]");
        Assert.Null(accepted.Find("form[data-testid=accept]"));
        Assert.Equal(1, await app.WithDbAsync(db => db.AgreementSignatures.CountAsync(s => s.ProjectId == id && s.AcceptedInApp)));
        Assert.Null(accepted.Find("form[data-testid=sign]"));
    }

    [Fact]
    public async Task ASignatureWithoutAName_IsExplainedAndNotRecorded()
    {
        var id = await ProjectAsync();
        var before = await app.WithDbAsync(db => db.AgreementSignatures.CountAsync());
        using var cps = app.NewSession();
        await cps.LoginAsync("clinico");
        var page = await cps.GetAsync($"/Projects/{id}/Agreement/Versions?n=1");
        var refused = await cps.SubmitAsync(page, "form[data-testid=sign]", ("Signature.Kind", nameof(SignatoryKind.Municipality)), ("Signature.Name", string.Empty),
            ("Signature.SignedOn", DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        Assert.Contains(refused.Errors, e => e.Contains("Nome di chi firma", StringComparison.Ordinal));
        Assert.Equal(before, await app.WithDbAsync(db => db.AgreementSignatures.CountAsync()));

        var saved = await cps.SubmitAsync(refused, "form[data-testid=sign]", ("Signature.Name", "Dott.ssa Carla Re"), ("Signature.Capacity", "per il Comune di Milano"));
        Assert.Contains("Dott.ssa Carla Re", saved.TextOf("[data-testid=signatures]"), StringComparison.Ordinal);
    }
}
