using Trama.Web.Features.Programmes;

namespace Trama.Web.Features.People;

/// A person known to a programme. Modelled once: roles (beneficiary, volunteer, peer expert) are
/// relations added by later features. Screens and exports use the pseudonymous code; the name and
/// fiscal code stay behind the care-team scope.
public class Person
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public required string PseudonymousCode { get; set; }

    public required string GivenName { get; set; }

    public required string FamilyName { get; set; }

    public string? FiscalCode { get; set; }

    public DateOnly? BirthDate { get; set; }

    public Guid ProgrammeId { get; set; }

    public Programme Programme { get; set; } = null!;

    /// Set when the person has their own login (a beneficiary who reads and co-writes their plan).
    public string? UserId { get; set; }
}
