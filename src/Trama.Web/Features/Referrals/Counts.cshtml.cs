using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Trama.Web.Features.Account;

namespace Trama.Web.Features.Referrals;

/// The network's referral figures for a period: by node, service, category and outcome.
[Authorize(Roles = Roles.NetworkCoordinator)]
public sealed class CountsModel(ReferralCounts counts, ReferralDesk desk, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    public ReferralCounts.Report Report { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var today = desk.Today;
        From ??= new DateOnly(today.Year, 1, 1);
        To ??= today;
        if (To < From)
        {
            ModelState.AddModelError(nameof(To), l["Validation.EndBeforeStart"]);
            (From, To) = (To, From);
        }

        Report = await counts.CountAsync(From.Value, To.Value, cancellationToken);
    }
}
