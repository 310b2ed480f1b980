using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Trama.Web.Data;
using Trama.Web.Features.People;

namespace Trama.Web.Features.Projects;

/// The person's roles over time, legal representatives and caregivers, reached through a project
/// the viewer works on (the care-team scope).
public sealed class PersonRelationsModel(AppDbContext db, ProjectAccess access, IStringLocalizer<SharedResource> l) : PageModel
{
    public HealthBudgetProject Project { get; private set; } = null!;

    public IReadOnlyList<PersonRole> Roles { get; private set; } = [];

    public IReadOnlyList<LegalRepresentative> Representatives { get; private set; } = [];

    public IReadOnlyList<Caregiver> Caregivers { get; private set; } = [];

    public RoleInput RoleForm { get; set; } = new();

    public RepresentativeInput RepresentativeForm { get; set; } = new();

    public CaregiverInput CaregiverForm { get; set; } = new();

    public DateOnly Today => access.Today;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await LoadAsync(id) is { } refused)
        {
            return refused;
        }

        RoleForm.StartsOn = RepresentativeForm.StartsOn = CaregiverForm.StartsOn = Today;
        return Page();
    }

    public async Task<IActionResult> OnPostRoleAsync(Guid id, [Bind(Prefix = nameof(RoleForm))] RoleInput input)
    {
        RoleForm = input;
        if (await LoadAsync(id) is { } refused)
        {
            return refused;
        }

        CheckRole(ModelState, nameof(RoleForm), input, Roles, Today, Project.Person.BirthDate, l);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        db.PersonRoles.Add(input.ToRole(Project.PersonId));
        return await SavedAsync(id, "People.Roles.Added");
    }

    public async Task<IActionResult> OnPostRepresentativeAsync(Guid id, [Bind(Prefix = nameof(RepresentativeForm))] RepresentativeInput input)
    {
        RepresentativeForm = input;
        if (await LoadAsync(id) is { } refused)
        {
            return refused;
        }

        CheckPeriod(ModelState, nameof(RepresentativeForm), input, Today, Project.Person.BirthDate, l);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        db.LegalRepresentatives.Add(input.ToRepresentative(Project.PersonId));
        return await SavedAsync(id, "People.Representation.Added");
    }

    public async Task<IActionResult> OnPostCaregiverAsync(Guid id, [Bind(Prefix = nameof(CaregiverForm))] CaregiverInput input)
    {
        CaregiverForm = input;
        if (await LoadAsync(id) is { } refused)
        {
            return refused;
        }

        CheckPeriod(ModelState, nameof(CaregiverForm), input, Today, Project.Person.BirthDate, l);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        db.Caregivers.Add(input.ToCaregiver(Project.PersonId));
        return await SavedAsync(id, "People.Caregivers.Added");
    }

    /// Ends a role, a representation or a caregiver's part today; nothing is deleted, the history stays.
    public async Task<IActionResult> OnPostEndAsync(Guid id, string kind, Guid itemId)
    {
        ModelState.Clear();
        if (await LoadAsync(id) is { } refused)
        {
            return refused;
        }

        var today = Today;
        switch (kind)
        {
            case "role" when Roles.FirstOrDefault(r => r.Id == itemId) is { } role && role.IsCurrent(today):
                db.PersonRoles.Attach(role).Entity.EndsOn = today;
                break;
            case "representative" when Representatives.FirstOrDefault(r => r.Id == itemId) is { } representative && representative.IsCurrent(today):
                db.LegalRepresentatives.Attach(representative).Entity.EndsOn = today;
                break;
            case "caregiver" when Caregivers.FirstOrDefault(r => r.Id == itemId) is { } caregiver && caregiver.IsCurrent(today):
                db.Caregivers.Attach(caregiver).Entity.EndsOn = today;
                break;
            default:
                ModelState.AddModelError(string.Empty, l["People.Relations.NotCurrent"]);
                Response.StatusCode = StatusCodes.Status409Conflict;
                return Page();
        }

        return await SavedAsync(id, "People.Relations.Ended");
    }

    private async Task<IActionResult> SavedAsync(Guid id, string message)
    {
        await db.SaveChangesAsync();
        TempData["Status"] = l[message].Value;
        return Redirect(Url.Content($"~/Projects/{id}/Person/Relations"));
    }

    private static bool Overlaps(DateOnly aFrom, DateOnly? aTo, DateOnly bFrom, DateOnly? bTo) =>
        aFrom <= (bTo ?? DateOnly.MaxValue) && bFrom <= (aTo ?? DateOnly.MaxValue);

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// The period rules, for the page and the API: the end not before the start, the start not
    /// more than a year ahead nor before the person was born.
    public static void CheckPeriod(ModelStateDictionary state, string prefix, PeriodInput input, DateOnly today, DateOnly? born, IStringLocalizer l)
    {
        if (input.StartsOn is { } from && input.EndsOn is { } to && to < from)
        {
            state.AddModelError($"{prefix}.{nameof(PeriodInput.EndsOn)}", l["Validation.EndBeforeStart"]);
        }

        if (input.StartsOn is { } start && start > today.AddYears(1))
        {
            state.AddModelError($"{prefix}.{nameof(PeriodInput.StartsOn)}", l["Validation.TooFarAhead"]);
        }

        if (input.StartsOn is { } early && born is { } birth && early < birth)
        {
            state.AddModelError($"{prefix}.{nameof(PeriodInput.StartsOn)}", l["Validation.BeforeBirth"]);
        }
    }

    /// A role's period, and no overlap with another period of the same role.
    public static void CheckRole(ModelStateDictionary state, string prefix, RoleInput input, IEnumerable<PersonRole> existing, DateOnly today, DateOnly? born, IStringLocalizer l)
    {
        CheckPeriod(state, prefix, input, today, born, l);
        if (input.StartsOn is { } from && existing.Any(r => r.Kind == input.Kind && Overlaps(r.StartsOn, r.EndsOn, from, input.EndsOn)))
        {
            state.AddModelError($"{prefix}.{nameof(RoleInput.StartsOn)}", l["People.Roles.Overlap"]);
        }
    }

    private async Task<IActionResult?> LoadAsync(Guid id)
    {
        var (grant, refusal) = await access.ForWorkAsync(User, id);
        if (grant is null)
        {
            return refusal;
        }

        Project = grant.Project;
        var personId = Project.PersonId;
        Roles = await db.PersonRoles.AsNoTracking().Where(r => r.PersonId == personId).OrderBy(r => r.StartsOn).ToListAsync();
        Representatives = await db.LegalRepresentatives.AsNoTracking().Where(r => r.PersonId == personId).OrderBy(r => r.StartsOn).ToListAsync();
        Caregivers = await db.Caregivers.AsNoTracking().Where(r => r.PersonId == personId).OrderBy(r => r.StartsOn).ToListAsync();
        return null;
    }

    public abstract class PeriodInput
    {
        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "People.Relations.StartsOn")]
        public DateOnly? StartsOn { get; set; }

        [Display(Name = "People.Relations.EndsOn")]
        public DateOnly? EndsOn { get; set; }
    }

    public sealed class RoleInput : PeriodInput
    {
        [Display(Name = "People.Roles.Kind")]
        public PersonRoleKind Kind { get; set; }

        [StringLength(500, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "People.Roles.Note")]
        public string? Note { get; set; }

        public PersonRole ToRole(Guid personId) => new() { PersonId = personId, Kind = Kind, StartsOn = StartsOn!.Value, EndsOn = EndsOn, Note = Trimmed(Note) };
    }

    public sealed class RepresentativeInput : PeriodInput
    {
        [Display(Name = "People.Representation.Kind")]
        public LegalRepresentativeKind Kind { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(200, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "People.Representation.Name")]
        public string Name { get; set; } = string.Empty;

        [StringLength(40, ErrorMessage = "Validation.MaxLength")]
        [Phone(ErrorMessage = "Validation.Phone")]
        [Display(Name = "People.Phone")]
        public string? Phone { get; set; }

        [StringLength(256, ErrorMessage = "Validation.MaxLength")]
        [EmailAddress(ErrorMessage = "Validation.Email")]
        [Display(Name = "People.Email")]
        public string? Email { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(300, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "People.Representation.CourtDecree")]
        public string CourtDecree { get; set; } = string.Empty;

        [Display(Name = "People.Representation.MaySign")]
        public bool MaySignAgreements { get; set; }

        public LegalRepresentative ToRepresentative(Guid personId) => new()
        {
            PersonId = personId,
            Kind = Kind,
            Name = Name.Trim(),
            Phone = Trimmed(Phone),
            Email = Trimmed(Email),
            CourtDecree = CourtDecree.Trim(),
            MaySignAgreements = Kind == LegalRepresentativeKind.Guardian || MaySignAgreements,
            StartsOn = StartsOn!.Value,
            EndsOn = EndsOn,
        };
    }

    public sealed class CaregiverInput : PeriodInput
    {
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(200, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "People.Caregivers.Name")]
        public string Name { get; set; } = string.Empty;

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(100, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "People.Caregivers.Relationship")]
        public string Relationship { get; set; } = string.Empty;

        [StringLength(40, ErrorMessage = "Validation.MaxLength")]
        [Phone(ErrorMessage = "Validation.Phone")]
        [Display(Name = "People.Phone")]
        public string? Phone { get; set; }

        [Display(Name = "People.Caregivers.LivesWith")]
        public bool LivesWithPerson { get; set; }

        public Caregiver ToCaregiver(Guid personId) => new()
        {
            PersonId = personId,
            Name = Name.Trim(),
            Relationship = Relationship.Trim(),
            Phone = Trimmed(Phone),
            LivesWithPerson = LivesWithPerson,
            StartsOn = StartsOn!.Value,
            EndsOn = EndsOn,
        };
    }
}
