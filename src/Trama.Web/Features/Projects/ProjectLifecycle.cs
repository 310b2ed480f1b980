namespace Trama.Web.Features.Projects;

public sealed record Transition(ProjectAction Action, ProjectState To, bool CpsOnly, bool NeedsReason);

/// The Budget di Salute lifecycle: which action is allowed in which state, where it leads, and
/// whether only the CPS may take it (selection, plan approval, closure).
public static class ProjectLifecycle
{
    public static IReadOnlyList<Transition> From(ProjectState state) => state switch
    {
        ProjectState.Referred =>
        [
            new(ProjectAction.Accept, ProjectState.Assessment, CpsOnly: true, NeedsReason: false),
            new(ProjectAction.PutOnWaitingList, ProjectState.WaitingList, CpsOnly: true, NeedsReason: true),
            new(ProjectAction.DeclineAsNotEligible, ProjectState.NotEligible, CpsOnly: true, NeedsReason: true),
        ],
        ProjectState.WaitingList =>
        [
            new(ProjectAction.Accept, ProjectState.Assessment, CpsOnly: true, NeedsReason: false),
            new(ProjectAction.DeclineAsNotEligible, ProjectState.NotEligible, CpsOnly: true, NeedsReason: true),
            new(ProjectAction.Close, ProjectState.Closed, CpsOnly: true, NeedsReason: true),
        ],
        ProjectState.Assessment =>
        [
            new(ProjectAction.CompleteAssessment, ProjectState.CoDesign, CpsOnly: true, NeedsReason: false),
            new(ProjectAction.Close, ProjectState.Closed, CpsOnly: true, NeedsReason: true),
        ],
        ProjectState.CoDesign =>
        [
            new(ProjectAction.ApproveAndSignAgreement, ProjectState.AgreementSigned, CpsOnly: true, NeedsReason: false),
            new(ProjectAction.Close, ProjectState.Closed, CpsOnly: true, NeedsReason: true),
        ],
        ProjectState.AgreementSigned =>
        [
            new(ProjectAction.Start, ProjectState.Active, CpsOnly: false, NeedsReason: false),
        ],
        ProjectState.Active =>
        [
            new(ProjectAction.StartReview, ProjectState.UnderReview, CpsOnly: false, NeedsReason: false),
            new(ProjectAction.Suspend, ProjectState.Suspended, CpsOnly: false, NeedsReason: true),
            new(ProjectAction.Close, ProjectState.Closed, CpsOnly: true, NeedsReason: true),
        ],
        ProjectState.Suspended =>
        [
            new(ProjectAction.Resume, ProjectState.Active, CpsOnly: false, NeedsReason: false),
            new(ProjectAction.Close, ProjectState.Closed, CpsOnly: true, NeedsReason: true),
        ],
        ProjectState.UnderReview =>
        [
            new(ProjectAction.ContinueAfterReview, ProjectState.Active, CpsOnly: true, NeedsReason: false),
            new(ProjectAction.Remodel, ProjectState.Remodelled, CpsOnly: true, NeedsReason: true),
            new(ProjectAction.Close, ProjectState.Closed, CpsOnly: true, NeedsReason: true),
        ],
        ProjectState.Remodelled =>
        [
            new(ProjectAction.Start, ProjectState.Active, CpsOnly: false, NeedsReason: false),
        ],
        ProjectState.Closed =>
        [
            new(ProjectAction.StartFollowUp, ProjectState.FollowUp, CpsOnly: false, NeedsReason: false),
        ],
        ProjectState.NotEligible or ProjectState.FollowUp => [],
    };

    public static Transition? Find(ProjectState state, ProjectAction action) =>
        From(state).FirstOrDefault(t => t.Action == action);

    public static bool IsOpen(ProjectState state) => state is not (ProjectState.NotEligible or ProjectState.Closed or ProjectState.FollowUp);

    public static bool IsReviewOverdue(DateOnly? due, ProjectState state, DateOnly today) => due < today && IsRunning(state);

    /// States in which the plan is being delivered: diary entries and spending are expected.
    public static bool IsRunning(ProjectState state) =>
        state is ProjectState.Active or ProjectState.UnderReview or ProjectState.Remodelled or ProjectState.Suspended;
}
