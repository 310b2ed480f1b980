using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Trama.IntegrationTests.Infrastructure;
using Trama.Web.Features.ServiceDirectory;

namespace Trama.IntegrationTests.Features.ServiceDirectory;

/// The demo's neighbourhood on a Wednesday morning, with forty-five more services: enough for a
/// guide that shows twenty at a time.
public sealed class BusyDirectory : IAsyncLifetime
{
    public const int Added = 45;

    /// Every third added service (AddServicesAsync).
    public const int AddedOpenOnWednesday = 15;

    public TramaApp App { get; } = TramaApp.Create(clock: ShiftedClock.NextWednesdayAt(new TimeOnly(10, 0)));

    public async ValueTask InitializeAsync()
    {
        await App.InitializeAsync();
        await AddServicesAsync(App, Added);
    }

    /// "Laboratorio di zafferano 00", "01"… spread over the demo's places; every third one is open
    /// on Wednesday mornings, the others only on Sundays.
    public static Task<int> AddServicesAsync(TramaApp app, int count) => app.WithDbAsync(async db =>
    {
        var places = await db.DirectoryLocations.OrderBy(l => l.Name).ToListAsync();
        var organisation = places[0].OrganisationId;
        for (var i = 0; i < count; i++)
        {
            var service = new DirectoryService
            {
                OrganisationId = organisation,
                Name = $"Laboratorio di zafferano {i:00}",
                Description = "Coltivazione e raccolta in un orto condiviso.",
                LastVerifiedOn = new DateOnly(2026, 10, 1),
                LastModifiedUtc = DateTime.UtcNow,
            };
            var at = new ServiceAtLocation { Service = service, LocationId = places[i % places.Count].Id };
            at.Hours.Add(i % 3 == 0
                ? new OpeningHours { Day = DayOfWeek.Wednesday, Opens = new TimeOnly(9, 0), Closes = new TimeOnly(12, 0) }
                : new OpeningHours { Day = DayOfWeek.Sunday, Opens = new TimeOnly(9, 0), Closes = new TimeOnly(12, 0) });
            service.Locations.Add(at);
            service.RefreshSearchText();
            db.DirectoryServices.Add(service);
        }

        return await db.SaveChangesAsync();
    });

    public async ValueTask DisposeAsync() => await App.DisposeAsync();
}

[Trait("Database", "Any")]
public sealed class DirectoryPagingTests(BusyDirectory directory) : IClassFixture<BusyDirectory>
{
    private static List<string> Names(HtmlResult page) =>
        page.Document.QuerySelectorAll("[data-testid=results] h2").Select(h => h.TextContent.Trim()).ToList();

    private static List<double> Distances(HtmlResult page) =>
        page.Document.QuerySelectorAll("[data-testid=distance]").Select(d => double.Parse(d.GetAttribute("data-km")!, CultureInfo.InvariantCulture)).ToList();

    [Fact]
    public async Task ALongResult_IsListedTwentyAtATime_ByName_AndTheLastPageHoldsTheRest()
    {
        using var anonymous = directory.App.NewSession();
        var first = await anonymous.GetAsync("/Directory?q=zafferano");
        Assert.StartsWith($"Servizi trovati: {BusyDirectory.Added} · mostrati dal 1 al 20", first.TextOf("[data-testid=result-count]"), StringComparison.Ordinal);
        Assert.Equal(Enumerable.Range(0, 20).Select(i => $"Laboratorio di zafferano {i:00}"), Names(first));
        Assert.Contains("Pagina 1 di 3", first.TextOf("[data-testid=pager-results]"), StringComparison.Ordinal);

        // The first page has nothing before it: only "next" is a link.
        var next = Assert.Single(first.Document.QuerySelectorAll("[data-testid=pager-results] a")).GetAttribute("href")!;
        Assert.Contains("q=zafferano", next, StringComparison.Ordinal);
        Assert.Equal(Enumerable.Range(20, 20).Select(i => $"Laboratorio di zafferano {i:00}"), Names(await anonymous.GetAsync(next)));

        var last = await anonymous.GetAsync("/Directory?q=zafferano&p=99");
        Assert.Equal(Enumerable.Range(40, 5).Select(i => $"Laboratorio di zafferano {i:00}"), Names(last));
        Assert.Contains("p=2", Assert.Single(last.Document.QuerySelectorAll("[data-testid=pager-results] a")).GetAttribute("href"), StringComparison.Ordinal);
        Assert.Contains("Pagina 3 di 3", last.TextOf("[data-testid=pager-results]"), StringComparison.Ordinal);
        Assert.Equal(20, Names(await anonymous.GetAsync("/Directory?q=zafferano&p=nonsense")).Count);
    }

    [Fact]
    public async Task NearAPoint_EachPageContinuesFromTheNearest()
    {
        var pharmacy = await directory.App.WithDbAsync(db => db.DirectoryLocations.Where(l => l.Name == "Farmacia Comunale 2").Select(l => l.Id).SingleAsync());
        using var anonymous = directory.App.NewSession();
        var first = Distances(await anonymous.GetAsync($"/Directory?near={pharmacy}&radius=10"));
        var second = Distances(await anonymous.GetAsync($"/Directory?near={pharmacy}&radius=10&p=2"));
        Assert.Equal(20, first.Count);
        Assert.NotEmpty(second);
        Assert.Equal(first.Concat(second).Order(), first.Concat(second));
        Assert.All(second, d => Assert.InRange(d, 0, 10));
    }

    [Fact]
    public async Task OpenNow_FiltersTheWholeResultBeforeItIsPaged()
    {
        using var anonymous = directory.App.NewSession();
        var page = await anonymous.GetAsync("/Directory?q=zafferano&open=true");
        Assert.StartsWith($"Servizi trovati: {BusyDirectory.AddedOpenOnWednesday}", page.TextOf("[data-testid=result-count]"), StringComparison.Ordinal);
        Assert.Equal(BusyDirectory.AddedOpenOnWednesday, page.Document.QuerySelectorAll("[data-testid=open]").Length);
        Assert.All(Names(page), n => Assert.Equal(0, int.Parse(n[^2..], CultureInfo.InvariantCulture) % 3));
    }

    [Theory]
    [InlineData("10:00")]
    [InlineData("12:00")]
    [InlineData("08:59")]
    [InlineData("17:30")]
    public async Task TheDatabasesOpenNow_AgreesWithTheServicePagesRule_AtEveryPlace(string time)
    {
        var moments = Enumerable.Range(0, 7).Select(d => new DateTime(2026, 12, 21).AddDays(d).Add(TimeOnly.Parse(time, CultureInfo.InvariantCulture).ToTimeSpan()))
            .Append(new DateTime(2026, 12, 25, 10, 0, 0)).ToList();
        await directory.App.WithDbAsync(async db =>
        {
            var openings = 0;
            var places = await db.ServicesAtLocations.AsNoTracking().Include(a => a.Hours).Include(a => a.Closures).Include(a => a.Service).AsSplitQuery().ToListAsync();
            foreach (var moment in moments)
            {
                var open = await db.ServicesAtLocations.Where(OpeningTimes.OpenAt(moment)).Select(a => a.Id).ToListAsync();
                var expected = places.Where(a => a.Service.Status == ServiceStatus.Active && OpeningTimes.IsOpen(a.Hours, a.Closures, moment)).Select(a => a.Id);
                Assert.Equal(expected.Order(), open.Order());
                openings += open.Count;
            }

            Assert.True(time != "10:00" || openings > 0, "a week of mornings opens nothing: the comparison proves nothing");
            return true;
        });
    }
}
