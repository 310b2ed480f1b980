using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Trama.IntegrationTests.Infrastructure;

namespace Trama.IntegrationTests.Features.ServiceDirectory;

/// A coordinator imports a list of services (an HSDS export or Trama's CSV): a preview row by row,
/// errors that name the row, nothing changed until the confirmation, and export → import → export
/// gives back the same guide.
[Trait("Database", "Any")]
public sealed class DirectoryImportTests(TramaApp app) : IClassFixture<TramaApp>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private async Task<WebSession> CoordinatorAsync()
    {
        var session = app.NewSession();
        await session.LoginAsync("coordinatore");
        return session;
    }

    /// Every service of the guide as the public HSDS API gives it, in full.
    private async Task<JsonArray> ExportAsync()
    {
        using var anonymous = app.NewSession();
        var list = JsonNode.Parse(await anonymous.Client.GetStringAsync(new Uri("/api/v1/hsds/services?per_page=1000", UriKind.Relative), Cancel))!;
        var services = new JsonArray();
        foreach (var item in list["contents"]!.AsArray())
        {
            services.Add(JsonNode.Parse(await anonymous.Client.GetStringAsync(new Uri($"/api/v1/hsds/services/{item!["id"]}", UriKind.Relative), Cancel)));
        }

        return services;
    }

    /// The export without what an import may rightly renew: the modification instant, and the ids
    /// of schedule rows written again because the hours changed.
    private static string Comparable(JsonArray services)
    {
        var copy = services.DeepClone().AsArray();
        foreach (var s in copy)
        {
            s!.AsObject().Remove("last_modified");
            foreach (var at in s["service_at_locations"]!.AsArray())
            {
                foreach (var schedule in at!["schedules"]!.AsArray())
                {
                    schedule!.AsObject().Remove("id");
                }
            }
        }

        return copy.ToJsonString();
    }

    private static async Task<HtmlResult> PreviewAsync(WebSession session, string fileName, string content)
    {
        var page = await session.GetAsync("/Directory/Manage/Import");
        return await session.UploadAsync(page, "[data-testid=import-form]", "file", fileName, Encoding.UTF8.GetBytes(content));
    }

    private static List<string> Actions(HtmlResult preview) =>
        preview.Document.QuerySelectorAll("[data-testid=import-preview] tr[data-action]").Select(r => r.GetAttribute("data-action")!).ToList();

    [Fact]
    public async Task ExportThenImport_ChangesOnlyWhatDiffers_AndTheGuideExportsAsBefore()
    {
        var export = await ExportAsync();
        var file = export.ToJsonString();
        var before = Comparable(export);
        var changed = await app.WithDbAsync(db => db.DirectoryServices.Where(s => s.Name == "Centro di ascolto Caritas").Select(s => s.Id).SingleAsync());
        await app.WithDbAsync(async db =>
        {
            var service = await db.DirectoryServices.Include(s => s.Locations).ThenInclude(a => a.Hours).SingleAsync(s => s.Id == changed);
            service.Capacity = "Cambiato a mano dopo l'esportazione";
            db.RemoveRange(service.Locations[0].Hours);
            return await db.SaveChangesAsync();
        });

        using var coordinator = await CoordinatorAsync();
        var preview = await PreviewAsync(coordinator, "guida.json", file);
        Assert.Equal(HttpStatusCode.OK, preview.Status);
        Assert.Null(preview.Find("[data-testid=import-problems]"));
        Assert.Equal(export.Count, Actions(preview).Count);
        Assert.Equal(["Update"], Actions(preview).Where(a => a != "Unchanged"));
        Assert.Contains("orari", preview.TextOf("[data-testid=import-preview] tr[data-action=Update]"), StringComparison.Ordinal);
        Assert.Equal("Cambiato a mano dopo l'esportazione", await app.WithDbAsync(db => db.DirectoryServices.Where(s => s.Id == changed).Select(s => s.Capacity).SingleAsync()));

        var done = await coordinator.SubmitAsync(preview, "[data-testid=import-apply]");
        Assert.Contains("Importazione fatta: 0 servizi nuovi, 1 aggiornati", done.Text, StringComparison.Ordinal);
        Assert.Equal(before, Comparable(await ExportAsync()));
        Assert.True(await app.WithDbAsync(db => db.DirectoryChanges.AnyAsync(c => c.EntityId == changed && c.Source == Trama.Web.Features.ServiceDirectory.DirectoryChangeSource.Import)));
    }

    [Fact]
    public async Task ServicesFromAnotherDirectory_ComeInWithANewOrganisation_TheirPlacesAndHours()
    {
        var export = await ExportAsync();
        var foreign = new JsonArray();
        foreach (var s in export.Where(s => s!["organization"]!["name"]!.GetValue<string>() == "Centro anziani Crocetta Nord"))
        {
            var copy = JsonNode.Parse(s!.ToJsonString()!.Replace(s["organization"]!["id"]!.GetValue<string>(), Guid.NewGuid().ToString(), StringComparison.Ordinal))!;
            copy["id"] = Guid.NewGuid().ToString();
            copy["organization"]!["name"] = "Associazione Il Ponte";
            copy["organization"]!["tax_id"] = "97123450155";
            foreach (var at in copy["service_at_locations"]!.AsArray())
            {
                at!["location"]!["id"] = Guid.NewGuid().ToString();
            }

            foreign.Add(copy);
        }

        Assert.NotEmpty(foreign);
        using var coordinator = await CoordinatorAsync();
        var preview = await PreviewAsync(coordinator, "altra-guida.json", JsonSerializer.Serialize(new { contents = foreign }));
        Assert.All(Actions(preview), a => Assert.Equal("New", a));
        Assert.Contains("nuova", preview.TextOf("[data-testid=import-preview] tbody tr"), StringComparison.Ordinal);
        await coordinator.SubmitAsync(preview, "[data-testid=import-apply]");

        var imported = await app.WithDbAsync(db => db.DirectoryServices.Where(s => s.Organisation.Name == "Associazione Il Ponte")
            .Select(s => new { s.Name, Hours = s.Locations.SelectMany(a => a.Hours).Count(), s.Organisation.TaxCode }).ToListAsync());
        Assert.Equal(foreign.Count, imported.Count);
        Assert.All(imported, s => Assert.Equal("97123450155", s.TaxCode));
        Assert.All(imported, s => Assert.True(s.Hours > 0));
    }

    [Fact]
    public async Task ACsvWithBadRows_NamesEachRowAndItsProblem_AndImportsNothing()
    {
        var header = string.Join(';', Trama.Web.Features.ServiceDirectory.Manage.DirectoryFile.CsvColumns);
        var csv = header + "\n"
            + "Associazione Errata;;Servizio buono;Descrizione.;elderly;it;;;;no;;;;;;Sede;Via Roma 1;20092;Cinisello Balsamo;MI;45,55;9,22;Lu-Ve 09:00-12:00\n"
            + "Associazione Errata;;Orari sbagliati;Descrizione.;elderly;it;;;;no;;;;;;Sede;Via Roma 1;20092;Cinisello Balsamo;MI;45,55;9,22;Lunedì mattina\n"
            + "Associazione Errata;;Fuori dall'Italia;Descrizione.;elderly;it;;;;no;;;;;;Sede;Via Roma 1;20092;Cinisello Balsamo;MI;52,52;13,40;Lu 09:00-12:00\n"
            + "Associazione Errata;;Categoria ignota;Descrizione.;astrologia;it;;;;no;;;;;;Sede;Via Roma 1;20092;Cinisello Balsamo;MI;45,55;9,22;Lu 09:00-12:00\n"
            + "Associazione Errata;;;Senza nome.;elderly;it;;;;no;;;;;;Sede;Via Roma 1;20092;Cinisello Balsamo;MI;45,55;9,22;\n";
        using var coordinator = await CoordinatorAsync();
        var preview = await PreviewAsync(coordinator, "elenco.csv", csv);
        var problems = preview.Document.QuerySelectorAll("[data-testid=import-problems] li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Contains(problems, p => p.StartsWith("Riga 3: orari non leggibili: «Lunedì mattina»", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Riga 4: «latitudine»: il punto è fuori dall'Italia.", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Riga 5: categorie sconosciute alla guida: astrologia.", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Riga 6: manca «servizio».", StringComparison.Ordinal));
        Assert.Null(preview.Find("[data-testid=import-apply]"));
        Assert.False(await app.WithDbAsync(db => db.Organisations.AnyAsync(o => o.Name == "Associazione Errata")));
    }

    [Fact]
    public async Task AGoodCsv_AddsItsServiceAtTwoPlaces_AndTheSameFileAgainChangesNothing()
    {
        var header = string.Join(';', Trama.Web.Features.ServiceDirectory.Manage.DirectoryFile.CsvColumns);
        var csv = header + "\r\n"
            + "Bocciofila Crocetta;;Bocce del pomeriggio;\"Partite a bocce; poi un caffè insieme.\";elderly,culture;it;02 555 1234;;;sì;Pensionati del quartiere;Basta presentarsi;;;01/11/2026;Campo di via Giolitti;Via Giolitti 5;20092;Cinisello Balsamo;MI;45.5551;9.2189;Lu-Ve 14:30-18:00\r\n"
            + "Bocciofila Crocetta;;Bocce del pomeriggio;\"Partite a bocce; poi un caffè insieme.\";elderly,culture;it;02 555 1234;;;sì;Pensionati del quartiere;Basta presentarsi;;;01/11/2026;Parco Nord;Via Clerici 2;20092;Cinisello Balsamo;MI;45,5589;9,2011;Sa 09:00-12:00\r\n";
        using var coordinator = await CoordinatorAsync();
        var preview = await PreviewAsync(coordinator, "bocce.csv", csv);
        Assert.Equal(["New"], Actions(preview));
        await coordinator.SubmitAsync(preview, "[data-testid=import-apply]");

        using var anonymous = app.NewSession();
        var found = await anonymous.GetAsync("/Directory?q=bocce");
        Assert.Contains("Bocce del pomeriggio", found.Text, StringComparison.Ordinal);
        var service = await app.WithDbAsync(db => db.DirectoryServices.Where(s => s.Name == "Bocce del pomeriggio")
            .Select(s => new { s.Description, Places = s.Locations.Count, Hours = s.Locations.SelectMany(a => a.Hours).Count(), s.AcceptsReferrals }).SingleAsync());
        Assert.Equal("Partite a bocce; poi un caffè insieme.", service.Description);
        Assert.Equal((2, 6, true), (service.Places, service.Hours, service.AcceptsReferrals));

        var again = await PreviewAsync(coordinator, "bocce.csv", csv);
        Assert.Equal(["Unchanged"], Actions(again));
    }

    [Fact]
    public async Task OnlyCoordinatorsImport()
    {
        using var house = app.NewSession();
        await house.LoginAsync("volontario");
        Assert.Equal(HttpStatusCode.Forbidden, (await house.GetAsync("/Directory/Manage/Import")).Status);
    }
}
