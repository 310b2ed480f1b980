using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Trama.Web.Data;
using Trama.Web.Features.Budget;
using Trama.Web.Features.Projects.Goals;

namespace Trama.Web.Features.Projects;

/// /api/v1/projects/{id}/goals, /reviews and /ledger: the plan, its reviews and the spending, as
/// the project pages show and change them, through the same ProjectAccess.
public static class PlanApi
{
    public sealed record GoalView(Guid Id, Guid LifeAreaId, string LifeArea, string Title, int Weight, string MuchLess, string Less, string Expected, string More, string MuchMore, Guid Version);

    public sealed record GoalRequest(Guid LifeAreaId, string? Title, int Weight, string? MuchLess, string? Less, string? Expected, string? More, string? MuchMore, Guid Version);

    public sealed record ReviewView(Guid Id, DateOnly HeldOn, ReviewDecision Decision, double? TScore, string Narrative, IReadOnlyList<RatingView> Ratings);

    public sealed record RatingView(Guid GoalId, int Level);

    public sealed record ReviewRequest(DateOnly? HeldOn, string? Narrative, ReviewDecision Decision, Dictionary<Guid, int>? Ratings);

    public sealed record CrisisPlanView(string? Signs, string? WhatHelps, string? WhoToCall, DateOnly? UpdatedOn, Guid Version);

    public sealed record CrisisPlanRequest(string? Signs, string? WhatHelps, string? WhoToCall, Guid Version);

    public sealed record TeamMemberView(Guid Id, string Name, CareTeamRole Role, DateOnly StartsOn, DateOnly? EndsOn);

    public sealed record ConsentView(Guid Id, People.ConsentPurpose Purpose, string? Organisation, bool Given, DateOnly StatedOn, string NoticeVersion, string? Document);

    public sealed record BudgetLineRequest(Guid LifeAreaId, FundingSource Source, BudgetNature Nature, DateOnly? PeriodStart, DateOnly? PeriodEnd, decimal Planned, decimal Committed);

    public sealed record AssessmentRequest(DateOnly? HeldOn, string? Strengths, string? Wishes, List<DetailsModel.ParticipantInput>? Participants, Guid Version);

    public sealed record IntensityRequest(Intensity Intensity, Guid Version);

    public sealed record LedgerView(Guid Id, DateOnly SpentOn, decimal Amount, FundingSource Source, Guid LifeAreaId, string Supplier, string Description, ReceiptView? Receipt);

    public sealed record ReceiptView(string FileName, bool Obscured);

    public sealed record LedgerRequest(DateOnly? SpentOn, decimal Amount, FundingSource Source, Guid LifeAreaId, string? Supplier, string? Description);

    public static void Map(RouteGroupBuilder projects)
    {
        projects.MapGet("/{id:guid}/goals", GoalsAsync).WithSummary("The plan's goals with their GAS levels.");
        projects.MapPost("/{id:guid}/goals", AddGoalAsync).WithSummary("Adds a goal written with the person.");
        projects.MapGet("/{id:guid}/goals/{goalId:guid}", GoalAsync).WithSummary("One goal, with the version to send back when changing it.");
        projects.MapPut("/{id:guid}/goals/{goalId:guid}", ChangeGoalAsync).WithSummary("Changes a goal; 409 when the version is stale.");
        projects.MapGet("/{id:guid}/reviews", ReviewsAsync).WithSummary("The reviews, oldest first, with GAS ratings and T-score.");
        projects.MapPost("/{id:guid}/reviews", AddReviewAsync).WithSummary("Records a review while the project is under review: every goal rated −2…+2; the CPS's decision applies at once.");
        projects.MapPut("/{id:guid}/assessment", AssessAsync).WithSummary("Records the UVM meeting (CPS only, during the assessment): date, participants, strengths, the person's wishes.");
        projects.MapPut("/{id:guid}/intensity", SetIntensityAsync).WithSummary("Sets the intensity of support (CPS only, while the plan is designed or reviewed).");
        projects.MapGet("/{id:guid}/crisis-plan", CrisisPlanAsync).WithSummary("The shared crisis plan, visible to the whole team.");
        projects.MapPut("/{id:guid}/crisis-plan", ChangeCrisisPlanAsync).WithSummary("Changes the crisis plan; 409 when the project's version is stale.");
        projects.MapGet("/{id:guid}/team", TeamAsync).WithSummary("The care team, current and past.");
        projects.MapGet("/{id:guid}/consents", ConsentsAsync).WithSummary("The person's consent statements, newest first (withdrawals included).");
        projects.MapGet("/{id:guid}/budget/lines", BudgetLinesAsync).WithSummary("The plan's lines, each with its life area, source, nature and period.");
        projects.MapPost("/{id:guid}/budget/lines", AddBudgetLineAsync).WithSummary("Adds a plan line: life area × source × nature × period, planned and committed in euros.");
        projects.MapGet("/{id:guid}/ledger", LedgerAsync).WithSummary("The spending ledger, newest first.");
        projects.MapPost("/{id:guid}/ledger", AddSpendingAsync).WithSummary("Records an amount spent (euros, at most two decimals).");
    }

    private static GoalView View(Goal g, System.Globalization.CultureInfo ui) =>
        new(g.Id, g.LifeAreaId, g.LifeArea.Name(ui), g.Title, g.Weight, g.MuchLess, g.Less, g.Expected, g.More, g.MuchMore, g.Version);

    private static async Task<IResult> GoalsAsync(Guid id, ClaimsPrincipal user, ProjectAccess access, AppDbContext db, IStringLocalizer<SharedResource> l)
    {
        var (grant, refusal) = await ProjectsApi.ReadAsync(id, user, access, l);
        if (grant is null)
        {
            return refusal!;
        }

        var goals = await db.Goals.AsNoTracking().Include(g => g.LifeArea).Where(g => g.ProjectId == id).OrderBy(g => g.LifeArea.SortOrder).ThenBy(g => g.CreatedAtUtc).ToListAsync();
        return TypedResults.Ok(goals.Select(g => View(g, System.Globalization.CultureInfo.CurrentUICulture)).ToList());
    }

    private static async Task<IResult> GoalAsync(Guid id, Guid goalId, ClaimsPrincipal user, ProjectAccess access, AppDbContext db, IStringLocalizer<SharedResource> l)
    {
        var (grant, refusal) = await ProjectsApi.ReadAsync(id, user, access, l);
        if (grant is null)
        {
            return refusal!;
        }

        var goal = await db.Goals.AsNoTracking().Include(g => g.LifeArea).SingleOrDefaultAsync(g => g.Id == goalId && g.ProjectId == id);
        return goal is null ? ProjectsApi.NotFound(l) : TypedResults.Ok(View(goal, System.Globalization.CultureInfo.CurrentUICulture));
    }

    private static async Task<Dictionary<string, string[]>> CheckGoalAsync(GoalRequest request, ProjectAccess.Grant grant, AppDbContext db, IStringLocalizer<SharedResource> l)
    {
        var errors = new Dictionary<string, string[]>();
        if (!await db.LifeAreas.AnyAsync(a => a.Id == request.LifeAreaId && a.ProgrammeId == grant.Project.ProgrammeId))
        {
            errors["lifeAreaId"] = [l["Validation.Required", l["Projects.Goals.Area"]]];
        }

        foreach (var (field, value, label) in new[]
        {
            ("title", request.Title, "Projects.Goals.Title"), ("muchLess", request.MuchLess, "Projects.Goals.MuchLess"), ("less", request.Less, "Projects.Goals.Less"),
            ("expected", request.Expected, "Projects.Goals.Expected"), ("more", request.More, "Projects.Goals.More"), ("muchMore", request.MuchMore, "Projects.Goals.MuchMore"),
        })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                errors[field] = [l["Validation.Required", l[label]]];
            }
            else if (value.Length > 500)
            {
                errors[field] = [l["Validation.MaxLength", l[label], 500]];
            }
        }

        if (request.Weight is < 1 or > 3)
        {
            errors["weight"] = [l["Validation.Range", l["Projects.Goals.WeightLabel"], 1, 3]];
        }

        if (!ProjectLifecycle.IsOpen(grant.Project.State) || grant.Project.State is ProjectState.Referred or ProjectState.WaitingList)
        {
            errors["state"] = [l["Project.Transition.NotAllowed"]];
        }

        return errors;
    }

    private static GoalInput InputOf(GoalRequest r) => new()
    {
        LifeAreaId = r.LifeAreaId,
        Title = r.Title ?? string.Empty,
        MuchLess = r.MuchLess ?? string.Empty,
        Less = r.Less ?? string.Empty,
        Expected = r.Expected ?? string.Empty,
        More = r.More ?? string.Empty,
        MuchMore = r.MuchMore ?? string.Empty,
        Weight = r.Weight,
    };

    private static async Task<IResult> AddGoalAsync(Guid id, GoalRequest request, ClaimsPrincipal user, ProjectAccess access, AppDbContext db, IStringLocalizer<SharedResource> l)
    {
        var (grant, refusal) = await ProjectsApi.WorkAsync(id, user, access, l);
        if (grant is null)
        {
            return refusal!;
        }

        var errors = await CheckGoalAsync(request, grant, db, l);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: l["Validation.CheckFields"]);
        }

        var goal = new Goal { ProjectId = id, Title = string.Empty, MuchLess = string.Empty, Less = string.Empty, Expected = string.Empty, More = string.Empty, MuchMore = string.Empty, CreatedAtUtc = access.NowUtc };
        InputOf(request).ApplyTo(goal);
        db.Goals.Add(goal);
        grant.Project.Touch();
        await db.SaveChangesAsync();
        await db.Entry(goal).Reference(g => g.LifeArea).LoadAsync();
        return TypedResults.Created($"/api/v1/projects/{id}/goals/{goal.Id}", View(goal, System.Globalization.CultureInfo.CurrentUICulture));
    }

    private static async Task<IResult> ChangeGoalAsync(Guid id, Guid goalId, GoalRequest request, ClaimsPrincipal user, ProjectAccess access, AppDbContext db, IStringLocalizer<SharedResource> l)
    {
        var (grant, refusal) = await ProjectsApi.WorkAsync(id, user, access, l);
        if (grant is null)
        {
            return refusal!;
        }

        var goal = await db.Goals.SingleOrDefaultAsync(g => g.Id == goalId && g.ProjectId == id);
        if (goal is null)
        {
            return ProjectsApi.NotFound(l);
        }

        if (goal.Version != request.Version)
        {
            return TypedResults.Problem(title: l["Projects.Conflict"], statusCode: StatusCodes.Status409Conflict);
        }

        var errors = await CheckGoalAsync(request, grant, db, l);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: l["Validation.CheckFields"]);
        }

        InputOf(request).ApplyTo(goal);
        goal.Version = Guid.NewGuid();
        grant.Project.Touch();
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            return TypedResults.Problem(title: l["Projects.Conflict"], statusCode: StatusCodes.Status409Conflict);
        }

        await db.Entry(goal).Reference(g => g.LifeArea).LoadAsync();
        return TypedResults.Ok(View(goal, System.Globalization.CultureInfo.CurrentUICulture));
    }

    private static async Task<IResult> ReviewsAsync(Guid id, ClaimsPrincipal user, ProjectAccess access, AppDbContext db, IStringLocalizer<SharedResource> l)
    {
        var (grant, refusal) = await ProjectsApi.ReadAsync(id, user, access, l);
        if (grant is null)
        {
            return refusal!;
        }

        var reviews = await db.Reviews.AsNoTracking().Where(r => r.ProjectId == id).OrderBy(r => r.HeldOn)
            .Select(r => new ReviewView(r.Id, r.HeldOn, r.Decision, r.TScore, r.Narrative, r.Ratings.Select(x => new RatingView(x.GoalId, x.Level)).ToList()))
            .ToListAsync();
        return TypedResults.Ok(reviews);
    }

    private static async Task<IResult> AddReviewAsync(Guid id, ReviewRequest request, ClaimsPrincipal user, ProjectAccess access, Reviews.ReviewRecording recording, AppDbContext db, IStringLocalizer<SharedResource> l)
    {
        var (grant, refusal) = await ProjectsApi.WorkAsync(id, user, access, l);
        if (grant is null)
        {
            return refusal!;
        }

        var goals = await db.Goals.AsNoTracking().Where(g => g.ProjectId == id).ToListAsync();
        if (grant.Project.State != ProjectState.UnderReview || goals.Count == 0)
        {
            return TypedResults.Problem(title: l["Project.Transition.NotAllowed"], statusCode: StatusCodes.Status409Conflict);
        }

        var (review, errors) = await recording.RecordAsync(grant, goals, request.HeldOn, request.Narrative, request.Decision, request.Ratings ?? []);
        if (review is null)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary(e => e.Key.StartsWith("rating:", StringComparison.Ordinal) ? $"ratings.{e.Key[7..]}" : e.Key, e => new[] { e.Value }), title: l["Validation.CheckFields"]);
        }

        return TypedResults.Created($"/api/v1/projects/{id}/reviews/{review.Id}",
            new ReviewView(review.Id, review.HeldOn, review.Decision, review.TScore, review.Narrative, review.Ratings.Select(r => new RatingView(r.GoalId, r.Level)).ToList()));
    }

    private static async Task<IResult> AssessAsync(Guid id, AssessmentRequest request, ClaimsPrincipal user, ProjectAccess access, AppDbContext db, IStringLocalizer<SharedResource> l)
    {
        var (grant, refusal) = await ProjectsApi.WorkAsync(id, user, access, l);
        if (grant is null)
        {
            return refusal!;
        }

        if (!grant.IsCps || grant.Project.State != ProjectState.Assessment)
        {
            return ProjectsApi.Forbidden(l);
        }

        if (grant.Project.Version != request.Version)
        {
            return TypedResults.Problem(title: l["Projects.Conflict"], statusCode: StatusCodes.Status409Conflict);
        }

        var input = new DetailsModel.AssessmentInput { HeldOn = request.HeldOn, Strengths = request.Strengths, Wishes = request.Wishes ?? string.Empty, Participants = request.Participants ?? [] };
        var state = new Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary();
        Api.ApiValidation.Annotate(input, "Input", state, l);
        foreach (var (participant, i) in input.Participants.Select((x, i) => (x, i)))
        {
            Api.ApiValidation.Annotate(participant, $"Input.Participants[{i}]", state, l);
        }

        input.Check(state, "Input", grant.Project, access.Today, l);
        if (!state.IsValid)
        {
            return TypedResults.ValidationProblem(Api.ApiValidation.Problems(state, "Input"), title: l["Validation.CheckFields"]);
        }

        await input.ApplyToAsync(db, grant.Project);
        await db.SaveChangesAsync();
        return TypedResults.Ok(new { grant.Project.AssessedOn, grant.Project.Version });
    }

    private static async Task<IResult> SetIntensityAsync(Guid id, IntensityRequest request, ClaimsPrincipal user, ProjectAccess access, AppDbContext db, IStringLocalizer<SharedResource> l)
    {
        var (grant, refusal) = await ProjectsApi.WorkAsync(id, user, access, l);
        if (grant is null)
        {
            return refusal!;
        }

        if (!grant.IsCps || grant.Project.State is not (ProjectState.CoDesign or ProjectState.UnderReview or ProjectState.Remodelled))
        {
            return ProjectsApi.Forbidden(l);
        }

        if (grant.Project.Version != request.Version)
        {
            return TypedResults.Problem(title: l["Projects.Conflict"], statusCode: StatusCodes.Status409Conflict);
        }

        if (!Enum.IsDefined(request.Intensity))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["intensity"] = [l["Validation.ValueInvalidHere"]] }, title: l["Validation.CheckFields"]);
        }

        grant.Project.Intensity = request.Intensity;
        grant.Project.Touch();
        await db.SaveChangesAsync();
        return TypedResults.Ok(new { grant.Project.Intensity, grant.Project.Version });
    }

    private static async Task<IResult> CrisisPlanAsync(Guid id, ClaimsPrincipal user, ProjectAccess access, IStringLocalizer<SharedResource> l)
    {
        // The crisis plan is what the limited (assignment) view shows too.
        var grant = await access.FindAsync(user, id);
        if (grant is null)
        {
            return ProjectsApi.NotFound(l);
        }

        var p = grant.Project;
        return TypedResults.Ok(new CrisisPlanView(p.CrisisSigns, p.CrisisWhatHelps, p.CrisisWhoToCall, p.CrisisPlanUpdatedOn, p.Version));
    }

    private static async Task<IResult> ChangeCrisisPlanAsync(Guid id, CrisisPlanRequest request, ClaimsPrincipal user, ProjectAccess access, AppDbContext db, IStringLocalizer<SharedResource> l)
    {
        var (grant, refusal) = await ProjectsApi.WorkAsync(id, user, access, l);
        if (grant is null)
        {
            return refusal!;
        }

        var p = grant.Project;
        if (p.Version != request.Version)
        {
            return TypedResults.Problem(title: l["Projects.Conflict"], statusCode: StatusCodes.Status409Conflict);
        }

        var errors = new Dictionary<string, string[]>();
        foreach (var (field, value, label, max) in new[] { ("signs", request.Signs, "Projects.Crisis.Signs", 4000), ("whatHelps", request.WhatHelps, "Projects.Crisis.WhatHelps", 4000), ("whoToCall", request.WhoToCall, "Projects.Crisis.WhoToCall", 2000) })
        {
            if (value?.Length > max)
            {
                errors[field] = [l["Validation.MaxLength", l[label], max]];
            }
        }

        if (string.IsNullOrWhiteSpace(request.Signs) && string.IsNullOrWhiteSpace(request.WhatHelps) && string.IsNullOrWhiteSpace(request.WhoToCall))
        {
            errors["signs"] = [l["Projects.Crisis.Empty"]];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: l["Validation.CheckFields"]);
        }

        p.CrisisSigns = request.Signs?.Trim();
        p.CrisisWhatHelps = request.WhatHelps?.Trim();
        p.CrisisWhoToCall = request.WhoToCall?.Trim();
        p.CrisisPlanUpdatedOn = access.Today;
        p.Touch();
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            return TypedResults.Problem(title: l["Projects.Conflict"], statusCode: StatusCodes.Status409Conflict);
        }

        return TypedResults.Ok(new CrisisPlanView(p.CrisisSigns, p.CrisisWhatHelps, p.CrisisWhoToCall, p.CrisisPlanUpdatedOn, p.Version));
    }

    private static async Task<IResult> TeamAsync(Guid id, ClaimsPrincipal user, ProjectAccess access, AppDbContext db, IStringLocalizer<SharedResource> l)
    {
        var (grant, refusal) = await ProjectsApi.ReadAsync(id, user, access, l);
        if (grant is null)
        {
            return refusal!;
        }

        return TypedResults.Ok(await db.CareTeamMembers.AsNoTracking().Where(m => m.ProjectId == id).OrderBy(m => m.StartsOn).ThenBy(m => m.Role)
            .Select(m => new TeamMemberView(m.Id, m.User != null ? m.User.DisplayName : m.Name!, m.Role, m.StartsOn, m.EndsOn)).ToListAsync());
    }

    private static async Task<IResult> ConsentsAsync(Guid id, ClaimsPrincipal user, ProjectAccess access, AppDbContext db, IStringLocalizer<SharedResource> l)
    {
        var (grant, refusal) = await ProjectsApi.ReadAsync(id, user, access, l);
        if (grant is null)
        {
            return refusal!;
        }

        var personId = grant.Project.PersonId;
        return TypedResults.Ok(await db.Consents.AsNoTracking().Where(c => c.PersonId == personId).OrderByDescending(c => c.RecordedAtUtc)
            .Select(c => new ConsentView(c.Id, c.Purpose, c.Organisation != null ? c.Organisation.Name : null, c.Given, c.StatedOn, c.NoticeVersion, c.DocumentName)).ToListAsync());
    }

    private static async Task<IResult> BudgetLinesAsync(Guid id, ClaimsPrincipal user, ProjectAccess access, AppDbContext db, IStringLocalizer<SharedResource> l)
    {
        var (grant, refusal) = await ProjectsApi.ReadAsync(id, user, access, l);
        if (grant is null)
        {
            return refusal!;
        }

        var lines = await db.BudgetLines.AsNoTracking().Where(b => b.ProjectId == id).OrderBy(b => b.PeriodStart).ThenBy(b => b.CreatedAtUtc)
            .Select(b => new { b.Id, b.LifeAreaId, b.Source, b.Nature, b.PeriodStart, b.PeriodEnd, b.PlannedCents, b.CommittedCents }).ToListAsync();
        return TypedResults.Ok(lines.Select(b => new { b.Id, b.LifeAreaId, b.Source, b.Nature, b.PeriodStart, b.PeriodEnd, Planned = b.PlannedCents / 100m, Committed = b.CommittedCents / 100m }).ToList());
    }

    private static async Task<IResult> AddBudgetLineAsync(Guid id, BudgetLineRequest request, ClaimsPrincipal user, ProjectAccess access, AppDbContext db, IStringLocalizer<SharedResource> l)
    {
        var (grant, refusal) = await ProjectsApi.WorkAsync(id, user, access, l);
        if (grant is null)
        {
            return refusal!;
        }

        var errors = new Dictionary<string, string[]>();
        long? Cents(decimal amount, string field, string label)
        {
            var cents = Money.FromEuros(amount);
            if (cents is null or < 0)
            {
                errors[field] = [l["Budget.AmountFormat", l[label]]];
                return null;
            }

            return cents;
        }

        var planned = Cents(request.Planned, "planned", "Budget.Planned");
        var committed = Cents(request.Committed, "committed", "Budget.Committed");
        if (!await db.LifeAreas.AnyAsync(a => a.Id == request.LifeAreaId && a.ProgrammeId == grant.Project.ProgrammeId))
        {
            errors["lifeAreaId"] = [l["Validation.Required", l["Projects.Goals.Area"]]];
        }

        if (!Enum.IsDefined(request.Source) || !Enum.IsDefined(request.Nature))
        {
            errors["source"] = [l["Validation.ValueInvalidHere"]];
        }

        if (request.PeriodStart is null || request.PeriodEnd is null)
        {
            errors["periodStart"] = [l["Validation.Required", l["Budget.Period"]]];
        }
        else if (BudgetLine.PeriodProblem(request.PeriodStart.Value, request.PeriodEnd.Value, grant.Project.ReferredOn) is { } problem)
        {
            errors[problem.OnStart ? "periodStart" : "periodEnd"] = [l[problem.Key]];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: l["Validation.CheckFields"]);
        }

        var line = new BudgetLine
        {
            ProjectId = id,
            LifeAreaId = request.LifeAreaId,
            Source = request.Source,
            Nature = request.Nature,
            PeriodStart = request.PeriodStart,
            PeriodEnd = request.PeriodEnd,
            PlannedCents = planned!.Value,
            CommittedCents = committed!.Value,
            CreatedAtUtc = access.NowUtc,
        };
        db.BudgetLines.Add(line);
        await db.SaveChangesAsync();
        return TypedResults.Created($"/api/v1/projects/{id}/budget", new { line.Id, Planned = line.PlannedCents / 100m, Committed = line.CommittedCents / 100m, line.PeriodStart, line.PeriodEnd });
    }

    private static async Task<IResult> LedgerAsync(Guid id, ClaimsPrincipal user, ProjectAccess access, AppDbContext db, IStringLocalizer<SharedResource> l)
    {
        var (grant, refusal) = await ProjectsApi.ReadAsync(id, user, access, l);
        if (grant is null)
        {
            return refusal!;
        }

        var rows = await db.LedgerEntries.AsNoTracking().Where(e => e.ProjectId == id).OrderByDescending(e => e.SpentOn).ThenByDescending(e => e.CreatedAtUtc)
            .Select(e => new { e.Id, e.SpentOn, e.AmountCents, e.Source, e.LifeAreaId, e.Supplier, e.Description }).ToListAsync();
        var receipts = (await db.Receipts.AsNoTracking().Where(r => r.ProjectId == id).Select(r => new { r.LedgerEntryId, r.FileName, r.IsObscured, r.UploadedByUserId }).ToListAsync())
            .Where(r => !r.IsObscured || grant.SeesObscured(r.UploadedByUserId)).ToDictionary(r => r.LedgerEntryId, r => new ReceiptView(r.FileName, r.IsObscured));
        return TypedResults.Ok(rows.Select(e => new LedgerView(e.Id, e.SpentOn, e.AmountCents / 100m, e.Source, e.LifeAreaId, e.Supplier, e.Description, receipts.GetValueOrDefault(e.Id))).ToList());
    }

    private static async Task<IResult> AddSpendingAsync(Guid id, LedgerRequest request, ClaimsPrincipal user, ProjectAccess access, AppDbContext db, IStringLocalizer<SharedResource> l)
    {
        var (grant, refusal) = await ProjectsApi.WorkAsync(id, user, access, l);
        if (grant is null)
        {
            return refusal!;
        }

        var errors = new Dictionary<string, string[]>();
        var cents = Money.FromEuros(request.Amount);
        if (cents is null or <= 0)
        {
            errors["amount"] = [l["Budget.AmountFormat", l["Budget.Amount"]]];
        }

        if (request.SpentOn is not { } on)
        {
            errors["spentOn"] = [l["Validation.Required", l["Budget.SpentOn"]]];
        }
        else if (on < grant.Project.ReferredOn || on > access.Today)
        {
            errors["spentOn"] = [l["Budget.DateRange"]];
        }

        if (!Enum.IsDefined(request.Source))
        {
            errors["source"] = [l["Validation.ValueInvalidHere"]];
        }

        if (!await db.LifeAreas.AnyAsync(a => a.Id == request.LifeAreaId && a.ProgrammeId == grant.Project.ProgrammeId))
        {
            errors["lifeAreaId"] = [l["Validation.Required", l["Projects.Goals.Area"]]];
        }

        foreach (var (field, value, label, max) in new[] { ("supplier", request.Supplier, "Budget.Supplier", 200), ("description", request.Description, "Budget.Description", 1000) })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                errors[field] = [l["Validation.Required", l[label]]];
            }
            else if (value.Length > max)
            {
                errors[field] = [l["Validation.MaxLength", l[label], max]];
            }
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: l["Validation.CheckFields"]);
        }

        var entry = new LedgerEntry
        {
            ProjectId = id,
            SpentOn = request.SpentOn!.Value,
            AmountCents = cents!.Value,
            Source = request.Source,
            LifeAreaId = request.LifeAreaId,
            Supplier = request.Supplier!.Trim(),
            Description = request.Description!.Trim(),
            RecordedByUserId = grant.Viewer.UserId,
            CreatedAtUtc = access.NowUtc,
        };
        db.LedgerEntries.Add(entry);
        await db.SaveChangesAsync();
        return TypedResults.Created($"/api/v1/projects/{id}/ledger/{entry.Id}",
            new LedgerView(entry.Id, entry.SpentOn, entry.AmountCents / 100m, entry.Source, entry.LifeAreaId, entry.Supplier, entry.Description, null));
    }
}
