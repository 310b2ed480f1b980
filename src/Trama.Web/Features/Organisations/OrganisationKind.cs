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

    /// Brought in by a directory import, which does not say what kind of body it is.
    Other,
}
