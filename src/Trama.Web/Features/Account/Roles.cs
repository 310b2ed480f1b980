namespace Trama.Web.Features.Account;

/// The roles of PRODUCT.md. Role names are stored in the database: never rename one without a
/// migration.
public static class Roles
{
    public const string Administrator = "Administrator";
    public const string Clinician = "Clinician";
    public const string SocialWorker = "SocialWorker";
    public const string KeyWorker = "KeyWorker";
    public const string PeerSupportExpert = "PeerSupportExpert";
    public const string Volunteer = "Volunteer";
    public const string Beneficiary = "Beneficiary";
    public const string NetworkCoordinator = "NetworkCoordinator";
    public const string FrontDesk = "FrontDesk";
    public const string Funder = "Funder";

    public static readonly IReadOnlyList<string> All =
    [
        Clinician, SocialWorker, KeyWorker, PeerSupportExpert, Volunteer, Beneficiary,
        NetworkCoordinator, FrontDesk, Funder, Administrator,
    ];
}
