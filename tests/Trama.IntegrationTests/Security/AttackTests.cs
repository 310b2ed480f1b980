using System.Net;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Trama.IntegrationTests.Infrastructure;
using Trama.Web.Features.Projects;

namespace Trama.IntegrationTests.Security;

/// What an attacker would try first, against the real app over HTTP.
[Trait("Database", "Any")]
public sealed class AttackTests(TramaApp app) : IClassFixture<TramaApp>
{
    private const string Marker = "trama-xss";
    private const string Payload = "<script>alert('trama-xss')</script><img src=x onerror=\"alert('trama-xss')\">\"'";

    private static readonly string[] SqlPayloads = ["' OR '1'='1", "'; DROP TABLE \"People\"; --", "%' OR 1=1 --", "\\'; SELECT * FROM \"AspNetUsers\" --"];

    private Task<Guid> OwnProjectAsync() =>
        app.WithDbAsync(db => db.Projects.Where(p => p.Person.PseudonymousCode == "AMI-0001").Select(p => p.Id).SingleAsync());

    private Task<Guid> ForeignProjectAsync() =>
        app.WithDbAsync(db => db.Projects.Where(p => p.MentalHealthCentre.Name == "CPS corso Plebisciti" && p.State == ProjectState.Active
            && !p.Team.Any(m => m.User!.UserName == "operatore") && db.DiaryEntries.Any(d => d.ProjectId == p.Id)).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync());

    private static void AssertNothingLive(HtmlResult page)
    {
        Assert.DoesNotContain(page.Document.QuerySelectorAll("script"), s => s.TextContent.Contains(Marker, StringComparison.Ordinal));
        Assert.Empty(page.Document.QuerySelectorAll("[onerror]"));
        Assert.DoesNotContain(Payload, page.Html, StringComparison.Ordinal);
    }

    /// Every free-text field of a form set to the payload; fields with a format of their own keep a valid value.
    private static (string, string)[] Hostile(HtmlResult page, string form, params (string Name, string Value)[] keep)
    {
        var element = page.Document.QuerySelector<IHtmlFormElement>(form)!;
        var text = element.QuerySelectorAll<IHtmlInputElement>("input[name]")
            .Where(i => i.Type is "text" or "search" or "")
            .Select(i => i.Name!)
            .Concat(element.QuerySelectorAll<IHtmlTextAreaElement>("textarea[name]").Select(t => t.Name!))
            .Where(n => keep.All(k => k.Name != n));
        return [.. text.Select(n => (n, Payload)), .. keep];
    }

    [Fact]
    public async Task StoredXss_InEveryTextFieldOfTheProjectForms_IsShownAsText()
    {
        using var session = app.NewSession();
        await session.LoginAsync("clinico");
        var referForm = await session.GetAsync("/Projects/Refer");
        var centre = referForm.Document.QuerySelectorAll("#Input_MentalHealthCentreId option").Select(o => o.GetAttribute("value")).First(v => !string.IsNullOrEmpty(v))!;
        var referred = await session.SubmitAsync(referForm, "main form", Hostile(referForm, "main form",
            ("Input.MentalHealthCentreId", centre), ("Input.FiscalCode", string.Empty), ("Input.Phone", string.Empty), ("Input.Email", string.Empty), ("Input.BirthDate", "1980-02-03"),
            ("Input.ReferredOn", DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))));
        Assert.True(referred.Url.AbsolutePath.StartsWith("/Projects/", StringComparison.Ordinal) && referred.Url.AbsolutePath.Length > 20,
            string.Join(" | ", referred.Document.QuerySelectorAll(".text-danger").Where(e => e.TextContent.Trim().Length > 0).Select(e => $"{e.Id}: {e.TextContent.Trim()}")));
        Assert.Contains("&lt;script&gt;", referred.Html, StringComparison.Ordinal);
        AssertNothingLive(referred);

        var id = await OwnProjectAsync();
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        foreach (var path in new[] { $"/Projects/{id}/Diary/New", $"/Projects/{id}/Goals/New", $"/Projects/{id}/CrisisPlan" })
        {
            var form = await session.GetAsync(path);
            var area = form.Document.QuerySelectorAll("#Input_LifeAreaId option").Select(o => o.GetAttribute("value")).FirstOrDefault(v => !string.IsNullOrEmpty(v));
            var saved = await session.SubmitAsync(form, "main form", Hostile(form, "main form", ("Input.OccurredOn", today), ("Input.LifeAreaId", area ?? string.Empty)));
            Assert.True(saved.Url.AbsolutePath == $"/Projects/{id}", $"{path}: {string.Join(" | ", saved.Errors)}");
            AssertNothingLive(saved);
        }

        var budget = await session.GetAsync($"/Projects/{id}/Budget");
        var spent = await session.SubmitAsync(budget, "form[data-testid=spending-form]", ("Spending.Amount", "1,00"), ("Spending.Supplier", Payload), ("Spending.Description", Payload));
        AssertNothingLive(spent);
        Assert.Contains("&lt;script&gt;", spent.Find("[data-testid=ledger]")!.InnerHtml, StringComparison.Ordinal);

        foreach (var path in new[] { $"/Projects/{id}", $"/Projects/{id}/Agreement", $"/Projects/{id}/Person", "/Projects", "/" })
        {
            AssertNothingLive(await session.GetAsync(path));
        }

        using var person = app.NewSession();
        await person.LoginAsync("beneficiario");
        AssertNothingLive(await person.GetAsync("/Me/Data"));
    }

    [Fact]
    public async Task StoredXss_RejectedInput_IsEchoedBackAsText()
    {
        using var session = app.NewSession();
        await session.LoginAsync("clinico");
        var form = await session.GetAsync("/Projects/Refer");
        var refused = await session.SubmitAsync(form, "main form", Hostile(form, "main form"));
        Assert.Equal("/Projects/Refer", refused.Url.AbsolutePath);
        Assert.NotEmpty(refused.Errors);
        AssertNothingLive(refused);
    }

    [Theory]
    [InlineData("operatore", "/Projects?q={0}")]
    [InlineData("admin", "/Admin/Users?q={0}")]
    [InlineData("privacy", "/Privacy/Audit?person={0}")]
    [InlineData("privacy", "/Privacy/Audit?user={0}")]
    [InlineData("privacy", "/Privacy/Requests?code={0}")]
    public async Task SqlInjection_InEverySearch_FindsNothingAndBreaksNothing(string user, string template)
    {
        using var session = app.NewSession();
        await session.LoginAsync(user);
        var people = await app.WithDbAsync(db => db.People.CountAsync());
        foreach (var payload in SqlPayloads)
        {
            var page = await session.GetAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, template, Uri.EscapeDataString(payload)));
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.Empty(page.Document.QuerySelectorAll("tbody tr, [data-testid=personal-data]"));
        }

        Assert.Equal(people, await app.WithDbAsync(db => db.People.CountAsync()));
    }

    [Fact]
    public async Task StateChangingPosts_WithoutAnAntiforgeryToken_AreRefusedAndChangeNothing()
    {
        var id = await OwnProjectAsync();
        using var session = app.NewSession();
        await session.LoginAsync("clinico");
        var diary = await app.WithDbAsync(db => db.DiaryEntries.CountAsync());
        string[] targets =
        [
            $"/Projects/{id}?handler=Transition", $"/Projects/{id}?handler=Obscure", $"/Projects/{id}/Diary/New", $"/Projects/{id}/Budget?handler=Spending",
            $"/Projects/{id}/CrisisPlan", "/Projects/Refer", "/Privacy/Emergency", "/Account/TwoFactor?handler=Enable", "/Account/ChangePassword", "/Account/Logout",
        ];
        foreach (var target in targets)
        {
            using var content = new FormUrlEncodedContent([new("Input.Notes", "senza token"), new("Input.DurationMinutes", "30"), new("action", "Suspend")]);
            using var response = await session.Client.PostAsync(new Uri(target, UriKind.Relative), content, TestContext.Current.CancellationToken);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{target}: {response.StatusCode}");
        }

        Assert.Equal(diary, await app.WithDbAsync(db => db.DiaryEntries.CountAsync()));
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    [InlineData("http:/evil.example")]
    [InlineData("javascript:alert(1)")]
    public async Task OpenRedirects_AfterLoginOrLanguageChange_StayOnTrama(string target)
    {
        using var session = app.NewSession();
        var login = await session.GetAsync("/Account/Login?ReturnUrl=" + Uri.EscapeDataString(target));
        var home = await session.SubmitAsync(login, "main form", ("Input.UserName", "operatore"), ("Input.Password", Trama.Web.Features.Demo.DemoData.Password));
        Assert.All(home.Redirects, r => Assert.False(r.IsAbsoluteUri && r.Host != "localhost", r.ToString()));
        Assert.Equal("/", home.Url.AbsolutePath);

        var switched = await session.SubmitAsync(home, "form[action='/Account/Language']", ("culture", "en"), ("returnUrl", target));
        Assert.All(switched.Redirects, r => Assert.False(r.IsAbsoluteUri && r.Host != "localhost", r.ToString()));
        Assert.Equal("localhost", switched.Url.Host);
    }

    [Fact]
    public async Task Idor_WritingIntoAnotherTeamsProject_IsNotFoundAndWritesNothing()
    {
        var foreign = await ForeignProjectAsync();
        var own = await OwnProjectAsync();
        using var session = app.NewSession();
        await session.LoginAsync("operatore");
        var form = await session.GetAsync($"/Projects/{own}/Diary/New");
        var token = form.Find("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var before = await app.WithDbAsync(db => db.DiaryEntries.CountAsync(d => d.ProjectId == foreign));
        using var content = new FormUrlEncodedContent([
            new("Input.OccurredOn", DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
            new("Input.Type", "HomeVisit"), new("Input.DurationMinutes", "30"), new("Input.Notes", "scritto da fuori"), new("Input.Sensitivity", "Ordinary"),
            new("__RequestVerificationToken", token)]);
        using var response = await session.Client.PostAsync(new Uri($"/Projects/{foreign}/Diary/New", UriKind.Relative), content, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(before, await app.WithDbAsync(db => db.DiaryEntries.CountAsync(d => d.ProjectId == foreign)));

        var foreignEntry = await app.WithDbAsync(db => db.DiaryEntries.Where(d => d.ProjectId == foreign).Select(d => d.Id).FirstAsync());
        var page = await session.GetAsync($"/Projects/{own}");
        var obscure = await session.SubmitAsync(page, "form[action*='handler=Obscure']", ("entryId", foreignEntry.ToString()));
        Assert.Equal(HttpStatusCode.NotFound, obscure.Status);
        Assert.False(await app.WithDbAsync(db => db.DiaryEntries.Where(d => d.Id == foreignEntry).Select(d => d.IsObscured).SingleAsync()));
    }

    private static async Task<(HttpStatusCode Status, string Html)> UploadAsync(WebSession session, Guid project, string fileName, byte[] content, string claimedType)
    {
        var page = await session.GetAsync($"/Projects/{project}/Budget");
        var token = page.Find("form[data-testid=spending-form] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var area = page.Find("#Spending_LifeAreaId option")!.GetAttribute("value")!;
        using var form = new MultipartFormDataContent
        {
            { new StringContent(DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)), "Spending.SpentOn" },
            { new StringContent("12,50"), "Spending.Amount" },
            { new StringContent("HealthAuthority"), "Spending.Source" },
            { new StringContent(area), "Spending.LifeAreaId" },
            { new StringContent("Cartoleria Viale Monza"), "Spending.Supplier" },
            { new StringContent("Quaderni per il corso"), "Spending.Description" },
            { new StringContent(token), "__RequestVerificationToken" },
        };
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(claimedType);
        form.Add(file, "receiptFile", fileName);
        using var response = await session.Client.PostAsync(new Uri($"/Projects/{project}/Budget?handler=Spending", UriKind.Relative), form, TestContext.Current.CancellationToken);
        var html = response.StatusCode == HttpStatusCode.Found
            ? await session.Client.GetStringAsync(response.Headers.Location, TestContext.Current.CancellationToken)
            : await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return (response.StatusCode, html);
    }

    [Fact]
    public async Task Uploads_DisguisedHtmlAndOversizedFiles_AreRefusedWithAMessage()
    {
        var id = await OwnProjectAsync();
        using var session = app.NewSession();
        await session.LoginAsync("operatore");
        var receipts = await app.WithDbAsync(db => db.Receipts.CountAsync());

        var disguised = await UploadAsync(session, id, "ricevuta.pdf", Encoding.UTF8.GetBytes("<html><script>alert('trama-xss')</script></html>"), "application/pdf");
        Assert.Equal(HttpStatusCode.OK, disguised.Status);
        Assert.Contains("Sono accettati solo file PDF, JPEG o PNG", disguised.Html, StringComparison.Ordinal);

        var huge = new byte[(5 * 1024 * 1024) + 1];
        "%PDF-1.7\n"u8.CopyTo(huge);
        var oversized = await UploadAsync(session, id, "scansione.pdf", huge, "application/pdf");
        Assert.Contains("supera il limite di 5 MB", oversized.Html, StringComparison.Ordinal);
        Assert.Contains("Cartoleria Viale Monza", oversized.Html, StringComparison.Ordinal);
        Assert.Equal(receipts, await app.WithDbAsync(db => db.Receipts.CountAsync()));
    }

    [Fact]
    public async Task Uploads_AReceiptIsKeptByItsContent_AndOnlyEverDownloaded()
    {
        var id = await OwnProjectAsync();
        using var session = app.NewSession();
        await session.LoginAsync("operatore");
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];
        var saved = await UploadAsync(session, id, "../../scontrino<script>.pdf", png, "text/html");
        Assert.Equal(HttpStatusCode.Found, saved.Status);
        var receipt = await app.WithDbAsync(db => db.Receipts.OrderByDescending(r => r.UploadedAtUtc).FirstAsync());
        Assert.Equal("image/png", receipt.ContentType);
        Assert.Equal("scontrino_script.png", receipt.FileName);

        using var download = await session.Client.GetAsync(new Uri($"/Projects/{id}/Budget?handler=Receipt&receiptId={receipt.Id}", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("image/png", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(png, await download.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));

        using var outsider = app.NewSession();
        await outsider.LoginAsync("clinico.plebisciti");
        using var stolen = await outsider.Client.GetAsync(new Uri($"/Projects/{id}/Budget?handler=Receipt&receiptId={receipt.Id}", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, stolen.StatusCode);
    }

    [Fact]
    public async Task AnObscuredReceipt_IsGoneForTheTeam_ButNotForItsUploaderOrTheCpsReferent()
    {
        var id = await OwnProjectAsync();
        using var coop = app.NewSession();
        await coop.LoginAsync("operatore");
        byte[] pdf = [.. "%PDF-1.4\n% ricevuta\n"u8];
        await UploadAsync(coop, id, "farmacia.pdf", pdf, "application/pdf");
        var receipt = await app.WithDbAsync(db => db.Receipts.OrderByDescending(r => r.UploadedAtUtc).FirstAsync());
        var page = await coop.GetAsync($"/Projects/{id}/Budget");
        await coop.SubmitAsync(page, $"form[data-obscure-receipt='{receipt.Id}']");
        Assert.True(await app.WithDbAsync(db => db.Receipts.Where(r => r.Id == receipt.Id).Select(r => r.IsObscured).SingleAsync()));

        var download = $"/Projects/{id}/Budget?handler=Receipt&receiptId={receipt.Id}";
        using var social = app.NewSession();
        await social.LoginAsync("assistente.sociale");
        Assert.DoesNotContain("farmacia.pdf", (await social.GetAsync($"/Projects/{id}/Budget")).Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await social.GetAsync(download)).Status);

        using var referent = app.NewSession();
        await referent.LoginAsync("clinico");
        Assert.Contains("farmacia.pdf", (await referent.GetAsync($"/Projects/{id}/Budget")).Html, StringComparison.Ordinal);
        using var mine = await coop.Client.GetAsync(new Uri(download, UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
    }
}
