using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Trama.Web.Features.Account;

public sealed class ChangePasswordModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public ChangePasswordInput Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        var result = await users.ChangePasswordAsync(user, Input.CurrentPassword, Input.NewPassword);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                var key = error.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? $"{nameof(Input)}.{nameof(Input.CurrentPassword)}" : $"{nameof(Input)}.{nameof(Input.NewPassword)}";
                ModelState.AddModelError(key, error.Description);
            }

            return Page();
        }

        await signIn.RefreshSignInAsync(user);
        TempData["Status"] = l["ChangePassword.Done"].Value;
        return RedirectToPage("/Home/Index");
    }

    public sealed class ChangePasswordInput
    {
        [Required(ErrorMessage = "Validation.Required")]
        [DataType(DataType.Password)]
        [Display(Name = "ChangePassword.Current")]
        public string CurrentPassword { get; set; } = string.Empty;

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(256, MinimumLength = 12, ErrorMessage = "Validation.Length")]
        [DataType(DataType.Password)]
        [Display(Name = "ChangePassword.New")]
        public string NewPassword { get; set; } = string.Empty;

        [Required(ErrorMessage = "Validation.Required")]
        [DataType(DataType.Password)]
        [Compare(nameof(NewPassword), ErrorMessage = "ChangePassword.Mismatch")]
        [Display(Name = "ChangePassword.Confirm")]
        public string ConfirmPassword { get; set; } = string.Empty;
    }
}
