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
}
