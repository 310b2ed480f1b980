using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Trama.Web.Data;
using Trama.Web.Features.Audit;
using Trama.Web.Features.Budget;
using Trama.Web.Features.People;
using Trama.Web.Features.Programmes;

namespace Trama.Web.Features.Projects;

/// /api/v1/projects: what the project pages do, as JSON, through the same ProjectAccess.
public static class ProjectsApi
{
    public sealed record ProjectRow(Guid Id, string Code, string FamilyName, string GivenName, string Centre, ProjectState State, Intensity? Intensity, DateOnly ReferredOn, DateOnly? NextReviewDue);

    public sealed record ProjectList(IReadOnlyList<ProjectRow> Items, int Page, int PageSize, int Total);

    public sealed record ProjectView(
        Guid Id, string Code, string FamilyName, string GivenName, string Centre, string Programme, ProjectState State, Intensity? Intensity,
        DateOnly ReferredOn, DateOnly? StartedOn, DateOnly? ClosedOn, DateOnly? NextReviewDue, Guid Version, bool CanWork, IReadOnlyList<ProjectAction> Actions);

    public sealed record DiaryEntryView(Guid Id, DateOnly OccurredOn, DiaryEntryType Type, int DurationMinutes, string Author, Sensitivity Sensitivity, string Notes);

    public sealed record NewDiaryEntry(DateOnly? OccurredOn, DiaryEntryType Type, int DurationMinutes, string? Notes, Sensitivity Sensitivity, Guid? LifeAreaId);

    public sealed record BudgetView(decimal Planned, decimal Committed, decimal Spent, BudgetAlert Alert, IReadOnlyList<BudgetCellView> Cells);

    public sealed record BudgetCellView(Guid LifeAreaId, FundingSource Source, decimal Planned, decimal Committed, decimal Spent, decimal Variance, BudgetAlert Alert);

    public sealed record TransitionView(DateTime AtUtc, ProjectAction Action, ProjectState From, ProjectState To, string? Reason);

    public sealed record TransitionRequest(ProjectAction Action, string? Reason, ClosureReason? Closure, Guid Version);

    public static void Map(RouteGroupBuilder api)
    {
        var projects = api.MapGroup("/projects").WithTags("Projects");
        projects.MapGet("/", ListAsync).WithSummary("The projects the caller may see in the current programme, filtered and paged.");
        projects.MapPost("/", ReferAsync).WithSummary("A referral: the person, why, from whom, to which CPS; 409 with the existing code when the person seems registered (send useExistingPerson to confirm).");
        projects.MapGet("/{id:guid}", GetAsync).WithSummary("One project; 404 when out of the caller's scope.");
        projects.MapGet("/{id:guid}/diary", DiaryAsync).WithSummary("The diary entries the caller may read, newest first.");
        projects.MapPost("/{id:guid}/diary", AddDiaryAsync).WithSummary("Logs an encounter or intervention.");
        projects.MapGet("/{id:guid}/budget", BudgetAsync).WithSummary("Planned, committed and spent per life area and source.");
        projects.MapGet("/{id:guid}/transitions", TimelineAsync).WithSummary("The project's timeline.");
        projects.MapPost("/{id:guid}/transitions", TransitionAsync).WithSummary("Moves the project along its lifecycle; 409 when the version is stale.");
        PlanApi.Map(projects);
        PeopleApi.Map(projects);
        DocumentsApi.Map(projects);
    }

    internal static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult NotFound(IStringLocalizer<SharedResource> l) =>
        TypedResults.Problem(title: l["Error.NotFound.Title"], statusCode: StatusCodes.Status404NotFound);

    internal static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult Forbidden(IStringLocalizer<SharedResource> l) =>
        TypedResults.Problem(title: l["Error.Forbidden.Title"], statusCode: StatusCodes.Status403Forbidden);

    /// A project the caller may read in full (404 out of scope, 403 for the assignment view).
    internal static async Task<(ProjectAccess.Grant? Grant, IResult? Refusal)> ReadAsync(Guid id, ClaimsPrincipal user, ProjectAccess access, IStringLocalizer<SharedResource> l)
    {
        var grant = await access.FindAsync(user, id);
        return grant is null ? (null, NotFound(l))
            : grant.IsLimited ? (null, Forbidden(l))
            : (grant, null);
    }

    /// A project the caller may work on (404 out of scope, 403 when they may only read).
    internal static async Task<(ProjectAccess.Grant? Grant, IResult? Refusal)> WorkAsync(Guid id, ClaimsPrincipal user, ProjectAccess access, IStringLocalizer<SharedResource> l)
    {
        var (grant, refusal) = await access.ForWorkAsync(user, id);
        return grant is not null ? (grant, null)
            : (null, refusal is Microsoft.AspNetCore.Mvc.NotFoundResult ? NotFound(l) : Forbidden(l));
    }

    private static async Task<IResult> ListAsync(ClaimsPrincipal user, AppDbContext db, ProgrammeContext programmes, AuditTrail audit, TimeProvider clock,
        string? q, ProjectState? state, int? page)
    {
        const int PageSize = 25;
        var today = Infrastructure.ItalianTime.Today(clock);
        var programme = await programmes.CurrentAsync();
        var viewer = Viewer.Of(user);
        IQueryable<HealthBudgetProject> Filtered(IQueryable<HealthBudgetProject> query)
        {
            query = query.Where(p => programme != null && p.ProgrammeId == programme.Id).Matching(q);
            return state is { } s ? query.Where(p => p.State == s) : query;
        }

        var listed = await ProjectListing.PageAsync(db, audit, viewer, today, Filtered, sort: null, page ?? 1, PageSize);
        var rows = listed.Rows.Select(r => new ProjectRow(r.Id, r.Code, r.FamilyName, r.GivenName, r.Centre, r.State, r.Intensity, r.ReferredOn, r.NextReviewDue)).ToList();
        return TypedResults.Ok(new ProjectList(rows, listed.Number, PageSize, listed.Total));
    }

    private static async Task<IResult> ReferAsync(ReferModel.ReferralInput input, ClaimsPrincipal user, ProgrammeContext programmes, ReferralIntake intake, IStringLocalizer<SharedResource> l)
    {
        if (!Viewer.IsCareStaff(user))
        {
            return Forbidden(l);
        }

        var programme = await programmes.CurrentAsync();
        if (programme is null)
        {
            return NotFound(l);
        }

        var state = new Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary();
        Api.ApiValidation.Annotate(input, "Input", state, l);
        var (project, existingCode) = await intake.TakeAsync(input, programme, user, state, "Input");
        if (existingCode is not null)
        {
            return TypedResults.Problem(title: l["Projects.Refer.Duplicate", existingCode], statusCode: StatusCodes.Status409Conflict,
                extensions: new Dictionary<string, object?> { ["existingCode"] = existingCode });
        }

        if (project is null)
        {
            return TypedResults.ValidationProblem(Api.ApiValidation.Problems(state, "Input"), title: l["Validation.CheckFields"]);
        }

        return TypedResults.Created($"/api/v1/projects/{project.Id}", new { project.Id, Code = project.Person.PseudonymousCode, project.State, project.Version });
    }

    private static async Task<IResult> GetAsync(Guid id, ClaimsPrincipal user, ProjectAccess access, IStringLocalizer<SharedResource> l)
    {
        var grant = await access.FindAsync(user, id, q => q.Include(p => p.MentalHealthCentre).Include(p => p.Programme));
        if (grant is null)
        {
            return NotFound(l);
        }

        if (grant.IsLimited)
        {
            return Forbidden(l);
        }

        var p = grant.Project;
        return TypedResults.Ok(new ProjectView(p.Id, p.Person.PseudonymousCode, p.Person.FamilyName, p.Person.GivenName, p.MentalHealthCentre.Name, p.Programme.Name,
            p.State, p.Intensity, p.ReferredOn, p.StartedOn, p.ClosedOn, p.NextReviewDue, p.Version, grant.CanWork,
            ProjectLifecycle.From(p.State).Where(grant.MayTake).Select(t => t.Action).ToList()));
    }

    private static async Task<IResult> DiaryAsync(Guid id, ClaimsPrincipal user, ProjectAccess access, AppDbContext db, IStringLocalizer<SharedResource> l)
    {
        var grant = await access.FindAsync(user, id);
        if (grant is null)
        {
            return NotFound(l);
        }

        var entries = await db.DiaryEntries.AsNoTracking().Where(d => d.ProjectId == id).ReadableBy(db, grant.Viewer, access.Today, ownOnly: grant.IsLimited)
            .OrderByDescending(d => d.OccurredOn).ThenByDescending(d => d.CreatedAtUtc).Take(200)
            .Select(d => new DiaryEntryView(d.Id, d.OccurredOn, d.Type, d.DurationMinutes, d.Author.DisplayName, d.Sensitivity, d.Notes))
            .ToListAsync();
        return TypedResults.Ok(entries);
    }

    private static async Task<IResult> AddDiaryAsync(Guid id, NewDiaryEntry entry, ClaimsPrincipal user, ProjectAccess access, AppDbContext db, IStringLocalizer<SharedResource> l)
    {
        var (grant, refusal) = await access.ForWorkAsync(user, id, diaryOnly: true);
        if (grant is null)
        {
            return refusal is Microsoft.AspNetCore.Mvc.NotFoundResult ? NotFound(l) : Forbidden(l);
        }

        var errors = new Dictionary<string, string[]>();
        if (entry.OccurredOn is not { } on)
        {
            errors["occurredOn"] = [l["Validation.Required", l["Projects.Diary.Date"]]];
        }
        else if (on < grant.Project.ReferredOn || on > access.Today)
        {
            errors["occurredOn"] = [l["Projects.Diary.DateRange"]];
        }

        if (entry.DurationMinutes is < 1 or > 1440)
        {
            errors["durationMinutes"] = [l["Validation.Range", l["Projects.Diary.Duration"], 1, 1440]];
        }

        if (string.IsNullOrWhiteSpace(entry.Notes))
        {
            errors["notes"] = [l["Validation.Required", l["Projects.Diary.Notes"]]];
        }
        else if (entry.Notes.Length > 4000)
        {
            errors["notes"] = [l["Validation.MaxLength", l["Projects.Diary.Notes"], 4000]];
        }

        if (!Enum.IsDefined(entry.Type))
        {
            errors["type"] = [l["Validation.ValueInvalidHere"]];
        }

        if (!Enum.IsDefined(entry.Sensitivity))
        {
            errors["sensitivity"] = [l["Validation.ValueInvalidHere"]];
        }

        if (entry.LifeAreaId is { } area && !await db.LifeAreas.AnyAsync(a => a.Id == area && a.ProgrammeId == grant.Project.ProgrammeId))
        {
            errors["lifeAreaId"] = [l["Validation.ValueInvalidHere"]];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: l["Validation.CheckFields"]);
        }

        var saved = new DiaryEntry
        {
            ProjectId = id,
            Type = entry.Type,
            OccurredOn = entry.OccurredOn!.Value,
            DurationMinutes = entry.DurationMinutes,
            LifeAreaId = entry.LifeAreaId,
            Notes = entry.Notes!.Trim(),
            Sensitivity = entry.Sensitivity,
            AuthorUserId = grant.Viewer.UserId,
            CreatedAtUtc = access.NowUtc,
        };
        db.DiaryEntries.Add(saved);
        await db.SaveChangesAsync();
        var author = user.FindFirstValue(Account.TramaClaims.DisplayName) ?? string.Empty;
        return TypedResults.Created($"/api/v1/projects/{id}/diary/{saved.Id}",
            new DiaryEntryView(saved.Id, saved.OccurredOn, saved.Type, saved.DurationMinutes, author, saved.Sensitivity, saved.Notes));
    }

    private static async Task<IResult> BudgetAsync(Guid id, ClaimsPrincipal user, ProjectAccess access, AppDbContext db, IStringLocalizer<SharedResource> l)
    {
        var (grant, refusal) = await ReadAsync(id, user, access, l);
        if (grant is null)
        {
            return refusal!;
        }

        var lines = await db.BudgetLines.AsNoTracking().Where(b => b.ProjectId == id).Select(b => new { b.LifeAreaId, b.Source, b.PlannedCents, b.CommittedCents }).ToListAsync();
        var spent = await db.LedgerEntries.AsNoTracking().Where(e => e.ProjectId == id).Select(e => new { e.LifeAreaId, e.Source, e.AmountCents }).ToListAsync();
        var summary = BudgetSummary.Compute(lines.Select(b => (b.LifeAreaId, b.Source, b.PlannedCents, b.CommittedCents)), spent.Select(e => (e.LifeAreaId, e.Source, e.AmountCents)));
        static decimal E(long cents) => cents / 100m;
        return TypedResults.Ok(new BudgetView(E(summary.PlannedCents), E(summary.CommittedCents), E(summary.SpentCents), summary.Alert,
            summary.Cells.Select(c => new BudgetCellView(c.LifeAreaId, c.Source, E(c.PlannedCents), E(c.CommittedCents), E(c.SpentCents), E(c.VarianceCents), c.Alert)).ToList()));
    }

    private static async Task<IResult> TimelineAsync(Guid id, ClaimsPrincipal user, ProjectAccess access, AppDbContext db, IStringLocalizer<SharedResource> l)
    {
        var (grant, refusal) = await ReadAsync(id, user, access, l);
        if (grant is null)
        {
            return refusal!;
        }

        return TypedResults.Ok(await db.ProjectTransitions.AsNoTracking().Where(t => t.ProjectId == id).OrderBy(t => t.AtUtc)
            .Select(t => new TransitionView(t.AtUtc, t.Action, t.From, t.To, t.Reason)).ToListAsync());
    }

    private static async Task<IResult> TransitionAsync(Guid id, TransitionRequest request, ClaimsPrincipal user, ProjectAccess access, AppDbContext db, IStringLocalizer<SharedResource> l)
    {
        var grant = await access.FindAsync(user, id, q => q.Include(p => p.Goals));
        if (grant is null)
        {
            return NotFound(l);
        }

        if (!grant.CanWork)
        {
            return Forbidden(l);
        }

        if (grant.Project.Version != request.Version)
        {
            return TypedResults.Problem(title: l["Projects.Conflict"], statusCode: StatusCodes.Status409Conflict);
        }

        var transition = ProjectLifecycle.Find(grant.Project.State, request.Action);
        if (transition is not null && !grant.MayTake(transition))
        {
            return Forbidden(l);
        }

        var refused = await access.TakeAsync(grant, request.Action, request.Reason, request.Closure, l);
        if (refused is not null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["action"] = [l[refused]] }, title: l["Validation.CheckFields"]);
        }

        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            return TypedResults.Problem(title: l["Projects.Conflict"], statusCode: StatusCodes.Status409Conflict);
        }

        return TypedResults.Ok(new { grant.Project.State, grant.Project.Version });
    }
}
