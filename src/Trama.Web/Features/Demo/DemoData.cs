using Trama.Web.Features.Account;
using Trama.Web.Features.Organisations;
using Trama.Web.Features.Programmes;

namespace Trama.Web.Features.Demo;

public sealed record DemoOrganisation(string Name, OrganisationKind Kind, string TerritoryCode, string? Address = null, string? Parent = null);

public sealed record DemoPartner(string ProgrammeCode, string Organisation, PartnerRole Role);

public sealed record DemoUser(string UserName, string DisplayName, string Role, params string[] Organisations);

public sealed record DemoPerson(string Code, string GivenName, string FamilyName, string FiscalCode, DateOnly BirthDate, string ProgrammeCode, string? UserName = null);

/// The two real programmes of PRODUCT.md with their real organisations, and fictional people.
/// Every name and fiscal code of a person here is invented.
public static class DemoData
{
    /// Published in the README and printed at start-up; accepted only while Trama:DemoData is on.
    public const string Password = "Trama-Demo-2026";

    public const string EmailDomain = "demo.trama.invalid";

    public const string Milano = "MI-M9";
    public const string Crocetta = "CB-CROCETTA";
    public const string Amicitta = "AMICITTA";
    public const string StiamoBene = "CROCETTA";

    /// New instances on every call: entities must never be shared between two DbContexts.
    public static IReadOnlyList<Territory> Territories() =>
    [
        new() { Code = Milano, Name = "Milano – Municipio 9", Region = "Lombardia", Municipality = "Milano", Residents = 350_000 },
        new() { Code = Crocetta, Name = "Cinisello Balsamo – Crocetta", Region = "Lombardia", Municipality = "Cinisello Balsamo", Residents = 7_000 },
    ];

    public static IReadOnlyList<Programme> Programmes(IReadOnlyDictionary<string, Territory> territories) =>
    [
        new()
        {
            Code = Amicitta,
            Name = "aMIcittà – Budget di salute di comunità",
            Summary = "Budget di Salute per persone seguite dai CPS di via Cherasco, via Litta Modignani e corso Plebisciti (Municipio 9 e parte dei Municipi 2 e 3).",
            Territory = territories[Milano],
            FunderName = "Fondazione Cariplo – Welfare in Azione",
            FunderMaxSharePercent = 60,
            StartsOn = new DateOnly(2018, 10, 1),
        },
        new()
        {
            Code = StiamoBene,
            Name = "Stiamo bene in Crocetta",
            Summary = "Distretto socio-sanitario integrato di prossimità nel quartiere Crocetta, con cittadini prosumer.",
            Territory = territories[Crocetta],
            FunderName = "Fondazione Comunitaria Nord Milano",
            StartsOn = new DateOnly(2021, 7, 1),
            EndsOn = new DateOnly(2022, 12, 31),
        },
    ];

    private const string Asst = "ASST Grande Ospedale Metropolitano Niguarda";
    private const string Dsm = "Dipartimento di Salute Mentale e Dipendenze – ASST Niguarda";
    private const string CpsCherasco = "CPS via Cherasco";
    private const string CpsLitta = "CPS via Litta Modignani";
    private const string CpsPlebisciti = "CPS corso Plebisciti";
    private const string Lotta = "Cooperativa Lotta contro l'Emarginazione";
    private const string Diapason = "Diapason Cooperativa Sociale";
    private const string Contatto = "Associazione Contatto";
    private const string Aromi = "Aromi a tutto Campo";
    private const string SempreVivi = "I Sempre Vivi +";
    private const string ComuneMilano = "Comune di Milano";
    private const string Cariplo = "Fondazione Cariplo";
    private const string Torpedone = "Cooperativa Sociale Il Torpedone";
    private const string Amf = "AMF – Farmacie Comunali";
    private const string Pharmacy1 = "Farmacia Comunale 1";
    private const string Pharmacy2 = "Farmacia Comunale 2";
    private const string Pharmacy3 = "Farmacia Comunale 3";
    private const string EdithStein = "Fondazione Edith Stein";
    private const string FondazioneNordMilano = "Fondazione Comunitaria Nord Milano";
    private const string CasaCittadinanza = "Casa della Cittadinanza";
    private const string ElderlyNorth = "Centro anziani Crocetta Nord";
    private const string ElderlySouth = "Centro anziani Crocetta Sud";
    private const string Parish = "Parrocchia San Pietro Martire";
    private const string Consultorio = "Consultorio familiare pubblico";
    private const string Cag = "CAG Icaro";
    private const string ComuneCinisello = "Comune di Cinisello Balsamo";

    public static readonly IReadOnlyList<DemoOrganisation> Organisations =
    [
        new(Asst, OrganisationKind.HealthAuthority, Milano, "Piazza dell'Ospedale Maggiore 3, Milano"),
        new(Dsm, OrganisationKind.MentalHealthDepartment, Milano, Parent: Asst),
        new(CpsCherasco, OrganisationKind.MentalHealthCentre, Milano, "Via Cherasco, Milano", Dsm),
        new(CpsLitta, OrganisationKind.MentalHealthCentre, Milano, "Via Litta Modignani, Milano", Dsm),
        new(CpsPlebisciti, OrganisationKind.MentalHealthCentre, Milano, "Corso Plebisciti, Milano", Dsm),
        new(Lotta, OrganisationKind.SocialCooperative, Milano),
        new(Diapason, OrganisationKind.SocialCooperative, Milano),
        new(Contatto, OrganisationKind.Association, Milano),
        new(Aromi, OrganisationKind.SocialCooperative, Milano),
        new(SempreVivi, OrganisationKind.Association, Milano),
        new(ComuneMilano, OrganisationKind.Municipality, Milano),
        new(Cariplo, OrganisationKind.Foundation, Milano),
        new(Torpedone, OrganisationKind.SocialCooperative, Crocetta),
        new(Amf, OrganisationKind.MunicipalPharmacy, Crocetta),
        new(Pharmacy1, OrganisationKind.MunicipalPharmacy, Crocetta, Parent: Amf),
        new(Pharmacy2, OrganisationKind.MunicipalPharmacy, Crocetta, Parent: Amf),
        new(Pharmacy3, OrganisationKind.MunicipalPharmacy, Crocetta, Parent: Amf),
        new(EdithStein, OrganisationKind.Foundation, Crocetta),
        new(FondazioneNordMilano, OrganisationKind.Foundation, Crocetta),
        new(CasaCittadinanza, OrganisationKind.CommunityHouse, Crocetta, "Viale Abruzzi 11, Cinisello Balsamo"),
        new(ElderlyNorth, OrganisationKind.ElderlyCentre, Crocetta),
        new(ElderlySouth, OrganisationKind.ElderlyCentre, Crocetta),
        new(Parish, OrganisationKind.Parish, Crocetta),
        new(Consultorio, OrganisationKind.FamilyHealthClinic, Crocetta),
        new(Cag, OrganisationKind.YouthCentre, Crocetta),
        new(ComuneCinisello, OrganisationKind.Municipality, Crocetta),
    ];

    public static readonly IReadOnlyList<DemoPartner> Partners =
    [
        new(Amicitta, Lotta, PartnerRole.Lead),
        new(Amicitta, Asst, PartnerRole.PublicBody),
        new(Amicitta, Dsm, PartnerRole.PublicBody),
        new(Amicitta, CpsCherasco, PartnerRole.PublicBody),
        new(Amicitta, CpsLitta, PartnerRole.PublicBody),
        new(Amicitta, CpsPlebisciti, PartnerRole.PublicBody),
        new(Amicitta, Diapason, PartnerRole.Partner),
        new(Amicitta, Contatto, PartnerRole.Partner),
        new(Amicitta, Aromi, PartnerRole.Partner),
        new(Amicitta, SempreVivi, PartnerRole.Partner),
        new(Amicitta, ComuneMilano, PartnerRole.PublicBody),
        new(Amicitta, Cariplo, PartnerRole.Funder),
        new(StiamoBene, Torpedone, PartnerRole.Lead),
        new(StiamoBene, Amf, PartnerRole.Partner),
        new(StiamoBene, EdithStein, PartnerRole.Partner),
        new(StiamoBene, FondazioneNordMilano, PartnerRole.Funder),
        new(StiamoBene, ComuneCinisello, PartnerRole.PublicBody),
        new(StiamoBene, Pharmacy1, PartnerRole.LocalActor),
        new(StiamoBene, Pharmacy2, PartnerRole.LocalActor),
        new(StiamoBene, Pharmacy3, PartnerRole.LocalActor),
        new(StiamoBene, CasaCittadinanza, PartnerRole.LocalActor),
        new(StiamoBene, ElderlyNorth, PartnerRole.LocalActor),
        new(StiamoBene, ElderlySouth, PartnerRole.LocalActor),
        new(StiamoBene, Parish, PartnerRole.LocalActor),
        new(StiamoBene, Consultorio, PartnerRole.LocalActor),
        new(StiamoBene, Cag, PartnerRole.LocalActor),
    ];

    public static readonly IReadOnlyList<DemoUser> Users =
    [
        new("clinico", "Elena Marchetti", Roles.Clinician, CpsCherasco),
        new("clinico.litta", "Luisa Fontanella", Roles.Clinician, CpsLitta),
        new("clinico.plebisciti", "Giovanni Boffi", Roles.Clinician, CpsPlebisciti),
        new("assistente.sociale", "Paolo Riva", Roles.SocialWorker, ComuneMilano),
        new("operatore", "Sara Colombo", Roles.KeyWorker, Lotta),
        new("esp", "Marco Fontana", Roles.PeerSupportExpert, Contatto),
        new("volontario", "Lucia Ferri", Roles.Volunteer, CasaCittadinanza),
        new("beneficiario", "Giorgio Bassi", Roles.Beneficiary),
        new("coordinatore", "Chiara Galli", Roles.NetworkCoordinator, Lotta, Torpedone),
        new("sportello", "Anna Moretti", Roles.FrontDesk, Pharmacy2),
        new("fondazione", "Roberto Conti", Roles.Funder, Cariplo),
        new("privacy", "Silvia Carrara", Roles.PrivacyOfficer, Asst),
        new("admin", "Davide Rinaldi", Roles.Administrator, Lotta),
    ];

    public static readonly IReadOnlyList<DemoPerson> People =
    [
        new("AMI-0001", "Giorgio", "Bassi", Code("BSSGRG78C12F205"), new DateOnly(1978, 3, 12), Amicitta, "beneficiario"),
        new("AMI-0002", "Martina", "Sala", Code("SLAMTN85E45F205"), new DateOnly(1985, 5, 5), Amicitta),
        new("AMI-0003", "Alessio", "Brambilla", Code("BRMLSS90A21F205"), new DateOnly(1990, 1, 21), Amicitta),
        new("AMI-0004", "Federica", "Cattaneo", Code("CTTFDR72H60F205"), new DateOnly(1972, 6, 20), Amicitta),
        new("AMI-0005", "Luca", "Pirovano", Code("PRVLCU88M03F205"), new DateOnly(1988, 8, 3), Amicitta),
        new("AMI-0006", "Ilaria", "Longoni", Code("LNGLRI95T47F205"), new DateOnly(1995, 12, 7), Amicitta),
        new("AMI-0007", "Stefano", "Villa", Code("VLLSFN69B14F205"), new DateOnly(1969, 2, 14), Amicitta),
        new("AMI-0008", "Noemi", "Mauri", Code("MRANMO01D52F205"), new DateOnly(2001, 4, 12), Amicitta),
        new("CRO-0001", "Samir", "Haddad", Code("HDDSMR83L09Z330"), new DateOnly(1983, 7, 9), StiamoBene),
        new("CRO-0002", "Rosa", "Invernizzi", Code("NVRRSO47P58C707"), new DateOnly(1947, 9, 18), StiamoBene),
        new("CRO-0003", "Teresa", "Oldani", Code("LDNTRS52S49C707"), new DateOnly(1952, 11, 9), StiamoBene),
    ];

    /// A fictional code made well-formed: the check character is computed, never typed.
    private static string Code(string first15) => first15 + Trama.Web.Features.People.FiscalCode.CheckCharacter(first15);

    public static string EmailOf(string userName) => $"{userName}@{EmailDomain}";

    /// Every fictional name and fiscal code in the demo data: the test rig fails if one reaches a log.
    public static IEnumerable<string> PersonalIdentifiers() =>
        People.Concat(DemoProjects.People()).SelectMany(p => new[] { $"{p.GivenName} {p.FamilyName}", $"{p.FamilyName} {p.GivenName}", p.FiscalCode })
            .Concat(Users.Select(u => u.DisplayName))
            .Distinct();
}
