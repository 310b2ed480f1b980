using System.Net;
using Microsoft.EntityFrameworkCore;
using Trama.IntegrationTests.Infrastructure;
using Trama.Web.Features.ServiceDirectory;

namespace Trama.IntegrationTests.Features.ServiceDirectory;

/// Each organisation keeps its own entries of the guide; coordinators keep all of them and the
/// categories; every save is in the entry's history, and a stale form never overwrites.
[Trait("Database", "Any")]
public sealed class DirectoryEditingTests(TramaApp app) : IClassFixture<TramaApp>
{
    private Task<Guid> ServiceAsync(string name) =>
        app.WithDbAsync(db => db.DirectoryServices.Where(s => s.Name == name).Select(s => s.Id).SingleAsync());

    private async Task<WebSession> SessionAsync(string user)
    {
        var session = app.NewSession();
        await session.LoginAsync(user);
        return session;
    }

    [Fact]
    public async Task TheCommunityHouseChangesItsLunchHours_TheGuideShowsThem_AndTheHistorySaysWhoAndWhat()
    {
        var id = await ServiceAsync("Pranzo comunitario del giovedì");
        using var house = await SessionAsync("volontario");
        var form = await house.GetAsync($"/Directory/Manage/Services/{id}");
        Assert.Equal(HttpStatusCode.OK, form.Status);
        var thursday = Array.IndexOf(Trama.Web.Features.ServiceDirectory.Manage.Schedule.Week, DayOfWeek.Thursday);
        var saved = await house.SubmitAsync(form, "[data-testid=service-form]",
            ($"Input.Places[0].Days[{thursday}].Opens1", "12:30"), ($"Input.Places[0].Days[{thursday}].Closes1", "15:00"),
            ("Input.Places[0].Closures", "24/12/2026-06/01/2027 Vacanze di Natale"));
        Assert.Equal(HttpStatusCode.OK, saved.Status);
        Assert.Empty(saved.Errors);
        Assert.Equal("Lucia Ferri", saved.Find("[data-testid=history] tbody tr td:nth-child(2)")!.TextContent.Trim());
        Assert.Contains("orari", saved.TextOf("[data-testid=history] tbody tr td:nth-child(3)"), StringComparison.Ordinal);
        Assert.Contains("chiusure", saved.TextOf("[data-testid=history] tbody tr td:nth-child(3)"), StringComparison.Ordinal);

        using var anonymous = app.NewSession();
        var page = await anonymous.GetAsync($"/Directory/Services/{id}");
        Assert.Contains("12:30", page.Text, StringComparison.Ordinal);
        Assert.Contains("Vacanze di Natale", page.Text, StringComparison.Ordinal);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == nameof(OpeningHours))));
    }

    [Fact]
    public async Task APharmacyCannotChangeTheCommunityHousesService_ButTheCoordinatorCan()
    {
        var id = await ServiceAsync("Corso di italiano per donne");
        using var pharmacy = await SessionAsync("sportello");
        Assert.Equal(HttpStatusCode.NotFound, (await pharmacy.GetAsync($"/Directory/Manage/Services/{id}")).Status);
        var list = await pharmacy.GetAsync("/Directory/Manage");
        Assert.Null(list.Find($"[data-service='{id}']"));

        using var coordinator = await SessionAsync("coordinatore");
        var form = await coordinator.GetAsync($"/Directory/Manage/Services/{id}");
        var saved = await coordinator.SubmitAsync(form, "[data-testid=service-form]", ("Input.Capacity", "20 posti, al completo fino a gennaio"));
        Assert.Empty(saved.Errors);
        Assert.Equal("20 posti, al completo fino a gennaio", await app.WithDbAsync(db => db.DirectoryServices.Where(s => s.Id == id).Select(s => s.Capacity).SingleAsync()));
    }

    [Fact]
    public async Task BackwardsHoursABadClosureAndBadLanguages_AreEachExplained_NothingIsSaved_AndTheTypingStays()
    {
        var id = await ServiceAsync("Sportello di ascolto e orientamento");
        using var house = await SessionAsync("volontario");
        var form = await house.GetAsync($"/Directory/Manage/Services/{id}");
        var page = await house.SubmitAsync(form, "[data-testid=service-form]",
            ("Input.Name", "Sportello rinominato"), ("Input.Places[0].Days[0].Opens1", "12:00"), ("Input.Places[0].Days[0].Closes1", "09:00"),
            ("Input.Places[0].Closures", "31/02/2026 Chiuso\n25/12/2026"), ("Input.Languages", "italiano"));
        Assert.Contains("La chiusura deve venire dopo l'apertura.", page.Errors);
        Assert.Contains(page.Errors, e => e.Contains("riga 1: la data va scritta", StringComparison.Ordinal));
        Assert.Contains(page.Errors, e => e.Contains("riga 2: scrivi il motivo", StringComparison.Ordinal));
        Assert.Contains("Scrivi le lingue come codici di due lettere separati da virgole, per esempio: it, en, ar.", page.Errors);
        Assert.Equal("Sportello rinominato", page.Find("#Input_Name")!.GetAttribute("value"));
        Assert.Contains("25/12/2026", page.Find("#closures-0")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Sportello di ascolto e orientamento", await app.WithDbAsync(db => db.DirectoryServices.Where(s => s.Id == id).Select(s => s.Name).SingleAsync()));
    }

    [Fact]
    public async Task AFormOpenedBeforeSomeoneElsesSave_IsRefused_AndTheirChangeStays()
    {
        var id = await ServiceAsync("Gruppo di cammino del quartiere");
        using var coordinator = await SessionAsync("coordinatore");
        var first = await coordinator.GetAsync($"/Directory/Manage/Services/{id}");
        var second = await coordinator.GetAsync($"/Directory/Manage/Services/{id}");
        Assert.Empty((await coordinator.SubmitAsync(first, "[data-testid=service-form]", ("Input.Capacity", "Prima modifica"))).Errors);
        var refused = await coordinator.SubmitAsync(second, "[data-testid=service-form]", ("Input.Capacity", "Seconda modifica"));
        Assert.Contains(refused.Errors, e => e.StartsWith("Qualcun altro ha appena modificato questa voce", StringComparison.Ordinal));
        Assert.Equal("Prima modifica", await app.WithDbAsync(db => db.DirectoryServices.Where(s => s.Id == id).Select(s => s.Capacity).SingleAsync()));
    }

    [Fact]
    public async Task ANewPlaceWithCoordinatesTypedTheItalianWay_AndANewServiceThere_AreFoundInTheGuide()
    {
        using var house = await SessionAsync("volontario");
        var placeForm = await house.GetAsync("/Directory/Manage/Places");
        var outside = await house.SubmitAsync(placeForm, "[data-testid=place-form]",
            ("Input.Name", "Saletta di via Verdi"), ("Input.Street", "Via Giuseppe Verdi 12"), ("Input.PostalCode", "20092"), ("Input.City", "Cinisello Balsamo"),
            ("Input.Latitude", "51,5"), ("Input.Longitude", "9,2210"));
        Assert.Contains("Questo punto è fuori dall'Italia: controlla latitudine e longitudine.", outside.Errors);
        var place = await house.SubmitAsync(outside, "[data-testid=place-form]", ("Input.Latitude", "45,5531"));
        Assert.Empty(place.Errors);
        var saved = await app.WithDbAsync(db => db.DirectoryLocations.Where(l => l.Name == "Saletta di via Verdi").Select(l => new { l.Latitude, l.Longitude }).SingleAsync());
        Assert.Equal((45.5531, 9.221), (saved.Latitude, saved.Longitude));

        var serviceForm = await house.GetAsync("/Directory/Manage/Services");
        var places = serviceForm.Document.QuerySelectorAll("[data-testid=service-form] fieldset[data-place]").Select(f => f.GetAttribute("data-place")).ToList();
        var p = places.IndexOf("Saletta di via Verdi");
        var category = await app.WithDbAsync(db => db.ServiceCategories.Where(c => c.Code == "culture").Select(c => c.Id).SingleAsync());
        var created = await house.SubmitAsync(serviceForm, "[data-testid=service-form]",
            ("Input.Name", "Cineforum del martedì"), ("Input.Description", "Un film e due chiacchiere, con la merenda."),
            ("Input.Categories", category.ToString()), ($"Input.Places[{p}].Offered", "true"),
            ($"Input.Places[{p}].Days[1].Opens1", "15:00"), ($"Input.Places[{p}].Days[1].Closes1", "18:00"));
        Assert.Empty(created.Errors);

        using var anonymous = app.NewSession();
        var found = await anonymous.GetAsync("/Directory?q=cineforum");
        Assert.Contains("Cineforum del martedì", found.Text, StringComparison.Ordinal);
        Assert.Contains("Via Giuseppe Verdi 12", found.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheCoordinatorRenamesACategory_AndTheGuideFindsItsServicesByTheNewName()
    {
        using var coordinator = await SessionAsync("coordinatore");
        var page = await coordinator.GetAsync("/Directory/Manage/Categories");
        var renamed = await coordinator.SubmitAsync(page, "form[data-category=faith]", ("Category.NameIt", "Comunità religiose e spiritualità"));
        Assert.Empty(renamed.Errors);
        var added = await coordinator.SubmitAsync(renamed, "form[data-category=new]", ("Category.Code", "sport"), ("Category.NameIt", "Sport"), ("Category.NameEn", "Sport"));
        Assert.Empty(added.Errors);
        var taken = await coordinator.SubmitAsync(added, "form[data-category=new]", ("Category.Code", "sport"), ("Category.NameIt", "Sport bis"), ("Category.NameEn", "Sport"));
        Assert.Contains("Esiste già una categoria con questo codice.", taken.Errors);

        using var anonymous = app.NewSession();
        var found = await anonymous.GetAsync("/Directory?q=spiritualita");
        Assert.Contains("Centro di ascolto Caritas", found.Text, StringComparison.Ordinal);

        using var house = await SessionAsync("volontario");
        Assert.Equal(HttpStatusCode.Forbidden, (await house.GetAsync("/Directory/Manage/Categories")).Status);
    }

    [Fact]
    public async Task TheHouseKeepsItsOrganisationsIdentifiers_AWrongCodiceFiscaleIsExplained_AndTheExportShowsTheRightOne()
    {
        var id = await app.WithDbAsync(db => db.Organisations.Where(o => o.Name == "Casa della Cittadinanza").Select(o => o.Id).SingleAsync());
        using var house = await SessionAsync("volontario");
        var form = await house.GetAsync($"/Directory/Manage/Organisations/{id}");
        Assert.Equal(HttpStatusCode.OK, form.Status);
        var wrong = await house.SubmitAsync(form, "[data-testid=organisation-form]", ("Input.TaxCode", "02912340152"), ("Input.ThirdSectorNumber", "RUNTS 123456"));
        Assert.Contains("Questo codice fiscale non è valido: controlla le cifre (11 per un ente, 16 caratteri per una persona).", wrong.Errors);
        Assert.Equal("RUNTS 123456", wrong.Find("#Input_ThirdSectorNumber")!.GetAttribute("value"));
        var saved = await house.SubmitAsync(wrong, "[data-testid=organisation-form]", ("Input.TaxCode", "02912340151"));
        Assert.Empty(saved.Errors);
        Assert.Contains("codice fiscale", saved.TextOf("[data-testid=history] tbody tr td:nth-child(3)"), StringComparison.Ordinal);

        using var anonymous = app.NewSession();
        var hsds = await anonymous.Client.GetStringAsync(new Uri($"/api/v1/hsds/organizations/{id}", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Contains("\"tax_id\":\"02912340151\"", hsds, StringComparison.Ordinal);
        Assert.Contains("RUNTS 123456", hsds, StringComparison.Ordinal);

        using var pharmacy = await SessionAsync("sportello");
        Assert.Equal(HttpStatusCode.NotFound, (await pharmacy.GetAsync($"/Directory/Manage/Organisations/{id}")).Status);
    }
}
