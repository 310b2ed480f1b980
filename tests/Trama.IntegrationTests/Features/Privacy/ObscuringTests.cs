using System.Net;
using Microsoft.EntityFrameworkCore;
using Trama.IntegrationTests.Infrastructure;
using Trama.Web.Features.Audit;
using Trama.Web.Features.Projects;

namespace Trama.IntegrationTests.Features.Privacy;

/// Oscuramento: the demo beneficiary AMI-0001 asked that one phone call by the key worker stay
/// private. Its author (operatore) and the CPS referent (clinico) see it; nobody else can tell it exists.
[Trait("Database", "Any")]
public sealed class ObscuringTests(TramaApp app) : IClassFixture<TramaApp>
{
    private const string ObscuredText = "resti riservata";

    private Task<Guid> ProjectAsync() =>
        app.WithDbAsync(db => db.Projects.Where(p => p.Person.PseudonymousCode == "AMI-0001").Select(p => p.Id).SingleAsync());

    private async Task<HtmlResult> ProjectPageAsync(string user)
    {
        var session = app.NewSession();
        await session.LoginAsync(user);
        return await session.GetAsync($"/Projects/{await ProjectAsync()}");
    }

    [Theory]
    [InlineData("operatore")]
    [InlineData("clinico")]
    public async Task TheAuthorAndTheCpsReferent_SeeAnObscuredEntryMarkedAsSuch(string user)
    {
        var page = await ProjectPageAsync(user);
        Assert.Contains(ObscuredText, page.TextOf("[data-testid=diary]"), StringComparison.Ordinal);
        Assert.NotNull(page.Find("[data-testid=obscured]"));
    }

    [Theory]
    [InlineData("esp")]
    [InlineData("assistente.sociale")]
    [InlineData("beneficiario")]
    public async Task EveryoneElse_SeesNoTraceOfIt(string user)
    {
        var page = await ProjectPageAsync(user);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.DoesNotContain(ObscuredText, page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("scurat", page.Html, StringComparison.OrdinalIgnoreCase);
        Assert.Null(page.Find("[data-testid=obscured]"));
    }

    [Fact]
    public async Task ItsMinutes_DoNotCountInTheHoursOthersSee()
    {
        var id = await ProjectAsync();
        var (all, obscured) = await app.WithDbAsync(async db => (
            await db.DiaryEntries.Where(d => d.ProjectId == id && d.Sensitivity == Sensitivity.Ordinary).SumAsync(d => d.DurationMinutes),
            await db.DiaryEntries.Where(d => d.ProjectId == id && d.Sensitivity == Sensitivity.Ordinary && d.IsObscured).SumAsync(d => d.DurationMinutes)));
        Assert.True(obscured > 0);
        var page = await ProjectPageAsync("beneficiario");
        var hours = ((all - obscured) / 60.0).ToString("0.#", System.Globalization.CultureInfo.GetCultureInfo("it-IT"));
        Assert.EndsWith($": {hours}", page.TextOf("[data-testid=diary] p"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheAuthor_ObscuresAndUnobscures_AndBothAreAudited()
    {
        var id = await ProjectAsync();
        var entry = await app.WithDbAsync(db => db.DiaryEntries.Where(d => d.ProjectId == id && !d.IsObscured && d.Sensitivity == Sensitivity.Ordinary && d.Author.UserName == "operatore")
            .Select(d => new { d.Id, d.Notes }).FirstAsync());
        using var author = app.NewSession();
        await author.LoginAsync("operatore");
        var page = await author.GetAsync($"/Projects/{id}");
        await author.SubmitAsync(page, $"form[data-obscure='{entry.Id}']");
        Assert.True(await app.WithDbAsync(db => db.DiaryEntries.Where(d => d.Id == entry.Id).Select(d => d.IsObscured).SingleAsync()));

        var esp = await ProjectPageAsync("esp");
        Assert.DoesNotContain(entry.Notes, esp.Html, StringComparison.Ordinal);

        page = await author.GetAsync($"/Projects/{id}");
        await author.SubmitAsync(page, $"form[data-obscure='{entry.Id}']");
        Assert.False(await app.WithDbAsync(db => db.DiaryEntries.Where(d => d.Id == entry.Id).Select(d => d.IsObscured).SingleAsync()));
        var changes = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityId == entry.Id.ToString() && a.Action == AuditActions.Update).OrderBy(a => a.Sequence).Select(a => a.Changes).ToListAsync());
        Assert.Equal(["{\"IsObscured\":[false,true]}", "{\"IsObscured\":[true,false]}"], changes.TakeLast(2));
    }

    [Fact]
    public async Task ATeamMemberWhoDidNotWriteIt_CannotObscureIt()
    {
        var id = await ProjectAsync();
        var entryId = await app.WithDbAsync(db => db.DiaryEntries.Where(d => d.ProjectId == id && !d.IsObscured && d.Sensitivity == Sensitivity.Ordinary && d.Author.UserName == "operatore").Select(d => d.Id).FirstAsync());
        using var esp = app.NewSession();
        await esp.LoginAsync("esp");
        var page = await esp.GetAsync($"/Projects/{id}");
        var token = page.Find("form[action='/Account/Logout'] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var content = new FormUrlEncodedContent([new("entryId", entryId.ToString()), new("obscure", "true"), new("__RequestVerificationToken", token)]);
        using var response = await esp.Client.PostAsync(new Uri($"/Projects/{id}?handler=Obscure", UriKind.Relative), content, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Contains("/Account/AccessDenied", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.DiaryEntries.Where(d => d.Id == entryId).Select(d => d.IsObscured).SingleAsync()));
    }

    [Fact]
    public async Task TheCpsReferent_ObscuresTheAssessment_AndOnlyTheyStillSeeIt()
    {
        var id = await ProjectAsync();
        var wishes = await app.WithDbAsync(db => db.Projects.Where(p => p.Id == id).Select(p => p.WishesInOwnWords!).SingleAsync());
        using var referent = app.NewSession();
        await referent.LoginAsync("clinico");
        var page = await referent.GetAsync($"/Projects/{id}");
        page = await referent.SubmitAsync(page, "form[data-testid=obscure-assessment]");
        Assert.NotNull(page.Find("[data-testid=wishes]"));

        using var coop = app.NewSession();
        await coop.LoginAsync("operatore");
        Assert.Null((await coop.GetAsync($"/Projects/{id}")).Find("[data-testid=wishes]"));
        Assert.DoesNotContain(wishes, (await coop.GetAsync($"/Projects/{id}/Agreement")).Html, StringComparison.Ordinal);
        Assert.Null((await coop.GetAsync($"/Projects/{id}")).Find("form[data-testid=obscure-assessment]"));

        await referent.SubmitAsync(await referent.GetAsync($"/Projects/{id}"), "form[data-testid=obscure-assessment]");
        Assert.NotNull((await coop.GetAsync($"/Projects/{id}")).Find("[data-testid=wishes]"));
    }
}
