using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Trama.IntegrationTests.Infrastructure;
using Trama.Web.Data;
using Trama.Web.Features.Audit;

namespace Trama.IntegrationTests.Data;

[Trait("Database", "Any")]
public sealed class ContextPoolTests(TramaApp app) : IClassFixture<TramaApp>
{
    [Fact]
    public async Task AContextBackFromThePool_HoldsNoneOfTheLastRequestsReadsOrChanges()
    {
        AppDbContext left;
        await using (var scope = app.Scope())
        {
            left = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            left.ReadsHeldForSave.Add(new AuditEntry { Action = AuditActions.Read, EntityType = "Prova", EntityId = "left-behind", PreviousHash = string.Empty, Hash = string.Empty });
            left.ChangedInTransaction.Add(typeof(AuditEntry));
        }

        // The pool hands contexts out oldest first: take them all, holding each, until the one left comes back.
        var scopes = new List<AsyncServiceScope>();
        try
        {
            AppDbContext? again = null;
            while (again is null && scopes.Count < 256)
            {
                var scope = app.Scope();
                scopes.Add(scope);
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                again = ReferenceEquals(db, left) ? db : null;
            }

            Assert.NotNull(again);
            Assert.Empty(again.ReadsHeldForSave);
            Assert.Empty(again.ChangedInTransaction);
        }
        finally
        {
            foreach (var scope in scopes)
            {
                await scope.DisposeAsync();
            }
        }
    }
}

[Trait("Database", "Sqlite")]
public sealed class SqliteContextPoolTests(TramaApp app) : IClassFixture<TramaApp>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EveryConnectionARequestMayGet_HasTheSqlFunctionsEfQueriesCall()
    {
        var codes = await app.WithDbAsync(db => db.Programmes.Select(p => p.Code).ToListAsync(Cancel));
        var expected = codes.Count(c => Regex.IsMatch(c, "^[A-Z]"));

        // More requests at once than connections kept, twice: the later ones get spare connections,
        // the second time ones that served before and were closed in between.
        for (var round = 0; round < 2; round++)
        {
            var scopes = Enumerable.Range(0, 12).Select(_ => app.Scope()).ToList();
            try
            {
                foreach (var scope in scopes)
                {
                    var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                    Assert.Equal(expected, await db.Programmes.CountAsync(p => Regex.IsMatch(p.Code, "^[A-Z]"), Cancel));
                }
            }
            finally
            {
                foreach (var scope in scopes)
                {
                    await scope.DisposeAsync();
                }
            }
        }
    }
}
