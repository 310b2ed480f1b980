using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Trama.IntegrationTests.Infrastructure;
using Trama.Web.Data;
using Trama.Web.Features.Account;
using Trama.Web.Features.Organisations;

namespace Trama.IntegrationTests.Builders;

public sealed record TestUser(string Id, string UserName, string Password, string DisplayName);

/// A user straight into the app's database, so a test states only what it is about:
/// `await new UserBuilder().WithRole(Roles.Clinician).InOrganisation("CPS via Cherasco").CreateAsync(app)`.
public sealed class UserBuilder
{
    public const string Password = "Test-Password-2026";

    private readonly List<string> roles = [];
    private readonly List<string> organisations = [];
    private string? userName;
    private string displayName = "Utente di prova";
    private bool active = true;

    public UserBuilder Named(string name)
    {
        userName = name;
        return this;
    }

    public UserBuilder WithDisplayName(string name)
    {
        displayName = name;
        return this;
    }

    public UserBuilder WithRole(string role)
    {
        roles.Add(role);
        return this;
    }

    public UserBuilder InOrganisation(string name)
    {
        organisations.Add(name);
        return this;
    }

    public UserBuilder Inactive()
    {
        active = false;
        return this;
    }

    public async Task<TestUser> CreateAsync(TramaApp app)
    {
        await using var scope = app.Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var name = userName ?? "u" + Guid.NewGuid().ToString("N")[..10];
        var user = new AppUser { UserName = name, Email = $"{name}@test.invalid", DisplayName = displayName, IsActive = active, CreatedAtUtc = DateTime.UtcNow };
        Ensure(await users.CreateAsync(user, Password));
        if (roles.Count > 0)
        {
            Ensure(await users.AddToRolesAsync(user, roles));
        }

        foreach (var organisation in organisations)
        {
            var id = await db.Organisations.Where(o => o.Name == organisation).Select(o => o.Id).SingleAsync();
            db.OrganisationMemberships.Add(new OrganisationMembership { UserId = user.Id, OrganisationId = id, StartsOn = new DateOnly(2020, 1, 1) });
        }

        await db.SaveChangesAsync();
        return new TestUser(user.Id, name, Password, displayName);
    }

    private static void Ensure(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Code)));
        }
    }
}
