using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Trama.IntegrationTests.Infrastructure;
using Trama.Web.Features.Audit;

namespace Trama.IntegrationTests.Features.Audit;

/// A scripted working session: each step leaves exactly the audit rows it should, no more, no
/// fewer, and the chain still verifies at the end.
[Trait("Database", "Any")]
public sealed class AuditCompletenessTests(TramaApp app) : IClassFixture<TramaApp>
{
    private async Task<List<(string Action, string Entity)>> RowsAfterAsync(long sequence, string userId) =>
        (await app.WithDbAsync(db => db.AuditEntries.Where(a => a.Sequence > sequence && a.UserId == userId).OrderBy(a => a.Sequence)
            .Select(a => new { a.Action, a.EntityType }).ToListAsync()))
        .Select(a => (a.Action, a.EntityType)).ToList();

    private Task<long> LastAsync() => app.WithDbAsync(async db => await db.AuditEntries.MaxAsync(a => (long?)a.Sequence) ?? 0);

    [Fact]
    public async Task EachReadAndWrite_LeavesExactlyOneRecord_AndTheChainVerifies()
    {
        var id = await app.WithDbAsync(db => db.Projects.Where(p => p.Person.PseudonymousCode == "AMI-0001").Select(p => p.Id).SingleAsync());
        var userId = await app.WithDbAsync(db => db.Users.Where(u => u.UserName == "operatore").Select(u => u.Id).SingleAsync());
        using var session = app.NewSession();
        await session.LoginAsync("operatore");
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var mark = await LastAsync();
        await session.GetAsync($"/Projects/{id}");
        Assert.Equal([(AuditActions.Read, "HealthBudgetProject")], await RowsAfterAsync(mark, userId));

        var form = await session.GetAsync($"/Projects/{id}/Diary/New");
        mark = await LastAsync();
        await session.SubmitAsync(form, "main form", ("Input.OccurredOn", today), ("Input.DurationMinutes", "40"), ("Input.Notes", "Spesa al mercato di viale Monza."));
        Assert.Equal([(AuditActions.Read, "HealthBudgetProject"), (AuditActions.Create, "DiaryEntry"), (AuditActions.Read, "HealthBudgetProject")], await RowsAfterAsync(mark, userId));

        var budget = await session.GetAsync($"/Projects/{id}/Budget");
        mark = await LastAsync();
        await session.SubmitAsync(budget, "form[data-testid=spending-form]", ("Spending.Amount", "8,40"), ("Spending.Supplier", "Bar Pergola"), ("Spending.Description", "Colazione dopo il colloquio"));
        Assert.Equal([(AuditActions.Read, "HealthBudgetProject"), (AuditActions.Create, "LedgerEntry"), (AuditActions.Read, "HealthBudgetProject")], await RowsAfterAsync(mark, userId));

        mark = await LastAsync();
        await session.GetAsync("/");
        await session.GetAsync("/Account/ChangePassword");
        Assert.DoesNotContain(await RowsAfterAsync(mark, userId), r => r.Entity is "HealthBudgetProject" or "Person" or "DiaryEntry");

        var verification = await app.WithDbAsync(db => AuditChain.VerifyAsync(db));
        Assert.True(verification.IsIntact);

        var victim = await LastAsync() - 2;
        await app.WithDbAsync(db => db.Database.ExecuteSqlAsync($"DELETE FROM \"AuditEntries\" WHERE \"Sequence\" = {victim}"));
        Assert.Equal(victim + 1, (await app.WithDbAsync(db => AuditChain.VerifyAsync(db))).FirstBrokenSequence);
    }
}
