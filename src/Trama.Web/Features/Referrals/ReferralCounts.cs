using Microsoft.EntityFrameworkCore;
using Trama.Web.Data;

namespace Trama.Web.Features.Referrals;

/// How many referrals, sent in a period, by sending node, receiving service, category and where
/// they stand: the figures the network's reports are built on. Counts only, no person.
public sealed class ReferralCounts(AppDbContext db)
{
    public sealed record Row(string Name, int Sent, int Waiting, int Accepted, int Completed, int Rejected, int NotTakenUp, int Cancelled);

    public sealed record Report(DateOnly From, DateOnly To, Row Total, IReadOnlyList<Row> ByNode, IReadOnlyList<Row> ByService, IReadOnlyList<Row> ByCategory);

    private sealed record Item(Guid Id, Guid ServiceId, string Node, string Service, ReferralState State);

    public async Task<Report> CountAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        var start = Infrastructure.ItalianTime.ToUtc(from.ToDateTime(TimeOnly.MinValue));
        var end = Infrastructure.ItalianTime.ToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue));
        var items = await db.Referrals.AsNoTracking()
            .Where(r => r.CreatedAtUtc >= start && r.CreatedAtUtc < end)
            .Select(r => new Item(r.Id, r.ServiceId, r.FromOrganisation.Name, r.Service.Name + " · " + r.Service.Organisation.Name, r.State))
            .ToListAsync(cancellationToken);
        var services = items.Select(i => i.ServiceId).Distinct().ToList();
        var english = System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
        var categories = (await db.DirectoryServices.AsNoTracking()
            .Where(s => services.Contains(s.Id))
            .SelectMany(s => s.Categories, (s, c) => new { ServiceId = s.Id, c.NameIt, c.NameEn })
            .ToListAsync(cancellationToken))
            .ToLookup(c => c.ServiceId, c => english ? c.NameEn : c.NameIt);
        return new Report(
            from,
            to,
            RowOf(string.Empty, items),
            Group(items, i => i.Node),
            Group(items, i => i.Service),
            items.SelectMany(i => categories[i.ServiceId].Select(name => (Name: name, Item: i))).GroupBy(x => x.Name)
                .Select(g => RowOf(g.Key, g.Select(x => x.Item).ToList())).OrderByDescending(r => r.Sent).ThenBy(r => r.Name, StringComparer.CurrentCulture).ToList());
    }

    private static List<Row> Group(IEnumerable<Item> items, Func<Item, string> key) =>
        items.GroupBy(key).Select(g => RowOf(g.Key, g.ToList())).OrderByDescending(r => r.Sent).ThenBy(r => r.Name, StringComparer.CurrentCulture).ToList();

    private static Row RowOf(string name, IReadOnlyCollection<Item> items) => new(
        name,
        items.Count,
        items.Count(i => ReferralLifecycle.IsWaiting(i.State)),
        items.Count(i => i.State is ReferralState.Accepted or ReferralState.InProgress),
        items.Count(i => i.State == ReferralState.Completed),
        items.Count(i => i.State == ReferralState.Rejected),
        items.Count(i => i.State == ReferralState.NotTakenUp),
        items.Count(i => i.State == ReferralState.Cancelled));
}
