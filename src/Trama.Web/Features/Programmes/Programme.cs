namespace Trama.Web.Features.Programmes;

/// A funded programme in one territory (aMIcittà; Stiamo bene in Crocetta). Every later record
/// (project, referral, event, donation) belongs to one.
public class Programme
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public required string Code { get; set; }

    public required string Name { get; set; }

    public required string Summary { get; set; }

    public Guid TerritoryId { get; set; }

    public Territory Territory { get; set; } = null!;

    public required string FunderName { get; set; }

    /// Largest share of costs the funder covers, in percent; the rest must be shown as co-financing.
    public int? FunderMaxSharePercent { get; set; }

    /// Months between a project's reviews (T0, T3, T6… by default).
    public int ReviewIntervalMonths { get; set; } = 3;

    public DateOnly StartsOn { get; set; }

    public DateOnly? EndsOn { get; set; }

    public List<ProgrammePartner> Partners { get; } = [];
}
