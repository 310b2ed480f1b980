using Trama.Web.Features.Projects;

namespace Trama.Web.Features.Budget;

/// One line of a project's budget plan: a life area funded by a source, of a nature, planned and
/// committed. What was spent comes from the ledger, never typed here.
public class BudgetLine
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ProjectId { get; set; }

    public Guid LifeAreaId { get; set; }

    public LifeArea LifeArea { get; set; } = null!;

    public FundingSource Source { get; set; }

    public BudgetNature Nature { get; set; }

    /// The period the line funds (a year of the agreement, say). Lines written before periods
    /// existed have none and count for the whole project.
    public DateOnly? PeriodStart { get; set; }

    public DateOnly? PeriodEnd { get; set; }

    public long PlannedCents { get; set; }

    public long CommittedCents { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    /// What is wrong with a period, as a string-table key and whether it is the start that is
    /// wrong; null when it is fine. At most three years, not before the referral.
    public static (string Key, bool OnStart)? PeriodProblem(DateOnly start, DateOnly end, DateOnly referredOn) =>
        end < start ? ("Validation.EndBeforeStart", false)
        : end > start.AddYears(3) ? ("Budget.PeriodTooLong", false)
        : start < referredOn ? ("Budget.PeriodBeforeReferral", true)
        : null;
}
