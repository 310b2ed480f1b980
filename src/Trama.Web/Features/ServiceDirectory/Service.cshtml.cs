using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Trama.Web.Data;

namespace Trama.Web.Features.ServiceDirectory;

/// One service's public page: what, for whom, how, where and when, fit to print.
[AllowAnonymous]
public sealed class ServiceModel(AppDbContext db, DirectorySearch search) : PageModel
{
    public DirectoryService Service { get; private set; } = null!;

    public DateTime LocalNow => search.LocalNow;

    [BindProperty(SupportsGet = true)]
    public Guid? Project { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var service = await db.DirectoryServices.AsNoTracking().AsSplitQuery()
            .Include(s => s.Organisation)
            .Include(s => s.Categories)
            .Include(s => s.Locations).ThenInclude(a => a.Location)
            .Include(s => s.Locations).ThenInclude(a => a.Hours)
            .Include(s => s.Locations).ThenInclude(a => a.Closures)
            .SingleOrDefaultAsync(s => s.Id == id && s.Status != ServiceStatus.Defunct, cancellationToken);
        if (service is null)
        {
            return NotFound();
        }

        Service = service;
        return Page();
    }

    public static string DayName(DayOfWeek day) => CultureInfo.CurrentUICulture.TextInfo.ToTitleCase(CultureInfo.CurrentCulture.DateTimeFormat.GetDayName(day));
}
