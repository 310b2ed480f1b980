using System.Net;
using Microsoft.EntityFrameworkCore;
using Trama.IntegrationTests.Infrastructure;

namespace Trama.IntegrationTests.Features.Projects;

[Trait("Database", "Any")]
public sealed class GoalEditTests(TramaApp app) : IClassFixture<TramaApp>
{
    [Fact]
    public async Task TwoPeopleChangingAGoal_TheSecondSeesBothVersions_AndNothingIsOverwritten()
    {
        var (id, goalId) = await app.WithDbAsync(async db =>
        {
            var project = await db.Projects.Where(p => p.Person.PseudonymousCode == "AMI-0001").Select(p => p.Id).SingleAsync();
            return (project, await db.Goals.Where(g => g.ProjectId == project).OrderBy(g => g.CreatedAtUtc).Select(g => g.Id).FirstAsync());
        });
        using var first = app.NewSession();
        using var second = app.NewSession();
        await first.LoginAsync("clinico");
        await second.LoginAsync("operatore");
        var a = await first.GetAsync($"/Projects/{id}/Goals/{goalId}/Edit");
        var b = await second.GetAsync($"/Projects/{id}/Goals/{goalId}/Edit");

        await first.SubmitAsync(a, "main form", ("Input.Expected", "Frequenta 14 ore a settimana"));
        var conflict = await second.SubmitAsync(b, "main form", ("Input.Expected", "Frequenta 16 ore a settimana"));

        Assert.Equal(HttpStatusCode.Conflict, conflict.Status);
        Assert.Contains("Frequenta 14 ore a settimana", conflict.TextOf("[data-testid=saved-version]"), StringComparison.Ordinal);
        Assert.Equal("Frequenta 16 ore a settimana", conflict.Find("#Input_Expected")!.GetAttribute("value"));
        Assert.Equal("Frequenta 14 ore a settimana", await app.WithDbAsync(db => db.Goals.Where(g => g.Id == goalId).Select(g => g.Expected).SingleAsync()));

        await second.SubmitAsync(conflict, "main form");
        Assert.Equal("Frequenta 16 ore a settimana", await app.WithDbAsync(db => db.Goals.Where(g => g.Id == goalId).Select(g => g.Expected).SingleAsync()));
    }

    [Fact]
    public async Task AGoalWithoutItsExpectedLevel_IsRefusedWithTheMessageNextToIt()
    {
        var (id, goalId) = await app.WithDbAsync(async db =>
        {
            var project = await db.Projects.Where(p => p.Person.PseudonymousCode == "AMI-0001").Select(p => p.Id).SingleAsync();
            return (project, await db.Goals.Where(g => g.ProjectId == project).OrderByDescending(g => g.CreatedAtUtc).Select(g => g.Id).FirstAsync());
        });
        using var session = app.NewSession();
        await session.LoginAsync("clinico");
        var page = await session.GetAsync($"/Projects/{id}/Goals/{goalId}/Edit");

        var refused = await session.SubmitAsync(page, "main form", ("Input.Expected", " "), ("Input.Title", "Titolo nuovo"));

        Assert.False(string.IsNullOrWhiteSpace(refused.TextOf("#Expected-error")));
        Assert.Equal("Titolo nuovo", refused.Find("#Input_Title")!.TextContent.Trim());
        Assert.NotEqual("Titolo nuovo", await app.WithDbAsync(db => db.Goals.Where(g => g.Id == goalId).Select(g => g.Title).SingleAsync()));
    }
}
