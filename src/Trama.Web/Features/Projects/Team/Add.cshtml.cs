using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Trama.Web.Data;

namespace Trama.Web.Features.Projects.Team;

/// Adds someone to the care team: a user of a partner organisation, or a person without a login
/// (a natural facilitator, a relative) by name. Membership is what opens the project to them.
public sealed class AddModel(AppDbContext db, ProjectAccess access, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed record Candidate(string Id, string DisplayName, string Organisation);

    [BindProperty]
    public MemberInput Input { get; set; } = new();

    public HealthBudgetProject Project { get; private set; } = null!;

    public IReadOnlyList<Candidate> Candidates { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (await LoadAsync(id) is { } refused)
        {
            return refused;
        }

        var hasUser = !string.IsNullOrEmpty(Input.UserId);
        var hasName = !string.IsNullOrWhiteSpace(Input.Name);
        if (hasUser == hasName)
        {
            ModelState.AddModelError(string.Empty, l["Projects.Team.UserOrName"]);
        }
        else if (hasUser && Candidates.All(c => c.Id != Input.UserId))
        {
            ModelState.AddModelError("Input.UserId", l["Validation.ValueInvalid", Input.UserId!]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        db.CareTeamMembers.Add(new CareTeamMember
        {
            ProjectId = id,
            UserId = hasUser ? Input.UserId : null,
            Name = hasName ? Input.Name!.Trim() : null,
            Role = Input.Role,
            StartsOn = access.Today,
        });
        Project.Touch();
        await db.SaveChangesAsync();
        TempData["Status"] = l["Projects.Team.Added"].Value;
        return RedirectToPage("/Projects/Details", null, new { id }, "team");
    }

    private async Task<IActionResult?> LoadAsync(Guid id)
    {
        var (grant, refusal) = await access.ForWorkAsync(User, id);
        if (grant is null)
        {
            return refusal;
        }

        Project = grant.Project;
        var today = access.Today;
        var programmeId = grant.Project.ProgrammeId;
        var rows = await db.OrganisationMemberships.AsNoTracking()
            .Where(m => m.User.IsActive && m.StartsOn <= today && (m.EndsOn == null || m.EndsOn >= today)
                && m.Organisation.Programmes.Any(pp => pp.ProgrammeId == programmeId))
            .Select(m => new { m.UserId, m.User.DisplayName, Organisation = m.Organisation.Name })
            .ToListAsync();
        Candidates = rows.OrderBy(r => r.DisplayName, StringComparer.Ordinal)
            .Select(r => new Candidate(r.UserId, r.DisplayName, r.Organisation)).ToList();
        return null;
    }

    public sealed class MemberInput
    {
        [Display(Name = "Projects.Team.User")]
        public string? UserId { get; set; }

        [StringLength(200, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Projects.Team.Name")]
        public string? Name { get; set; }

        [Display(Name = "Projects.Team.Role")]
        public CareTeamRole Role { get; set; } = CareTeamRole.KeyWorker;
    }
}
