namespace Trama.Web.Features.Projects;

/// What someone does to move a project on; each action is one arrow of the lifecycle.
public enum ProjectAction
{
    Accept,
    PutOnWaitingList,
    DeclineAsNotEligible,
    CompleteAssessment,
    ApproveAndSignAgreement,
    Start,
    Suspend,
    Resume,
    StartReview,
    ContinueAfterReview,
    Remodel,
    Close,
    StartFollowUp,
}

public enum ClosureReason
{
    GoalsReached,
    MovedToOrdinaryServices,
    Withdrew,
    Transferred,
    Deceased,
    Other,
}
