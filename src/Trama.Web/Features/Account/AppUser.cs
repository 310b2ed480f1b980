using Microsoft.AspNetCore.Identity;
using Trama.Web.Features.Organisations;

namespace Trama.Web.Features.Account;

public class AppUser : IdentityUser
{
    public required string DisplayName { get; set; }

    /// Deactivated users keep their history (audit, authorship) but can no longer sign in.
    public bool IsActive { get; set; } = true;

    /// Demo accounts sign in only while the app runs in demo mode.
    public bool IsDemo { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public List<OrganisationMembership> Memberships { get; } = [];
}
