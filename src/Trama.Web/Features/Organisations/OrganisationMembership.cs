using Trama.Web.Features.Account;

namespace Trama.Web.Features.Organisations;

/// A user working for an organisation over a period; the programmes a user works in follow from
/// the programmes their current organisations take part in.
public class OrganisationMembership
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public required string UserId { get; set; }

    public AppUser User { get; set; } = null!;

    public Guid OrganisationId { get; set; }

    public Organisation Organisation { get; set; } = null!;

    public DateOnly StartsOn { get; set; }

    public DateOnly? EndsOn { get; set; }

    public bool IsCurrentOn(DateOnly day) => StartsOn <= day && (EndsOn is null || EndsOn >= day);
}
