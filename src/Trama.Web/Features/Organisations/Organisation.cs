using Trama.Web.Features.Programmes;

namespace Trama.Web.Features.Organisations;

/// Any body in the network: the ASST and its CPS units, cooperatives, associations, the Comune,
/// pharmacies, parishes. Units (a CPS) point to their parent (the ASST's mental-health department).
public class Organisation
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public required string Name { get; set; }

    public OrganisationKind Kind { get; set; }

    public Guid? ParentId { get; set; }

    public Organisation? Parent { get; set; }

    public Guid TerritoryId { get; set; }

    public Territory Territory { get; set; } = null!;

    public string? Address { get; set; }

    /// Codice fiscale or partita IVA (HSDS tax_id).
    public string? TaxCode { get; set; }

    /// Registration number in the national third-sector register (RUNTS), for third-sector bodies.
    public string? ThirdSectorNumber { get; set; }

    public string? Description { get; set; }

    public string? Website { get; set; }

    public string? Email { get; set; }

    public string? Phone { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();

    public List<ProgrammePartner> Programmes { get; } = [];

    public List<OrganisationMembership> Members { get; } = [];
}
