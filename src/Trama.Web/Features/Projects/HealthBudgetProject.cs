using Trama.Web.Features.Organisations;
using Trama.Web.Features.People;
using Trama.Web.Features.Programmes;

namespace Trama.Web.Features.Projects;

/// A person's Budget di Salute: from the referral to closure and follow-up.
public class HealthBudgetProject
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ProgrammeId { get; set; }

    public Programme Programme { get; set; } = null!;

    public Guid PersonId { get; set; }

    public Person Person { get; set; } = null!;

    /// The CPS that selects, directs and verifies the project.
    public Guid MentalHealthCentreId { get; set; }

    public Organisation MentalHealthCentre { get; set; } = null!;

    public ProjectState State { get; private set; } = ProjectState.Referred;

    public Intensity? Intensity { get; set; }

    public DateOnly ReferredOn { get; set; }

    public required string ReferralSource { get; set; }

    public required string ReferralReason { get; set; }

    public ReferralUrgency Urgency { get; set; }

    public DateOnly? AssessedOn { get; set; }

    public string? Strengths { get; set; }

    /// What the person wants, in their own words, as said at the assessment meeting.
    public string? WishesInOwnWords { get; set; }

    /// The UVM assessment (strengths and wishes) obscured at the person's request: then only the
    /// CPS referent sees it.
    public bool AssessmentObscured { get; set; }

    /// The shared crisis plan, written with the person and visible to the whole team.
    public string? CrisisSigns { get; set; }

    public string? CrisisWhatHelps { get; set; }

    public string? CrisisWhoToCall { get; set; }

    public DateOnly? CrisisPlanUpdatedOn { get; set; }

    public DateOnly? StartedOn { get; private set; }

    public DateOnly? ClosedOn { get; private set; }

    public ClosureReason? ClosureReason { get; private set; }

    public DateOnly? NextReviewDue { get; set; }

    /// Changes on every save; a save carrying an older value is a concurrent edit.
    public Guid Version { get; set; } = Guid.NewGuid();

    public DateTime CreatedAtUtc { get; set; }

    public List<ProjectTransition> Transitions { get; } = [];

    public List<CareTeamMember> Team { get; } = [];

    public List<Goal> Goals { get; } = [];

    public List<Review> Reviews { get; } = [];

    public List<DiaryEntry> Diary { get; } = [];

    /// Moves the project on. Returns the string-table key of the refusal, or null when done.
    public string? Apply(ProjectAction action, bool actorIsCps, string userId, DateTime nowUtc, string? reason = null, ClosureReason? closure = null, int reviewIntervalMonths = 3)
    {
        var transition = ProjectLifecycle.Find(State, action);
        if (transition is null)
        {
            return "Project.Transition.NotAllowed";
        }

        if (transition.CpsOnly && !actorIsCps)
        {
            return "Project.Transition.CpsOnly";
        }

        if (transition.NeedsReason && string.IsNullOrWhiteSpace(reason))
        {
            return "Project.Transition.ReasonRequired";
        }

        if (action == ProjectAction.Close && closure is null)
        {
            return "Project.Transition.ClosureReasonRequired";
        }

        if (action == ProjectAction.CompleteAssessment && (AssessedOn is null || string.IsNullOrWhiteSpace(WishesInOwnWords)))
        {
            return "Project.Transition.AssessmentIncomplete";
        }

        if (action == ProjectAction.ApproveAndSignAgreement && (Intensity is null || Goals.Count == 0))
        {
            return "Project.Transition.PlanIncomplete";
        }

        var today = Infrastructure.ItalianTime.DateOf(nowUtc);
        switch (action)
        {
            case ProjectAction.Start when StartedOn is null:
                StartedOn = today;
                NextReviewDue = today.AddMonths(reviewIntervalMonths);
                break;
            case ProjectAction.ContinueAfterReview or ProjectAction.Start:
                NextReviewDue = today.AddMonths(reviewIntervalMonths);
                break;
            case ProjectAction.Close:
                ClosedOn = today;
                ClosureReason = closure;
                NextReviewDue = null;
                break;
        }

        Transitions.Add(new ProjectTransition
        {
            ProjectId = Id,
            From = State,
            To = transition.To,
            Action = action,
            AtUtc = nowUtc,
            ByUserId = userId,
            Reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(),
        });
        State = transition.To;
        Touch();
        return null;
    }

    public void Touch() => Version = Guid.NewGuid();

    public bool IsReviewOverdue(DateOnly today) => ProjectLifecycle.IsReviewOverdue(NextReviewDue, State, today);
}
