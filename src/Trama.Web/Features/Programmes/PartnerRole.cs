namespace Trama.Web.Features.Programmes;

public enum PartnerRole
{
    Lead,
    Partner,
    PublicBody,
    Funder,
    LocalActor,
}
