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
    public const string PrivacyOfficer = "PrivacyOfficer";

    /// Roles that reach person data or accounts, and so sign in with a second factor.
    public static readonly IReadOnlyList<string> NeedingTwoFactor =
    [
        Clinician, SocialWorker, KeyWorker, PeerSupportExpert, NetworkCoordinator, PrivacyOfficer, Administrator,
    ];

    public static readonly IReadOnlyList<string> All =
    [
        Clinician, SocialWorker, KeyWorker, PeerSupportExpert, Volunteer, Beneficiary,
        NetworkCoordinator, FrontDesk, Funder, PrivacyOfficer, Administrator,
    ];
}
