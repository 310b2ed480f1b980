using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Trama.IntegrationTests.Infrastructure;
using Trama.Web.Features.People;
using Trama.Web.Features.Projects;

namespace Trama.IntegrationTests.Features.Projects;

/// Roles over time, legal representatives and caregivers: one person, many periods.
[Trait("Database", "Any")]
public sealed class PersonRelationsTests(TramaApp app) : IClassFixture<TramaApp>
{
    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly Today => Trama.Web.Infrastructure.ItalianTime.Today(TimeProvider.System);

    private Task<Guid> ProjectAsync(string code) =>
        app.WithDbAsync(db => db.Projects.Where(p => p.Person.PseudonymousCode == code).Select(p => p.Id).SingleAsync());

    [Fact]
    public async Task TheDemo_HasAFormerBeneficiaryWhoIsNowAPeerExpert_AsOnePersonWithTwoPeriods()
    {
        var roles = await app.WithDbAsync(db => db.PersonRoles.Where(r => db.People.Any(p => p.Id == r.PersonId && p.PseudonymousCode == "AMI-0007")).OrderBy(r => r.StartsOn).ToListAsync());

        Assert.Equal([PersonRoleKind.Beneficiary, PersonRoleKind.PeerSupportExpert], roles.Select(r => r.Kind));
        Assert.True(roles[0].EndsOn < roles[1].StartsOn);
    }

    [Fact]
    public async Task ASecondRole_IsAddedAsANewPeriod_AndAnOverlappingOneOfTheSameKindIsRefused()
    {
        var id = await ProjectAsync("AMI-0001");
        using var session = app.NewSession();
        await session.LoginAsync("clinico");
        var page = await session.GetAsync($"/Projects/{id}/Person/Relations");

        var added = await session.SubmitAsync(page, "form[action*=handler\\=Role]", ("RoleForm.Kind", nameof(PersonRoleKind.Volunteer)), ("RoleForm.StartsOn", Day(Today.AddDays(-10))), ("RoleForm.Note", "Laboratorio di falegnameria"));
        Assert.Contains("Laboratorio di falegnameria", added.TextOf("[data-testid=roles]"), StringComparison.Ordinal);

        var refused = await session.SubmitAsync(added, "form[action*=handler\\=Role]", ("RoleForm.Kind", nameof(PersonRoleKind.Volunteer)), ("RoleForm.StartsOn", Day(Today)), ("RoleForm.Note", "Doppione"));
        Assert.Contains(refused.Errors, e => e.Contains("sovrappone", StringComparison.Ordinal));
        Assert.Equal("Doppione", refused.Find("#RoleForm_Note")!.GetAttribute("value"));
        Assert.Equal(1, await app.WithDbAsync(db => db.PersonRoles.CountAsync(r => r.Note == "Laboratorio di falegnameria")));
    }

    [Fact]
    public async Task AnEndBeforeTheStart_IsExplainedNextToTheField()
    {
        var id = await ProjectAsync("AMI-0001");
        using var session = app.NewSession();
        await session.LoginAsync("operatore");
        var page = await session.GetAsync($"/Projects/{id}/Person/Relations");

        var refused = await session.SubmitAsync(page, "form[action*=handler\\=Caregiver]", ("CaregiverForm.Name", "Bruno Galli"), ("CaregiverForm.Relationship", "Vicino di casa"),
            ("CaregiverForm.StartsOn", Day(Today)), ("CaregiverForm.EndsOn", Day(Today.AddDays(-3))));

        Assert.Contains("non può precedere", refused.TextOf("#cg-end-error"), StringComparison.Ordinal);
        Assert.Equal("Bruno Galli", refused.Find("#CaregiverForm_Name")!.GetAttribute("value"));
        Assert.False(await app.WithDbAsync(db => db.Caregivers.AnyAsync(c => c.Name == "Bruno Galli")));
    }

    [Fact]
    public async Task OnlyACurrentLegalRepresentativeWhoseDecreeAllowsIt_SignsTheAgreementForThePerson()
    {
        var id = await app.WithDbAsync(db => db.Projects.Where(p => p.State == ProjectState.Active && p.MentalHealthCentre.Name == "CPS via Cherasco" && !db.LegalRepresentatives.Any(r => r.PersonId == p.PersonId))
            .OrderBy(p => p.Person.PseudonymousCode).Select(p => p.Id).FirstAsync());
        using var cps = app.NewSession();
        await cps.LoginAsync("clinico");
        var versions = await cps.GetAsync($"/Projects/{id}/Agreement/Versions?n=1");
        var refused = await cps.SubmitAsync(versions, "form[data-testid=sign]", ("Signature.Kind", nameof(SignatoryKind.LegalRepresentative)), ("Signature.Name", "Avv. Paola Neri"), ("Signature.SignedOn", Day(Today)));
        Assert.Contains("rappresentante legale in carica", refused.TextOf("#kind-error"), StringComparison.Ordinal);

        var relations = await cps.GetAsync($"/Projects/{id}/Person/Relations");
        var recorded = await cps.SubmitAsync(relations, "form[action*=handler\\=Representative]", ("RepresentativeForm.Kind", nameof(LegalRepresentativeKind.SupportAdministrator)),
            ("RepresentativeForm.Name", "Avv. Paola Neri"), ("RepresentativeForm.CourtDecree", "Tribunale di Milano, decreto 999/2026"), ("RepresentativeForm.StartsOn", Day(Today.AddDays(-30))),
            ("RepresentativeForm.MaySignAgreements", "true"));
        Assert.Contains("Avv. Paola Neri", recorded.TextOf("[data-testid=representatives]"), StringComparison.Ordinal);
        Assert.Contains("Avv. Paola Neri", (await cps.GetAsync($"/Projects/{id}")).TextOf("[data-testid=legal-representative]"), StringComparison.Ordinal);

        versions = await cps.GetAsync($"/Projects/{id}/Agreement/Versions?n=1");
        var signed = await cps.SubmitAsync(versions, "form[data-testid=sign]", ("Signature.Kind", nameof(SignatoryKind.LegalRepresentative)), ("Signature.Name", "Avv. Paola Neri"), ("Signature.SignedOn", Day(Today)));
        Assert.Contains("Avv. Paola Neri", signed.TextOf("[data-testid=signatures]"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EndingACaregiver_KeepsTheHistory_WithTodayAsTheEnd()
    {
        var id = await ProjectAsync("AMI-0001");
        using var session = app.NewSession();
        await session.LoginAsync("clinico");
        var page = await session.GetAsync($"/Projects/{id}/Person/Relations");
        page = await session.SubmitAsync(page, "form[action*=handler\\=Caregiver]", ("CaregiverForm.Name", "Ugo Sala"), ("CaregiverForm.Relationship", "Cugino"), ("CaregiverForm.StartsOn", Day(Today.AddMonths(-2))));

        var ended = await session.SubmitAsync(page, "[data-caregiver='Ugo Sala'] form");

        Assert.Equal(Today, await app.WithDbAsync(db => db.Caregivers.Where(c => c.Name == "Ugo Sala").Select(c => c.EndsOn).SingleAsync()));
        Assert.Contains("Ugo Sala", ended.TextOf("[data-testid=caregivers]"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAssessment_NeedsAtLeastTwoParticipants_AndShowsThemOnceSaved()
    {
        var id = await app.WithDbAsync(db => db.Projects.Where(p => p.State == ProjectState.Assessment && p.MentalHealthCentre.Name == "CPS via Cherasco").Select(p => p.Id).FirstAsync());
        using var cps = app.NewSession();
        await cps.LoginAsync("clinico");
        var page = await cps.GetAsync($"/Projects/{id}");

        var refused = await cps.SubmitAsync(page, "form[action*=handler\\=Assessment]", ("Assessment.Participants[0].Name", "Solo io"), ("Assessment.Wishes", "Vorrei un lavoro."));
        Assert.Contains("almeno due partecipanti", refused.TextOf("#participants-error"), StringComparison.Ordinal);

        await cps.SubmitAsync(refused, "form[action*=handler\\=Assessment]", ("Assessment.Participants[1].Name", "Dott.ssa Elena Marchetti"), ("Assessment.Participants[1].Role", nameof(AssessmentParticipantRole.Psychiatrist)));
        var shown = await cps.GetAsync($"/Projects/{id}");
        Assert.Contains("Dott.ssa Elena Marchetti (Psichiatra", shown.TextOf("[data-testid=participants]"), StringComparison.Ordinal);
    }
}
