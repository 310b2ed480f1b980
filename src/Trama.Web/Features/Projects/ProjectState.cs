namespace Trama.Web.Features.Projects;

public enum ProjectState
{
    Referred,
    WaitingList,
    NotEligible,
    Assessment,
    CoDesign,
    AgreementSigned,
    Active,
    Suspended,
    UnderReview,
    Remodelled,
    Closed,
    FollowUp,
}
