using System.Security.Claims;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Trama.Web.Data;
using Trama.Web.Features.Api;
using Trama.Web.Features.People;

namespace Trama.Web.Features.Projects;

/// /api/v1/projects/{id}/person, /team and /consents: the person's record, the care team and the
/// consent statements, changed as the pages change them, through the same ProjectAccess.
public static class PeopleApi
{
    public sealed record TeamRequest(string? UserId, string? Name, CareTeamRole Role);

    public sealed record ConsentRequest(ConsentPurpose Purpose, Guid? OrganisationId, bool Given, DateOnly? StatedOn, string? NoticeVersion);

    public sealed record SignatureRequest(SignatoryKind Kind, string? Name, string? Capacity, DateOnly? SignedOn);

    public sealed record AgreementVersionView(int Number, string? Reason, DateTime FrozenAtUtc, AgreementContent Content, IReadOnlyList<SignatureView> Signatures);

    public sealed record SignatureView(SignatoryKind Kind, string Name, string? Capacity, DateOnly SignedOn, bool AcceptedInApp);

    public static void Map(RouteGroupBuilder projects)
    {
        projects.MapGet("/{id:guid}/agreement/versions", AgreementVersionsAsync).WithSummary("The frozen versions of the care agreement, with their signatures.");
        projects.MapGet("/{id:guid}/agreement/versions/{n:int}/signatures", SignaturesAsync).WithSummary("Who signed one frozen version.");
        projects.MapPost("/{id:guid}/agreement/versions/{n:int}/signatures", SignAsync).WithSummary("Records who signed a frozen version, in which capacity and when.");
        projects.MapGet("/{id:guid}/person", PersonAsync).WithSummary("The person's record, with the version to send back when changing it.");
        projects.MapPut("/{id:guid}/person", ChangePersonAsync).WithSummary("Changes the person's record; 409 when the version is stale.");
        projects.MapGet("/{id:guid}/person/relations", RelationsAsync).WithSummary("The person's roles over time, legal representatives and caregivers.");
        projects.MapPost("/{id:guid}/person/roles", AddRoleAsync).WithSummary("Adds a role for a period; an overlapping period of the same role is refused.");
        projects.MapPost("/{id:guid}/person/legal-representatives", AddRepresentativeAsync).WithSummary("Records a support administrator or guardian, with the decree.");
        projects.MapPost("/{id:guid}/person/caregivers", AddCaregiverAsync).WithSummary("Records a caregiver.");
        projects.MapPost("/{id:guid}/team", AddMemberAsync).WithSummary("Adds a member to the care team: a user of a partner organisation, or a named person without a login.");
        projects.MapPost("/{id:guid}/consents", AddConsentAsync).WithSummary("Records a consent given or withdrawn; withdrawal takes effect at once.");
    }

    private static async Task<IResult> PersonAsync(Guid id, ClaimsPrincipal user, ProjectAccess access, IStringLocalizer<SharedResource> l)
    {
        var (grant, refusal) = await ProjectsApi.WorkAsync(id, user, access, l);
        return grant is null ? refusal! : TypedResults.Ok(PersonModel.InputOf(grant.Project.Person));
    }

    private static async Task<IResult> ChangePersonAsync(Guid id, PersonModel.PersonInput input, ClaimsPrincipal user, ProjectAccess access, AppDbContext db, IStringLocalizer<SharedResource> l)
    {
        var (grant, refusal) = await ProjectsApi.WorkAsync(id, user, access, l);
        if (grant is null)
        {
            return refusal!;
        }

        var person = grant.Project.Person;
        if (input.Version != person.Version)
        {
            return TypedResults.Problem(title: l["Projects.Conflict"], statusCode: StatusCodes.Status409Conflict);
        }

        var state = new ModelStateDictionary();
        ApiValidation.Annotate(input, "Input", state, l);
        var fiscal = input.Check(state, "Input", l, access.Today);
        if (fiscal is not null && await db.People.AnyAsync(p => p.FiscalCode == fiscal && p.Id != person.Id))
        {
            state.AddModelError("Input.FiscalCode", l["People.FiscalCode.Taken"]);
        }

        if (!state.IsValid)
        {
            return TypedResults.ValidationProblem(ApiValidation.Problems(state, "Input"), title: l["Validation.CheckFields"]);
        }

        input.ApplyTo(person, fiscal);
        person.Version = Guid.NewGuid();
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            return TypedResults.Problem(title: l["Projects.Conflict"], statusCode: StatusCodes.Status409Conflict);
        }

        return TypedResults.Ok(PersonModel.InputOf(person));
    }

    private static async Task<IResult> AddMemberAsync(Guid id, TeamRequest request, ClaimsPrincipal user, ProjectAccess access, AppDbContext db, IStringLocalizer<SharedResource> l)
    {
        var (grant, refusal) = await ProjectsApi.WorkAsync(id, user, access, l);
        if (grant is null)
        {
            return refusal!;
        }

        var errors = new Dictionary<string, string[]>();
        var hasUser = !string.IsNullOrEmpty(request.UserId);
        var hasName = !string.IsNullOrWhiteSpace(request.Name);
        var today = access.Today;
        var programmeId = grant.Project.ProgrammeId;
        if (hasUser == hasName)
        {
            errors["userId"] = [l["Projects.Team.UserOrName"]];
        }
        else if (hasUser && !await db.OrganisationMemberships.AnyAsync(m => m.UserId == request.UserId && m.User.IsActive
            && m.StartsOn <= today && (m.EndsOn == null || m.EndsOn >= today) && m.Organisation.Programmes.Any(pp => pp.ProgrammeId == programmeId)))
        {
            errors["userId"] = [l["Validation.ValueInvalidHere"]];
        }

        if (request.Name?.Length > 200)
        {
            errors["name"] = [l["Validation.MaxLength", l["Projects.Team.Name"], 200]];
        }

        if (!Enum.IsDefined(request.Role))
        {
            errors["role"] = [l["Validation.ValueInvalidHere"]];
        }

        if (!ProjectLifecycle.IsOpen(grant.Project.State))
        {
            errors["state"] = [l["Project.Transition.NotAllowed"]];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: l["Validation.CheckFields"]);
        }

        var member = new CareTeamMember { ProjectId = id, UserId = hasUser ? request.UserId : null, Name = hasName ? request.Name!.Trim() : null, Role = request.Role, StartsOn = today };
        db.CareTeamMembers.Add(member);
        grant.Project.Touch();
        await db.SaveChangesAsync();
        return TypedResults.Created($"/api/v1/projects/{id}/team/{member.Id}", new { member.Id, member.UserId, member.Name, member.Role, member.StartsOn });
    }

    private static async Task<IResult> AddConsentAsync(Guid id, ConsentRequest request, ClaimsPrincipal user, ProjectAccess access, AppDbContext db, IStringLocalizer<SharedResource> l)
    {
        var (grant, refusal) = await ProjectsApi.WorkAsync(id, user, access, l);
        if (grant is null)
        {
            return refusal!;
        }

        var errors = new Dictionary<string, string[]>();
        if (!Enum.IsDefined(request.Purpose))
        {
            errors["purpose"] = [l["Validation.ValueInvalidHere"]];
        }

        if (request.StatedOn is not { } on)
        {
            errors["statedOn"] = [l["Validation.Required", l["Consents.StatedOn"]]];
        }
        else if (on > access.Today || on < grant.Project.ReferredOn.AddYears(-5))
        {
            errors["statedOn"] = [l["Consents.DateRange"]];
        }

        var programmeId = grant.Project.ProgrammeId;
        if (request.OrganisationId is { } org && !await db.ProgrammePartners.AnyAsync(pp => pp.ProgrammeId == programmeId && pp.OrganisationId == org))
        {
            errors["organisationId"] = [l["Validation.ValueInvalidHere"]];
        }

        var notice = string.IsNullOrWhiteSpace(request.NoticeVersion) ? Consent.DefaultNotice : request.NoticeVersion.Trim();
        if (notice.Length > 100)
        {
            errors["noticeVersion"] = [l["Validation.MaxLength", l["Consents.NoticeVersion"], 100]];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: l["Validation.CheckFields"]);
        }

        var consent = new Consent
        {
            PersonId = grant.Project.PersonId,
            Purpose = request.Purpose,
            OrganisationId = request.OrganisationId,
            Given = request.Given,
            StatedOn = request.StatedOn!.Value,
            NoticeVersion = notice,
            RecordedByUserId = grant.Viewer.UserId,
            RecordedAtUtc = access.NowUtc,
        };
        db.Consents.Add(consent);
        await db.SaveChangesAsync();
        return TypedResults.Created($"/api/v1/projects/{id}/consents/{consent.Id}", new PlanApi.ConsentView(consent.Id, consent.Purpose, null, consent.Given, consent.StatedOn, consent.NoticeVersion, null));
    }

    private static async Task<IResult> AgreementVersionsAsync(Guid id, ClaimsPrincipal user, ProjectAccess access, AppDbContext db, IStringLocalizer<SharedResource> l)
    {
        var (grant, refusal) = await ProjectsApi.ReadAsync(id, user, access, l);
        if (grant is null)
        {
            return refusal!;
        }

        var versions = await db.AgreementVersions.AsNoTracking().Include(v => v.Signatures).Where(v => v.ProjectId == id).OrderBy(v => v.Number).ToListAsync();
        return TypedResults.Ok(versions.Select(v => new AgreementVersionView(v.Number, v.Reason, v.FrozenAtUtc, v.Read(),
            v.Signatures.OrderBy(x => x.SignedOn).Select(x => new SignatureView(x.Kind, x.Name, x.Capacity, x.SignedOn, x.AcceptedInApp)).ToList())).ToList());
    }

    private static async Task<IResult> SignaturesAsync(Guid id, int n, ClaimsPrincipal user, ProjectAccess access, AppDbContext db, IStringLocalizer<SharedResource> l)
    {
        var (grant, refusal) = await ProjectsApi.ReadAsync(id, user, access, l);
        if (grant is null)
        {
            return refusal!;
        }

        var version = await db.AgreementVersions.AsNoTracking().Include(v => v.Signatures).SingleOrDefaultAsync(v => v.ProjectId == id && v.Number == n);
        return version is null ? ProjectsApi.NotFound(l)
            : TypedResults.Ok(version.Signatures.OrderBy(x => x.SignedOn).Select(x => new SignatureView(x.Kind, x.Name, x.Capacity, x.SignedOn, x.AcceptedInApp)).ToList());
    }

    private static async Task<IResult> SignAsync(Guid id, int n, SignatureRequest request, ClaimsPrincipal user, ProjectAccess access, AppDbContext db, IStringLocalizer<SharedResource> l)
    {
        var (grant, refusal) = await ProjectsApi.WorkAsync(id, user, access, l);
        if (grant is null)
        {
            return refusal!;
        }

        var version = await db.AgreementVersions.SingleOrDefaultAsync(v => v.ProjectId == id && v.Number == n);
        if (version is null)
        {
            return ProjectsApi.NotFound(l);
        }

        var errors = (await AgreementSigning.CheckAsync(db, grant.Project.PersonId, version, request.Kind, request.SignedOn, access.Today, l))
            .ToDictionary(e => char.ToLowerInvariant(e.Key[0]) + e.Key[1..], e => new[] { e.Value });
        if (request.SignedOn is null)
        {
            errors["signedOn"] = [l["Validation.Required", l["Projects.Agreement.SignedOn"]]];
        }

        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > 200)
        {
            errors["name"] = [string.IsNullOrWhiteSpace(request.Name) ? l["Validation.Required", l["Projects.Agreement.SignatoryName"]] : l["Validation.MaxLength", l["Projects.Agreement.SignatoryName"], 200]];
        }

        if (request.Capacity?.Length > 200)
        {
            errors["capacity"] = [l["Validation.MaxLength", l["Projects.Agreement.Capacity"], 200]];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: l["Validation.CheckFields"]);
        }

        var signature = new AgreementSignature
        {
            AgreementVersionId = version.Id,
            ProjectId = id,
            Kind = request.Kind,
            Name = request.Name!.Trim(),
            Capacity = string.IsNullOrWhiteSpace(request.Capacity) ? null : request.Capacity.Trim(),
            SignedOn = request.SignedOn!.Value,
            RecordedByUserId = grant.Viewer.UserId,
            RecordedAtUtc = access.NowUtc,
        };
        db.AgreementSignatures.Add(signature);
        await db.SaveChangesAsync();
        return TypedResults.Created($"/api/v1/projects/{id}/agreement/versions/{n}", new SignatureView(signature.Kind, signature.Name, signature.Capacity, signature.SignedOn, false));
    }

    private static async Task<IResult> RelationsAsync(Guid id, ClaimsPrincipal user, ProjectAccess access, AppDbContext db, IStringLocalizer<SharedResource> l)
    {
        var (grant, refusal) = await ProjectsApi.WorkAsync(id, user, access, l);
        if (grant is null)
        {
            return refusal!;
        }

        var personId = grant.Project.PersonId;
        return TypedResults.Ok(new
        {
            Roles = await db.PersonRoles.AsNoTracking().Where(r => r.PersonId == personId).OrderBy(r => r.StartsOn).ToListAsync(),
            LegalRepresentatives = await db.LegalRepresentatives.AsNoTracking().Where(r => r.PersonId == personId).OrderBy(r => r.StartsOn).ToListAsync(),
            Caregivers = await db.Caregivers.AsNoTracking().Where(r => r.PersonId == personId).OrderBy(r => r.StartsOn).ToListAsync(),
        });
    }

    private static async Task<IResult> AddRoleAsync(Guid id, PersonRelationsModel.RoleInput input, ClaimsPrincipal user, ProjectAccess access, AppDbContext db, IStringLocalizer<SharedResource> l)
    {
        var (grant, refusal) = await ProjectsApi.WorkAsync(id, user, access, l);
        if (grant is null)
        {
            return refusal!;
        }

        var state = new ModelStateDictionary();
        ApiValidation.Annotate(input, "Input", state, l);
        var personId = grant.Project.PersonId;
        var existing = await db.PersonRoles.AsNoTracking().Where(r => r.PersonId == personId).ToListAsync();
        PersonRelationsModel.CheckRole(state, "Input", input, existing, access.Today, grant.Project.Person.BirthDate, l);
        return await SaveAsync(db, state, l, () => db.PersonRoles.Add(input.ToRole(personId)).Entity);
    }

    private static async Task<IResult> AddRepresentativeAsync(Guid id, PersonRelationsModel.RepresentativeInput input, ClaimsPrincipal user, ProjectAccess access, AppDbContext db, IStringLocalizer<SharedResource> l)
    {
        var (grant, refusal) = await ProjectsApi.WorkAsync(id, user, access, l);
        if (grant is null)
        {
            return refusal!;
        }

        var state = new ModelStateDictionary();
        ApiValidation.Annotate(input, "Input", state, l);
        PersonRelationsModel.CheckPeriod(state, "Input", input, access.Today, grant.Project.Person.BirthDate, l);
        return await SaveAsync(db, state, l, () => db.LegalRepresentatives.Add(input.ToRepresentative(grant.Project.PersonId)).Entity);
    }

    private static async Task<IResult> AddCaregiverAsync(Guid id, PersonRelationsModel.CaregiverInput input, ClaimsPrincipal user, ProjectAccess access, AppDbContext db, IStringLocalizer<SharedResource> l)
    {
        var (grant, refusal) = await ProjectsApi.WorkAsync(id, user, access, l);
        if (grant is null)
        {
            return refusal!;
        }

        var state = new ModelStateDictionary();
        ApiValidation.Annotate(input, "Input", state, l);
        PersonRelationsModel.CheckPeriod(state, "Input", input, access.Today, grant.Project.Person.BirthDate, l);
        return await SaveAsync(db, state, l, () => db.Caregivers.Add(input.ToCaregiver(grant.Project.PersonId)).Entity);
    }

    private static async Task<IResult> SaveAsync<T>(AppDbContext db, ModelStateDictionary state, IStringLocalizer<SharedResource> l, Func<T> add)
        where T : class
    {
        if (!state.IsValid)
        {
            return TypedResults.ValidationProblem(ApiValidation.Problems(state, "Input"), title: l["Validation.CheckFields"]);
        }

        var entity = add();
        await db.SaveChangesAsync();
        return TypedResults.Ok(entity);
    }
}
