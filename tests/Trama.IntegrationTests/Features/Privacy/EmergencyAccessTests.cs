using System.Net;
using Microsoft.EntityFrameworkCore;
using Trama.IntegrationTests.Infrastructure;
using Trama.Web.Features.Audit;
using Trama.Web.Features.Projects;

namespace Trama.IntegrationTests.Features.Privacy;

/// Break-the-glass: a clinician of another CPS opens a project in an emergency, with a reason;
/// the access is read-only, time-limited, audited and waits for the privacy officer's review.
[Trait("Database", "Any")]
public sealed class EmergencyAccessTests(TramaApp app) : IClassFixture<TramaApp>
{
    private const string Reason = "Portato in pronto soccorso stanotte, servono piano di crisi e contatti.";

    private Task<(Guid Id, string Code)> CherascoProjectAsync(int skip) =>
        app.WithDbAsync(async db => await db.Projects.Where(p => p.MentalHealthCentre.Name == "CPS via Cherasco" && p.Person.PseudonymousCode != "AMI-0001")
            .OrderBy(p => p.Person.PseudonymousCode).Skip(skip).Select(p => new ValueTuple<Guid, string>(p.Id, p.Person.PseudonymousCode)).FirstAsync());

    [Fact]
    public async Task AClinicianOutsideTheTeam_OpensTheProjectReadOnlyWithAReason_AndItIsRecorded()
    {
        var (id, code) = await CherascoProjectAsync(0);
        using var session = app.NewSession();
        await session.LoginAsync("clinico.plebisciti");
        Assert.Equal(HttpStatusCode.NotFound, (await session.GetAsync($"/Projects/{id}")).Status);

        var form = await session.GetAsync("/Privacy/Emergency");
        var page = await session.SubmitAsync(form, "main form", ("Input.Code", code.ToLowerInvariant()), ("Input.Reason", Reason));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal($"/Projects/{id}", page.Url.AbsolutePath);
        Assert.NotNull(page.Find("[data-testid=emergency]"));
        Assert.Null(page.Find("form[data-action]"));
        Assert.Null(page.Find("a[href$='/Diary/New']"));
        var access = await app.WithDbAsync(db => db.EmergencyAccesses.Where(e => e.ProjectId == id && e.User.UserName == "clinico.plebisciti").SingleAsync());
        Assert.Equal(Reason, access.Reason);
        Assert.Null(access.ReviewedAtUtc);
        Assert.Equal(TimeSpan.FromHours(4), access.EndsAtUtc - access.StartedAtUtc);
        var audit = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.UserId == access.UserId && a.Sequence > 0)
            .OrderByDescending(a => a.Sequence).Take(2).Select(a => new { a.Action, a.EntityType }).ToListAsync());
        Assert.Contains(audit, a => a is { Action: AuditActions.Read, EntityType: nameof(HealthBudgetProject) });
        Assert.Contains(audit, a => a is { Action: AuditActions.Create, EntityType: "EmergencyAccess" });
    }

    [Fact]
    public async Task TheEmergencyGrant_DoesNotLetTheClinicianChangeAnything()
    {
        var (id, code) = await CherascoProjectAsync(1);
        using var session = app.NewSession();
        await session.LoginAsync("clinico.litta");
        var form = await session.GetAsync("/Privacy/Emergency");
        await session.SubmitAsync(form, "main form", ("Input.Code", code), ("Input.Reason", Reason));
        var diary = await session.GetAsync($"/Projects/{id}/Diary/New");
        Assert.Equal("/Account/AccessDenied", diary.Url.AbsolutePath);
    }

    [Fact]
    public async Task AShortReason_IsRefusedWithAMessage_AndOpensNothing()
    {
        var (id, code) = await CherascoProjectAsync(2);
        using var session = app.NewSession();
        await session.LoginAsync("clinico.plebisciti");
        var form = await session.GetAsync("/Privacy/Emergency");
        var page = await session.SubmitAsync(form, "main form", ("Input.Code", code), ("Input.Reason", "urgente"));
        Assert.Equal("/Privacy/Emergency", page.Url.AbsolutePath);
        Assert.Contains(page.Errors, e => e.Contains("Motivo dell'urgenza", StringComparison.Ordinal));
        Assert.Equal(code, page.Find("#Input_Code")!.GetAttribute("value"));
        Assert.Equal(HttpStatusCode.NotFound, (await session.GetAsync($"/Projects/{id}")).Status);
    }

    [Theory]
    [InlineData("operatore")]
    [InlineData("assistente.sociale")]
    [InlineData("coordinatore")]
    public async Task OnlyClinicians_MayBreakTheGlass(string user)
    {
        using var session = app.NewSession();
        await session.LoginAsync(user);
        var page = await session.GetAsync("/Privacy/Emergency");
        Assert.Equal("/Account/AccessDenied", page.Url.AbsolutePath);
    }

    [Fact]
    public async Task ThePrivacyOfficer_SeesTheDemoEmergencyFlagged_AndMarksItReviewed()
    {
        using var session = app.NewSession();
        await session.LoginAsync("privacy");
        var page = await session.GetAsync("/Privacy/Audit?person=AMI-0001");
        Assert.Contains("pronto soccorso", page.TextOf("[data-testid=emergencies]"), StringComparison.Ordinal);
        Assert.NotNull(page.Find("[data-testid=audit-rows] .badge.bg-danger"));

        var demoId = await app.WithDbAsync(db => db.EmergencyAccesses.Where(e => e.Project.Person.PseudonymousCode == "AMI-0001").Select(e => e.Id).SingleAsync());
        await session.SubmitAsync(page, $"form[data-review='{demoId}']", ("ReviewNote", "Accesso giustificato: verificato con il pronto soccorso."));
        var reviewed = await app.WithDbAsync(db => db.EmergencyAccesses.SingleAsync(e => e.Id == demoId));
        Assert.NotNull(reviewed.ReviewedAtUtc);
        Assert.Equal("Accesso giustificato: verificato con il pronto soccorso.", reviewed.ReviewNote);
    }
}
