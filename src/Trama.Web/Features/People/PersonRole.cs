namespace Trama.Web.Features.People;

public enum PersonRoleKind
{
    Beneficiary,
    PeerSupportExpert,
    NaturalFacilitator,
    Volunteer,
    FamilyMember,
}

/// A role a person holds for a period. One person, many periods: a beneficiary who later trains
/// as a peer expert keeps one record with two roles, so reports count them once.
public class PersonRole
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid PersonId { get; set; }

    public PersonRoleKind Kind { get; set; }

    public DateOnly StartsOn { get; set; }

    public DateOnly? EndsOn { get; set; }

    public string? Note { get; set; }

    public bool IsCurrent(DateOnly today) => StartsOn <= today && (EndsOn is null || EndsOn >= today);
}
