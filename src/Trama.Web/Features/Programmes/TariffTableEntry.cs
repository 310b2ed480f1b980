using Trama.Web.Features.Projects;

namespace Trama.Web.Features.Programmes;

public enum TariffUnit
{
    PerDay,
    PerMonth,
}

/// One row of a territory's tariff table: what an intensity costs per day or month in a period,
/// split into the health share (ASST) and the social share (Comune). Rows are never edited once a
/// period has started; a new rate is a new row from a later date.
public class TariffTableEntry
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid TerritoryId { get; set; }

    public Intensity Intensity { get; set; }

    public TariffUnit Unit { get; set; }

    public long HealthShareCents { get; set; }

    public long SocialShareCents { get; set; }

    public long TotalCents => HealthShareCents + SocialShareCents;

    public DateOnly ValidFrom { get; set; }

    public DateOnly? ValidTo { get; set; }

    public bool AppliesOn(DateOnly day) => ValidFrom <= day && (ValidTo is null || ValidTo >= day);

    /// What a project at an intensity costs over a period, at the rates in force on each day:
    /// whole days at a daily rate, days ÷ 30 of a monthly one, each share rounded to the cent.
    public static (long HealthCents, long SocialCents) CostBetween(IEnumerable<TariffTableEntry> rows, Intensity intensity, DateOnly from, DateOnly to)
    {
        long health = 0, social = 0;
        foreach (var r in rows.Where(r => r.Intensity == intensity))
        {
            var start = r.ValidFrom > from ? r.ValidFrom : from;
            var end = r.ValidTo is { } until && until < to ? until : to;
            var days = end.DayNumber - start.DayNumber + 1;
            if (days <= 0)
            {
                continue;
            }

            health += Share(r.HealthShareCents, r.Unit, days);
            social += Share(r.SocialShareCents, r.Unit, days);
        }

        return (health, social);
    }

    private static long Share(long cents, TariffUnit unit, int days) =>
        unit == TariffUnit.PerDay ? cents * days : (long)Math.Round(cents * days / 30m, MidpointRounding.ToEven);
}
