using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Trama.IntegrationTests.Infrastructure;
using Trama.Web.Features.Projects;

namespace Trama.IntegrationTests.Features.Concurrency;

/// Several people saving the same record at the same moment, each from the version they read:
/// one wins, every other gets a 409 conflict, and the record holds exactly the winner's change.
[Trait("Database", "Any")]
public sealed class RaceTests(TramaApp app) : IClassFixture<TramaApp>
{
    private const int Racers = 8;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// Starts every request together, as close to the same instant as the machine allows.
    private static async Task<HttpStatusCode[]> RaceAsync(Func<int, Task<HttpResponseMessage>> send)
    {
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var racers = Enumerable.Range(0, Racers).Select(async i =>
        {
            await start.Task;
            using var response = await send(i);
            return response.StatusCode;
        }).ToList();
        start.SetResult();
        return await Task.WhenAll(racers);
    }

    private static void OneWinsTheRestConflict(HttpStatusCode[] answers)
    {
        Assert.Equal(1, answers.Count(a => a == HttpStatusCode.OK));
        Assert.Equal(Racers - 1, answers.Count(a => a == HttpStatusCode.Conflict));
    }

    private async Task<HttpClient[]> ClientsAsync(string user)
    {
        var clients = new HttpClient[Racers];
        for (var i = 0; i < Racers; i++)
        {
            clients[i] = await app.BearerAsync(user);
        }

        return clients;
    }

    private Task<Guid> ProjectAsync(string code) =>
        app.WithDbAsync(db => db.Projects.Where(p => p.Person.PseudonymousCode == code).Select(p => p.Id).SingleAsync());

    private static async Task<JsonElement> JsonAsync(HttpClient client, string path)
    {
        using var json = JsonDocument.Parse(await client.GetStringAsync(new Uri(path, UriKind.Relative), Cancel));
        return json.RootElement.Clone();
    }

    [Fact]
    public async Task EightSimultaneousChangesOfAGoal_OneWins_AndTheGoalHoldsItsTextAlone()
    {
        var id = await ProjectAsync("AMI-0001");
        var clients = await ClientsAsync("operatore");
        var goal = (await JsonAsync(clients[0], $"/api/v1/projects/{id}/goals"))[0];
        var goalId = goal.GetProperty("id").GetGuid();
        var version = goal.GetProperty("version").GetGuid();
        var body = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(goal.GetRawText())!;

        var answers = await RaceAsync(i =>
        {
            var change = new Dictionary<string, JsonElement>(body)
            {
                ["expected"] = JsonSerializer.SerializeToElement($"Livello atteso scritto da {i}"),
                ["version"] = JsonSerializer.SerializeToElement(version),
            };
            return clients[i].PutAsJsonAsync($"/api/v1/projects/{id}/goals/{goalId}", change, Cancel);
        });

        OneWinsTheRestConflict(answers);
        var winner = Array.IndexOf(answers, HttpStatusCode.OK);
        Assert.Equal($"Livello atteso scritto da {winner}", await app.WithDbAsync(db => db.Goals.Where(g => g.Id == goalId).Select(g => g.Expected).SingleAsync()));
        Array.ForEach(clients, c => c.Dispose());
    }

    [Fact]
    public async Task EightSimultaneousChangesOfTheCrisisPlan_OneWins_AndThePlanHoldsItsTextAlone()
    {
        var id = await ProjectAsync("AMI-0001");
        var clients = await ClientsAsync("operatore");
        var version = (await JsonAsync(clients[0], $"/api/v1/projects/{id}/crisis-plan")).GetProperty("version").GetGuid();

        var answers = await RaceAsync(i => clients[i].PutAsJsonAsync($"/api/v1/projects/{id}/crisis-plan", new { signs = $"Segnali scritti da {i}", whatHelps = $"Aiuti scritti da {i}", whoToCall = "CPS", version }, Cancel));

        OneWinsTheRestConflict(answers);
        var winner = Array.IndexOf(answers, HttpStatusCode.OK);
        var plan = await app.WithDbAsync(db => db.Projects.Where(p => p.Id == id).Select(p => new { p.CrisisSigns, p.CrisisWhatHelps }).SingleAsync());
        Assert.Equal($"Segnali scritti da {winner}", plan.CrisisSigns);
        Assert.Equal($"Aiuti scritti da {winner}", plan.CrisisWhatHelps);
        Array.ForEach(clients, c => c.Dispose());
    }

    [Fact]
    public async Task EightSimultaneousChangesOfThePersonsRecord_OneWins()
    {
        var id = await app.WithDbAsync(db => db.Projects
            .Where(p => p.MentalHealthCentre.Name == "CPS via Cherasco" && (p.State == ProjectState.Assessment || p.State == ProjectState.CoDesign) && p.Person.PseudonymousCode != "AMI-0001")
            .OrderBy(p => p.Id).Select(p => p.Id).FirstAsync());
        var clients = await ClientsAsync("clinico");
        var record = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>((await JsonAsync(clients[0], $"/api/v1/projects/{id}/person")).GetRawText())!;

        var answers = await RaceAsync(i => clients[i].PutAsJsonAsync(
            $"/api/v1/projects/{id}/person",
            new Dictionary<string, JsonElement>(record) { ["languages"] = JsonSerializer.SerializeToElement($"italiano, lingua {i}") },
            Cancel));

        OneWinsTheRestConflict(answers);
        var winner = Array.IndexOf(answers, HttpStatusCode.OK);
        Assert.Equal($"italiano, lingua {winner}", await app.WithDbAsync(db => db.Projects.Where(p => p.Id == id).Select(p => p.Person.Languages).SingleAsync()));
        Array.ForEach(clients, c => c.Dispose());
    }

    [Fact]
    public async Task EightSimultaneousSuspensions_SuspendTheProjectOnce()
    {
        var id = await app.WithDbAsync(db => db.Projects
            .Where(p => p.MentalHealthCentre.Name == "CPS via Cherasco" && p.State == ProjectState.Active && p.Person.PseudonymousCode != "AMI-0001")
            .Select(p => p.Id).FirstAsync());
        var clients = await ClientsAsync("clinico");
        var version = (await JsonAsync(clients[0], $"/api/v1/projects/{id}")).GetProperty("version").GetGuid();
        var transitions = await app.WithDbAsync(db => db.ProjectTransitions.CountAsync(t => t.ProjectId == id));

        var answers = await RaceAsync(i => clients[i].PostAsJsonAsync($"/api/v1/projects/{id}/transitions", new { action = "Suspend", reason = $"Ricovero {i}", version }, Cancel));

        OneWinsTheRestConflict(answers);
        Assert.Equal(ProjectState.Suspended, await app.WithDbAsync(db => db.Projects.Where(p => p.Id == id).Select(p => p.State).SingleAsync()));
        Assert.Equal(transitions + 1, await app.WithDbAsync(db => db.ProjectTransitions.CountAsync(t => t.ProjectId == id)));
        Array.ForEach(clients, c => c.Dispose());
    }

    [Fact]
    public async Task EightSimultaneousChangesOfTheProgrammeSettings_OneWins()
    {
        var clients = await ClientsAsync("coordinatore");
        var settings = await JsonAsync(clients[0], "/api/v1/programme/settings");
        var version = settings.GetProperty("version").GetGuid();

        var answers = await RaceAsync(i => clients[i].PutAsJsonAsync(
            "/api/v1/programme/settings",
            new { reviewIntervalMonths = i + 1, staffHourlyRate = 25m, peerHourlyRate = 15m, volunteerHourlyRate = 0m, phases = Array.Empty<object>(), version },
            Cancel));

        OneWinsTheRestConflict(answers);
        var winner = Array.IndexOf(answers, HttpStatusCode.OK);
        Assert.Equal(winner + 1, await app.WithDbAsync(db => db.Programmes.Where(p => p.Code == Trama.Web.Features.Demo.DemoData.Amicitta).Select(p => p.ReviewIntervalMonths).SingleAsync()));
        Array.ForEach(clients, c => c.Dispose());
    }
    [Fact]
    public async Task EightSimultaneousAnswersToAReferral_OneWins_AndTheTimelineHoldsOneAnswer()
    {
        var (service, from) = await app.WithDbAsync(async db =>
            (await db.DirectoryServices.Where(s => s.Name == "Sportello di ascolto e orientamento").Select(s => s.Id).SingleAsync(),
             await db.Organisations.Where(o => o.Name == "Farmacia Comunale 2").Select(o => o.Id).SingleAsync()));
        using var pharmacy = await app.BearerAsync("sportello");
        using var sent = await pharmacy.PostAsJsonAsync("/api/v1/referrals", new { serviceId = service, fromOrganisationId = from, givenName = "Gara", familyName = "Concorrente", contact = "333 111 2222", reason = "Prova.", urgency = "Routine", consentGiven = true }, Cancel);
        var referral = await sent.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        var id = referral.GetProperty("id").GetGuid();
        var clients = await ClientsAsync("volontario");

        // Half accept, half refuse, all from the same version: exactly one answer may stand.
        var answers = await RaceAsync(i => clients[i].PostAsJsonAsync($"/api/v1/referrals/{id}/moves",
            new { action = i % 2 == 0 ? "Accept" : "Reject", text = $"Risposta {i}", version = referral.GetProperty("version").GetGuid() }, Cancel));

        OneWinsTheRestConflict(answers);
        var winner = Array.IndexOf(answers, HttpStatusCode.OK);
        var (state, events) = await app.WithDbAsync(async db => (
            await db.Referrals.Where(r => r.Id == id).Select(r => r.State).SingleAsync(),
            await db.Referrals.Where(r => r.Id == id).SelectMany(r => r.Events).Select(e => e.To).ToListAsync()));
        var expected = winner % 2 == 0 ? Trama.Web.Features.Referrals.ReferralState.Accepted : Trama.Web.Features.Referrals.ReferralState.Rejected;
        Assert.Equal(expected, state);
        Assert.Equal([Trama.Web.Features.Referrals.ReferralState.Requested, expected], events.Order());
        foreach (var client in clients)
        {
            client.Dispose();
        }
    }
    [Fact]
    public async Task EightSimultaneousSavesOfADirectoryEntry_OneWins_AndTheEntryHoldsItsTextAlone()
    {
        var id = await app.WithDbAsync(db => db.DirectoryServices.Where(s => s.Name == "Ginnastica dolce e attività ricreative").Select(s => s.Id).SingleAsync());
        var sessions = new WebSession[Racers];
        var forms = new HtmlResult[Racers];
        for (var i = 0; i < Racers; i++)
        {
            sessions[i] = app.NewSession();
            await sessions[i].LoginAsync("coordinatore");
            forms[i] = await sessions[i].GetAsync($"/Directory/Manage/Services/{id}");
        }

        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var saves = Enumerable.Range(0, Racers).Select(async i =>
        {
            await start.Task;
            return await sessions[i].SubmitAsync(forms[i], "[data-testid=service-form]", ("Input.Capacity", $"Posti scritti da {i}"));
        }).ToList();
        start.SetResult();
        var answers = await Task.WhenAll(saves);

        // The winner is sent on to the saved entry; every other form comes back with the conflict.
        var winners = answers.Select((a, i) => (a, i)).Where(x => x.a.Redirects.Count > 0).ToList();
        Assert.Single(winners);
        Assert.All(answers.Where(a => a.Redirects.Count == 0), a => Assert.Contains(a.Errors, e => e.StartsWith("Qualcun altro ha appena modificato questa voce", StringComparison.Ordinal)));
        Assert.Equal($"Posti scritti da {winners[0].i}", await app.WithDbAsync(db => db.DirectoryServices.Where(s => s.Id == id).Select(s => s.Capacity).SingleAsync()));
        Assert.Equal(1, await app.WithDbAsync(db => db.DirectoryChanges.CountAsync(c => c.EntityId == id)));
        foreach (var session in sessions)
        {
            session.Dispose();
        }
    }
}
