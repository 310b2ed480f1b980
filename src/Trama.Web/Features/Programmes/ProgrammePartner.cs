using Trama.Web.Features.Organisations;

namespace Trama.Web.Features.Programmes;

public class ProgrammePartner
{
    public Guid ProgrammeId { get; set; }

    public Programme Programme { get; set; } = null!;

    public Guid OrganisationId { get; set; }

    public Organisation Organisation { get; set; } = null!;

    public PartnerRole Role { get; set; }
}
