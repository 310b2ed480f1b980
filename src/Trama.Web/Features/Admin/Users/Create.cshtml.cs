using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Trama.Web.Data;
using Trama.Web.Features.Account;

namespace Trama.Web.Features.Admin.Users;

[Authorize(Policy = AccountSetup.AdministrationPolicy)]
public sealed class CreateModel(AppDbContext db, UserManager<AppUser> users, UserAdministration admin, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public CreateUserInput Input { get; set; } = new();

    public IReadOnlyList<OrganisationChoice> Organisations { get; private set; } = [];

    public async Task OnGetAsync() => Organisations = await admin.OrganisationChoicesAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return await RedisplayAsync();
        }

        var user = new AppUser
        {
            UserName = Input.UserName.Trim(),
            Email = Input.Email.Trim(),
            EmailConfirmed = true,
            DisplayName = Input.DisplayName.Trim(),
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        await using var transaction = await db.Database.BeginTransactionAsync();
        var created = await users.CreateAsync(user, Input.Password);
        var roles = created.Succeeded ? await admin.SetRolesAsync(user, Input.Roles) : created;
        if (!roles.Succeeded)
        {
            foreach (var error in roles.Errors)
            {
                ModelState.AddModelError(error.Code.Contains("Password", StringComparison.Ordinal) ? "Input.Password" : string.Empty, error.Description);
            }

            return await RedisplayAsync();
        }

        await admin.SetOrganisationsAsync(user, Input.OrganisationIds);
        await transaction.CommitAsync();
        TempData["Status"] = l["Admin.Users.Created", user.DisplayName].Value;
        return RedirectToPage("Index");
    }

    private async Task<PageResult> RedisplayAsync()
    {
        Organisations = await admin.OrganisationChoicesAsync();
        return Page();
    }

    public sealed class CreateUserInput : UserFormInput
    {
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(64, MinimumLength = 3, ErrorMessage = "Validation.Length")]
        [RegularExpression("^[a-zA-Z0-9._-]+$", ErrorMessage = "Admin.Users.UserNameFormat")]
        [Display(Name = "Admin.Users.UserName")]
        public string UserName { get; set; } = string.Empty;

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(256, MinimumLength = 12, ErrorMessage = "Validation.Length")]
        [DataType(DataType.Password)]
        [Display(Name = "Admin.Users.InitialPassword")]
        public string Password { get; set; } = string.Empty;
    }
}
