using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Trama.IntegrationTests.Infrastructure;

namespace Trama.IntegrationTests.Features.ServiceDirectory;

/// /api/v1/hsds: every response checked against the official HSDS 3.0 schemas (tests/hsds-schemas) by
/// Ajv, a JSON Schema 2020-12 validator, through scripts/validate-hsds.mjs.
[Trait("Database", "Any")]
public sealed class HsdsApiTests(TramaApp app) : IClassFixture<TramaApp>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static async Task<JsonNode> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync(Cancel))!;
    }

    private static async Task<(int ExitCode, string Output)> ValidateAsync(IEnumerable<(string Template, JsonNode Body)> responses)
    {
        var file = Path.Combine(TestEnvironment.TempRoot, $"hsds-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, new JsonArray([.. responses.Select(r => new JsonObject { ["path"] = r.Template, ["body"] = r.Body.DeepClone() })]).ToJsonString(), Cancel);
        var root = TestEnvironment.RepositoryRoot;
        var hsds = Path.Combine(root, "tests", "hsds-schemas");

        using var node = Process.Start(new ProcessStartInfo("node", [Path.Combine(root, "scripts", "validate-hsds.mjs"), hsds, file])
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var output = node.StandardOutput.ReadToEndAsync(Cancel);
        var errors = node.StandardError.ReadToEndAsync(Cancel);
        await node.WaitForExitAsync(Cancel);
        return (node.ExitCode, await output + await errors);
    }

    [Fact]
    public async Task EveryEndpoint_AnswersWithoutALogin_AndValidatesAgainstTheOfficialSchemas()
    {
        using var client = app.CreateClient();
        var services = await GetAsync(client, "/api/v1/hsds/services");
        var organisations = await GetAsync(client, "/api/v1/hsds/organizations");
        var serviceId = services["contents"]![0]!["id"]!.GetValue<string>();
        var organisationId = organisations["contents"]![0]!["id"]!.GetValue<string>();
        var responses = new List<(string, JsonNode)>
        {
            ("/", await GetAsync(client, "/api/v1/hsds/")),
            ("/services", services),
            ("/services", await GetAsync(client, "/api/v1/hsds/services?page=2&per_page=5")),
            ("/organizations", organisations),
            ("/service_at_locations", await GetAsync(client, "/api/v1/hsds/service_at_locations")),
            ("/taxonomies", await GetAsync(client, "/api/v1/hsds/taxonomies")),
            ("/taxonomy_terms", await GetAsync(client, "/api/v1/hsds/taxonomy_terms")),
            ("/organizations/{id}", await GetAsync(client, $"/api/v1/hsds/organizations/{organisationId}")),
        };
        foreach (var service in services["contents"]!.AsArray())
        {
            responses.Add(("/services/{id}", await GetAsync(client, $"/api/v1/hsds/services/{service!["id"]}")));
        }

        var (exit, output) = await ValidateAsync(responses);
        Assert.True(exit == 0, output);
        Assert.Equal(responses.Count, output.Split('\n').Count(l => l.StartsWith("ok ", StringComparison.Ordinal)));
        Assert.NotNull(serviceId);
    }

    [Fact]
    public async Task TheValidator_RejectsAServiceThatBreaksTheSchema()
    {
        using var client = app.CreateClient();
        var services = await GetAsync(client, "/api/v1/hsds/services");
        var broken = await GetAsync(client, $"/api/v1/hsds/services/{services["contents"]![0]!["id"]}");
        broken["status"] = "open";
        broken.AsObject().Remove("name");
        var (exit, output) = await ValidateAsync([("/services/{id}", broken)]);
        Assert.Equal(1, exit);
        Assert.Contains("INVALID", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheServiceList_IsPagedAsHsdsSays_AndFiltersByTermAndWords()
    {
        using var client = app.CreateClient();
        var second = await GetAsync(client, "/api/v1/hsds/services?page=2&per_page=5");
        Assert.Equal(20, second["total_items"]!.GetValue<int>());
        Assert.Equal(4, second["total_pages"]!.GetValue<int>());
        Assert.Equal(2, second["page_number"]!.GetValue<int>());
        Assert.Equal(5, second["size"]!.GetValue<int>());
        Assert.False(second["first_page"]!.GetValue<bool>());
        Assert.False(second["last_page"]!.GetValue<bool>());

        var terms = await GetAsync(client, "/api/v1/hsds/taxonomy_terms");
        var youth = terms["contents"]!.AsArray().Single(t => t!["code"]!.GetValue<string>() == "youth")!["id"]!.GetValue<string>();
        var young = await GetAsync(client, $"/api/v1/hsds/services?taxonomy_term_id={youth}");
        Assert.Equal(1, young["total_items"]!.GetValue<int>());
        var words = await GetAsync(client, "/api/v1/hsds/services?search=pressione");
        Assert.Equal(3, words["total_items"]!.GetValue<int>());
    }

    [Fact]
    public async Task AServiceCarriesItsPlacesHoursLanguagesAndCategories()
    {
        using var client = app.CreateClient();
        var list = await GetAsync(client, "/api/v1/hsds/services?search=aggregazione");
        var cag = await GetAsync(client, $"/api/v1/hsds/services/{list["contents"]![0]!["id"]}");
        var place = cag["service_at_locations"]![0]!;
        Assert.Equal(45.55033, place["location"]!["latitude"]!.GetValue<double>(), 5);
        Assert.Equal("Via Liguria 9", place["location"]!["addresses"]![0]!["address_1"]!.GetValue<string>());
        var weekly = place["schedules"]!.AsArray().Where(s => s!["freq"] is not null).ToList();
        Assert.Equal(["MO", "TU", "WE", "TH", "FR"], weekly.Select(s => s!["byday"]!.GetValue<string>()));
        Assert.All(weekly, s => Assert.Equal("14:30", s!["opens_at"]!.GetValue<string>()));
        Assert.Contains(place["schedules"]!.AsArray(), s => s!["description"]?.GetValue<string>() == "Chiuso: Natale e Santo Stefano");
        Assert.Equal(["it", "ar", "es"], cag["languages"]!.AsArray().Select(l => l!["code"]!.GetValue<string>()));
        Assert.Contains(cag["attributes"]!.AsArray(), a => a!["taxonomy_term"]!["code"]!.GetValue<string>() == "youth");
        Assert.Equal(cag["id"]!.GetValue<string>(), (await GetAsync(client, $"/api/v1/hsds/services/{cag["id"]}"))["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task AnUnknownService_Is404()
    {
        using var client = app.CreateClient();
        using var response = await client.GetAsync(new Uri($"/api/v1/hsds/services/{Guid.NewGuid()}", UriKind.Relative), Cancel);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(JsonValueKind.Undefined, default(JsonElement).ValueKind);
    }
}
