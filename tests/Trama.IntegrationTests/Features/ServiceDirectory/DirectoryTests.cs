using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Trama.IntegrationTests.Infrastructure;
using Trama.Web.Features.Organisations;
using Trama.Web.Features.ServiceDirectory;

namespace Trama.IntegrationTests.Features.ServiceDirectory;

/// The public guide to the neighbourhood's services, without a login.
[Trait("Database", "Any")]
public sealed class DirectoryTests(TramaApp app) : IClassFixture<TramaApp>
{
    private static List<string> Names(HtmlResult page) =>
        page.Document.QuerySelectorAll("[data-testid=results] h2").Select(h => h.TextContent.Trim()).ToList();

    private Task<Guid> PlaceAsync(string name) =>
        app.WithDbAsync(db => db.DirectoryLocations.Where(l => l.Name == name).Select(l => l.Id).SingleAsync());

    [Fact]
    public async Task TheGuide_OpensWithoutALogin_AndListsTheNeighbourhoodsServices()
    {
        using var anonymous = app.NewSession();
        var page = await anonymous.GetAsync("/Directory");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("/Directory", page.Url.AbsolutePath);
        Assert.Contains("Sportello di ascolto e orientamento", Names(page));
        Assert.Contains("Centro di aggregazione giovanile: compiti e laboratori", Names(page));
        Assert.Equal(20, Names(page).Count);
    }

    [Fact]
    public async Task ASearchByWords_FindsTheServicesThatMentionThem()
    {
        using var anonymous = app.NewSession();
        var page = await anonymous.GetAsync("/Directory?q=pressione");
        Assert.Equal(3, Names(page).Count);
        Assert.All(Names(page), n => Assert.StartsWith("Pressione e ascolto alla Farmacia Comunale", n, StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheCategoryAndLanguageFilters_KeepOnlyWhatMatchesBoth()
    {
        using var anonymous = app.NewSession();
        Assert.Equal(["Centro di aggregazione giovanile: compiti e laboratori"], Names(await anonymous.GetAsync("/Directory?category=youth")));
        var arabic = Names(await anonymous.GetAsync("/Directory?language=ar"));
        Assert.Contains("Corso di italiano per donne", arabic);
        Assert.DoesNotContain("Gruppo di auto-mutuo aiuto", arabic);
        Assert.Equal(["Corso di italiano per donne"], Names(await anonymous.GetAsync("/Directory?category=languages&language=ur")));
    }

    [Fact]
    public async Task NearAPharmacy_OnlyServicesWithinTheRadiusAreListed_NearestFirst()
    {
        var pharmacy = await PlaceAsync("Farmacia Comunale 2");
        using var anonymous = app.NewSession();
        var page = await anonymous.GetAsync($"/Directory?near={pharmacy}&radius=1");
        var distances = page.Document.QuerySelectorAll("[data-testid=distance]").Select(d => double.Parse(d.GetAttribute("data-km")!, CultureInfo.InvariantCulture)).ToList();
        Assert.NotEmpty(distances);
        Assert.All(distances, d => Assert.InRange(d, 0, 1));
        Assert.Equal(distances.Order(), distances);
        Assert.Equal("Pressione e ascolto alla Farmacia Comunale 2", Names(page)[0]);
        Assert.DoesNotContain(Names(page), n => n.StartsWith("Accoglienza e presa in carico al CPS", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ThePlacesToSearchNear_AreThoseOfTheProgrammesPartners_AndNoOtherOrganisations()
    {
        var (partnerPlaces, otherPlaces) = await app.WithDbAsync(async db =>
        {
            var territory = await db.Territories.Select(t => t.Id).FirstAsync();
            var outsider = new Organisation { Name = "Circolo fuori dalla rete", Kind = OrganisationKind.Association, TerritoryId = territory };
            db.Organisations.Add(outsider);
            db.DirectoryLocations.Add(new DirectoryLocation
            {
                OrganisationId = outsider.Id,
                Name = "Sede del circolo",
                Street = "Via Padova 1",
                PostalCode = "20127",
                City = "Milano",
                Latitude = 45.49,
                Longitude = 9.22,
            });
            await db.SaveChangesAsync();
            var partners = (await db.ProgrammePartners.Select(pp => pp.OrganisationId).ToListAsync()).ToHashSet();
            var places = await db.DirectoryLocations.Select(l => new { l.Id, l.OrganisationId }).ToListAsync();
            return (places.Where(l => partners.Contains(l.OrganisationId)).Select(l => l.Id.ToString()).ToHashSet(),
                places.Where(l => !partners.Contains(l.OrganisationId)).Select(l => l.Id.ToString()).ToList());
        });
        Assert.NotEmpty(otherPlaces);

        using var anonymous = app.NewSession();
        var page = await anonymous.GetAsync("/Directory");
        var offered = page.Document.QuerySelectorAll("select#near option").Select(o => o.GetAttribute("value")!).Where(v => v is not ("" or "me")).ToHashSet();
        Assert.Equal(partnerPlaces, offered);
    }

    [Fact]
    public async Task OpenNow_ListsExactlyTheServicesShownAsOpen()
    {
        using var anonymous = app.NewSession();
        var all = await anonymous.GetAsync("/Directory");
        var openInAll = all.Document.QuerySelectorAll("[data-testid=results] li").Where(li => li.QuerySelector("[data-testid=open]") is not null).Select(li => li.QuerySelector("h2")!.TextContent.Trim()).ToList();
        var open = await anonymous.GetAsync("/Directory?open=true");
        Assert.Equal(openInAll.Order(StringComparer.Ordinal), Names(open).Order(StringComparer.Ordinal));
        Assert.Equal(Names(open).Count, open.Document.QuerySelectorAll("[data-testid=open]").Length);
    }

    [Fact]
    public async Task AServicePage_ShowsWhoItIsForHowToGetInAndTheWeeksHours()
    {
        var id = await app.WithDbAsync(db => db.DirectoryServices.Where(s => s.Name == "Centro di aggregazione giovanile: compiti e laboratori").Select(s => s.Id).SingleAsync());
        using var anonymous = app.NewSession();
        var page = await anonymous.GetAsync($"/Directory/Services/{id}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("dagli 11 ai 18 anni", page.Text, StringComparison.Ordinal);
        Assert.Contains("Iscrizione con un genitore", page.Text, StringComparison.Ordinal);
        Assert.Contains("14:30–18:30", page.Text, StringComparison.Ordinal);
        Assert.Contains("Via Liguria 9, 20092 Cinisello Balsamo", page.Text, StringComparison.Ordinal);
        Assert.Equal(7, page.Document.QuerySelectorAll("table tbody tr").Length);
    }

    [Fact]
    public async Task AnUnknownServiceOrANonsenseFilter_IsANotFoundOrAClearMessage_NeverAnError()
    {
        using var anonymous = app.NewSession();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/Directory/Services/{Guid.NewGuid()}")).Status);
        var page = await anonymous.GetAsync("/Directory?radius=7&near=me&lat=999&category=none&language=xx");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Scegli una distanza dall'elenco.", page.Errors);
        Assert.Contains(page.Errors, e => e.StartsWith("La tua posizione non è arrivata", StringComparison.Ordinal));
        Assert.Equal(20, Names(page).Count);
    }
}
