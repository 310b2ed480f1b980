namespace Trama.Web.Features.Organisations;

public enum OrganisationKind
{
    HealthAuthority,
    MentalHealthDepartment,
    MentalHealthCentre,
    Municipality,
    SocialCooperative,
    Association,
    Foundation,
    MunicipalPharmacy,
    ElderlyCentre,
    Parish,
    FamilyHealthClinic,
    YouthCentre,
    CommunityHouse,
}
