using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Trama.Web.Features.Account;

/// The second step of a login: a code from the authenticator app, or one of the recovery codes.
[AllowAnonymous]
[EnableRateLimiting(AccountSetup.LoginRateLimit)]
public sealed class SecondFactorModel(SignInManager<AppUser> signIn, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    [StringLength(20, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "SecondFactor.Code")]
    public string? Code { get; set; }

    [BindProperty]
    [StringLength(20, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "SecondFactor.RecoveryCode")]
    public string? RecoveryCode { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("Login") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null)
        {
            return RedirectToPage("Login");
        }

        var code = new string((Code ?? string.Empty).Where(char.IsDigit).ToArray());
        if (code.Length != 6)
        {
            ModelState.AddModelError(nameof(Code), l["SecondFactor.CodeFormat"]);
            return Page();
        }

        var result = await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
        return Outcome(result, nameof(Code));
    }

    public async Task<IActionResult> OnPostRecoveryAsync()
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null)
        {
            return RedirectToPage("Login");
        }

        var code = (RecoveryCode ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal);
        if (code.Length == 0)
        {
            ModelState.AddModelError(nameof(RecoveryCode), l["Validation.Required", l["SecondFactor.RecoveryCode"]]);
            return Page();
        }

        var result = await signIn.TwoFactorRecoveryCodeSignInAsync(code);
        return Outcome(result, nameof(RecoveryCode));
    }

    private IActionResult Outcome(Microsoft.AspNetCore.Identity.SignInResult result, string field)
    {
        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "~/");
        }

        ModelState.AddModelError(result.IsLockedOut ? string.Empty : field, l[result.IsLockedOut ? "Login.LockedOut" : "SecondFactor.Invalid"]);
        return Page();
    }
}
