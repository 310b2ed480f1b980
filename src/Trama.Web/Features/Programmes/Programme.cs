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

    /// What an hour of staff, peer-expert and volunteer time is worth in the budget and in the
    /// co-financing the funder counts; set by the programme, never constants in code.
    public long StaffHourlyRateCents { get; set; } = 2500;

    public long PeerHourlyRateCents { get; set; } = 1800;

    public long VolunteerHourlyRateCents { get; set; } = 1500;

    /// Changes on every save of the settings; a save carrying an older value is a concurrent edit.
    public Guid Version { get; set; } = Guid.NewGuid();

    public DateOnly StartsOn { get; set; }

    public DateOnly? EndsOn { get; set; }

    public List<ProgrammePartner> Partners { get; } = [];
}
