using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Trama.Web.Features.Programmes;

namespace Trama.Web.Features.Account;

/// The header's programme switch. Only a programme the user works in is accepted.
public sealed class ProgrammeModel(ProgrammeContext programmes) : PageModel
{
    public IActionResult OnGet() => LocalRedirect("~/");

    public async Task<IActionResult> OnPostAsync(string? code, string? returnUrl)
    {
        var available = await programmes.AvailableAsync();
        if (available.Any(p => p.Code == code))
        {
            Response.Cookies.Append(ProgrammeContext.CookieName, code!, new CookieOptions
            {
                HttpOnly = true,
                IsEssential = true,
                SameSite = SameSiteMode.Lax,
                Secure = Request.IsHttps,
                Expires = DateTimeOffset.UtcNow.AddDays(90),
            });
        }

        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "~/");
    }
}
