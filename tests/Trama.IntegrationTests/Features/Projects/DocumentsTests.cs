using Microsoft.EntityFrameworkCore;
using Trama.IntegrationTests.Infrastructure;

namespace Trama.IntegrationTests.Features.Projects;

[Trait("Database", "Any")]
public sealed class DocumentsTests(TramaApp app) : IClassFixture<TramaApp>
{
    [Fact]
    public async Task TheDocumentsPage_ListsEveryFrozenAgreementAndEveryReceipt()
    {
        var id = await app.WithDbAsync(db => db.Projects.Where(p => p.Person.PseudonymousCode == "AMI-0001").Select(p => p.Id).SingleAsync());
        var (versions, receipts) = await app.WithDbAsync(async db => (await db.AgreementVersions.CountAsync(v => v.ProjectId == id), await db.Receipts.CountAsync(r => r.ProjectId == id && !r.IsObscured)));
        using var session = app.NewSession();
        await session.LoginAsync("clinico");

        var page = await session.GetAsync($"/Projects/{id}/Documents");

        Assert.True(versions > 0);
        Assert.Equal(versions, page.Document.QuerySelectorAll("[data-testid=documents] tr[data-kind=Agreement]").Length);
        Assert.Equal(receipts, page.Document.QuerySelectorAll("[data-testid=documents] tr[data-kind=Receipt]").Length);
    }
}
