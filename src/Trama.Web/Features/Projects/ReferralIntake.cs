using System.Security.Claims;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Trama.Web.Data;
using Trama.Web.Features.Account;
using Trama.Web.Features.Organisations;
using Trama.Web.Features.People;
using Trama.Web.Features.Programmes;

namespace Trama.Web.Features.Projects;

/// Takes a referral in, from the page or the API: checks it, finds a person already registered
/// (then the referrer must confirm), and creates the project with the referrer on its team, the
/// consents the person gave and the beneficiary role, in one save.
public sealed class ReferralIntake(AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    /// The project when taken in; otherwise the errors are in <paramref name="state"/> and, when the
    /// person seems registered already, their pseudonymous code is returned.
    /// <paramref name="alongside"/> changes what must be saved with the project in the same
    /// transaction (the network referral that opened it).
    public async Task<(HealthBudgetProject? Project, string? ExistingCode)> TakeAsync(ReferModel.ReferralInput input, ProgrammeSummary programme, ClaimsPrincipal user, ModelStateDictionary state, string prefix, Action<HealthBudgetProject>? alongside = null)
    {
        string Key(string field) => prefix.Length == 0 ? field : $"{prefix}.{field}";
        var now = clock.GetUtcNow().UtcDateTime;
        var today = Infrastructure.ItalianTime.DateOf(now);
        if (input.ReferredOn > today)
        {
            state.AddModelError(Key(nameof(input.ReferredOn)), l["Validation.NotInFuture", l["Projects.ReferredOn"]]);
        }

        var fiscalCode = input.Check(state, prefix, l, today);
        var centre = await db.Organisations.AsNoTracking()
            .Where(o => o.Id == input.MentalHealthCentreId && o.Kind == OrganisationKind.MentalHealthCentre && o.Programmes.Any(pp => pp.ProgrammeId == programme.Id))
            .Select(o => (Guid?)o.Id).SingleOrDefaultAsync();
        if (centre is null)
        {
            state.Remove(Key(nameof(input.MentalHealthCentreId)));
            state.AddModelError(Key(nameof(input.MentalHealthCentreId)), l["Validation.Required", l["Projects.Centre"]]);
        }

        if (!state.IsValid)
        {
            return (null, null);
        }

        var normalised = Person.Normalise(input.FamilyName, input.GivenName);
        var existing = await db.People
            .Where(p => (fiscalCode != null && p.FiscalCode == fiscalCode) || (p.NormalisedName == normalised && input.BirthDate != null && p.BirthDate == input.BirthDate))
            .FirstOrDefaultAsync();
        if (existing is not null && !input.UseExistingPerson)
        {
            state.AddModelError(string.Empty, l["Projects.Refer.Duplicate", existing.PseudonymousCode]);
            return (null, existing.PseudonymousCode);
        }

        var person = existing ?? new Person
        {
            PseudonymousCode = await NextCodeAsync(programme),
            GivenName = input.GivenName.Trim(),
            FamilyName = input.FamilyName.Trim(),
            NormalisedName = normalised,
            BirthDate = input.BirthDate,
            Sex = input.Sex,
            FiscalCode = fiscalCode,
            Phone = input.Phone?.Trim(),
            ProgrammeId = programme.Id,
        };
        var viewer = Viewer.Of(user);
        var project = new HealthBudgetProject
        {
            ProgrammeId = programme.Id,
            Person = person,
            MentalHealthCentreId = centre!.Value,
            ReferredOn = input.ReferredOn,
            ReferralSource = input.ReferralSource.Trim(),
            ReferralReason = input.ReferralReason.Trim(),
            Urgency = input.Urgency,
            CreatedAtUtc = now,
        };
        project.Team.Add(new CareTeamMember { UserId = viewer.UserId, Role = RoleOnTeam(user), StartsOn = today });
        db.Projects.Add(project);
        if (input.SharingConsent)
        {
            foreach (var purpose in new[] { ConsentPurpose.Dossier, ConsentPurpose.SharingWithPartners })
            {
                db.Consents.Add(new Consent
                {
                    PersonId = person.Id,
                    Purpose = purpose,
                    Given = true,
                    StatedOn = input.ReferredOn,
                    NoticeVersion = Consent.DefaultNotice,
                    RecordedByUserId = viewer.UserId,
                    RecordedAtUtc = now,
                });
            }
        }

        var alreadyBeneficiary = existing is not null && await db.PersonRoles.AnyAsync(r =>
            r.PersonId == existing.Id && r.Kind == PersonRoleKind.Beneficiary && r.StartsOn <= input.ReferredOn && (r.EndsOn == null || r.EndsOn >= input.ReferredOn));
        if (!alreadyBeneficiary)
        {
            db.PersonRoles.Add(new PersonRole { PersonId = person.Id, Kind = PersonRoleKind.Beneficiary, StartsOn = input.ReferredOn });
        }

        alongside?.Invoke(project);
        await db.SaveChangesAsync();
        return (project, null);
    }

    private static CareTeamRole RoleOnTeam(ClaimsPrincipal user) =>
        user.IsInRole(Roles.Clinician) ? CareTeamRole.CpsReferent
        : user.IsInRole(Roles.SocialWorker) ? CareTeamRole.SocialWorker
        : user.IsInRole(Roles.KeyWorker) ? CareTeamRole.KeyWorker
        : CareTeamRole.PeerSupportExpert;

    private async Task<string> NextCodeAsync(ProgrammeSummary programme)
    {
        var prefix = programme.Code.Length >= 3 ? programme.Code[..3] : programme.Code;
        var codes = await db.People.Where(p => p.PseudonymousCode.StartsWith(prefix + "-")).Select(p => p.PseudonymousCode).ToListAsync();
        var next = codes.Select(c => int.TryParse(c.AsSpan(prefix.Length + 1), out var n) ? n : 0).DefaultIfEmpty(0).Max() + 1;
        return $"{prefix}-{next:0000}";
    }
}
