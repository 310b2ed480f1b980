using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Trama.IntegrationTests.Infrastructure;

namespace Trama.IntegrationTests.Features.Referrals;

/// /api/v1/referrals: the same loop as the pages, the same scope, the same checks.
[Trait("Database", "Any")]
public sealed class ReferralsApiTests(TramaApp app) : IClassFixture<TramaApp>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private async Task<(Guid Service, Guid Pharmacy)> TargetsAsync() => await app.WithDbAsync(async db =>
        (await db.DirectoryServices.Where(s => s.Name == "Sportello di ascolto e orientamento").Select(s => s.Id).SingleAsync(),
         await db.Organisations.Where(o => o.Name == "Farmacia Comunale 2").Select(o => o.Id).SingleAsync()));

    private async Task<JsonElement> SendAsync(HttpClient pharmacy, string familyName)
    {
        var (service, from) = await TargetsAsync();
        using var sent = await pharmacy.PostAsJsonAsync("/api/v1/referrals", new { serviceId = service, fromOrganisationId = from, givenName = "Ada", familyName, contact = "333 000 5555", reason = "Sola, chiede compagnia.", urgency = "Routine", consentGiven = true }, Cancel);
        Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        return (await sent.Content.ReadFromJsonAsync<JsonElement>(Cancel)).Clone();
    }

    private static async Task<HttpResponseMessage> MoveAsync(HttpClient client, JsonElement referral, string action, string? text = null) =>
        await client.PostAsJsonAsync($"/api/v1/referrals/{referral.GetProperty("id").GetGuid()}/moves", new { action, text, version = referral.GetProperty("version").GetGuid() }, Cancel);

    [Fact]
    public async Task AReferralSentByApi_IsAcceptedAndCompletedByTheService_AndTheSenderReadsTheOutcomeWithoutTheCalls()
    {
        using var pharmacy = await app.BearerAsync("sportello");
        using var house = await app.BearerAsync("volontario");
        var referral = await SendAsync(pharmacy, "Apiloop");
        Assert.Equal("requested", referral.GetProperty("fhirStatus").GetString());

        using var accepted = await MoveAsync(house, referral, "Accept");
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var view = await accepted.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        using (var call = await house.PostAsJsonAsync($"/api/v1/referrals/{view.GetProperty("id").GetGuid()}/contact-attempts", new { channel = "Phone", reached = true, note = "Richiamare dopo le 17" }, Cancel))
        {
            Assert.Equal(HttpStatusCode.OK, call.StatusCode);
        }

        using var completed = await MoveAsync(house, view, "Complete", "Viene il giovedì.");
        Assert.Equal(HttpStatusCode.OK, completed.StatusCode);

        var seen = await pharmacy.GetFromJsonAsync<JsonElement>($"/api/v1/referrals/{view.GetProperty("id").GetGuid()}", Cancel);
        Assert.Equal("Completed", seen.GetProperty("state").GetString());
        Assert.Equal("Viene il giovedì.", seen.GetProperty("outcome").GetString());
        Assert.Equal(JsonValueKind.Null, seen.GetProperty("contactAttempts").ValueKind);
        Assert.DoesNotContain("Richiamare", seen.GetRawText(), StringComparison.Ordinal);

        var list = await pharmacy.GetFromJsonAsync<JsonElement>("/api/v1/referrals", Cancel);
        Assert.Contains(list.GetProperty("sent").EnumerateArray(), r => r.GetProperty("name").GetString() == "Ada Apiloop" && r.GetProperty("fhirStatus").GetString() == "completed");
    }

    [Fact]
    public async Task AStaleVersion_IsAConflict_AndTheReferralKeepsTheWinnersState()
    {
        using var pharmacy = await app.BearerAsync("sportello");
        using var house = await app.BearerAsync("volontario");
        var referral = await SendAsync(pharmacy, "Apistale");
        using (var first = await MoveAsync(house, referral, "Accept"))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        using var second = await MoveAsync(house, referral, "Reject", "Non è per noi.");
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var id = referral.GetProperty("id").GetGuid();
        Assert.Equal(Trama.Web.Features.Referrals.ReferralState.Accepted, await app.WithDbAsync(db => db.Referrals.Where(r => r.Id == id).Select(r => r.State).SingleAsync()));
    }

    [Fact]
    public async Task TheSenderCannotAccept_AndAnOutsiderCannotSeeIt()
    {
        using var pharmacy = await app.BearerAsync("sportello");
        var referral = await SendAsync(pharmacy, "Apiscope");
        using var accept = await MoveAsync(pharmacy, referral, "Accept");
        Assert.Equal(HttpStatusCode.Forbidden, accept.StatusCode);

        using var outsider = await app.BearerAsync("clinico.litta");
        using var read = await outsider.GetAsync($"/api/v1/referrals/{referral.GetProperty("id").GetGuid()}", Cancel);
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
    }

    [Fact]
    public async Task WithoutConsentOrReason_TheApiAnswersWhichFieldAndSavesNothing()
    {
        using var pharmacy = await app.BearerAsync("sportello");
        var (service, from) = await TargetsAsync();
        using var sent = await pharmacy.PostAsJsonAsync("/api/v1/referrals", new { serviceId = service, fromOrganisationId = from, givenName = "Ada", familyName = "Apinoconsent", contact = "", reason = "x", urgency = "Routine", consentGiven = false }, Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, sent.StatusCode);
        var problem = await sent.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.True(problem.GetProperty("errors").TryGetProperty("consentOverride", out _));
        Assert.True(problem.GetProperty("errors").TryGetProperty("contact", out _));
        Assert.False(await app.WithDbAsync(db => db.Referrals.AnyAsync(r => r.FamilyName == "Apinoconsent")));
    }

    [Fact]
    public async Task AVolunteerCannotSendAReferral()
    {
        using var volunteer = await app.BearerAsync("volontario");
        var (service, from) = await TargetsAsync();
        using var sent = await volunteer.PostAsJsonAsync("/api/v1/referrals", new { serviceId = service, fromOrganisationId = from, givenName = "Ada", familyName = "Apivolunteer", contact = "1", reason = "x", urgency = "Routine", consentGiven = true }, Cancel);
        Assert.Equal(HttpStatusCode.Forbidden, sent.StatusCode);
    }
}
