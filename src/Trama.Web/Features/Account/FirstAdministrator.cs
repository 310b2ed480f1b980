using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Trama.Web.Features.Account;

public sealed class FirstAdministratorOptions
{
    public const string Section = "Trama:FirstAdministrator";

    public string? UserName { get; set; }

    public string? Email { get; set; }

    public string? Password { get; set; }
}

/// A real install starts with no users: when no administrator exists yet, the one described in
/// `Trama:FirstAdministrator` is created (give its password through an environment variable or
/// user secrets, then change it after the first sign-in).
public sealed partial class FirstAdministrator(UserManager<AppUser> users, IOptions<FirstAdministratorOptions> options, TimeProvider clock, ILogger<FirstAdministrator> logger)
{
    public async Task EnsureAsync()
    {
        var o = options.Value;
        if (string.IsNullOrWhiteSpace(o.UserName) || string.IsNullOrWhiteSpace(o.Email) || string.IsNullOrWhiteSpace(o.Password))
        {
            return;
        }

        if ((await users.GetUsersInRoleAsync(Roles.Administrator)).Count > 0)
        {
            return;
        }

        var user = new AppUser { UserName = o.UserName, Email = o.Email, EmailConfirmed = true, DisplayName = o.UserName, CreatedAtUtc = clock.GetUtcNow().UtcDateTime };
        var created = await users.CreateAsync(user, o.Password);
        if (created.Succeeded)
        {
            await users.AddToRoleAsync(user, Roles.Administrator);
            LogCreated(logger);
        }
        else
        {
            LogNotCreated(logger, string.Join(", ", created.Errors.Select(e => e.Code)));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "First administrator account created")]
    private static partial void LogCreated(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "First administrator account not created: {ErrorCodes}")]
    private static partial void LogNotCreated(ILogger logger, string errorCodes);
}
