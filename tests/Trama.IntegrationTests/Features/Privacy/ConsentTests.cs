using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Trama.IntegrationTests.Infrastructure;
using Trama.Web.Features.People;

namespace Trama.IntegrationTests.Features.Privacy;

/// Consents per purpose and organisation, versioned; a missing consent restricts sharing, not care.
[Trait("Database", "Any")]
public sealed class ConsentTests(TramaApp app) : IClassFixture<TramaApp>
{
    private static readonly string Today = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private Task<Guid> ProjectAsync() =>
        app.WithDbAsync(db => db.Projects.Where(p => p.Person.PseudonymousCode == "AMI-0001").Select(p => p.Id).SingleAsync());

    private async Task StateAsync(Guid id, bool given)
    {
        using var cps = app.NewSession();
        await cps.LoginAsync("clinico");
        var form = await cps.GetAsync($"/Projects/{id}/Consents");
        var saved = await cps.SubmitAsync(form, "form[data-testid=consent-form]",
            ("Input.Purpose", nameof(ConsentPurpose.SharingWithPartners)), ("Input.OrganisationId", string.Empty), ("Input.Given", given ? "true" : "false"), ("Input.StatedOn", Today));
        Assert.Equal($"/Projects/{id}/Consents", saved.Url.AbsolutePath);
    }

    [Fact]
    public async Task AWithdrawalOfSharing_TakesEffectAtOnce_ButTheKeyWorkerCanStillLogTheirCare()
    {
        var id = await ProjectAsync();
        using var coop = app.NewSession();
        await coop.LoginAsync("operatore");
        Assert.NotNull((await coop.GetAsync($"/Projects/{id}")).Find("[data-testid=goals]"));

        await StateAsync(id, given: false);
        var limited = await coop.GetAsync($"/Projects/{id}");
        Assert.Null(limited.Find("[data-testid=goals]"));
        Assert.NotNull(limited.Find("[data-testid=assignment]"));
        Assert.Equal("/Account/AccessDenied", (await coop.GetAsync($"/Projects/{id}/Budget")).Url.AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, (await coop.GetAsync($"/Projects/{id}/Diary/New")).Status);

        using (var cps = app.NewSession())
        {
            await cps.LoginAsync("clinico");
            Assert.NotNull((await cps.GetAsync($"/Projects/{id}")).Find("[data-testid=goals]"));
        }

        await StateAsync(id, given: true);
        Assert.NotNull((await coop.GetAsync($"/Projects/{id}")).Find("[data-testid=goals]"));
    }

    [Fact]
    public async Task EveryStatement_IsKeptAsHistory_WithWhoRecordedIt()
    {
        var id = await ProjectAsync();
        var before = await app.WithDbAsync(db => db.Consents.CountAsync());
        using var cps = app.NewSession();
        await cps.LoginAsync("clinico");
        var form = await cps.GetAsync($"/Projects/{id}/Consents");
        var saved = await cps.SubmitAsync(form, "form[data-testid=consent-form]",
            ("Input.Purpose", nameof(ConsentPurpose.Research)), ("Input.Given", "true"), ("Input.StatedOn", Today), ("Input.NoticeVersion", "Informativa ricerca Università Bicocca v3"));
        Assert.Equal(before + 1, await app.WithDbAsync(db => db.Consents.CountAsync()));
        Assert.Contains("Informativa ricerca Università Bicocca v3", saved.TextOf("[data-testid=consents]"), StringComparison.Ordinal);
        Assert.Contains("Elena Marchetti", saved.TextOf("[data-testid=consent-history]"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFutureDateOrAMissingNotice_IsExplainedAndNothingIsRecorded()
    {
        var id = await ProjectAsync();
        var before = await app.WithDbAsync(db => db.Consents.CountAsync());
        using var cps = app.NewSession();
        await cps.LoginAsync("clinico");
        var form = await cps.GetAsync($"/Projects/{id}/Consents");
        var refused = await cps.SubmitAsync(form, "form[data-testid=consent-form]",
            ("Input.StatedOn", DateTime.UtcNow.AddDays(5).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ("Input.NoticeVersion", string.Empty));
        Assert.Contains(refused.Errors, e => e.Contains("non può essere futura", StringComparison.Ordinal));
        Assert.Contains(refused.Errors, e => e.Contains("Versione dell'informativa", StringComparison.Ordinal));
        Assert.Equal(before, await app.WithDbAsync(db => db.Consents.CountAsync()));
    }

    [Fact]
    public async Task ThePerson_SeesTheirConsents_ButRecordsNothingThemselves()
    {
        var id = await ProjectAsync();
        using var person = app.NewSession();
        await person.LoginAsync("beneficiario");
        var page = await person.GetAsync($"/Projects/{id}/Consents");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.NotNull(page.Find("[data-testid=consents]"));
        Assert.Null(page.Find("form[data-testid=consent-form]"));
    }

    [Fact]
    public async Task AReferralWithoutConsent_LeavesTheReferringKeyWorkerTheAssignmentViewOnly()
    {
        using var coop = app.NewSession();
        await coop.LoginAsync("operatore");
        var form = await coop.GetAsync("/Projects/Refer");
        var centre = form.Document.QuerySelectorAll("#Input_MentalHealthCentreId option").Select(o => o.GetAttribute("value")).First(v => !string.IsNullOrEmpty(v))!;
        var page = await coop.SubmitAsync(form, "main form", ("Input.GivenName", "Nives"), ("Input.FamilyName", "Senzaconsenso"), ("Input.BirthDate", "1970-01-05"),
            ("Input.MentalHealthCentreId", centre), ("Input.ReferralSource", "Sportello"), ("Input.ReferralReason", "Chiede aiuto per la casa."), ("Input.ReferredOn", Today));
        Assert.NotNull(page.Find("[data-testid=assignment]"));
        Assert.Equal(0, await app.WithDbAsync(db => db.Consents.CountAsync(c => db.People.Any(p => p.Id == c.PersonId && p.FamilyName == "Senzaconsenso"))));
    }

    [Fact]
    public async Task ASignedFormThatIsNotAPdfOrImage_IsRefusedWithAMessage()
    {
        var id = await ProjectAsync();
        var before = await app.WithDbAsync(db => db.Consents.CountAsync());
        using var cps = app.NewSession();
        await cps.LoginAsync("clinico");
        var form = await cps.GetAsync($"/Projects/{id}/Consents");
        var token = form.Find("form[data-testid=consent-form] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var content = new MultipartFormDataContent
        {
            { new StringContent(nameof(ConsentPurpose.Photos)), "Input.Purpose" },
            { new StringContent("true"), "Input.Given" },
            { new StringContent(Today), "Input.StatedOn" },
            { new StringContent(Consent.DefaultNotice), "Input.NoticeVersion" },
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent("MZ\u0090\u0000 not a pdf"u8.ToArray()), "document", "modulo.pdf" },
        };
        using var response = await cps.Client.PostAsync(new Uri($"/Projects/{id}/Consents", UriKind.Relative), content, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Sono accettati solo file PDF, JPEG o PNG", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(before, await app.WithDbAsync(db => db.Consents.CountAsync()));
    }
}
