using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Trama.Web.Infrastructure;

namespace Trama.Web.Features.Account;

/// The header's language switch: a plain form post, so it works without JavaScript.
[AllowAnonymous]
public sealed class LanguageModel : PageModel
{
    public IActionResult OnGet() => LocalRedirect("~/");

    public IActionResult OnPost(string? culture, string? returnUrl)
    {
        var ui = Localisation.UiCultures.FirstOrDefault(c => c.Name == culture) ?? Localisation.Italian;
        Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(Localisation.Italian, ui)),
            Localisation.CultureCookieOptions(Request.IsHttps));
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "~/");
    }
}
