using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Trama.Web.Data;
using Trama.Web.Features.People;

namespace Trama.Web.Features.Projects;

/// The person's record, reached through a project the viewer may see (the care-team scope).
public sealed class PersonModel(AppDbContext db, ProjectAccess access, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public PersonInput Input { get; set; } = new();

    public HealthBudgetProject Project { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await LoadAsync(id) is { } refused)
        {
            return refused;
        }

        Input = InputOf(Project.Person);
        return Page();
    }

    /// Set when someone else saved the record meanwhile: their version, shown beside this user's.
    public PersonInput? Saved { get; private set; }

    public static PersonInput InputOf(Person p) =>
        new()
        {
            GivenName = p.GivenName,
            FamilyName = p.FamilyName,
            BirthDate = p.BirthDate,
            Sex = p.Sex,
            Gender = p.Gender,
            FiscalCode = p.FiscalCode,
            Phone = p.Phone,
            Email = p.Email,
            Address = p.Address,
            Languages = p.Languages,
            LivingSituation = p.LivingSituation,
            GeneralPractitioner = p.GeneralPractitioner,
            Version = p.Version,
        };

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (await LoadAsync(id) is { } refused)
        {
            return refused;
        }

        var person = Project.Person;
        if (Input.Version != person.Version)
        {
            return Refuse(person);
        }

        var fiscal = Input.Check(ModelState, nameof(Input), l, access.Today);
        if (fiscal is not null && await db.People.AnyAsync(p => p.FiscalCode == fiscal && p.Id != person.Id))
        {
            ModelState.AddModelError("Input.FiscalCode", l["People.FiscalCode.Taken"]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        Input.ApplyTo(person, fiscal);
        person.Version = Guid.NewGuid();
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Refuse(await db.People.AsNoTracking().SingleAsync(p => p.Id == person.Id));
        }

        TempData["Status"] = l["People.Saved"].Value;
        return Redirect(Url.Content($"~/Projects/{id}"));
    }

    private PageResult Refuse(Person current)
    {
        // Both versions side by side; what this user typed stays in the form with the current
        // version, so saving again is a deliberate choice.
        ModelState.Clear();
        ModelState.AddModelError(string.Empty, l["Projects.Conflict.SideBySide"]);
        Saved = InputOf(current);
        Input.Version = current.Version;
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid id)
    {
        var grant = await access.FindAsync(User, id);
        if (grant is null)
        {
            return NotFound();
        }

        if (!grant.CanWork)
        {
            return Forbid();
        }

        Project = grant.Project;
        return null;
    }

    public sealed class PersonInput : PersonFields
    {
        [StringLength(50, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "People.Gender")]
        public string? Gender { get; set; }

        [StringLength(256, ErrorMessage = "Validation.MaxLength")]
        [EmailAddress(ErrorMessage = "Validation.Email")]
        [Display(Name = "People.Email")]
        public string? Email { get; set; }

        [StringLength(300, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "People.Address")]
        public string? Address { get; set; }

        [StringLength(200, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "People.Languages")]
        public string? Languages { get; set; }

        [StringLength(200, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "People.LivingSituation")]
        public string? LivingSituation { get; set; }

        [StringLength(200, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "People.GeneralPractitioner")]
        public string? GeneralPractitioner { get; set; }

        public Guid Version { get; set; }

        /// Copies what was typed onto the record; the fiscal code is the checked, normalised one.
        public void ApplyTo(Person person, string? fiscalCode)
        {
            person.GivenName = GivenName.Trim();
            person.FamilyName = FamilyName.Trim();
            person.NormalisedName = Person.Normalise(person.FamilyName, person.GivenName);
            person.BirthDate = BirthDate;
            person.Sex = Sex;
            person.Gender = Gender?.Trim();
            person.FiscalCode = fiscalCode;
            person.Phone = Phone?.Trim();
            person.Email = Email?.Trim();
            person.Address = Address?.Trim();
            person.Languages = Languages?.Trim();
            person.LivingSituation = LivingSituation?.Trim();
            person.GeneralPractitioner = GeneralPractitioner?.Trim();
        }
    }
}
