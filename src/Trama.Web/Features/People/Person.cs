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

    /// Sex as registered (it drives the fiscal code); gender as the person states it. Both optional.
    public PersonSex? Sex { get; set; }

    public string? Gender { get; set; }

    public string? Phone { get; set; }

    public string? Email { get; set; }

    public string? Address { get; set; }

    public string? Languages { get; set; }

    public string? LivingSituation { get; set; }

    public string? GeneralPractitioner { get; set; }

    /// Upper-case, accent-free "FAMILY GIVEN" for search and duplicate checks on both engines.
    public string NormalisedName { get; set; } = string.Empty;

    public static string Normalise(string familyName, string givenName) => Infrastructure.Text.Fold($"{familyName} {givenName}");

    /// Set when the person's data were erased on request: what the law keeps is kept under the
    /// pseudonymous code, everything that identifies them is gone (docs/adr/0007-retention.md).
    public DateTime? ErasedAtUtc { get; set; }

    public Guid ProgrammeId { get; set; }

    public Programme Programme { get; set; } = null!;

    /// Changes on every save; a save carrying an older value is a concurrent edit.
    public Guid Version { get; set; } = Guid.NewGuid();

    /// Set when the person has their own login (a beneficiary who reads and co-writes their plan).
    public string? UserId { get; set; }
}
