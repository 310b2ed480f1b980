using System.ComponentModel.DataAnnotations;

namespace Trama.Web.Features.Admin.Users;

/// The fields Create and Edit share.
public class UserFormInput
{
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(200, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Admin.Users.DisplayName")]
    public string DisplayName { get; set; } = string.Empty;

    [Required(ErrorMessage = "Validation.Required")]
    [EmailAddress(ErrorMessage = "Validation.Email")]
    [StringLength(256, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Admin.Users.Email")]
    public string Email { get; set; } = string.Empty;

    [MinLength(1, ErrorMessage = "Admin.Users.RoleRequired")]
    [Display(Name = "Admin.Users.Roles")]
    public List<string> Roles { get; set; } = [];

    [Display(Name = "Admin.Users.Organisations")]
    public List<Guid> OrganisationIds { get; set; } = [];
}

public sealed record UserFormChoices(UserFormInput Input, IReadOnlyList<OrganisationChoice> Organisations);
