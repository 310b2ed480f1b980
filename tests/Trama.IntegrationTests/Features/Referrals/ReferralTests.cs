using System.Net;
using Microsoft.EntityFrameworkCore;
using Trama.IntegrationTests.Infrastructure;
using Trama.Web.Features.Referrals;

namespace Trama.IntegrationTests.Features.Referrals;

/// A front desk refers a citizen to a service of the guide, the service takes it up and closes
/// it, and the front desk sees the outcome: the closed loop, with its privacy rules.
[Trait("Database", "Any")]
public sealed class ReferralTests(TramaApp app) : IClassFixture<TramaApp>
{
    private const string Listening = "Sportello di ascolto e orientamento";

    private Task<Guid> ServiceAsync(string name) =>
        app.WithDbAsync(db => db.DirectoryServices.Where(s => s.Name == name).Select(s => s.Id).SingleAsync());

    private async Task<(WebSession Session, HtmlResult Page)> ReferAsync(string familyName, params (string, string)[] extra)
    {
        var pharmacy = app.NewSession();
        await pharmacy.LoginAsync("sportello");
        var form = await pharmacy.GetAsync($"/Referrals/New?service={await ServiceAsync(Listening)}");
        Assert.Equal(HttpStatusCode.OK, form.Status);
        var sent = await pharmacy.SubmitAsync(form, "[data-testid=referral-form]",
            [("Input.GivenName", "Rosa"), ("Input.FamilyName", familyName), ("Input.Contact", "333 000 1234"),
             ("Input.Reason", "Vive sola, da un mese non esce quasi più."), ("Input.Urgency", "Soon"), .. extra]);
        return (pharmacy, sent);
    }

    [Fact]
    public async Task ThePharmacyRefers_TheServiceAcceptsAndCompletes_AndThePharmacySeesTheOutcome()
    {
        var (pharmacy, sent) = await ReferAsync("Brambilla", ("Input.ConsentGiven", "true"));
        using var _ = pharmacy;
        Assert.Equal(HttpStatusCode.OK, sent.Status);
        Assert.Equal("Requested", sent.Find("[data-testid=referral-state]")!.GetAttribute("data-state"));
        var id = sent.Url.AbsolutePath.Split('/')[^1];

        using var house = app.NewSession();
        await house.LoginAsync("volontario");
        var inbox = await house.GetAsync("/Referrals");
        Assert.NotNull(inbox.Find($"[data-testid=referrals-inbox] tr[data-referral='{id}']"));
        var details = await house.GetAsync($"/Referrals/{id}");
        Assert.Contains("333 000 1234", details.Text, StringComparison.Ordinal);
        details = await house.SubmitAsync(details, "form[data-action=Accept]");
        details = await house.SubmitAsync(details, "[data-testid=contact-form]", ("Attempt.Channel", "Phone"), ("Attempt.Reached", "true"), ("Attempt.Note", "Ha la voce stanca, viene giovedì"));
        details = await house.SubmitAsync(details, "form[data-action=Complete]", ("Move.Text", "Viene al pranzo del giovedì e allo sportello."));
        Assert.Equal("Completed", details.Find("[data-testid=referral-state]")!.GetAttribute("data-state"));

        var closed = await pharmacy.GetAsync($"/Referrals/{id}");
        Assert.Equal("Completed", closed.Find("[data-testid=referral-state]")!.GetAttribute("data-state"));
        Assert.Equal("Viene al pranzo del giovedì e allo sportello.", closed.TextOf("[data-testid=outcome]"));
        Assert.DoesNotContain("Ha la voce stanca", closed.Text, StringComparison.Ordinal);
        Assert.Null(closed.Find("[data-testid=contact-attempts]"));
        Assert.Null(closed.Find("form[data-action]"));

        var events = await app.WithDbAsync(db => db.Referrals.Where(r => r.Id == Guid.Parse(id)).SelectMany(r => r.Events).OrderBy(e => e.AtUtc).Select(e => e.To).ToListAsync());
        Assert.Equal([ReferralState.Requested, ReferralState.Accepted, ReferralState.Completed], events);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == "Referral" && a.EntityId == id && a.Action == Trama.Web.Features.Audit.AuditActions.Read)));
    }

    [Fact]
    public async Task WithoutConsentOrAReason_NothingIsSent_AndWhatWasTypedStays()
    {
        var (pharmacy, page) = await ReferAsync("Senzaconsenso");
        using var _ = pharmacy;
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Serve il consenso della persona, oppure il motivo per cui si invia senza.", page.Errors);
        Assert.Equal("Senzaconsenso", page.Find("#Input_FamilyName")!.GetAttribute("value"));
        Assert.False(await app.WithDbAsync(db => db.Referrals.AnyAsync(r => r.FamilyName == "Senzaconsenso")));
    }

    [Fact]
    public async Task AnOverrideWithAReason_IsSentAndFlagged()
    {
        var (pharmacy, sent) = await ReferAsync("Override", ("Input.ConsentOverride", "Non è in grado di decidere oggi; rischio per la salute."));
        using var _ = pharmacy;
        Assert.Contains("Senza consenso", sent.Text, StringComparison.Ordinal);
        Assert.True(await app.WithDbAsync(db => db.Referrals.AnyAsync(r => r.FamilyName == "Override" && !r.ConsentGiven && r.ConsentOverride != null)));
    }

    [Fact]
    public async Task SomeoneOutsideBothOrganisations_CannotEvenLearnTheReferralExists()
    {
        var (pharmacy, sent) = await ReferAsync("Riservata", ("Input.ConsentGiven", "true"));
        using var _ = pharmacy;
        var id = sent.Url.AbsolutePath.Split('/')[^1];
        using var other = app.NewSession();
        await other.LoginAsync("operatore");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/Referrals/{id}")).Status);
        Assert.DoesNotContain("Riservata", (await other.GetAsync("/Referrals")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AReferralUnansweredForDays_IsFlaggedToBothSides_AndEscalatedToTheCoordinator()
    {
        var (pharmacy, sent) = await ReferAsync("Dimenticata", ("Input.ConsentGiven", "true"));
        using var _ = pharmacy;
        var id = Guid.Parse(sent.Url.AbsolutePath.Split('/')[^1]);
        await app.WithDbAsync(db => db.Referrals.Where(r => r.Id == id).ExecuteUpdateAsync(s => s.SetProperty(r => r.StateChangedAtUtc, DateTime.UtcNow.AddDays(-6))));

        Assert.NotNull((await pharmacy.GetAsync("/Referrals")).Find($"tr[data-referral='{id}'] [data-testid=overdue]"));
        using var house = app.NewSession();
        await house.LoginAsync("volontario");
        Assert.NotNull((await house.GetAsync("/Referrals")).Find($"[data-testid=referrals-inbox] tr[data-referral='{id}'] [data-testid=overdue]"));
        using var coordinator = app.NewSession();
        await coordinator.LoginAsync("coordinatore");
        Assert.NotNull((await coordinator.GetAsync("/Referrals")).Find($"[data-testid=referrals-escalated] tr[data-referral='{id}']"));
        Assert.Equal(HttpStatusCode.OK, (await coordinator.GetAsync($"/Referrals/{id}")).Status);
    }

    [Fact]
    public async Task TheSenderMayWithdraw_ButNotAccept()
    {
        var (pharmacy, sent) = await ReferAsync("Ritirata", ("Input.ConsentGiven", "true"));
        using var _ = pharmacy;
        Assert.Null(sent.Find("form[data-action=Accept]"));
        var forged = await pharmacy.SubmitAsync(sent, "form[data-action=Revoke]", ("Move.Action", "Accept"));
        Assert.Equal(HttpStatusCode.Forbidden, forged.Status);
        var withdrawn = await pharmacy.SubmitAsync(sent, "form[data-action=Revoke]", ("Move.Text", "La persona ha trovato aiuto dalla figlia."));
        Assert.Equal("Cancelled", withdrawn.Find("[data-testid=referral-state]")!.GetAttribute("data-state"));
        var stale = await pharmacy.SubmitAsync(sent, "form[data-action=Revoke]", ("Move.Text", "Di nuovo."));
        Assert.Contains("Qualcun altro ha appena cambiato questo invio", stale.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheCoordinatorCountsReferralsByNodeServiceCategoryAndOutcome_WithoutNames()
    {
        var (pharmacy, _) = await ReferAsync("Contata", ("Input.ConsentGiven", "true"));
        pharmacy.Dispose();
        using var coordinator = app.NewSession();
        await coordinator.LoginAsync("coordinatore");
        var page = await coordinator.GetAsync("/Referrals/Counts");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var total = await app.WithDbAsync(db => db.Referrals.CountAsync());
        var node = page.Document.QuerySelectorAll("[data-testid=counts-by-node] tbody tr").Single(tr => tr.QuerySelector("th")!.TextContent == "Farmacia Comunale 2");
        var sent = int.Parse(node.QuerySelector("td")!.TextContent, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(await app.WithDbAsync(db => db.Referrals.CountAsync(r => r.FromOrganisation.Name == "Farmacia Comunale 2")), sent);
        Assert.StartsWith($"Invii: {total} ", page.TextOf("[data-testid=counts-total]"), StringComparison.Ordinal);
        Assert.NotNull(page.Document.QuerySelectorAll("[data-testid=counts-by-category] th").FirstOrDefault(th => th.TextContent == "Servizi sociali"));
        Assert.DoesNotContain("Contata", page.Text, StringComparison.Ordinal);
    }
}
