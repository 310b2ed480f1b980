namespace Trama.Web.Features.Budget;

public enum FundingSource
{
    HealthAuthority,
    Municipality,
    PersonOrFamily,
    CommunityInKind,
    VolunteerTime,
    Funder,
    OtherFunds,
}

public enum BudgetNature
{
    Cash,
    StaffTime,
    InKind,
    VolunteerTime,
}

public enum BudgetAlert
{
    None,
    /// 90% or more of the plan is spent.
    NearlySpent,

    /// All of the plan is spent, or more.
    Exhausted,
}
