using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Trama.IntegrationTests.Infrastructure;
using Trama.Web.Features.Audit;
using Trama.Web.Features.Projects;

namespace Trama.IntegrationTests.Features.Projects;

/// /api/v1: receipts and signed consent forms as files, obscuring at the person's request and
/// taking someone off the team, with the rules of the pages. AMI-0001's team: clinico (CPS
/// referent), operatore (key worker), esp and assistente.sociale.
[Trait("Database", "Any")]
public sealed class DocumentsApiTests(TramaApp app) : IClassFixture<TramaApp>
{
    private static readonly string Today = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];

    private static readonly byte[] Pdf = [.. "%PDF-1.4\n% modulo di consenso firmato\n"u8];

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private Task<Guid> ProjectAsync() =>
        app.WithDbAsync(db => db.Projects.Where(p => p.Person.PseudonymousCode == "AMI-0001").Select(p => p.Id).SingleAsync());

    private static MultipartFormDataContent FileOf(byte[] bytes, string name)
    {
        var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
        form.Add(content, "file", name);
        return form;
    }

    private async Task<Guid> SpendingAsync(HttpClient client, Guid id, string supplier)
    {
        var area = await app.WithDbAsync(db => db.LifeAreas.Where(a => a.Code == "housing" && db.Projects.Any(p => p.Id == id && p.ProgrammeId == a.ProgrammeId)).Select(a => a.Id).SingleAsync());
        using var saved = await client.PostAsJsonAsync($"/api/v1/projects/{id}/ledger", new { spentOn = Today, amount = 18.50m, source = "Municipality", lifeAreaId = area, supplier, description = "Lampadina e prese" }, Cancel);
        Assert.Equal(HttpStatusCode.Created, saved.StatusCode);
        using var json = JsonDocument.Parse(await saved.Content.ReadAsStringAsync(Cancel));
        return json.RootElement.GetProperty("id").GetGuid();
    }

    [Fact]
    public async Task AReceipt_IsAttachedToASpending_AndDownloadedAsAFile_WithTheReadAudited()
    {
        var id = await ProjectAsync();
        using var client = await app.BearerAsync("operatore");
        var entry = await SpendingAsync(client, id, "Elettricità Bianchi");

        using var form = FileOf(Png, "scontrino elettricità.png");
        using var attached = await client.PostAsync(new Uri($"/api/v1/projects/{id}/ledger/{entry}/receipt", UriKind.Relative), form, Cancel);
        Assert.Equal(HttpStatusCode.Created, attached.StatusCode);

        var reads = await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == "Receipt" && a.Action == AuditActions.Read));
        using var download = await client.GetAsync(new Uri($"/api/v1/projects/{id}/ledger/{entry}/receipt", UriKind.Relative), Cancel);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("image/png", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Contains("sandbox", download.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal(Png, await download.Content.ReadAsByteArrayAsync(Cancel));
        Assert.Equal(reads + 1, await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == "Receipt" && a.Action == AuditActions.Read)));

        var ledger = await client.GetStringAsync(new Uri($"/api/v1/projects/{id}/ledger", UriKind.Relative), Cancel);
        Assert.Contains("scontrino_elettricit", ledger, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFileThatIsNotADocument_OrNoFile_IsAFieldError_AndAReceiptIsNeverReplaced()
    {
        var id = await ProjectAsync();
        using var client = await app.BearerAsync("operatore");
        var entry = await SpendingAsync(client, id, "Mercato comunale");
        var address = new Uri($"/api/v1/projects/{id}/ledger/{entry}/receipt", UriKind.Relative);

        using var script = FileOf("<script>alert(1)</script>"u8.ToArray(), "ricevuta.pdf");
        using var refused = await client.PostAsync(address, script, Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("\"file\"", await refused.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);

        using var nothing = await client.PostAsJsonAsync(address.ToString(), new { }, Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, nothing.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.Receipts.AnyAsync(r => r.LedgerEntryId == entry)));

        using (var first = FileOf(Pdf, "ricevuta.pdf"))
        using (var attached = await client.PostAsync(address, first, Cancel))
        {
            Assert.Equal(HttpStatusCode.Created, attached.StatusCode);
        }

        using var second = FileOf(Png, "altra.png");
        using var replaced = await client.PostAsync(address, second, Cancel);
        Assert.Equal(HttpStatusCode.Conflict, replaced.StatusCode);
        Assert.Equal("application/pdf", await app.WithDbAsync(db => db.Receipts.Where(r => r.LedgerEntryId == entry).Select(r => r.ContentType).SingleAsync()));
    }

    [Fact]
    public async Task AnObscuredReceipt_IsHiddenFromTheRestOfTheTeam_ButNotFromItsUploaderOrTheCpsReferent()
    {
        var id = await ProjectAsync();
        using var worker = await app.BearerAsync("operatore");
        using var peer = await app.BearerAsync("esp");
        using var cps = await app.BearerAsync("clinico");
        var entry = await SpendingAsync(worker, id, "Farmacia comunale 2");
        var address = $"/api/v1/projects/{id}/ledger/{entry}/receipt";
        using (var form = FileOf(Png, "farmaco-da-banco.png"))
        using (var attached = await worker.PostAsync(new Uri(address, UriKind.Relative), form, Cancel))
        {
            Assert.Equal(HttpStatusCode.Created, attached.StatusCode);
        }

        using var peerTries = await peer.PutAsJsonAsync($"{address}/obscured", new { obscured = true }, Cancel);
        Assert.Equal(HttpStatusCode.Forbidden, peerTries.StatusCode);
        using var obscured = await worker.PutAsJsonAsync($"{address}/obscured", new { obscured = true }, Cancel);
        Assert.Equal(HttpStatusCode.NoContent, obscured.StatusCode);

        using var hidden = await peer.GetAsync(new Uri(address, UriKind.Relative), Cancel);
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.DoesNotContain("farmaco-da-banco", await peer.GetStringAsync(new Uri($"/api/v1/projects/{id}/ledger", UriKind.Relative), Cancel), StringComparison.Ordinal);
        using var byUploader = await worker.GetAsync(new Uri(address, UriKind.Relative), Cancel);
        Assert.Equal(HttpStatusCode.OK, byUploader.StatusCode);
        using var byReferent = await cps.GetAsync(new Uri(address, UriKind.Relative), Cancel);
        Assert.Equal(HttpStatusCode.OK, byReferent.StatusCode);

        using var shown = await cps.PutAsJsonAsync($"{address}/obscured", new { obscured = false }, Cancel);
        Assert.Equal(HttpStatusCode.NoContent, shown.StatusCode);
        using var visible = await peer.GetAsync(new Uri(address, UriKind.Relative), Cancel);
        Assert.Equal(HttpStatusCode.OK, visible.StatusCode);
    }

    [Fact]
    public async Task ADiaryEntry_ObscuredByItsAuthor_DisappearsForTheTeam_AndComesBackWhenShownAgain()
    {
        var id = await ProjectAsync();
        using var worker = await app.BearerAsync("operatore");
        using var peer = await app.BearerAsync("esp");
        const string Notes = "Telefonata sul rinnovo della carta d'identità, da non condividere.";
        using var saved = await worker.PostAsJsonAsync($"/api/v1/projects/{id}/diary", new { occurredOn = Today, type = "PhoneCall", durationMinutes = 10, notes = Notes, sensitivity = "Ordinary" }, Cancel);
        Assert.Equal(HttpStatusCode.Created, saved.StatusCode);
        using var json = JsonDocument.Parse(await saved.Content.ReadAsStringAsync(Cancel));
        var address = $"/api/v1/projects/{id}/diary/{json.RootElement.GetProperty("id").GetGuid()}/obscured";
        var diary = new Uri($"/api/v1/projects/{id}/diary", UriKind.Relative);

        using var notAuthor = await peer.PutAsJsonAsync(address, new { obscured = true }, Cancel);
        Assert.Equal(HttpStatusCode.Forbidden, notAuthor.StatusCode);
        using var obscured = await worker.PutAsJsonAsync(address, new { obscured = true }, Cancel);
        Assert.Equal(HttpStatusCode.NoContent, obscured.StatusCode);
        Assert.DoesNotContain(Notes, await peer.GetStringAsync(diary, Cancel), StringComparison.Ordinal);
        Assert.Contains(Notes, await worker.GetStringAsync(diary, Cancel), StringComparison.Ordinal);

        using var shown = await worker.PutAsJsonAsync(address, new { obscured = false }, Cancel);
        Assert.Equal(HttpStatusCode.NoContent, shown.StatusCode);
        Assert.Contains(Notes, await peer.GetStringAsync(diary, Cancel), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnlyTheCpsReferent_ObscuresTheAssessment()
    {
        var id = await ProjectAsync();
        using var worker = await app.BearerAsync("operatore");
        using var cps = await app.BearerAsync("clinico");
        var address = $"/api/v1/projects/{id}/assessment/obscured";

        using var refused = await worker.PutAsJsonAsync(address, new { obscured = true }, Cancel);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.Projects.Where(p => p.Id == id).Select(p => p.AssessmentObscured).SingleAsync()));

        using var obscured = await cps.PutAsJsonAsync(address, new { obscured = true }, Cancel);
        Assert.Equal(HttpStatusCode.NoContent, obscured.StatusCode);
        Assert.True(await app.WithDbAsync(db => db.Projects.Where(p => p.Id == id).Select(p => p.AssessmentObscured).SingleAsync()));

        using var shown = await cps.PutAsJsonAsync(address, new { obscured = false }, Cancel);
        Assert.Equal(HttpStatusCode.NoContent, shown.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.Projects.Where(p => p.Id == id).Select(p => p.AssessmentObscured).SingleAsync()));
    }

    [Fact]
    public async Task ASignedConsentForm_IsAttachedOnceToItsStatement_AndDownloaded()
    {
        var id = await ProjectAsync();
        using var cps = await app.BearerAsync("clinico");
        using var stated = await cps.PostAsJsonAsync($"/api/v1/projects/{id}/consents", new { purpose = "Photos", given = true, statedOn = Today }, Cancel);
        Assert.Equal(HttpStatusCode.Created, stated.StatusCode);
        using var json = JsonDocument.Parse(await stated.Content.ReadAsStringAsync(Cancel));
        var address = new Uri($"/api/v1/projects/{id}/consents/{json.RootElement.GetProperty("id").GetGuid()}/document", UriKind.Relative);

        using (var form = FileOf(Pdf, "consenso foto.pdf"))
        using (var attached = await cps.PostAsync(address, form, Cancel))
        {
            Assert.Equal(HttpStatusCode.Created, attached.StatusCode);
        }

        using var download = await cps.GetAsync(address, Cancel);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync(Cancel));
        Assert.Contains("consenso_foto.pdf", await cps.GetStringAsync(new Uri($"/api/v1/projects/{id}/consents", UriKind.Relative), Cancel), StringComparison.Ordinal);

        using var again = FileOf(Png, "altro.png");
        using var replaced = await cps.PostAsync(address, again, Cancel);
        Assert.Equal(HttpStatusCode.Conflict, replaced.StatusCode);
    }

    [Fact]
    public async Task EndingAMembership_ThroughTheApi_EndsTheirAccessAtOnce()
    {
        var id = await app.WithDbAsync(db => db.Projects
            .Where(p => p.State == ProjectState.Active && p.MentalHealthCentre.Name == "CPS via Cherasco" && p.Person.PseudonymousCode != "AMI-0001"
                && p.Team.Any(m => m.User!.UserName == "operatore" && m.EndsOn == null))
            .Select(p => p.Id).FirstAsync());
        var memberId = await app.WithDbAsync(db => db.CareTeamMembers.Where(m => m.ProjectId == id && m.User!.UserName == "operatore" && m.EndsOn == null).Select(m => m.Id).SingleAsync());
        using var worker = await app.BearerAsync("operatore");
        using var cps = await app.BearerAsync("clinico");
        var project = new Uri($"/api/v1/projects/{id}", UriKind.Relative);
        using (var before = await worker.GetAsync(project, Cancel))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        using var ended = await cps.PostAsync(new Uri($"/api/v1/projects/{id}/team/{memberId}/end", UriKind.Relative), null, Cancel);
        Assert.Equal(HttpStatusCode.NoContent, ended.StatusCode);

        using var after = await worker.GetAsync(project, Cancel);
        Assert.Equal(HttpStatusCode.NotFound, after.StatusCode);
        using var twice = await cps.PostAsync(new Uri($"/api/v1/projects/{id}/team/{memberId}/end", UriKind.Relative), null, Cancel);
        Assert.Equal(HttpStatusCode.NotFound, twice.StatusCode);
    }
}
