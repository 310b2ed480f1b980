using Microsoft.EntityFrameworkCore;
using Trama.IntegrationTests.Infrastructure;
using Trama.Web.Features.Audit;
using Trama.Web.Features.Projects;

namespace Trama.IntegrationTests.Features.Audit;

[Trait("Database", "Any")]
public sealed class AuditTests(TramaApp app) : IClassFixture<TramaApp>
{
    private Task<(Guid Id, Guid PersonId)> ProjectAsync(string code) =>
        app.WithDbAsync(async db => await db.Projects.Where(p => p.Person.PseudonymousCode == code).Select(p => new ValueTuple<Guid, Guid>(p.Id, p.PersonId)).SingleAsync());

    private Task<string> UserIdAsync(string userName) =>
        app.WithDbAsync(db => db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync());

    [Fact]
    public async Task ReadingAProjectPage_WritesExactlyOneReadRecord()
    {
        var (id, personId) = await ProjectAsync("AMI-0001");
        var clinician = await UserIdAsync("clinico");
        using var session = app.NewSession();
        await session.LoginAsync("clinico");
        var before = await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.UserId == clinician && a.Action == AuditActions.Read && a.EntityType == "HealthBudgetProject" && a.EntityId == id.ToString()));
        await session.GetAsync($"/Projects/{id}");
        var reads = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.UserId == clinician && a.Action == AuditActions.Read && a.EntityType == "HealthBudgetProject" && a.EntityId == id.ToString()).ToListAsync());
        Assert.Equal(before + 1, reads.Count);
        Assert.Equal(personId, reads[^1].PersonId);
    }

    [Fact]
    public async Task AListOfProjects_RecordsOneReadPerPersonShown()
    {
        var keyWorker = await UserIdAsync("operatore");
        using var session = app.NewSession();
        await session.LoginAsync("operatore");
        var page = await session.GetAsync("/Projects?sort=code");
        var shown = page.Document.QuerySelectorAll("[data-testid=projects] tbody tr").Length;
        var rows = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.UserId == keyWorker && a.EntityType == "ProjectList").ToListAsync());
        Assert.True(shown > 0);
        Assert.True(rows.Count >= shown);
        Assert.All(rows, r => Assert.NotNull(r.PersonId));
    }

    [Fact]
    public async Task AnOutOfScopeAttempt_ReadsNothingAndRecordsNoRead()
    {
        var (id, _) = await ProjectAsync("AMI-0001");
        var outsider = await UserIdAsync("clinico.litta");
        using var session = app.NewSession();
        await session.LoginAsync("clinico.litta");
        var before = await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.UserId == outsider && a.EntityId == id.ToString()));
        var page = await session.GetAsync($"/Projects/{id}");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, page.Status);
        Assert.Equal(before, await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.UserId == outsider && a.EntityId == id.ToString())));
    }

    [Fact]
    public async Task ATransition_IsRecordedWithTheStateBeforeAndAfter()
    {
        var code = await app.WithDbAsync(db => db.Projects.Where(p => p.State == ProjectState.Active && p.MentalHealthCentre.Name == "CPS via Cherasco" && p.Person.PseudonymousCode != "AMI-0001").Select(p => p.Person.PseudonymousCode).FirstAsync());
        var (id, personId) = await ProjectAsync(code);
        using var session = app.NewSession();
        await session.LoginAsync("operatore");
        var page = await session.GetAsync($"/Projects/{id}");
        await session.SubmitAsync(page, "form[data-action=Suspend]", ("reason", "Ricovero breve"));
        var update = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityId == id.ToString() && a.Action == AuditActions.Update).OrderBy(a => a.Sequence).LastAsync());
        Assert.Equal(personId, update.PersonId);
        Assert.Contains("\"State\":[\"Active\",\"Suspended\"]", update.Changes, StringComparison.Ordinal);
        Assert.Equal(await UserIdAsync("operatore"), update.UserId);
    }

    [Fact]
    public async Task TheChain_VerifiesAndATamperedRowIsFound()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var own = TramaApp.Create(database: database);
        await own.InitializeAsync();
        using (var session = own.NewSession())
        {
            await session.LoginAsync("clinico");
            await session.GetAsync("/Projects");
        }

        var intact = await own.WithDbAsync(db => AuditChain.VerifyAsync(db));
        Assert.True(intact.IsIntact);
        Assert.True(intact.Checked > 100);

        var victim = await own.WithDbAsync(db => db.AuditEntries.OrderBy(a => a.Sequence).Skip(50).Select(a => a.Sequence).FirstAsync());
        await own.WithDbAsync(db => db.Database.ExecuteSqlAsync($"UPDATE \"AuditEntries\" SET \"UserId\" = 'someone-else' WHERE \"Sequence\" = {victim}"));
        var broken = await own.WithDbAsync(db => AuditChain.VerifyAsync(db));
        Assert.Equal(victim, broken.FirstBrokenSequence);
    }

    [Fact]
    public async Task ThePerson_SeesWhoOpenedTheirRecord()
    {
        var (id, _) = await ProjectAsync("AMI-0001");
        using (var clinician = app.NewSession())
        {
            await clinician.LoginAsync("assistente.sociale");
            await clinician.GetAsync($"/Projects/{id}");
        }

        using var person = app.NewSession();
        await person.LoginAsync("beneficiario");
        var page = await person.GetAsync("/Me/Access");
        var table = page.TextOf("[data-testid=accesses]");
        Assert.Contains("Paolo Riva", table, StringComparison.Ordinal);
        Assert.Contains("ha consultato – il tuo progetto", table, StringComparison.Ordinal);
        Assert.Contains("Elena Marchetti", table, StringComparison.Ordinal);
    }
}
