using Microsoft.EntityFrameworkCore;
using Trama.IntegrationTests.Infrastructure;
using Trama.Web.Features.Organisations;

namespace Trama.IntegrationTests.Features.Programmes;

/// The programmes a user may switch to follow their memberships from the next page on, although
/// the list is kept between requests.
[Trait("Database", "Any")]
public sealed class ProgrammeChoiceTests(TramaApp app) : IClassFixture<TramaApp>
{
    private static List<string> Offered(HtmlResult page) =>
        page.Document.QuerySelectorAll("#programme-switch option").Select(o => o.GetAttribute("value")!).ToList();

    [Fact]
    public async Task JoiningAPartnerOfAnotherProgramme_OffersItAtTheNextPage_AndLeavingItTakesItAway()
    {
        var userId = await app.WithDbAsync(db => db.Users.Where(u => u.UserName == "operatore").Select(u => u.Id).SingleAsync());
        var other = await app.WithDbAsync(db => db.Programmes
            .Where(p => !p.Partners.Any(pp => pp.Organisation.Members.Any(m => m.UserId == userId)))
            .Select(p => new { p.Code, Partner = p.Partners.Select(pp => pp.OrganisationId).First() }).FirstAsync());
        using var session = app.NewSession();
        await session.LoginAsync("operatore");
        Assert.DoesNotContain(other.Code, Offered(await session.GetAsync("/")));

        var today = Trama.Web.Infrastructure.ItalianTime.Today(TimeProvider.System);
        var membership = await app.WithDbAsync(async db =>
        {
            var joined = new OrganisationMembership { UserId = userId, OrganisationId = other.Partner, StartsOn = today.AddDays(-10) };
            db.OrganisationMemberships.Add(joined);
            await db.SaveChangesAsync();
            return joined.Id;
        });
        Assert.Contains(other.Code, Offered(await session.GetAsync("/")));

        await app.WithDbAsync(async db =>
        {
            (await db.OrganisationMemberships.SingleAsync(m => m.Id == membership)).EndsOn = today.AddDays(-1);
            return await db.SaveChangesAsync();
        });
        Assert.DoesNotContain(other.Code, Offered(await session.GetAsync("/")));
    }
}
