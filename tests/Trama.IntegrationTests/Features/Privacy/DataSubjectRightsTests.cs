using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Trama.IntegrationTests.Infrastructure;
using Trama.Web.Features.Audit;
using Trama.Web.Features.Projects;

namespace Trama.IntegrationTests.Features.Privacy;

/// GDPR art. 15, 17 and 20: a copy of everything, and erasure within what the law keeps.
[Trait("Database", "Any")]
public sealed class DataSubjectRightsTests(TramaApp app) : IClassFixture<TramaApp>
{
    [Fact]
    public async Task ThePerson_ReadsAndDownloadsEverythingHeldAboutThem()
    {
        using var session = app.NewSession();
        await session.LoginAsync("beneficiario");
        var page = await session.GetAsync("/Me/Data");
        Assert.Contains("BSSGRG78C12F205", page.TextOf("[data-testid=personal-data]"), StringComparison.Ordinal);

        using var response = await session.Client.GetAsync(new Uri("/Me/Data?handler=Json", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var root = json.RootElement;
        Assert.Equal("AMI-0001", root.GetProperty("person").GetProperty("pseudonymousCode").GetString());
        var project = root.GetProperty("projects")[0];
        var diaryInDb = await app.WithDbAsync(db => db.DiaryEntries.CountAsync(d => db.Projects.Any(p => p.Id == d.ProjectId && p.Person.PseudonymousCode == "AMI-0001")));
        Assert.Equal(diaryInDb, project.GetProperty("diary").GetArrayLength());
        Assert.True(root.GetProperty("accesses").GetArrayLength() >= 3);
    }

    [Fact]
    public async Task Erasure_IsRefusedWhileAProjectIsOpen()
    {
        using var session = app.NewSession();
        await session.LoginAsync("privacy");
        var page = await session.GetAsync("/Privacy/Requests?code=AMI-0001");
        var refused = await session.SubmitAsync(page, "form[action*='handler=Erase']", ("confirm", "AMI-0001"));
        Assert.Contains(refused.Errors, e => e.Contains("progetto ancora aperto", StringComparison.Ordinal));
        Assert.Equal("Giorgio", await app.WithDbAsync(db => db.People.Where(p => p.PseudonymousCode == "AMI-0001").Select(p => p.GivenName).SingleAsync()));
    }

    [Fact]
    public async Task Erasure_RemovesWhatIdentifies_KeepsTheHealthRecord_AndTheChainStillVerifies()
    {
        var closed = await app.WithDbAsync(db => db.Projects.Where(p => p.State == ProjectState.Closed || p.State == ProjectState.FollowUp)
            .Where(p => db.DiaryEntries.Any(d => d.ProjectId == p.Id && d.Sensitivity == Sensitivity.Clinical))
            .Where(p => !db.Projects.Any(o => o.PersonId == p.PersonId && o.State != ProjectState.Closed && o.State != ProjectState.FollowUp && o.State != ProjectState.NotEligible))
            .Select(p => new { p.Id, p.PersonId, p.Person.PseudonymousCode, p.Person.FamilyName }).FirstAsync());
        var clinicalBefore = await app.WithDbAsync(db => db.DiaryEntries.CountAsync(d => d.ProjectId == closed.Id && d.Sensitivity == Sensitivity.Clinical));

        using var session = app.NewSession();
        await session.LoginAsync("privacy");
        var page = await session.GetAsync($"/Privacy/Requests?code={closed.PseudonymousCode}");
        var wrong = await session.SubmitAsync(page, "form[action*='handler=Erase']", ("confirm", "AMI-9999"));
        Assert.Contains(wrong.Errors, e => e.Contains("non corrisponde", StringComparison.Ordinal));
        var done = await session.SubmitAsync(page, "form[action*='handler=Erase']", ("confirm", closed.PseudonymousCode));
        Assert.Equal(HttpStatusCode.OK, done.Status);

        var person = await app.WithDbAsync(db => db.People.AsNoTracking().SingleAsync(p => p.Id == closed.PersonId));
        Assert.NotNull(person.ErasedAtUtc);
        Assert.Null(person.FiscalCode);
        Assert.NotEqual(closed.FamilyName, person.FamilyName);
        Assert.Equal(closed.PseudonymousCode, person.PseudonymousCode);
        Assert.Equal(clinicalBefore, await app.WithDbAsync(db => db.DiaryEntries.CountAsync(d => d.ProjectId == closed.Id && d.Sensitivity == Sensitivity.Clinical)));
        Assert.Equal(0, await app.WithDbAsync(db => db.DiaryEntries.CountAsync(d => d.ProjectId == closed.Id && d.Sensitivity != Sensitivity.Clinical)));
        var remembered = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.PersonId == closed.PersonId && a.Changes != null).Select(a => a.Changes!).ToListAsync());
        Assert.DoesNotContain(remembered, c => c.Contains(closed.FamilyName, StringComparison.Ordinal));
        Assert.True((await app.WithDbAsync(db => AuditChain.VerifyAsync(db))).IsIntact);
    }

    [Fact]
    public async Task OnlyThePrivacyOfficer_AnswersRequests()
    {
        using var session = app.NewSession();
        await session.LoginAsync("clinico");
        Assert.Equal("/Account/AccessDenied", (await session.GetAsync("/Privacy/Requests?code=AMI-0001")).Url.AbsolutePath);
    }
}
