using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Trama.IntegrationTests.Infrastructure;
using Trama.Web.Data;

namespace Trama.IntegrationTests.Data;

[Trait("Database", "Sqlite")]
public sealed class SqliteDatabaseTests(TramaApp app) : IClassFixture<TramaApp>
{
    [Fact]
    public async Task Sqlite_RunsInWalModeWithForeignKeysOn()
    {
        var (journal, foreignKeys) = await app.WithDbAsync(async db =>
        {
            await db.Database.OpenConnectionAsync(TestContext.Current.CancellationToken);
            var journal = await db.Database.SqlQueryRaw<string>("PRAGMA journal_mode").ToListAsync(TestContext.Current.CancellationToken);
            var keys = await db.Database.SqlQueryRaw<long>("PRAGMA foreign_keys").ToListAsync(TestContext.Current.CancellationToken);
            return (journal.Single(), keys.Single());
        });
        Assert.Equal("wal", journal);
        Assert.Equal(1, foreignKeys);
    }

    [Fact]
    public async Task Sqlite_DatabaseFile_IsCreatedInTheDataDirectory()
    {
        Assert.True(File.Exists(Path.Combine(app.Database.DataDirectory, "trama.db")));
        Assert.Empty(await app.WithDbAsync(async db => (await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken)).ToList()));
    }

    private Task<List<string>> AnalysedIndexesOfPeopleAsync() =>
        app.WithDbAsync(db => db.Database.SqlQueryRaw<string>("""SELECT "idx" AS "Value" FROM "sqlite_stat1" WHERE "tbl" = 'People'""").ToListAsync(TestContext.Current.CancellationToken));

    [Fact]
    public async Task Sqlite_AfterStartUp_ThePlannerHasStatisticsForTheCoveringIndexes()
    {
        // Without them SQLite looks people up by their primary key and reads the whole row.
        Assert.Contains("IX_People_Id_PseudonymousCode_NormalisedName", await AnalysedIndexesOfPeopleAsync());
    }

    [Fact]
    public async Task Sqlite_ThePlannerStatistics_AreRefreshedByAScheduledJob()
    {
        // SQLite analyses again only the tables that have grown or shrunk tenfold since their
        // statistics; what is tested here is that the job is scheduled and runs.
        Assert.Contains(app.Services.GetServices<Trama.Web.Infrastructure.Jobs.ScheduledJobType>(), j => j.Type == typeof(PlannerStatisticsJob));
        await using var scope = app.Scope();
        Assert.Equal("statistics refreshed", await scope.ServiceProvider.GetRequiredService<PlannerStatisticsJob>().RunAsync(TestContext.Current.CancellationToken));
    }
}

[Trait("Database", "Postgres")]
public sealed class PostgresMigrationTests
{
    [Fact]
    public async Task Migrations_OnAnEmptyPostgresDatabase_AllApply()
    {
        Assert.SkipUnless(TestEnvironment.PostgresAdminConnection is not null, "needs TRAMA_TEST_POSTGRES: ./test.sh provides it");
        await using var database = await TestDatabase.CreateAsync("Postgres");
        await using var app = TramaApp.Create(demoData: false, database: database);
        await app.InitializeAsync();
        var (applied, known, provider) = await app.WithDbAsync(async db => (
            (await db.Database.GetAppliedMigrationsAsync(TestContext.Current.CancellationToken)).ToList(),
            db.Database.GetMigrations().ToList(),
            db.Database.ProviderName));
        Assert.Equal("Npgsql.EntityFrameworkCore.PostgreSQL", provider);
        Assert.NotEmpty(known);
        Assert.Equal(known, applied);
    }
}

[Trait("Database", "Any")]
public sealed class ConstraintTests(TramaApp app) : IClassFixture<TramaApp>
{
    [Fact]
    public async Task Model_HasNoChangeWithoutAMigration() =>
        Assert.False(await app.WithDbAsync(db => Task.FromResult(db.Database.HasPendingModelChanges())));

    [Fact]
    public async Task Membership_EndingBeforeItStarts_IsRefusedByTheDatabase()
    {
        await Assert.ThrowsAsync<DbUpdateException>(() => app.WithDbAsync(async db =>
        {
            var user = await db.Users.FirstAsync(TestContext.Current.CancellationToken);
            var organisation = await db.Organisations.FirstAsync(TestContext.Current.CancellationToken);
            db.OrganisationMemberships.Add(new() { UserId = user.Id, OrganisationId = organisation.Id, StartsOn = new DateOnly(2024, 5, 1), EndsOn = new DateOnly(2024, 4, 1) });
            return await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }));
    }

    [Fact]
    public async Task Programme_WithAMissingTerritory_IsRefusedByTheForeignKey()
    {
        await Assert.ThrowsAsync<DbUpdateException>(() => app.WithDbAsync(async db =>
        {
            db.Programmes.Add(new() { Code = "X" + Guid.NewGuid().ToString("N")[..6], Name = "x", Summary = "x", FunderName = "x", TerritoryId = Guid.NewGuid() });
            return await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }));
    }
}
