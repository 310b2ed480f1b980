using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Trama.IntegrationTests.Builders;
using Trama.IntegrationTests.Infrastructure;
using Trama.Web.Features.Account;
using Trama.Web.Features.Projects;

namespace Trama.IntegrationTests.Features.Privacy;

/// A volunteer on the team as natural facilitator sees what the assignment needs: the person's
/// name and contact, the crisis plan and their own entries; never the plan, others' notes or the budget.
[Trait("Database", "Any")]
public sealed class AssignmentScopeTests(TramaApp app) : IClassFixture<TramaApp>
{
    private async Task<(Guid Project, WebSession Session)> FacilitatorAsync()
    {
        var id = await app.WithDbAsync(db => db.Projects.Where(p => p.Person.PseudonymousCode == "AMI-0001").Select(p => p.Id).SingleAsync());
        var user = await new UserBuilder().WithRole(Roles.Volunteer).WithDisplayName("Carla Brambati").CreateAsync(app);
        await app.WithDbAsync(async db =>
        {
            db.CareTeamMembers.Add(new CareTeamMember { ProjectId = id, UserId = user.Id, Role = CareTeamRole.NaturalFacilitator, StartsOn = Trama.Web.Infrastructure.ItalianTime.Today(TimeProvider.System) });
            return await db.SaveChangesAsync();
        });
        var session = app.NewSession();
        await session.LoginAsync(user.UserName, user.Password);
        return (id, session);
    }

    [Fact]
    public async Task TheProjectPage_ShowsOnlyContactCrisisPlanAndTheirOwnEntries()
    {
        var (id, session) = await FacilitatorAsync();
        using var _ = session;
        var page = await session.GetAsync($"/Projects/{id}");
        Assert.NotNull(page.Find("[data-testid=assignment]"));
        Assert.NotNull(page.Find("[data-testid=crisis]"));
        Assert.Null(page.Find("[data-testid=goals]"));
        Assert.Null(page.Find("[data-testid=reviews]"));
        Assert.Null(page.Find("[data-testid=timeline]"));
        Assert.Null(page.Find($"a[href='/Projects/{id}/Budget']"));
        var someoneElses = await app.WithDbAsync(db => db.DiaryEntries.Where(d => d.ProjectId == id).Select(d => d.Notes).ToListAsync());
        Assert.All(someoneElses, n => Assert.DoesNotContain(n, page.Html, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Budget")]
    [InlineData("Person")]
    [InlineData("Goals/New")]
    [InlineData("CrisisPlan")]
    [InlineData("Team/Add")]
    public async Task ThePlanBudgetAndRecord_AreDenied(string page)
    {
        var (id, session) = await FacilitatorAsync();
        using var _ = session;
        Assert.Equal("/Account/AccessDenied", (await session.GetAsync($"/Projects/{id}/{page}")).Url.AbsolutePath);
    }

    [Fact]
    public async Task TheyLogTheirOwnAccompaniment_AndSeeIt()
    {
        var (id, session) = await FacilitatorAsync();
        using var _ = session;
        var form = await session.GetAsync($"/Projects/{id}/Diary/New");
        var saved = await session.SubmitAsync(form, "main form",
            ("Input.OccurredOn", DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ("Input.DurationMinutes", "60"), ("Input.Notes", "Passeggiata al parco Nord con Giorgio."));
        Assert.Equal($"/Projects/{id}", saved.Url.AbsolutePath);
        Assert.Contains("Passeggiata al parco Nord con Giorgio.", saved.TextOf("[data-testid=diary]"), StringComparison.Ordinal);
    }
}
