using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Trama.IntegrationTests.Infrastructure;
using Trama.Web.Features.Account;
using Trama.Web.Features.Demo;
using Trama.Web.Features.Projects;

namespace Trama.IntegrationTests.Security;

/// The app with one signed-in session per demo role, reused by every cell of the matrix.
public sealed class MatrixApp : IAsyncLifetime
{
    private readonly ConcurrentDictionary<string, WebSession> sessions = new();

    public TramaApp App { get; } = TramaApp.Create();

    public ValueTask InitializeAsync() => App.InitializeAsync();

    public async ValueTask DisposeAsync()
    {
        foreach (var s in sessions.Values)
        {
            s.Dispose();
        }

        await App.DisposeAsync();
    }

    public async Task<WebSession> SessionAsync(string? userName)
    {
        if (userName is null)
        {
            return App.NewSession();
        }

        if (!sessions.TryGetValue(userName, out var session))
        {
            session = App.NewSession();
            await session.LoginAsync(userName);
            sessions[userName] = session;
        }

        return session;
    }
}

[Trait("Database", "Any")]
public sealed class AuthorisationMatrixTests(MatrixApp fixture) : IClassFixture<MatrixApp>
{
    private static readonly Dictionary<string, string> UserOfRole = DemoData.Users
        .GroupBy(u => u.Role).ToDictionary(g => g.Key, g => g.First().UserName);

    public static TheoryData<string, string, string> Cells()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var route in AuthorisationMatrix.Routes)
        {
            foreach (var role in Roles.All.Append(AuthorisationMatrix.Anonymous))
            {
                foreach (var scope in route.Record == RecordKind.None ? ["-"] : new[] { "in", "out" })
                {
                    data.Add(route.Pattern, role, scope);
                }
            }
        }

        return data;
    }

    [Fact]
    public void EveryEndpointOfTheApp_HasAnEntryInTheMatrix()
    {
        var mapped = fixture.App.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => !e.Metadata.Any(m => m.GetType().Name.Contains("StaticAsset", StringComparison.Ordinal)) && e.RoutePattern.RawText != "{**path:file}")
            .Select(e => e.RoutePattern.RawText?.Trim('/') ?? string.Empty)
            .Where(p => !p.Contains('.', StringComparison.Ordinal))
            .ToHashSet();
        var known = AuthorisationMatrix.Routes.Select(r => r.Pattern).ToHashSet();
        Assert.Empty(mapped.Except(known).Order());
        Assert.Empty(known.Except(mapped).Order());
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public async Task Cell(string pattern, string role, string scope)
    {
        var route = AuthorisationMatrix.Routes.Single(r => r.Pattern == pattern);
        var asRole = role == AuthorisationMatrix.Anonymous ? null : role;
        var userName = asRole is null ? null : UserOfRole[asRole];
        var (id, relation) = await RecordAsync(route.Record, scope, userName);
        var expected = route.Rule(asRole, relation);

        var session = await fixture.SessionAsync(userName);
        var page = await session.GetAsync(route.Sample.Replace("{id}", id, StringComparison.Ordinal));
        var actual = page switch
        {
            { Status: HttpStatusCode.NotFound } => Outcome.Hidden,
            { Status: HttpStatusCode.Unauthorized } => Outcome.Login,
            { Status: HttpStatusCode.MethodNotAllowed } => Outcome.MethodNotAllowed,
            { Status: HttpStatusCode.Forbidden, Redirects.Count: 0 } when route.Pattern.StartsWith("api/", StringComparison.Ordinal) => Outcome.Deny,
            { Url.AbsolutePath: "/Account/Login" } when route.Pattern != "Account/Login" => Outcome.Login,
            { Url.AbsolutePath: "/Account/AccessDenied", Status: HttpStatusCode.Forbidden } => Outcome.Deny,
            { Status: HttpStatusCode.OK, Redirects.Count: 0 } => Outcome.Allow,
            { Redirects.Count: > 0 } => Outcome.Redirect,
            _ => throw new InvalidOperationException($"{page.Status} at {page.Url}"),
        };
        Assert.True(expected == actual, $"{route.Sample} as {role} ({scope} scope, {relation}): expected {expected}, got {actual} ({(int)page.Status} at {page.Url.AbsolutePath})");
    }

    private async Task<(string Id, Relation Relation)> RecordAsync(RecordKind kind, string scope, string? userName)
    {
        switch (kind)
        {
            case RecordKind.User:
                var userId = scope == "in"
                    ? await fixture.App.WithDbAsync(db => db.Users.Where(u => u.UserName == "clinico").Select(u => u.Id).SingleAsync())
                    : Guid.NewGuid().ToString();
                return (userId, scope == "in" ? Relation.Exists : Relation.None);
            case RecordKind.Project:
                // In scope: the demo beneficiary's active project at CPS Cherasco, with its full team.
                // Out of scope: a referral at CPS corso Plebisciti, seen only by that CPS.
                var projectId = await fixture.App.WithDbAsync(db => scope == "in"
                    ? db.Projects.Where(p => p.Person.PseudonymousCode == "AMI-0001").Select(p => p.Id).SingleAsync()
                    : db.Projects.Where(p => p.MentalHealthCentre.Name == "CPS corso Plebisciti" && p.State == ProjectState.Referred).OrderBy(p => p.Person.PseudonymousCode).Select(p => p.Id).FirstAsync());
                return (projectId.ToString(), userName is null ? Relation.None : await RelationAsync(projectId, userName));
            default:
                return (string.Empty, Relation.None);
        }
    }

    private Task<Relation> RelationAsync(Guid projectId, string userName) => fixture.App.WithDbAsync(async db =>
    {
        var today = Trama.Web.Infrastructure.ItalianTime.Today(TimeProvider.System);
        var user = await db.Users.SingleAsync(u => u.UserName == userName);
        var project = await db.Projects.Include(p => p.Person).SingleAsync(p => p.Id == projectId);
        var isClinician = await db.UserRoles.AnyAsync(r => r.UserId == user.Id && r.RoleId == "role-clinician");
        if (isClinician && await db.OrganisationMemberships.AnyAsync(m => m.UserId == user.Id && m.OrganisationId == project.MentalHealthCentreId && (m.EndsOn == null || m.EndsOn >= today)))
        {
            return Relation.Cps;
        }

        if (await db.CareTeamMembers.AnyAsync(m => m.ProjectId == projectId && m.UserId == user.Id && m.StartsOn <= today && (m.EndsOn == null || m.EndsOn >= today)))
        {
            return Relation.Team;
        }

        return project.Person.UserId == user.Id ? Relation.Person : Relation.None;
    });
}
