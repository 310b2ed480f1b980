using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Trama.Web.Data;
using Trama.Web.Features.Account;

namespace Trama.Web.Features.Admin.Users;

[Authorize(Policy = AccountSetup.AdministrationPolicy)]
public sealed class EditModel(AppDbContext db, UserManager<AppUser> users, UserAdministration admin, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public EditUserInput Input { get; set; } = new();

    public string UserName { get; private set; } = string.Empty;

    public bool IsLockedOut { get; private set; }

    public bool IsSelf { get; private set; }

    public IReadOnlyList<OrganisationChoice> Organisations { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        var today = Infrastructure.ItalianTime.Today(clock);
        Input = new EditUserInput
        {
            DisplayName = user.DisplayName,
            Email = user.Email ?? string.Empty,
            IsActive = user.IsActive,
            ConcurrencyStamp = user.ConcurrencyStamp ?? string.Empty,
            Roles = [.. await users.GetRolesAsync(user)],
            OrganisationIds = await db.OrganisationMemberships
                .Where(m => m.UserId == user.Id && m.StartsOn <= today && (m.EndsOn == null || m.EndsOn >= today))
                .Select(m => m.OrganisationId).ToListAsync(),
        };
        await DescribeAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        if (user.ConcurrencyStamp != Input.ConcurrencyStamp)
        {
            ModelState.AddModelError(string.Empty, l["Admin.Users.Conflict"]);
        }

        if (IsCurrentUser(user) && (!Input.IsActive || !Input.Roles.Contains(Roles.Administrator)))
        {
            ModelState.AddModelError(string.Empty, l["Admin.Users.CannotLockOutSelf"]);
        }

        if (!ModelState.IsValid)
        {
            return await RedisplayAsync(user);
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        var deactivating = user.IsActive && !Input.IsActive;
        user.DisplayName = Input.DisplayName.Trim();
        user.IsActive = Input.IsActive;
        var result = await users.SetEmailAsync(user, Input.Email.Trim());
        if (result.Succeeded)
        {
            result = await admin.SetRolesAsync(user, Input.Roles);
        }

        if (result.Succeeded && !string.IsNullOrEmpty(Input.NewPassword))
        {
            var token = await users.GeneratePasswordResetTokenAsync(user);
            result = await users.ResetPasswordAsync(user, token, Input.NewPassword);
        }

        if (result.Succeeded && deactivating)
        {
            // Ends the user's open sessions at the next security-stamp check.
            result = await users.UpdateSecurityStampAsync(user);
        }

        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                var key = error.Code.Contains("Password", StringComparison.Ordinal) ? "Input.NewPassword"
                    : error.Code.Contains("Email", StringComparison.Ordinal) ? "Input.Email" : string.Empty;
                ModelState.AddModelError(key, error.Description);
            }

            await transaction.RollbackAsync();
            db.ChangeTracker.Clear();
            return await RedisplayAsync((await users.FindByIdAsync(id))!);
        }

        await admin.SetOrganisationsAsync(user, Input.OrganisationIds);
        await transaction.CommitAsync();
        TempData["Status"] = l["Admin.Users.Saved", user.DisplayName].Value;
        return RedirectToPage("Index");
    }

    public async Task<IActionResult> OnPostUnlockAsync(string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        TempData["Status"] = l["Admin.Users.Unlocked", user.DisplayName].Value;
        return RedirectToPage("Edit", new { id });
    }

    private bool IsCurrentUser(AppUser user) => user.Id == User.FindFirstValue(ClaimTypes.NameIdentifier);

    private async Task DescribeAsync(AppUser user)
    {
        UserName = user.UserName ?? string.Empty;
        IsLockedOut = user.LockoutEnd > clock.GetUtcNow();
        IsSelf = IsCurrentUser(user);
        Organisations = await admin.OrganisationChoicesAsync();
    }

    private async Task<PageResult> RedisplayAsync(AppUser user)
    {
        await DescribeAsync(user);
        return Page();
    }

    public sealed class EditUserInput : UserFormInput
    {
        [Display(Name = "Admin.Users.IsActive")]
        public bool IsActive { get; set; }

        [StringLength(256, MinimumLength = 12, ErrorMessage = "Validation.Length")]
        [DataType(DataType.Password)]
        [Display(Name = "Admin.Users.NewPassword")]
        public string? NewPassword { get; set; }

        public string ConcurrencyStamp { get; set; } = string.Empty;
    }
}
