using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Trama.Web.Features.People;

/// The identity fields every form about a person shares (referral, the person's record), with
/// their checks: fiscal code against birth date and sex, a plausible birth date.
public class PersonFields
{
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(100, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "People.GivenName")]
    public string GivenName { get; set; } = string.Empty;

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(100, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "People.FamilyName")]
    public string FamilyName { get; set; } = string.Empty;

    [Display(Name = "People.BirthDate")]
    public DateOnly? BirthDate { get; set; }

    [Display(Name = "People.Sex")]
    public PersonSex? Sex { get; set; }

    [StringLength(20, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "People.FiscalCode")]
    public string? FiscalCode { get; set; }

    [StringLength(40, ErrorMessage = "Validation.MaxLength")]
    [Phone(ErrorMessage = "Validation.Phone")]
    [Display(Name = "People.Phone")]
    public string? Phone { get; set; }

    /// Adds the errors under <paramref name="prefix"/> and returns the normalised fiscal code
    /// (null when none was given or it is invalid).
    public string? Check(ModelStateDictionary modelState, string prefix, IStringLocalizer l, DateOnly today)
    {
        if (BirthDate is { } born && (born > today || born < new DateOnly(1900, 1, 1)))
        {
            modelState.AddModelError($"{prefix}.{nameof(BirthDate)}", l["Validation.DateOutOfRange", l["People.BirthDate"]]);
        }

        if (string.IsNullOrWhiteSpace(FiscalCode))
        {
            return null;
        }

        var check = People.FiscalCode.Check(FiscalCode, BirthDate, Sex);
        if (check.IsValid)
        {
            return check.Normalised;
        }

        modelState.AddModelError($"{prefix}.{nameof(FiscalCode)}", l[check.ErrorKey!]);
        return null;
    }
}
