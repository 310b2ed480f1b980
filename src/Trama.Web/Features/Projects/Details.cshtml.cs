using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Trama.Web.Data;

namespace Trama.Web.Features.Projects;

public sealed class DetailsModel(AppDbContext db, ProjectAccess access, Programmes.PhaseNames phases, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed record TeamRow(Guid Id, string Name, CareTeamRole Role, DateOnly StartsOn, DateOnly? EndsOn);

    public sealed record TimelineRow(DateTime AtUtc, ProjectAction Action, ProjectState To, string By, string? Reason);

    public sealed record DiaryRow(Guid Id, bool IsObscured, bool MayObscure, DateOnly OccurredOn, DiaryEntryType Type, int Minutes, string Author, string Notes, Sensitivity Sensitivity, string? Area);

    public sealed record ReviewRow(DateOnly HeldOn, ReviewDecision Decision, double? TScore, string Narrative);

    public ProjectAccess.Grant Grant { get; private set; } = null!;

    public HealthBudgetProject Project => Grant.Project;

    public DateOnly Today => access.Today;

    public IReadOnlyList<TeamRow> Team { get; private set; } = [];

    public IReadOnlyList<TimelineRow> Timeline { get; private set; } = [];

    public IReadOnlyList<DiaryRow> Diary { get; private set; } = [];

    public IReadOnlyList<ReviewRow> Reviews { get; private set; } = [];

    public IReadOnlyList<Goal> Goals { get; private set; } = [];

    public IReadOnlyList<AssessmentParticipant> Participants { get; private set; } = [];

    /// The person's current legal representative, who acts and signs for them where the decree says so.
    public People.LegalRepresentative? Representative { get; private set; }

    public IReadOnlyList<Transition> Actions { get; private set; } = [];

    /// The review held in this review period, whose decision the CPS is asked to confirm.
    public ReviewRow? Proposed { get; private set; }

    public static ProjectAction SuggestedAction(ReviewDecision decision) => decision switch
    {
        ReviewDecision.Continue => ProjectAction.ContinueAfterReview,
        ReviewDecision.ChangeIntensity => ProjectAction.Remodel,
        _ => ProjectAction.Close,
    };

    public int DiaryMinutes { get; private set; }

    public sealed record HoursRow(int Year, int Month, CareTeamRole? Role, int Minutes);

    /// Hours logged per month and per role on the team, newest month first.
    public IReadOnlyList<HoursRow> Hours { get; private set; } = [];

    [BindProperty]
    public AssessmentInput Assessment { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostTransitionAsync(Guid id, ProjectAction action, string? reason, ClosureReason? closure, Guid version)
    {
        var grant = await access.FindAsync(User, id, q => q.Include(p => p.Goals));
        if (grant is null)
        {
            return NotFound();
        }

        ModelState.Clear();
        if (grant.Project.Version != version)
        {
            return await ConflictAsync(id);
        }

        var transition = ProjectLifecycle.Find(grant.Project.State, action);
        if (transition is not null && !grant.MayTake(transition))
        {
            return Forbid();
        }

        var refused = await access.TakeAsync(grant, action, reason, closure, l);
        if (refused is not null)
        {
            ModelState.AddModelError(string.Empty, l[refused]);
            await LoadAsync(id);
            return Page();
        }

        await db.SaveChangesAsync();
        TempData["Status"] = l["Projects.Transition.Done", await phases.NameAsync(grant.Project.ProgrammeId, grant.Project.State)].Value;
        return Redirect(Url.Content($"~/Projects/{id}"));
    }

    public async Task<IActionResult> OnPostAssessmentAsync(Guid id, Guid version)
    {
        var grant = await access.FindAsync(User, id);
        if (grant is null)
        {
            return NotFound();
        }

        if (!grant.IsCps || grant.Project.State != ProjectState.Assessment)
        {
            return Forbid();
        }

        if (grant.Project.Version != version)
        {
            return await ConflictAsync(id);
        }

        Assessment.Check(ModelState, "Assessment", grant.Project, access.Today, l);
        if (!ModelState.IsValid)
        {
            await LoadAsync(id, keepAssessmentInput: true);
            Assessment.Pad();
            return Page();
        }

        await Assessment.ApplyToAsync(db, grant.Project);
        await db.SaveChangesAsync();
        TempData["Status"] = l["Projects.Assessment.Saved"].Value;
        return Redirect(Url.Content($"~/Projects/{id}"));
    }

    public async Task<IActionResult> OnPostIntensityAsync(Guid id, Intensity intensity, Guid version)
    {
        var grant = await access.FindAsync(User, id);
        if (grant is null)
        {
            return NotFound();
        }

        if (!grant.IsCps || grant.Project.State is not (ProjectState.CoDesign or ProjectState.UnderReview or ProjectState.Remodelled))
        {
            return Forbid();
        }

        if (grant.Project.Version != version)
        {
            return await ConflictAsync(id);
        }

        if (!Enum.IsDefined(intensity))
        {
            return BadRequest();
        }

        grant.Project.Intensity = intensity;
        grant.Project.Touch();
        await db.SaveChangesAsync();
        TempData["Status"] = l["Projects.Intensity.Saved", l[$"Intensity.{intensity}"]].Value;
        return Redirect(Url.Content($"~/Projects/{id}"));
    }

    /// Takes someone off the team: their access ends today.
    public async Task<IActionResult> OnPostEndMembershipAsync(Guid id, Guid memberId, Guid version)
    {
        var grant = await access.FindAsync(User, id);
        if (grant is null)
        {
            return NotFound();
        }

        if (!grant.CanWork)
        {
            return Forbid();
        }

        if (grant.Project.Version != version)
        {
            return await ConflictAsync(id);
        }

        if (!await CareTeam.EndAsync(db, id, memberId, access.Today))
        {
            return NotFound();
        }

        grant.Project.Touch();
        await db.SaveChangesAsync();
        TempData["Status"] = l["Projects.Team.Ended"].Value;
        return Redirect(Url.Content($"~/Projects/{id}#team"));
    }

    /// Obscures a diary entry at the person's request, or shows it again; only its author and the
    /// CPS referent may, the two who still see it. The change is audited like any other.
    public async Task<IActionResult> OnPostObscureAsync(Guid id, Guid entryId, bool obscure)
    {
        var (grant, refusal) = await access.ForWorkAsync(User, id);
        if (grant is null)
        {
            return refusal!;
        }

        var entry = await db.DiaryEntries.Where(d => d.Id == entryId && d.ProjectId == id).ReadableBy(db, grant.Viewer, access.Today).SingleOrDefaultAsync();
        if (entry is null)
        {
            return NotFound();
        }

        if (!grant.SeesObscured(entry.AuthorUserId))
        {
            return Forbid();
        }

        entry.IsObscured = obscure;
        await db.SaveChangesAsync();
        TempData["Status"] = l[obscure ? "Projects.Diary.Obscured" : "Projects.Diary.Unobscured"].Value;
        return Redirect(Url.Content($"~/Projects/{id}#diary"));
    }

    /// Obscures the UVM assessment at the person's request, or shows it again: only the CPS referent may.
    public async Task<IActionResult> OnPostObscureAssessmentAsync(Guid id, bool obscure)
    {
        var (grant, refusal) = await access.ForWorkAsync(User, id);
        if (grant is null)
        {
            return refusal!;
        }

        if (!grant.IsCpsReferent)
        {
            return Forbid();
        }

        grant.Project.AssessmentObscured = obscure;
        grant.Project.Touch();
        await db.SaveChangesAsync();
        TempData["Status"] = l[obscure ? "Projects.Assessment.Obscured" : "Projects.Assessment.Unobscured"].Value;
        return Redirect(Url.Content($"~/Projects/{id}"));
    }

    private async Task<IActionResult> ConflictAsync(Guid id)
    {
        ModelState.AddModelError(string.Empty, l["Projects.Conflict"]);
        await LoadAsync(id, keepAssessmentInput: true);
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, bool keepAssessmentInput = false)
    {
        var grant = await access.FindAsync(User, id, q => q.Include(p => p.MentalHealthCentre).Include(p => p.Programme));
        if (grant is null)
        {
            return false;
        }

        Grant = grant;
        var ui = System.Globalization.CultureInfo.CurrentUICulture;
        var members = await db.CareTeamMembers.AsNoTracking().Where(m => m.ProjectId == id)
            .OrderBy(m => m.EndsOn != null).ThenBy(m => m.Role)
            .Select(m => new { Row = new TeamRow(m.Id, m.User != null ? m.User.DisplayName : m.Name!, m.Role, m.StartsOn, m.EndsOn), m.UserId })
            .ToListAsync();
        Team = members.ConvertAll(m => m.Row);
        Timeline = await db.ProjectTransitions.AsNoTracking().Where(t => t.ProjectId == id)
            .OrderByDescending(t => t.AtUtc)
            .Select(t => new TimelineRow(t.AtUtc, t.Action, t.To, db.Users.Where(u => u.Id == t.ByUserId).Select(u => u.DisplayName).FirstOrDefault() ?? "–", t.Reason))
            .ToListAsync();
        Goals = await db.Goals.AsNoTracking().Include(g => g.LifeArea).Where(g => g.ProjectId == id).OrderBy(g => g.LifeArea.SortOrder).ThenBy(g => g.CreatedAtUtc).ToListAsync();
        var reviews = await db.Reviews.AsNoTracking().Where(r => r.ProjectId == id).OrderBy(r => r.HeldOn)
            .Select(r => new ReviewRow(r.HeldOn, r.Decision, r.TScore, r.Narrative)).ToListAsync();
        Reviews = reviews;
        var diary = db.DiaryEntries.AsNoTracking().Where(d => d.ProjectId == id).ReadableBy(db, grant.Viewer, access.Today, ownOnly: grant.IsLimited);
        // Summed by month and author in the database: a long project has thousands of entries,
        // and the page shows two years of totals.
        var logged = await diary.GroupBy(d => new { d.OccurredOn.Year, d.OccurredOn.Month, d.AuthorUserId })
            .Select(g => new { g.Key.Year, g.Key.Month, g.Key.AuthorUserId, Minutes = g.Sum(d => d.DurationMinutes) }).ToListAsync();
        DiaryMinutes = logged.Sum(d => d.Minutes);
        var roles = members.Where(m => m.UserId != null).DistinctBy(m => m.UserId).ToDictionary(m => m.UserId!, m => m.Row.Role);
        Hours = logged
            .GroupBy(d => (d.Year, d.Month, Role: roles.TryGetValue(d.AuthorUserId, out var role) ? role : (CareTeamRole?)null))
            .Select(g => new HoursRow(g.Key.Year, g.Key.Month, g.Key.Role, g.Sum(d => d.Minutes)))
            .OrderByDescending(h => h.Year).ThenByDescending(h => h.Month).ThenBy(h => h.Role)
            .Take(24)
            .ToList();
        var recent = await diary.OrderByDescending(d => d.OccurredOn).ThenByDescending(d => d.CreatedAtUtc).Take(20)
            .Select(d => new { d.Id, d.IsObscured, d.AuthorUserId, d.OccurredOn, d.Type, d.DurationMinutes, d.Author.DisplayName, d.Notes, d.Sensitivity, d.LifeArea })
            .ToListAsync();
        var mayObscure = ProjectLifecycle.IsOpen(grant.Project.State) && grant.CanWork;
        Diary = recent.Select(d => new DiaryRow(d.Id, d.IsObscured, mayObscure && grant.SeesObscured(d.AuthorUserId), d.OccurredOn, d.Type, d.DurationMinutes, d.DisplayName, d.Notes, d.Sensitivity, d.LifeArea?.Name(ui))).ToList();
        Actions = ProjectLifecycle.From(grant.Project.State).Where(grant.MayTake).ToList();
        Proposed = grant.Project.State == ProjectState.UnderReview && reviews.Count > 0 && reviews[^1].HeldOn >= (grant.Project.NextReviewDue ?? DateOnly.MinValue).AddMonths(-grant.ReviewIntervalMonths)
            ? reviews[^1] : null;
        Participants = grant.ShowsAssessment
            ? await db.AssessmentParticipants.AsNoTracking().Where(a => a.ProjectId == id).OrderBy(a => a.SortOrder).ToListAsync()
            : [];
        var personId = grant.Project.PersonId;
        var today = access.Today;
        Representative = grant.CanWork
            ? await db.LegalRepresentatives.AsNoTracking().Where(r => r.PersonId == personId && r.StartsOn <= today && (r.EndsOn == null || r.EndsOn >= today))
                .OrderByDescending(r => r.StartsOn).FirstOrDefaultAsync()
            : null;
        if (!keepAssessmentInput)
        {
            Assessment = new AssessmentInput
            {
                HeldOn = grant.Project.AssessedOn ?? access.Today,
                Strengths = grant.Project.Strengths,
                Wishes = grant.Project.WishesInOwnWords ?? string.Empty,
                Participants = Participants.Select(x => new ParticipantInput { Name = x.Name, Role = x.Role, Organisation = x.Organisation }).ToList(),
            };
            Assessment.Pad();
        }

        return true;
    }

    public sealed class AssessmentInput
    {
        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Projects.Assessment.HeldOn")]
        public DateOnly? HeldOn { get; set; }

        [StringLength(4000, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Projects.Assessment.Strengths")]
        public string? Strengths { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(4000, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Projects.Assessment.Wishes")]
        public string Wishes { get; set; } = string.Empty;

        /// Who sat at the meeting; rows left without a name are ignored.
        public List<ParticipantInput> Participants { get; set; } = [];

        public const int Rows = 8;

        /// The date within the project, and at least two people at the meeting.
        public void Check(Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary state, string prefix, HealthBudgetProject project, DateOnly today, IStringLocalizer l)
        {
            if (HeldOn is { } held && (held < project.ReferredOn || held > today))
            {
                state.AddModelError($"{prefix}.{nameof(HeldOn)}", l["Projects.Assessment.DateRange"]);
            }

            if (Participants.Count(x => !string.IsNullOrWhiteSpace(x.Name)) < 2)
            {
                state.AddModelError($"{prefix}.{nameof(Participants)}", l["Projects.Assessment.ParticipantsRequired"]);
            }
        }

        /// Records the meeting on the project, replacing who sat at it; the caller saves.
        public async Task ApplyToAsync(AppDbContext db, HealthBudgetProject project)
        {
            db.AssessmentParticipants.RemoveRange(await db.AssessmentParticipants.Where(a => a.ProjectId == project.Id).ToListAsync());
            db.AssessmentParticipants.AddRange(Participants.Where(x => !string.IsNullOrWhiteSpace(x.Name)).Select((x, i) => new AssessmentParticipant
            {
                ProjectId = project.Id,
                Name = x.Name!.Trim(),
                Role = x.Role,
                Organisation = string.IsNullOrWhiteSpace(x.Organisation) ? null : x.Organisation.Trim(),
                SortOrder = i,
            }));
            project.AssessedOn = HeldOn;
            project.Strengths = Strengths?.Trim();
            project.WishesInOwnWords = Wishes.Trim();
            project.Touch();
        }

        public void Pad()
        {
            while (Participants.Count < Rows)
            {
                Participants.Add(new ParticipantInput { Role = Participants.Count == 0 ? AssessmentParticipantRole.Person : AssessmentParticipantRole.Psychiatrist });
            }
        }
    }

    public sealed class ParticipantInput
    {
        [StringLength(200, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Projects.Assessment.ParticipantName")]
        public string? Name { get; set; }

        [Display(Name = "Projects.Assessment.ParticipantRole")]
        public AssessmentParticipantRole Role { get; set; }

        [StringLength(200, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Projects.Assessment.ParticipantOrganisation")]
        public string? Organisation { get; set; }
    }
}
