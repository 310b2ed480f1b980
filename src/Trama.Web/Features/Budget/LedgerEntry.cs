using Trama.Web.Features.Projects;

namespace Trama.Web.Features.Budget;

/// Money actually spent on a project: what, when, how much, paid from which source for which area.
public class LedgerEntry
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ProjectId { get; set; }

    public DateOnly SpentOn { get; set; }

    public long AmountCents { get; set; }

    public FundingSource Source { get; set; }

    public Guid LifeAreaId { get; set; }

    public LifeArea LifeArea { get; set; } = null!;

    public required string Supplier { get; set; }

    public required string Description { get; set; }

    public required string RecordedByUserId { get; set; }

    public DateTime CreatedAtUtc { get; set; }
}
