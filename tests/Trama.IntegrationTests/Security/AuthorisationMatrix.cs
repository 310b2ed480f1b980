using Trama.Web.Features.Account;

namespace Trama.IntegrationTests.Security;

/// What a request answers.
public enum Outcome
{
    /// 200 at the address asked for.
    Allow,

    /// The access-denied page (403): the user may know the thing exists but not use it.
    Deny,

    /// 404: out of scope, so even existence does not leak.
    Hidden,

    /// Sent to the login page.
    Login,

    /// Sent somewhere else (pages that only accept a form post).
    Redirect,

    /// 405: the route takes only another method (it is still in the table).
    MethodNotAllowed,
}

/// How a user stands towards a project, computed from the data, not from the app's own query.
public enum Relation
{
    None,

    /// A record that is not about a person (a user account) and exists.
    Exists,
    Cps,
    Team,
    Person,
}

/// One route of the app, a sample address for it, and who gets what.
/// <paramref name="Record"/> says which record the {id} in the sample stands for.
public sealed record Route(string Pattern, string Sample, Func<string?, Relation, Outcome> Rule, RecordKind Record = RecordKind.None);

public enum RecordKind
{
    None,
    Project,
    User,
}

/// The authorisation matrix: every route × every role × in / out of scope. A route the app maps
/// and this table does not know fails the build of trust (AuthorisationMatrixTests).
public static class AuthorisationMatrix
{
    public const string Anonymous = "(anonymous)";

    private static readonly string[] CareStaff = [Roles.Clinician, Roles.SocialWorker, Roles.KeyWorker, Roles.PeerSupportExpert];

    private static readonly string[] DirectoryEditors = [Roles.NetworkCoordinator, Roles.FrontDesk, Roles.Clinician, Roles.SocialWorker, Roles.KeyWorker, Roles.PeerSupportExpert, Roles.Volunteer];

    private static Func<string?, Relation, Outcome> Everyone(Outcome signedIn) => (role, _) => role is null ? Outcome.Login : signedIn;

    private static Func<string?, Relation, Outcome> Anyone(Outcome outcome) => (_, _) => outcome;

    private static Func<string?, Relation, Outcome> OnlyRoles(params string[] roles) =>
        (role, _) => role is null ? Outcome.Login : roles.Contains(role) ? Outcome.Allow : Outcome.Deny;

    /// A page about a record the sample does not name: refused by role first, then not found.
    private static Func<string?, Relation, Outcome> OnlyRolesElseHidden(params string[] roles) =>
        (role, _) => role is null ? Outcome.Login : roles.Contains(role) ? Outcome.Hidden : Outcome.Deny;

    /// Reading a project: its care team, its CPS, the person; nobody else even learns it exists.
    private static readonly Func<string?, Relation, Outcome> ReadProject = (role, relation) => role is null ? Outcome.Login : relation switch
    {
        Relation.None => Outcome.Hidden,
        _ => Outcome.Allow,
    };

    /// Working on an open project: team and CPS; the person may read it but not write in it.
    private static readonly Func<string?, Relation, Outcome> WorkOnProject = (role, relation) => role is null ? Outcome.Login : relation switch
    {
        Relation.None => Outcome.Hidden,
        Relation.Person => Outcome.Deny,
        _ => Outcome.Allow,
    };

    /// A review can be recorded only while the project is under review; the sample project is active.
    private static readonly Func<string?, Relation, Outcome> ReviewActiveProject = (role, relation) => role is null ? Outcome.Login : relation switch
    {
        Relation.None => Outcome.Hidden,
        _ => Outcome.Deny,
    };

    /// A page about one record of a project (a goal) that the sample does not name: in scope it is
    /// not found; the person may not reach it at all.
    private static readonly Func<string?, Relation, Outcome> WorkOnMissingRecord = (role, relation) => role is null ? Outcome.Login : relation switch
    {
        Relation.Person => Outcome.Deny,
        _ => Outcome.Hidden,
    };

    private static readonly string[] ProgrammeBudgetReaders = [Roles.Administrator, Roles.NetworkCoordinator, Roles.Funder, Roles.Clinician, Roles.SocialWorker];

    public static readonly IReadOnlyList<Route> Routes =
    [
        new("", "/", Everyone(Outcome.Allow)),
        new("Account/Login", "/Account/Login", Anyone(Outcome.Allow)),
        new("Directory", "/Directory", Anyone(Outcome.Allow)),
        new("Referrals", "/Referrals", Everyone(Outcome.Allow)),
        new("Referrals/Counts", "/Referrals/Counts", OnlyRoles(Roles.NetworkCoordinator)),
        new("Referrals/New", "/Referrals/New?service=00000000-0000-0000-0000-000000000001", OnlyRolesElseHidden(Roles.FrontDesk, Roles.Clinician, Roles.SocialWorker, Roles.KeyWorker, Roles.NetworkCoordinator)),
        new("Referrals/{id:guid}", "/Referrals/00000000-0000-0000-0000-000000000001", Everyone(Outcome.Hidden)),
        new("Directory/Manage", "/Directory/Manage", OnlyRoles(DirectoryEditors)),
        new("Directory/Manage/Services/{id:guid?}", "/Directory/Manage/Services", OnlyRoles(DirectoryEditors)),
        new("Directory/Manage/Places/{id:guid?}", "/Directory/Manage/Places", OnlyRoles(DirectoryEditors)),
        new("Directory/Manage/Categories", "/Directory/Manage/Categories", OnlyRoles(Roles.NetworkCoordinator)),
        new("Directory/Manage/Organisations/{id:guid}", "/Directory/Manage/Organisations/00000000-0000-0000-0000-000000000001", OnlyRolesElseHidden(DirectoryEditors)),
        new("Directory/Manage/Import/{handler?}", "/Directory/Manage/Import", OnlyRoles(Roles.NetworkCoordinator)),
        new("Directory/Services/{id:guid}", "/Directory/Services/00000000-0000-0000-0000-000000000001", Anyone(Outcome.Hidden)),
        new("api/v1/hsds", "/api/v1/hsds", Anyone(Outcome.Allow)),
        new("api/v1/hsds/services", "/api/v1/hsds/services", Anyone(Outcome.Allow)),
        new("api/v1/hsds/services/{id:guid}", "/api/v1/hsds/services/00000000-0000-0000-0000-000000000001", Anyone(Outcome.Hidden)),
        new("api/v1/hsds/organizations", "/api/v1/hsds/organizations", Anyone(Outcome.Allow)),
        new("api/v1/hsds/organizations/{id:guid}", "/api/v1/hsds/organizations/00000000-0000-0000-0000-000000000001", Anyone(Outcome.Hidden)),
        new("api/v1/hsds/service_at_locations", "/api/v1/hsds/service_at_locations", Anyone(Outcome.Allow)),
        new("api/v1/hsds/taxonomies", "/api/v1/hsds/taxonomies", Anyone(Outcome.Allow)),
        new("api/v1/hsds/taxonomy_terms", "/api/v1/hsds/taxonomy_terms", Anyone(Outcome.Allow)),
        new("Account/SecondFactor", "/Account/SecondFactor", Anyone(Outcome.Login)),
        new("Account/AccessDenied", "/Account/AccessDenied", Everyone(Outcome.Deny)),
        new("Account/Logout", "/Account/Logout", Everyone(Outcome.Redirect)),
        new("Account/Language", "/Account/Language", Everyone(Outcome.Redirect)),
        new("Account/Programme", "/Account/Programme", Everyone(Outcome.Redirect)),
        new("Account/ChangePassword", "/Account/ChangePassword", Everyone(Outcome.Allow)),
        new("Account/TwoFactor", "/Account/TwoFactor", Everyone(Outcome.Allow)),
        new("Admin/Users", "/Admin/Users", OnlyRoles(Roles.Administrator)),
        new("Admin/Users/Index", "/Admin/Users/Index", OnlyRoles(Roles.Administrator)),
        new("Admin/Users/Create", "/Admin/Users/Create", OnlyRoles(Roles.Administrator)),
        new("Admin/Users/Edit/{id}", "/Admin/Users/Edit/{id}", (role, relation) => role switch
        {
            null => Outcome.Login,
            Roles.Administrator => relation == Relation.Exists ? Outcome.Allow : Outcome.Hidden,
            _ => Outcome.Deny,
        }, RecordKind.User),
        new("Projects", "/Projects", Everyone(Outcome.Allow)),
        new("Projects/Index", "/Projects/Index", Everyone(Outcome.Allow)),
        new("Projects/Refer", "/Projects/Refer", OnlyRoles(CareStaff)),
        new("Projects/{id:guid}", "/Projects/{id}", ReadProject, RecordKind.Project),
        new("Projects/{id:guid}/Agreement", "/Projects/{id}/Agreement", ReadProject, RecordKind.Project),
        new("Projects/{id:guid}/Agreement/Versions", "/Projects/{id}/Agreement/Versions", ReadProject, RecordKind.Project),
        new("Projects/{id:guid}/Budget", "/Projects/{id}/Budget", ReadProject, RecordKind.Project),
        new("Projects/{id:guid}/Person", "/Projects/{id}/Person", WorkOnProject, RecordKind.Project),
        new("Projects/{id:guid}/Consents", "/Projects/{id}/Consents", ReadProject, RecordKind.Project),
        new("Projects/{id:guid}/CrisisPlan", "/Projects/{id}/CrisisPlan", WorkOnProject, RecordKind.Project),
        new("Projects/{id:guid}/Goals/New", "/Projects/{id}/Goals/New", WorkOnProject, RecordKind.Project),
        new("Projects/{id:guid}/Goals/{goalId:guid}/Edit", "/Projects/{id}/Goals/00000000-0000-0000-0000-000000000001/Edit", WorkOnMissingRecord, RecordKind.Project),
        new("Projects/{id:guid}/Documents", "/Projects/{id}/Documents", ReadProject, RecordKind.Project),
        new("Projects/{id:guid}/Person/Relations", "/Projects/{id}/Person/Relations", WorkOnProject, RecordKind.Project),
        new("Programmes/Settings", "/Programmes/Settings", OnlyRoles(Roles.Administrator, Roles.NetworkCoordinator)),
        new("Programmes/Tariffs", "/Programmes/Tariffs", OnlyRoles(ProgrammeBudgetReaders)),
        new("Budget/Programme", "/Budget/Programme", OnlyRoles(ProgrammeBudgetReaders)),
        new("Projects/{id:guid}/Diary/New", "/Projects/{id}/Diary/New", WorkOnProject, RecordKind.Project),
        new("Projects/{id:guid}/Team/Add", "/Projects/{id}/Team/Add", WorkOnProject, RecordKind.Project),
        new("Projects/{id:guid}/Reviews/New", "/Projects/{id}/Reviews/New", ReviewActiveProject, RecordKind.Project),
        new("Me/Access", "/Me/Access", OnlyRoles(Roles.Beneficiary)),
        new("Me/Data", "/Me/Data", OnlyRoles(Roles.Beneficiary)),
        new("Privacy/Emergency", "/Privacy/Emergency", OnlyRoles(Roles.Clinician)),
        new("Privacy/Audit", "/Privacy/Audit", OnlyRoles(Roles.PrivacyOfficer)),
        new("Privacy/Requests", "/Privacy/Requests", OnlyRoles(Roles.PrivacyOfficer)),
        new("Error/{code:int?}", "/Error/418", Anyone(Outcome.Allow)),
        new("health/live", "/health/live", Anyone(Outcome.Allow)),
        new("health/ready", "/health/ready", Anyone(Outcome.Allow)),
        new("api/v1/token", "/api/v1/token", Everyone(Outcome.Hidden)),
        new("api/v1/projects", "/api/v1/projects", Everyone(Outcome.Allow)),
        new("api/v1/projects/{id:guid}", "/api/v1/projects/{id}", ReadProject, RecordKind.Project),
        new("api/v1/projects/{id:guid}/diary", "/api/v1/projects/{id}/diary", ReadProject, RecordKind.Project),
        new("api/v1/projects/{id:guid}/budget", "/api/v1/projects/{id}/budget", ReadProject, RecordKind.Project),
        new("api/v1/projects/{id:guid}/transitions", "/api/v1/projects/{id}/transitions", ReadProject, RecordKind.Project),
        new("api/v1/projects/{id:guid}/goals", "/api/v1/projects/{id}/goals", ReadProject, RecordKind.Project),
        new("api/v1/projects/{id:guid}/goals/{goalId:guid}", "/api/v1/projects/{id}/goals/00000000-0000-0000-0000-000000000001", Everyone(Outcome.Hidden), RecordKind.Project),
        new("api/v1/projects/{id:guid}/reviews", "/api/v1/projects/{id}/reviews", ReadProject, RecordKind.Project),
        new("api/v1/projects/{id:guid}/ledger", "/api/v1/projects/{id}/ledger", ReadProject, RecordKind.Project),
        new("api/v1/projects/{id:guid}/budget/lines", "/api/v1/projects/{id}/budget/lines", ReadProject, RecordKind.Project),
        new("api/v1/projects/{id:guid}/crisis-plan", "/api/v1/projects/{id}/crisis-plan", ReadProject, RecordKind.Project),
        new("api/v1/projects/{id:guid}/team", "/api/v1/projects/{id}/team", ReadProject, RecordKind.Project),
        new("api/v1/projects/{id:guid}/person", "/api/v1/projects/{id}/person", WorkOnProject, RecordKind.Project),
        new("api/v1/projects/{id:guid}/person/relations", "/api/v1/projects/{id}/person/relations", WorkOnProject, RecordKind.Project),
        new("api/v1/projects/{id:guid}/assessment", "/api/v1/projects/{id}/assessment", Everyone(Outcome.Hidden), RecordKind.Project),
        new("api/v1/projects/{id:guid}/intensity", "/api/v1/projects/{id}/intensity", Everyone(Outcome.Hidden), RecordKind.Project),
        new("api/v1/projects/{id:guid}/person/roles", "/api/v1/projects/{id}/person/roles", Everyone(Outcome.Hidden), RecordKind.Project),
        new("api/v1/projects/{id:guid}/person/legal-representatives", "/api/v1/projects/{id}/person/legal-representatives", Everyone(Outcome.Hidden), RecordKind.Project),
        new("api/v1/projects/{id:guid}/person/caregivers", "/api/v1/projects/{id}/person/caregivers", Everyone(Outcome.Hidden), RecordKind.Project),
        new("api/v1/projects/{id:guid}/agreement/versions", "/api/v1/projects/{id}/agreement/versions", ReadProject, RecordKind.Project),
        new("api/v1/projects/{id:guid}/agreement/versions/{n:int}/signatures", "/api/v1/projects/{id}/agreement/versions/1/signatures", ReadProject, RecordKind.Project),
        new("api/v1/projects/{id:guid}/consents", "/api/v1/projects/{id}/consents", ReadProject, RecordKind.Project),
        new("api/v1/projects/{id:guid}/team/{memberId:guid}/end", "/api/v1/projects/{id}/team/00000000-0000-0000-0000-000000000001/end", Everyone(Outcome.Hidden), RecordKind.Project),
        new("api/v1/projects/{id:guid}/diary/{entryId:guid}/obscured", "/api/v1/projects/{id}/diary/00000000-0000-0000-0000-000000000001/obscured", Everyone(Outcome.Hidden), RecordKind.Project),
        new("api/v1/projects/{id:guid}/assessment/obscured", "/api/v1/projects/{id}/assessment/obscured", Everyone(Outcome.Hidden), RecordKind.Project),
        new("api/v1/projects/{id:guid}/ledger/{entryId:guid}/receipt", "/api/v1/projects/{id}/ledger/00000000-0000-0000-0000-000000000001/receipt", Everyone(Outcome.Hidden), RecordKind.Project),
        new("api/v1/projects/{id:guid}/ledger/{entryId:guid}/receipt/obscured", "/api/v1/projects/{id}/ledger/00000000-0000-0000-0000-000000000001/receipt/obscured", Everyone(Outcome.Hidden), RecordKind.Project),
        new("api/v1/projects/{id:guid}/consents/{consentId:guid}/document", "/api/v1/projects/{id}/consents/00000000-0000-0000-0000-000000000001/document", Everyone(Outcome.Hidden), RecordKind.Project),
        new("api/v1/referrals", "/api/v1/referrals", Everyone(Outcome.Allow)),
        new("api/v1/referrals/{id:guid}", "/api/v1/referrals/00000000-0000-0000-0000-000000000001", Everyone(Outcome.Hidden)),
        new("api/v1/referrals/{id:guid}/moves", "/api/v1/referrals/00000000-0000-0000-0000-000000000001/moves", Everyone(Outcome.Hidden)),
        new("api/v1/referrals/{id:guid}/contact-attempts", "/api/v1/referrals/00000000-0000-0000-0000-000000000001/contact-attempts", Everyone(Outcome.Hidden)),
        new("api/v1/programme/settings", "/api/v1/programme/settings", OnlyRoles(Roles.Administrator, Roles.NetworkCoordinator)),
        new("api/v1/programme/life-areas", "/api/v1/programme/life-areas", OnlyRoles(Roles.Administrator, Roles.NetworkCoordinator)),
        new("api/v1/programme/life-areas/{areaId:guid}", "/api/v1/programme/life-areas/00000000-0000-0000-0000-000000000001", Everyone(Outcome.Hidden)),
        new("api/v1/programme/tariffs", "/api/v1/programme/tariffs", OnlyRoles(ProgrammeBudgetReaders)),
    ];
}
