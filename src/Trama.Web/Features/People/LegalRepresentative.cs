namespace Trama.Web.Features.People;

public enum LegalRepresentativeKind
{
    /// Amministratore di sostegno (L. 6/2004): powers as the court's decree lists them.
    SupportAdministrator,

    /// Tutore: acts for a person under interdiction in every act.
    Guardian,
}

/// Someone a court appointed to act for the person. Whether they sign the care agreement depends
/// on the decree, so it is recorded, not assumed.
public class LegalRepresentative
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid PersonId { get; set; }

    public LegalRepresentativeKind Kind { get; set; }

    public required string Name { get; set; }

    public string? Phone { get; set; }

    public string? Email { get; set; }

    /// Court and decree, as written on it (e.g. "Tribunale di Milano, decreto 1234/2023").
    public required string CourtDecree { get; set; }

    /// The decree lets them sign care and health agreements for the person.
    public bool MaySignAgreements { get; set; }

    public DateOnly StartsOn { get; set; }

    public DateOnly? EndsOn { get; set; }

    public bool IsCurrent(DateOnly today) => StartsOn <= today && (EndsOn is null || EndsOn >= today);
}

/// A relative or friend who looks after the person day to day. A caregiver does not sign for
/// the person: only a legal representative can.
public class Caregiver
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid PersonId { get; set; }

    public required string Name { get; set; }

    public required string Relationship { get; set; }

    public string? Phone { get; set; }

    public bool LivesWithPerson { get; set; }

    public DateOnly StartsOn { get; set; }

    public DateOnly? EndsOn { get; set; }

    public bool IsCurrent(DateOnly today) => StartsOn <= today && (EndsOn is null || EndsOn >= today);
}
