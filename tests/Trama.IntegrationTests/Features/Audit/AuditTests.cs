using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
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
    public async Task AFormThatSaves_RecordsItsReadJustBeforeItsChange()
    {
        var (id, personId) = await ProjectAsync("AMI-0001");
        var keyWorker = await UserIdAsync("operatore");
        using var session = app.NewSession();
        await session.LoginAsync("operatore");
        var form = await session.GetAsync($"/Projects/{id}/Diary/New");
        var since = await app.WithDbAsync(db => db.AuditEntries.MaxAsync(a => a.Sequence));

        var saved = await session.SubmitAsync(form, "main form", ("Input.Notes", "Spesa al mercato con l'operatore."));
        Assert.Equal($"/Projects/{id}", saved.Url.AbsolutePath);
        var trail = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.Sequence > since && a.UserId == keyWorker).OrderBy(a => a.Sequence).ToListAsync());
        var created = trail.FindIndex(a => a.Action == AuditActions.Create && a.EntityType == nameof(DiaryEntry));
        Assert.True(created > 0);
        Assert.Equal((AuditActions.Read, nameof(HealthBudgetProject), id.ToString(), (Guid?)personId), (trail[created - 1].Action, trail[created - 1].EntityType, trail[created - 1].EntityId, trail[created - 1].PersonId));
        Assert.Equal(trail[created - 1].Sequence + 1, trail[created].Sequence);
        Assert.True((await app.WithDbAsync(db => AuditChain.VerifyAsync(db))).IsIntact);
    }

    [Fact]
    public async Task AFormThatIsRefused_StillRecordsTheReadItShowed()
    {
        var (id, _) = await ProjectAsync("AMI-0001");
        var keyWorker = await UserIdAsync("operatore");
        using var session = app.NewSession();
        await session.LoginAsync("operatore");
        var form = await session.GetAsync($"/Projects/{id}/Diary/New");
        Task<int> ReadsAsync() => app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.UserId == keyWorker && a.Action == AuditActions.Read && a.EntityId == id.ToString()));
        var before = await ReadsAsync();

        var refused = await session.SubmitAsync(form, "main form", ("Input.Notes", ""));
        Assert.Equal($"/Projects/{id}/Diary/New", refused.Url.AbsolutePath);
        Assert.NotEmpty(refused.Errors);
        Assert.Equal(before + 1, await ReadsAsync());
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
    public async Task ReadsOfMoreRowsThanOneStatementTakes_AreChainedInTheOrderShown()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var own = TramaApp.Create(demoData: false, database: database);
        await own.InitializeAsync();
        var shown = Enumerable.Range(0, 1_234).Select(i => ($"record-{i:0000}", i % 3 == 0 ? (Guid?)null : Guid.NewGuid())).ToList();
        await using (var scope = own.Scope())
        {
            await scope.ServiceProvider.GetRequiredService<AuditTrail>().RecordReadsAsync("ProjectList", shown, TestContext.Current.CancellationToken);
        }

        var written = await own.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == "ProjectList").OrderBy(a => a.Sequence).Select(a => new { a.EntityId, a.PersonId, a.Action }).ToListAsync());
        Assert.Equal(shown.Select(r => r.Item1), written.Select(w => w.EntityId));
        Assert.Equal(shown.Select(r => r.Item2), written.Select(w => w.PersonId));
        Assert.All(written, w => Assert.Equal(AuditActions.Read, w.Action));
        Assert.True((await own.WithDbAsync(db => AuditChain.VerifyAsync(db))).IsIntact);
    }

    [Fact]
    public async Task AReadRow_IsStoredAsTheChangeTrackerStoresARow()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var own = TramaApp.Create(demoData: false, database: database);
        await own.InitializeAsync();
        var person = Guid.NewGuid();
        await using (var scope = own.Scope())
        {
            await scope.ServiceProvider.GetRequiredService<AuditTrail>().RecordReadAsync("Project", "read-row", person, TestContext.Current.CancellationToken);
        }

        var read = await own.WithDbAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(a => a.EntityId == "read-row"));
        await own.WithDbAsync(async db =>
        {
            // Straight through the change tracker, not the trail: the same values, stored EF's way.
            db.AuditEntries.Add(new AuditEntry
            {
                AtUtc = read.AtUtc,
                UserId = read.UserId,
                Action = read.Action,
                EntityType = read.EntityType,
                EntityId = "tracked-row",
                PersonId = read.PersonId,
                IpAddress = read.IpAddress,
                PreviousHash = read.PreviousHash,
                Hash = read.Hash,
            });
            return await db.SaveChangesAsync();
        });

        // As text, so that a date or an id stored in another form (and compared or sorted so in SQL) shows.
        var stored = await own.WithDbAsync(db => db.Database.SqlQuery<string>($"""
            SELECT CAST("AtUtc" AS TEXT) || '|' || CAST("PersonId" AS TEXT) AS "Value" FROM "AuditEntries" WHERE "EntityId" IN ('read-row', 'tracked-row') ORDER BY "EntityId"
            """).ToListAsync());
        Assert.Equal(2, stored.Count);
        Assert.Equal(stored[0], stored[1]);
        Assert.Equal(person, read.PersonId);
    }

    [Fact]
    public async Task ConcurrentReads_AreEachCommittedWhole_AndTheChainHolds()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var own = TramaApp.Create(demoData: false, database: database);
        await own.InitializeAsync();
        var pages = Enumerable.Range(0, 24).Select(p => Enumerable.Range(0, 20).Select(r => ($"page-{p:00}-row-{r:00}", (Guid?)Guid.NewGuid())).ToList()).ToList();
        await Task.WhenAll(pages.Select(rows => Task.Run(async () =>
        {
            await using var scope = own.Scope();
            await scope.ServiceProvider.GetRequiredService<AuditTrail>().RecordReadsAsync("ProjectList", rows, TestContext.Current.CancellationToken);
        }, TestContext.Current.CancellationToken)));

        var written = await own.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == "ProjectList").OrderBy(a => a.Sequence).Select(a => a.EntityId).ToListAsync());
        Assert.Equal(pages.Sum(p => p.Count), written.Count);
        foreach (var page in written.Chunk(20))
        {
            // Each page's rows in one piece and in its order, whichever commit carried them.
            Assert.Equal(pages.Single(p => p[0].Item1 == page[0]).Select(r => r.Item1), page);
        }

        Assert.True((await own.WithDbAsync(db => AuditChain.VerifyAsync(db))).IsIntact);
    }

    [Fact]
    public async Task AReadWhoseAuditCannotBeCommitted_Fails()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var own = TramaApp.Create(demoData: false, database: database);
        await own.InitializeAsync();
        await own.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("ALTER TABLE \"AuditEntries\" RENAME TO \"AuditEntriesAway\""));
        try
        {
            var reads = Enumerable.Range(0, 6).Select(i => Task.Run(async () =>
            {
                await using var scope = own.Scope();
                await scope.ServiceProvider.GetRequiredService<AuditTrail>().RecordReadAsync("Project", $"record-{i}", null, TestContext.Current.CancellationToken);
            }, TestContext.Current.CancellationToken)).ToList();
            foreach (var read in reads)
            {
                await Assert.ThrowsAnyAsync<Exception>(() => read);
            }
        }
        finally
        {
            await own.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("ALTER TABLE \"AuditEntriesAway\" RENAME TO \"AuditEntries\""));
        }
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
