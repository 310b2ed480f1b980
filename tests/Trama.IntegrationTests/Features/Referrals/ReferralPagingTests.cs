using Microsoft.EntityFrameworkCore;
using Trama.IntegrationTests.Infrastructure;
using Trama.Web.Features.Audit;
using Trama.Web.Features.Referrals;

namespace Trama.IntegrationTests.Features.Referrals;

/// A CPS sends thousands of referrals a year: the lists show fifty at a time, newest first, and
/// only the rows on screen are read and audited.
[Trait("Database", "Any")]
public sealed class ReferralPagingTests(TramaApp app) : IClassFixture<TramaApp>
{
    private async Task<List<Guid>> SixtyReferralsToTheHouseAsync(DateTime start) => await app.WithDbAsync(async db =>
    {
        var service = await db.DirectoryServices.Where(s => s.Name == "Sportello di ascolto e orientamento").Select(s => s.Id).SingleAsync();
        var sender = await db.Users.Where(u => u.UserName == "sportello").Select(u => u.Id).SingleAsync();
        var from = await db.OrganisationMemberships.Where(m => m.UserId == sender).Select(m => m.OrganisationId).FirstAsync();
        var referrals = Enumerable.Range(0, 60).Select(i => new Referral
        {
            ServiceId = service,
            FromOrganisationId = from,
            CreatedByUserId = sender,
            CreatedAtUtc = start.AddMinutes(i),
            StateChangedAtUtc = start.AddMinutes(i),
            GivenName = "Paginata",
            FamilyName = $"Persona {i:00}",
            Contact = "333 000 0000",
            Reason = "Cerca compagnia nel quartiere.",
            ConsentGiven = true,
        }).ToList();
        db.Referrals.AddRange(referrals);
        await db.SaveChangesAsync();
        return referrals.OrderByDescending(r => r.CreatedAtUtc).Select(r => r.Id).ToList();
    });

    private Task<bool> ReadAuditedAsync(Guid id) =>
        app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == nameof(Referral) && a.EntityId == id.ToString() && a.Action == AuditActions.Read));

    [Fact]
    public async Task TheInboxShowsFiftyNewestFirst_AndTheOlderOnTheNextPage_AuditingOnlyWhatIsShown()
    {
        // Newer than anything the other test of this class adds, whichever runs first.
        var newestFirst = await SixtyReferralsToTheHouseAsync(DateTime.UtcNow.AddHours(-2));
        using var house = app.NewSession();
        await house.LoginAsync("volontario");

        var first = await house.GetAsync("/Referrals");
        var rows = first.Document.QuerySelectorAll("[data-testid=referrals-inbox] tbody tr").Select(r => Guid.Parse(r.GetAttribute("data-referral")!)).ToList();
        Assert.Equal(IndexModel.PageSize, rows.Count);
        Assert.Equal(newestFirst[0], rows[0]);
        Assert.Contains("Pagina 1 di", first.TextOf("[data-testid=pager-inbox]"), StringComparison.Ordinal);
        Assert.True(await ReadAuditedAsync(newestFirst[0]));
        Assert.False(await ReadAuditedAsync(newestFirst[^1]));

        var second = await house.GetAsync("/Referrals?inbox=2");
        var older = second.Document.QuerySelectorAll("[data-testid=referrals-inbox] tbody tr").Select(r => Guid.Parse(r.GetAttribute("data-referral")!)).ToList();
        Assert.Contains(newestFirst[^1], older);
        Assert.DoesNotContain(newestFirst[0], older);
        Assert.True(await ReadAuditedAsync(newestFirst[^1]));
    }

    [Fact]
    public async Task APageBeyondTheLastShowsTheLast()
    {
        await SixtyReferralsToTheHouseAsync(DateTime.UtcNow.AddDays(-3));
        using var house = app.NewSession();
        await house.LoginAsync("volontario");
        var page = await house.GetAsync("/Referrals?inbox=999");
        Assert.Equal(System.Net.HttpStatusCode.OK, page.Status);
        Assert.NotEmpty(page.Document.QuerySelectorAll("[data-testid=referrals-inbox] tbody tr"));
    }
}
