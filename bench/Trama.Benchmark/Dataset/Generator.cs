using System.Buffers.Binary;
using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Trama.Web.Data;
using Trama.Web.Features.Account;
using Trama.Web.Features.Budget;
using Trama.Web.Features.Demo;
using Trama.Web.Features.Organisations;
using Trama.Web.Features.People;
using Trama.Web.Features.Programmes;
using Trama.Web.Features.Projects;
using Trama.Web.Features.Referrals;
using Trama.Web.Features.ServiceDirectory;

namespace Trama.Benchmark.Dataset;

/// Grows the demo database (already migrated and seeded by the app itself) to a scale: more CPS,
/// cooperatives and municipal services in the aMIcittà programme, their staff, people and projects
/// walked through the real lifecycle (HealthBudgetProject.Apply), diaries, budgets, reviews scored
/// with the app's own GAS formula, a regional service directory and the referrals sent to it.
/// The same seed and the same day give the same rows.
public sealed class Generator(AppDbContext db, Scale scale, int seed, DateOnly today, Progress progress)
{
    /// The benchmark users' password: the demo one, accepted while Trama:DemoData is on.
    public const string Password = DemoData.Password;

    private static readonly ProjectState[] States =
    [
        .. Enumerable.Repeat(ProjectState.Active, 45), .. Enumerable.Repeat(ProjectState.Closed, 15), .. Enumerable.Repeat(ProjectState.FollowUp, 4),
        .. Enumerable.Repeat(ProjectState.UnderReview, 5), .. Enumerable.Repeat(ProjectState.Suspended, 3), .. Enumerable.Repeat(ProjectState.Remodelled, 5),
        .. Enumerable.Repeat(ProjectState.AgreementSigned, 3), .. Enumerable.Repeat(ProjectState.CoDesign, 5), .. Enumerable.Repeat(ProjectState.Assessment, 6),
        .. Enumerable.Repeat(ProjectState.Referred, 5), .. Enumerable.Repeat(ProjectState.WaitingList, 3), ProjectState.NotEligible,
    ];

    private static readonly (DiaryEntryType Type, Sensitivity Sensitivity, bool Clinical, string[] Notes)[] DiaryKinds =
    [
        (DiaryEntryType.Accompaniment, Sensitivity.Ordinary, false, ["Accompagnamento al colloquio per il tirocinio; buona presentazione di sé.", "Accompagnamento in banca per aprire il conto; ha fatto da sé le domande.", "Accompagnamento al centro per l'impiego, iscrizione fatta."]),
        (DiaryEntryType.HomeVisit, Sensitivity.Ordinary, false, ["Visita in appartamento: spesa fatta insieme, frigorifero in ordine.", "Visita a casa: la stanza è in ordine, parla volentieri dei vicini.", "Visita in appartamento con la coinquilina: turni delle pulizie rivisti."]),
        (DiaryEntryType.GroupSession, Sensitivity.Ordinary, false, ["Laboratorio di cucina al centro di quartiere con altre quattro persone.", "Gruppo di cammino del martedì: presente e puntuale.", "Laboratorio di falegnameria: ha finito la mensola."]),
        (DiaryEntryType.CommunityActivity, Sensitivity.Ordinary, false, ["Volontariato alla mensa della parrocchia, due ore.", "Orto condiviso: ha curato le piantine con un vicino.", "Festa di via: ha aiutato a montare i banchi."]),
        (DiaryEntryType.PhoneCall, Sensitivity.Ordinary, false, ["Telefonata per confermare l'appuntamento di giovedì.", "Chiamata serale: tranquillo, ha cenato con la sorella."]),
        (DiaryEntryType.RehabilitationActivity, Sensitivity.Ordinary, false, ["Attività riabilitativa: gestione del denaro settimanale.", "Training sulle abilità sociali, seconda sessione."]),
        (DiaryEntryType.PsychiatricVisit, Sensitivity.Clinical, true, ["Controllo periodico; nessuna variazione della terapia.", "Visita di controllo: sonno migliorato, terapia invariata."]),
        (DiaryEntryType.ClinicalInterview, Sensitivity.Clinical, true, ["Colloquio clinico: umore stabile, riferisce meno ansia al mattino.", "Colloquio: lavora sulla fiducia nel gruppo di appartamento."]),
        (DiaryEntryType.SocialSupportIntervention, Sensitivity.Social, false, ["Pratica per il contributo affitto presentata al Comune.", "Domanda di invalidità civile: documenti raccolti."]),
        (DiaryEntryType.PeerSupportEncounter, Sensitivity.Peer, false, ["Incontro tra pari: racconta la sua prima settimana di tirocinio.", "Caffè con l'esperto per esperienza: parla delle paure del lavoro."]),
    ];

    private static readonly string[] ReviewNarratives =
    [
        "Primo periodo faticoso, buona tenuta in appartamento.",
        "Tirocinio avviato, più presenza nelle attività del quartiere.",
        "Periodo stabile; obiettivo abitativo vicino al livello atteso.",
        "Alcune assenze al tirocinio, recuperate nell'ultimo mese.",
    ];

    private static readonly (string Title, string[] Levels)[] GoalTemplates =
    [
        ("Vivere in un appartamento condiviso con un supporto leggero", ["Torna a vivere in comunità", "Resta in appartamento con supporto quotidiano", "Vive nell'appartamento con due visite a settimana", "Gestisce da sé spesa e pulizie", "Firma un contratto d'affitto a proprio nome"]),
        ("Svolgere un tirocinio di inclusione", ["Interrompe il tirocinio", "Frequenta meno della metà delle ore", "Frequenta 12 ore a settimana", "Frequenta 20 ore a settimana", "Ottiene un contratto di lavoro"]),
        ("Partecipare alla vita del quartiere", ["Non esce di casa se non accompagnato", "Partecipa a un'attività al mese", "Partecipa a un'attività ogni settimana", "Propone un'attività ad altri", "Fa da facilitatore per un'altra persona"]),
    ];

    private static readonly (OrganisationKind Kind, string Name, string Service, string Description, string[] Categories)[] DirectoryKinds =
    [
        (OrganisationKind.Association, "Associazione", "Sportello di ascolto", "Ascolto e orientamento ai servizi del territorio, senza appuntamento.", ["social-services", "mental-health"]),
        (OrganisationKind.Parish, "Parrocchia", "Mensa e guardaroba solidale", "Pasti caldi a pranzo e distribuzione di abiti, per chi è in difficoltà.", ["social-services", "faith"]),
        (OrganisationKind.SocialCooperative, "Cooperativa", "Laboratorio di inserimento lavorativo", "Tirocini e borse lavoro in falegnameria, orto e ristorazione.", ["work", "mental-health"]),
        (OrganisationKind.ElderlyCentre, "Centro anziani", "Attività e pranzi insieme", "Ginnastica dolce, gioco delle carte e pranzo del giovedì.", ["elderly", "culture"]),
        (OrganisationKind.YouthCentre, "Centro di aggregazione giovanile", "Doposcuola e laboratori", "Aiuto nei compiti e laboratori di musica per ragazze e ragazzi.", ["youth", "culture"]),
        (OrganisationKind.CommunityHouse, "Casa di quartiere", "Corsi di italiano per stranieri", "Corsi di lingua italiana di livello A1 e A2, gratuiti.", ["languages", "culture"]),
        (OrganisationKind.FamilyHealthClinic, "Consultorio", "Sostegno alla genitorialità", "Colloqui e gruppi per genitori, con psicologa e ostetrica.", ["families", "health"]),
        (OrganisationKind.Association, "Associazione", "Sportello casa", "Orientamento su affitti calmierati e bandi per la casa.", ["housing", "social-services"]),
    ];

    private readonly Dictionary<string, Guid> lifeAreas = [];
    private readonly List<Guid> centres = [];
    private readonly Dictionary<Guid, List<string>> cliniciansOf = [];
    private readonly List<string> keyWorkers = [];
    private readonly List<string> socialWorkers = [];
    private readonly List<string> peerExperts = [];
    private readonly List<Guid> services = [];
    private readonly List<(Guid Id, string Given, string Family)> people = [];
    private readonly List<(Guid Id, int Person, Guid Centre, string Referent)> projects = [];
    private readonly List<string> frontDesks = [];
    private readonly HashSet<string> fiscalCodes = [];
    private long idClock = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
    private Guid programmeId;
    private Guid territoryId;
    private int reviewIntervalMonths;

    /// Rows the generator will write at this scale, for the progress bar (an estimate within a few per cent).
    public static long ExpectedRows(Scale s) =>
        s.Persons + (s.Persons / 5 * 2) + (s.Projects * 13L) + s.DiaryEntries + s.BudgetLines + (s.BudgetLines / 3) + (s.Reviews * 4L)
        + (s.DirectoryOrganisations * 2L) + (s.Services * 9L) + (s.Referrals * 3L);

    public async Task GenerateAsync(CancellationToken cancellationToken = default)
    {
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var writer = new BulkWriter(db);
        await db.Database.OpenConnectionAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            // A bulk load of a throw-away file: a crash mid-way means generating again, not a lost record.
            await db.Database.ExecuteSqlRawAsync("PRAGMA synchronous=OFF; PRAGMA cache_size=-200000;", cancellationToken);
        }

        await LoadBaseAsync(cancellationToken);
        Organisations(writer, Rng(1));
        Users(writer, Rng(2));
        Directory(writer, Rng(3));
        await FlushAsync(writer, cancellationToken);

        const int PeoplePerChunk = 5_000;
        for (var start = 0; start < scale.Persons; start += PeoplePerChunk)
        {
            People(writer, Rng(1_000 + start / PeoplePerChunk), start, Math.Min(scale.Persons, start + PeoplePerChunk));
            await FlushAsync(writer, cancellationToken);
        }

        const int ProjectsPerChunk = 250;
        for (var start = 0; start < scale.Projects; start += ProjectsPerChunk)
        {
            var random = Rng(100_000 + start / ProjectsPerChunk);
            for (var i = start; i < Math.Min(scale.Projects, start + ProjectsPerChunk); i++)
            {
                Project(writer, random, i);
            }

            await FlushAsync(writer, cancellationToken);
        }

        const int ReferralsPerChunk = 5_000;
        for (var start = 0; start < scale.Referrals; start += ReferralsPerChunk)
        {
            var random = Rng(200_000 + start / ReferralsPerChunk);
            for (var i = start; i < Math.Min(scale.Referrals, start + ReferralsPerChunk); i++)
            {
                Referral(writer, random, i);
            }

            await FlushAsync(writer, cancellationToken);
        }

        progress.Stage("analysing");
        await db.Database.ExecuteSqlRawAsync("ANALYZE;", cancellationToken);
        progress.Done(writer.Rows);
    }

    /// Users of the benchmark, by role, as the load scenarios sign in: generated clinicians at M and
    /// L, the demo ones at S.
    public static string Clinician(Scale scale, int i) =>
        scale.IsDemoOnly ? new[] { "clinico", "clinico.litta", "clinico.plebisciti" }[i % 3] : string.Create(CultureInfo.InvariantCulture, $"bench.clinico.{i % scale.Centres:000}.{i / scale.Centres % scale.CliniciansPerCentre:00}");

    private async Task FlushAsync(BulkWriter writer, CancellationToken cancellationToken)
    {
        await writer.FlushAsync(cancellationToken);
        progress.Report(writer.Rows);
    }

    // Not HashCode.Combine: it is seeded afresh in every process, so the same seed gave other rows
    // (other counts, even) at every generation.
    private Random Rng(int stream) => new(unchecked((seed * 1_000_003) + stream) & int.MaxValue);

    /// A version-7 id as the app makes them, from a clock that ticks once per id, so the same seed
    /// gives the same ids and rows go into the key index in order.
    private Guid NewId(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        var ms = idClock++;
        BinaryPrimitives.WriteUInt16BigEndian(bytes, (ushort)(ms >> 32));
        BinaryPrimitives.WriteUInt32BigEndian(bytes[2..], (uint)ms);
        bytes[6] = (byte)(0x70 | (bytes[6] & 0x0F));
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F));
        return new Guid(bytes, bigEndian: true);
    }

    private static DateTime Utc(DateOnly day, int hour) => day.ToDateTime(new TimeOnly(hour, 0), DateTimeKind.Utc);

    private async Task LoadBaseAsync(CancellationToken cancellationToken)
    {
        var programme = await db.Programmes.AsNoTracking().SingleAsync(p => p.Code == DemoData.Amicitta, cancellationToken);
        programmeId = programme.Id;
        territoryId = programme.TerritoryId;
        reviewIntervalMonths = programme.ReviewIntervalMonths;
        foreach (var area in await db.LifeAreas.AsNoTracking().Where(a => a.ProgrammeId == programmeId).ToListAsync(cancellationToken))
        {
            lifeAreas[area.Code] = area.Id;
        }

        // The demo's ids are the app's own (random within a millisecond): the name is what is the same every time.
        foreach (var service in await db.DirectoryServices.AsNoTracking().OrderBy(s => s.Name).ThenBy(s => s.Id).Select(s => s.Id).ToListAsync(cancellationToken))
        {
            services.Add(service);
        }

        progress.Stage("writing");
    }

    private readonly List<(Guid Id, string Name)> organisations = [];
    private readonly List<Guid> cooperatives = [];
    private readonly List<Guid> municipalities = [];

    private void Organisations(BulkWriter writer, Random random)
    {
        var orgs = new List<Organisation>();
        Organisation Add(string name, OrganisationKind kind, Guid? parent, PartnerRole? role, string? address = null)
        {
            var o = new Organisation { Id = NewId(random), Name = name, Kind = kind, ParentId = parent, TerritoryId = territoryId, Address = address, Version = NewId(random) };
            orgs.Add(o);
            if (role is { } r)
            {
                writer.Add([new ProgrammePartner { ProgrammeId = programmeId, OrganisationId = o.Id, Role = r }]);
            }

            return o;
        }

        var perAsst = 5;
        for (var a = 0; a * perAsst < scale.Centres; a++)
        {
            var town = ItalianData.Towns[a % ItalianData.Towns.Length];
            var asst = Add($"ASST {town.Name} {a + 1} (benchmark)", OrganisationKind.HealthAuthority, null, PartnerRole.PublicBody);
            var dsm = Add($"DSMD dell'ASST {town.Name} {a + 1} (benchmark)", OrganisationKind.MentalHealthDepartment, asst.Id, PartnerRole.PublicBody);
            for (var c = a * perAsst; c < Math.Min(scale.Centres, (a + 1) * perAsst); c++)
            {
                centres.Add(Add($"CPS {town.Name} {c + 1:000} (benchmark)", OrganisationKind.MentalHealthCentre, dsm.Id, PartnerRole.PublicBody, ItalianData.Address(random, town)).Id);
            }
        }

        for (var c = 0; c < scale.Cooperatives; c++)
        {
            cooperatives.Add(Add($"Cooperativa sociale {ItalianData.FamilyNames[c % ItalianData.FamilyNames.Length]} {c + 1:000} (benchmark)", OrganisationKind.SocialCooperative, null, PartnerRole.Partner).Id);
        }

        for (var m = 0; m < scale.Municipalities; m++)
        {
            var town = ItalianData.Towns[m % ItalianData.Towns.Length];
            municipalities.Add(Add($"Servizio sociale {town.Name} {m + 1:000} (benchmark)", OrganisationKind.Municipality, null, PartnerRole.PublicBody).Id);
        }

        for (var d = 0; d < scale.DirectoryOrganisations; d++)
        {
            var kind = DirectoryKinds[d % DirectoryKinds.Length];
            var town = ItalianData.PickTown(random);
            var o = Add($"{kind.Name} {ItalianData.FamilyNames[random.Next(ItalianData.FamilyNames.Length)]} di {town.Name} {d + 1:00000}", kind.Kind, null, null);
            organisations.Add((o.Id, o.Name));
        }

        writer.Add(orgs);
    }

    private void Users(BulkWriter writer, Random random)
    {
        var hash = new PasswordHasher<AppUser>().HashPassword(null!, Password);
        var since = today.AddYears(-6);
        void Add(string userName, string displayName, string role, Guid organisation)
        {
            var user = new AppUser
            {
                Id = NewId(random).ToString(),
                UserName = userName,
                NormalizedUserName = userName.ToUpperInvariant(),
                Email = userName + "@" + DemoData.EmailDomain,
                NormalizedEmail = (userName + "@" + DemoData.EmailDomain).ToUpperInvariant(),
                EmailConfirmed = true,
                PasswordHash = hash,
                SecurityStamp = NewId(random).ToString("N").ToUpperInvariant(),
                ConcurrencyStamp = NewId(random).ToString(),
                LockoutEnabled = true,
                DisplayName = displayName,
                IsDemo = true,
                CreatedAtUtc = Utc(since, 8),
            };
            writer.Add([user]);
            writer.Add([new IdentityUserRole<string> { UserId = user.Id, RoleId = "role-" + role.ToLowerInvariant() }]);
            writer.Add([new OrganisationMembership { Id = NewId(random), UserId = user.Id, OrganisationId = organisation, StartsOn = since }]);
            switch (role)
            {
                case Roles.Clinician:
                    if (!cliniciansOf.TryGetValue(organisation, out var clinicians))
                    {
                        cliniciansOf[organisation] = clinicians = [];
                    }

                    clinicians.Add(user.Id);
                    break;
                case Roles.KeyWorker:
                    keyWorkers.Add(user.Id);
                    break;
                case Roles.SocialWorker:
                    socialWorkers.Add(user.Id);
                    break;
                case Roles.PeerSupportExpert:
                    peerExperts.Add(user.Id);
                    break;
                case Roles.FrontDesk:
                    frontDesks.Add(user.Id);
                    break;
            }
        }

        string Name(Random r) => $"{(r.Next(2) == 0 ? ItalianData.MaleNames : ItalianData.FemaleNames)[r.Next(40)]} {ItalianData.FamilyNames[r.Next(ItalianData.FamilyNames.Length)]}";
        for (var c = 0; c < centres.Count; c++)
        {
            for (var i = 0; i < scale.CliniciansPerCentre; i++)
            {
                Add(Clinician(scale, (i * scale.Centres) + c), "Dott. " + Name(random), Roles.Clinician, centres[c]);
            }
        }

        for (var c = 0; c < cooperatives.Count; c++)
        {
            for (var i = 0; i < scale.KeyWorkersPerCooperative; i++)
            {
                Add(string.Create(CultureInfo.InvariantCulture, $"bench.operatore.{c:000}.{i:00}"), Name(random), Roles.KeyWorker, cooperatives[c]);
            }
        }

        for (var m = 0; m < municipalities.Count; m++)
        {
            for (var i = 0; i < scale.SocialWorkersPerMunicipality; i++)
            {
                Add(string.Create(CultureInfo.InvariantCulture, $"bench.assistente.{m:000}.{i:00}"), Name(random), Roles.SocialWorker, municipalities[m]);
            }
        }

        for (var e = 0; e < scale.PeerExperts; e++)
        {
            Add(string.Create(CultureInfo.InvariantCulture, $"bench.esp.{e:000}"), Name(random), Roles.PeerSupportExpert, cooperatives[e % cooperatives.Count]);
        }

        // A front desk at each directory organisation that takes referrals, for the receiving side.
        for (var d = 0; d < organisations.Count; d += 10)
        {
            Add(string.Create(CultureInfo.InvariantCulture, $"bench.sportello.{d:00000}"), Name(random), Roles.FrontDesk, organisations[d].Id);
        }
    }

    private void Directory(BulkWriter writer, Random random)
    {
        var categories = StandardCategories.All.ToDictionary(c => c.Code);
        var verified = today.AddMonths(-3);
        for (var s = 0; s < scale.Services; s++)
        {
            var org = organisations[s % organisations.Count];
            var kind = DirectoryKinds[s % DirectoryKinds.Length];
            var town = ItalianData.Towns.FirstOrDefault(t => org.Name.Contains(" di " + t.Name + " ", StringComparison.Ordinal)) ?? ItalianData.Towns[0];
            var service = new DirectoryService
            {
                Id = NewId(random),
                OrganisationId = org.Id,
                Name = $"{kind.Service} – {org.Name}",
                Description = kind.Description,
                IsFree = random.Next(4) != 0,
                Languages = random.Next(5) == 0 ? "it,en" : random.Next(8) == 0 ? "it,ar,fr" : "it",
                Phone = string.Create(CultureInfo.InvariantCulture, $"+39 02 {random.Next(1000, 9999)} {random.Next(1000, 9999)}"),
                AcceptsReferrals = random.Next(3) != 0,
                LastVerifiedOn = verified.AddDays(-random.Next(300)),
                LastModifiedUtc = Utc(verified, 10),
                Version = NewId(random),
            };
            service.SearchText = DirectoryService.Fold(string.Join(' ', new[] { service.Name, service.Description, org.Name }
                .Concat(kind.Categories.SelectMany(c => new[] { categories[c].It, categories[c].En }))));
            services.Add(service.Id);
            writer.Add([service]);
            foreach (var code in kind.Categories)
            {
                writer.AddJoin("DirectoryServiceCategories", new Dictionary<string, object> { ["CategoriesId"] = categories[code].Id, ["ServicesId"] = service.Id });
            }

            var location = new DirectoryLocation
            {
                Id = NewId(random),
                OrganisationId = org.Id,
                Name = "Sede di " + town.Name,
                Street = $"{ItalianData.Streets[random.Next(ItalianData.Streets.Length)]} {random.Next(1, 180)}",
                PostalCode = town.PostalCode,
                City = town.Name,
                Province = town.Province,
                Latitude = Math.Round(town.Latitude + ((random.NextDouble() - 0.5) * 0.08), 6),
                Longitude = Math.Round(town.Longitude + ((random.NextDouble() - 0.5) * 0.11), 6),
                Version = NewId(random),
            };
            writer.Add([location]);
            var at = new ServiceAtLocation { Id = NewId(random), ServiceId = service.Id, LocationId = location.Id };
            writer.Add([at]);
            var opens = new TimeOnly(8 + random.Next(3), 30);
            writer.Add(Enumerable.Range(1, 5).Select(d => new OpeningHours { Id = NewId(random), ServiceAtLocationId = at.Id, Day = (DayOfWeek)d, Opens = opens, Closes = opens.AddHours(4 + random.Next(5)) }).ToList());
        }
    }

    private void People(BulkWriter writer, Random random, int from, int to)
    {
        var born = new DateOnly(1950, 1, 1);
        for (var i = from; i < to; i++)
        {
            var sex = random.Next(2) == 0 ? PersonSex.Female : PersonSex.Male;
            var given = (sex == PersonSex.Female ? ItalianData.FemaleNames : ItalianData.MaleNames)[random.Next(40)];
            var family = ItalianData.FamilyNames[random.Next(ItalianData.FamilyNames.Length)];
            var birth = born.AddDays(random.Next(365 * 55));
            var town = ItalianData.PickTown(random);
            var code = ItalianData.FiscalCodeOf(family, given, birth, sex, town.Cadastral);
            while (!fiscalCodes.Add(code))
            {
                // Two invented people with the same code: the second is born a day later.
                birth = birth.AddDays(1);
                code = ItalianData.FiscalCodeOf(family, given, birth, sex, town.Cadastral);
            }

            // The app's own check: a generated code that would not pass the form is a generator bug.
            if (FiscalCode.Check(code, birth, sex) is { IsValid: false } check)
            {
                throw new InvalidOperationException($"generated fiscal code {code} fails the app's check: {check.ErrorKey}");
            }

            var person = new Person
            {
                Id = NewId(random),
                PseudonymousCode = string.Create(CultureInfo.InvariantCulture, $"BEN-{i + 1:000000}"),
                GivenName = given,
                FamilyName = family,
                NormalisedName = Person.Normalise(family, given),

                FiscalCode = code,
                BirthDate = birth,
                Sex = sex,
                Phone = string.Create(CultureInfo.InvariantCulture, $"+39 3{random.Next(10, 99)} {random.Next(100, 999)} {random.Next(1000, 9999)}"),
                Address = ItalianData.Address(random, town),
                Languages = "it",
                ProgrammeId = programmeId,
                Version = NewId(random),
            };
            people.Add((person.Id, given, family));
            writer.Add([person]);
        }
    }

    private void Project(BulkWriter writer, Random random, int index)
    {
        var personIndex = (int)((long)index * people.Count / scale.Projects);
        var person = people[personIndex];
        var centre = centres[index % centres.Count];
        var clinicians = cliniciansOf[centre];
        var referent = clinicians[index / centres.Count % clinicians.Count];
        var keyWorker = keyWorkers[random.Next(keyWorkers.Count)];
        var target = States[random.Next(States.Length)];
        var monthsAgo = target is ProjectState.Closed or ProjectState.FollowUp ? 18 + random.Next(48) : target is ProjectState.Referred or ProjectState.WaitingList or ProjectState.Assessment ? random.Next(4) : 3 + random.Next(36);
        var referred = today.AddMonths(-monthsAgo).AddDays(-random.Next(28));
        var project = new HealthBudgetProject
        {
            Id = NewId(random),
            ProgrammeId = programmeId,
            PersonId = person.Id,
            MentalHealthCentreId = centre,
            ReferredOn = referred,
            ReferralSource = random.Next(3) switch { 0 => "Medico di medicina generale", 1 => "Servizio sociale del Comune", _ => "CPS – équipe territoriale" },
            ReferralReason = "Isolamento sociale e difficoltà abitative dopo un lungo periodo di cura; chiede di riprendere un'attività.",
            Urgency = (Trama.Web.Features.Projects.ReferralUrgency)random.Next(3),
            CreatedAtUtc = Utc(referred, 9),
            Version = NewId(random),
        };
        projects.Add((project.Id, personIndex, centre, referent));
        var since = referred;
        project.Team.Add(new CareTeamMember { Id = NewId(random), ProjectId = project.Id, UserId = referent, Role = CareTeamRole.CpsReferent, StartsOn = since });
        var dateOfStep = Utc(referred, 9);
        var lastDay = today.AddDays(-1);
        void Do(ProjectAction action, string by, int days, string? reason = null, ClosureReason? closure = null)
        {
            var next = dateOfStep.AddDays(days);
            dateOfStep = next > Utc(lastDay, 9) ? Utc(lastDay, 9) : next;
            var refused = project.Apply(action, actorIsCps: by == referent, by, dateOfStep, reason, closure, reviewIntervalMonths);
            if (refused is not null)
            {
                throw new InvalidOperationException($"generated project {index}: {action} refused ({refused})");
            }
        }

        var goals = project.Goals;
        var diaryMean = (double)scale.DiaryEntries / (scale.Projects * 0.77);
        var reviewMean = (double)scale.Reviews / (scale.Projects * 0.70);
        var budgetMean = (double)scale.BudgetLines / (scale.Projects * 0.77);
        switch (target)
        {
            case ProjectState.WaitingList:
                Do(ProjectAction.PutOnWaitingList, referent, 12, "Posti di tirocinio esauriti fino al prossimo semestre.");
                break;
            case ProjectState.NotEligible:
                Do(ProjectAction.DeclineAsNotEligible, referent, 12, "Bisogni già coperti dal progetto riabilitativo in corso.");
                break;
            case ProjectState.Referred:
                break;
            default:
                Do(ProjectAction.Accept, referent, 7);
                if (target == ProjectState.Assessment)
                {
                    break;
                }

                project.Team.Add(new CareTeamMember { Id = NewId(random), ProjectId = project.Id, UserId = keyWorker, Role = CareTeamRole.KeyWorker, StartsOn = since });
                if (random.Next(10) < 6)
                {
                    project.Team.Add(new CareTeamMember { Id = NewId(random), ProjectId = project.Id, UserId = socialWorkers[random.Next(socialWorkers.Count)], Role = CareTeamRole.SocialWorker, StartsOn = since });
                }

                if (random.Next(10) < 3)
                {
                    project.Team.Add(new CareTeamMember { Id = NewId(random), ProjectId = project.Id, UserId = peerExperts[random.Next(peerExperts.Count)], Role = CareTeamRole.PeerSupportExpert, StartsOn = since });
                }

                if (random.Next(10) == 0)
                {
                    project.Team.Add(new CareTeamMember { Id = NewId(random), ProjectId = project.Id, Name = "Vicina di casa", Role = CareTeamRole.NaturalFacilitator, StartsOn = since });
                }

                project.AssessedOn = DateOnly.FromDateTime(dateOfStep.AddDays(10));
                project.WishesInOwnWords = "Vorrei una casa mia e un lavoro vero, e tornare a suonare con qualcuno.";
                project.Strengths = "Legame forte con la famiglia; sa cucinare; conosce il quartiere.";
                Do(ProjectAction.CompleteAssessment, referent, 14);
                project.CrisisSigns = "Non risponde al telefono per più di un giorno; smette di uscire per la spesa.";
                project.CrisisWhatHelps = "Una visita a casa di una persona che conosce; fare due passi insieme.";
                project.CrisisWhoToCall = "CPS di riferimento (orari d'ufficio); un familiare; fuori orario il 112.";
                project.CrisisPlanUpdatedOn = DateOnly.FromDateTime(dateOfStep);
                if (target == ProjectState.CoDesign)
                {
                    break;
                }

                project.Intensity = (Intensity)random.Next(3);
                var areaCodes = new[] { "housing", "work", "social" };
                for (var g = 0; g < GoalTemplates.Length; g++)
                {
                    var (title, levels) = GoalTemplates[g];
                    goals.Add(new Goal
                    {
                        Id = NewId(random),
                        ProjectId = project.Id,
                        LifeAreaId = lifeAreas[areaCodes[g]],
                        Title = title,
                        MuchLess = levels[0],
                        Less = levels[1],
                        Expected = levels[2],
                        More = levels[3],
                        MuchMore = levels[4],
                        Weight = g == 0 ? 2 : 1,
                        CreatedAtUtc = dateOfStep,
                        Version = NewId(random),
                    });
                }

                Do(ProjectAction.ApproveAndSignAgreement, referent, 12);
                if (target == ProjectState.AgreementSigned)
                {
                    break;
                }

                Do(ProjectAction.Start, keyWorker, 10);
                var started = project.StartedOn!.Value;
                var endDay = target is ProjectState.Closed or ProjectState.FollowUp ? started.AddDays(Math.Min(lastDay.DayNumber - started.DayNumber, 300 + random.Next(400))) : lastDay;
                var reviews = target is ProjectState.Closed or ProjectState.FollowUp or ProjectState.Remodelled or ProjectState.UnderReview ? 1 + random.Next((int)Math.Round(reviewMean * 2)) : random.Next((int)Math.Round(reviewMean * 2));
                var span = Math.Max(1, endDay.DayNumber - started.DayNumber);
                for (var r = 0; r < reviews; r++)
                {
                    Do(ProjectAction.StartReview, keyWorker, span / (reviews + 1));
                    var review = new Review
                    {
                        Id = NewId(random),
                        ProjectId = project.Id,
                        HeldOn = DateOnly.FromDateTime(dateOfStep),
                        Narrative = ReviewNarratives[random.Next(ReviewNarratives.Length)],
                        Decision = ReviewDecision.Continue,
                        RecordedByUserId = referent,
                    };
                    var levels = goals.Select(_ => random.Next(-2, 3)).ToArray();
                    for (var g = 0; g < goals.Count; g++)
                    {
                        review.Ratings.Add(new GoalRating { ReviewId = review.Id, GoalId = goals[g].Id, Level = levels[g] });
                    }

                    review.TScore = GoalAttainment.TScore(goals.Select((g, i) => new GoalScore(levels[i], g.Weight)).ToList());
                    project.Reviews.Add(review);
                    var last = r == reviews - 1;
                    if (last && target == ProjectState.UnderReview)
                    {
                        break;
                    }

                    Do(last && target == ProjectState.Remodelled ? ProjectAction.Remodel : ProjectAction.ContinueAfterReview, referent, 2,
                        last && target == ProjectState.Remodelled ? "Intensità ridotta: la persona è più autonoma in casa." : null);
                }

                if (target == ProjectState.UnderReview && reviews == 0)
                {
                    Do(ProjectAction.StartReview, keyWorker, 5);
                }
                else if (target == ProjectState.Suspended)
                {
                    Do(ProjectAction.Suspend, keyWorker, 5, "Ricovero ospedaliero breve.");
                }
                else if (target is ProjectState.Closed or ProjectState.FollowUp)
                {
                    Do(ProjectAction.Close, referent, 5, "Obiettivi raggiunti, passaggio ai servizi ordinari.", ClosureReason.GoalsReached);
                    if (target == ProjectState.FollowUp)
                    {
                        Do(ProjectAction.StartFollowUp, keyWorker, 3);
                    }
                }

                Diary(project, random, started, endDay, (int)Math.Round(diaryMean * (0.5 + random.NextDouble())), keyWorker, referent);
                Budget(writer, project, random, started, endDay, (int)Math.Round(budgetMean * (0.5 + random.NextDouble())), keyWorker);
                break;
        }

        foreach (var t in project.Transitions)
        {
            t.Id = NewId(random);
        }

        writer.Add([project]);
        writer.Add(project.Team);
        writer.Add(project.Transitions);
        writer.Add(goals);
        writer.Add(project.Reviews);
        writer.Add(project.Reviews.SelectMany(r => r.Ratings));
        writer.Add(project.Diary);
        writer.Add([new PersonRole { Id = NewId(random), PersonId = person.Id, Kind = PersonRoleKind.Beneficiary, StartsOn = referred, EndsOn = project.ClosedOn }]);
        foreach (var purpose in new[] { ConsentPurpose.Dossier, ConsentPurpose.SharingWithPartners, ConsentPurpose.PseudonymisedReporting })
        {
            writer.Add([new Consent { Id = NewId(random), PersonId = person.Id, Purpose = purpose, Given = purpose != ConsentPurpose.SharingWithPartners || random.Next(10) != 0, StatedOn = referred, NoticeVersion = Consent.DefaultNotice, RecordedByUserId = referent, RecordedAtUtc = Utc(referred, 10) }]);
        }
    }

    private void Diary(HealthBudgetProject project, Random random, DateOnly from, DateOnly to, int count, string keyWorker, string clinician)
    {
        var span = Math.Max(1, to.DayNumber - from.DayNumber);
        for (var d = 0; d < count; d++)
        {
            var kind = DiaryKinds[random.Next(DiaryKinds.Length)];
            var day = from.AddDays((int)((long)span * d / Math.Max(1, count)));
            project.Diary.Add(new DiaryEntry
            {
                Id = NewId(random),
                ProjectId = project.Id,
                Type = kind.Type,
                OccurredOn = day,
                DurationMinutes = 15 * (1 + random.Next(8)),
                Notes = kind.Notes[random.Next(kind.Notes.Length)],
                Sensitivity = kind.Sensitivity,
                AuthorUserId = kind.Clinical ? clinician : keyWorker,
                CreatedAtUtc = Utc(day, 18),
            });
        }
    }

    private void Budget(BulkWriter writer, HealthBudgetProject project, Random random, DateOnly from, DateOnly to, int count, string recorder)
    {
        (string Area, FundingSource Source, BudgetNature Nature, long Planned)[] kinds =
        [
            ("housing", FundingSource.HealthAuthority, BudgetNature.Cash, 3_000_00), ("housing", FundingSource.Municipality, BudgetNature.Cash, 1_500_00),
            ("work", FundingSource.Funder, BudgetNature.Cash, 1_200_00), ("work", FundingSource.VolunteerTime, BudgetNature.VolunteerTime, 400_00),
            ("social", FundingSource.CommunityInKind, BudgetNature.InKind, 300_00), ("social", FundingSource.HealthAuthority, BudgetNature.StaffTime, 900_00),
        ];
        var years = Math.Max(1, (to.DayNumber - from.DayNumber + 364) / 365);
        var lines = new List<BudgetLine>();
        var ledger = new List<LedgerEntry>();
        for (var i = 0; i < count; i++)
        {
            var (area, source, nature, planned) = kinds[i % kinds.Length];
            var periodStart = from.AddYears(i / kinds.Length % years);
            var amount = planned / 100 * (80 + random.Next(40));
            lines.Add(new BudgetLine
            {
                Id = NewId(random),
                ProjectId = project.Id,
                LifeAreaId = lifeAreas[area],
                Source = source,
                Nature = nature,
                PeriodStart = periodStart,
                PeriodEnd = periodStart.AddYears(1).AddDays(-1),
                PlannedCents = amount,
                CommittedCents = amount / 2,
                CreatedAtUtc = Utc(from, 11),
            });
            if (i % 3 == 0 && nature == BudgetNature.Cash)
            {
                var spent = periodStart.AddDays(random.Next(300));
                ledger.Add(new LedgerEntry
                {
                    Id = NewId(random),
                    ProjectId = project.Id,
                    SpentOn = spent > to ? to : spent,
                    AmountCents = amount / (2 + random.Next(3)),
                    Source = source,
                    LifeAreaId = lifeAreas[area],
                    Supplier = "Cooperativa sociale del territorio",
                    Description = area == "housing" ? "Supporto educativo in appartamento" : "Borsa lavoro del tirocinio",
                    RecordedByUserId = recorder,
                    CreatedAtUtc = Utc(from, 12),
                });
            }
        }

        writer.Add(lines);
        writer.Add(ledger);
    }

    private void Referral(BulkWriter writer, Random random, int index)
    {
        // A few services get most referrals, as in life: a square pulls the pick toward the first ones.
        var u = random.NextDouble();
        var service = services[(int)(u * u * services.Count)];
        var project = projects[random.Next(projects.Count)];
        var person = people[project.Person];
        var receiver = frontDesks[random.Next(frontDesks.Count)];
        var withProject = random.Next(2) == 0;
        var created = Utc(today.AddDays(-random.Next(720)), 9 + random.Next(8));
        var referral = new Referral
        {
            Id = NewId(random),
            ServiceId = service,
            FromOrganisationId = project.Centre,
            CreatedByUserId = project.Referent,
            CreatedAtUtc = created,
            GivenName = person.Given,
            FamilyName = person.Family,
            Contact = "+39 333 000 0000",
            Reason = "Cerca un'attività nel quartiere per qualche ora alla settimana.",
            Urgency = (Trama.Web.Features.Referrals.ReferralUrgency)random.Next(3),
            ConsentGiven = true,
            StateChangedAtUtc = created,
            PersonId = withProject ? person.Id : null,
            ProjectId = withProject ? project.Id : null,
            Version = NewId(random),
        };
        var events = new List<ReferralEvent> { new() { Id = NewId(random), ReferralId = referral.Id, AtUtc = created, ByUserId = project.Referent, To = ReferralState.Requested, Action = ReferralAction.Send } };
        ReferralAction[] path = random.Next(20) switch
        {
            < 3 => [],
            < 5 => [ReferralAction.Receive],
            < 8 => [ReferralAction.Accept],
            < 11 => [ReferralAction.Accept, ReferralAction.Start],
            < 16 => [ReferralAction.Accept, ReferralAction.Start, ReferralAction.Complete],
            < 18 => [ReferralAction.Reject],
            _ => [ReferralAction.Revoke],
        };
        var at = created;
        foreach (var action in path)
        {
            var to = ReferralLifecycle.Next(referral.State, action) ?? throw new InvalidOperationException($"referral {index}: {action} from {referral.State}");
            at = at.AddDays(1 + random.Next(6));
            events.Add(new ReferralEvent
            {
                Id = NewId(random),
                ReferralId = referral.Id,
                AtUtc = at,
                ByUserId = ReferralLifecycle.Moves[action].Side == ReferralSide.Sender ? project.Referent : receiver,
                From = referral.State,
                To = to,
                Action = action,
                Note = ReferralLifecycle.Moves[action].NeedsText ? "Esito comunicato al CPS." : null,
            });
            referral.State = to;
            referral.StateChangedAtUtc = at;
        }

        if (referral.State == ReferralState.Completed)
        {
            referral.Outcome = "Frequenta l'attività con regolarità.";
        }

        writer.Add([referral]);
        writer.Add(events);
    }
}
