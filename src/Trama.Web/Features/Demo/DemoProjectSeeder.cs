using Microsoft.EntityFrameworkCore;
using Trama.Web.Data;
using Trama.Web.Features.Account;
using Trama.Web.Features.People;
using Trama.Web.Features.Programmes;
using Trama.Web.Features.Projects;

namespace Trama.Web.Features.Demo;

/// Builds the demo projects by walking each one through the real lifecycle (HealthBudgetProject.Apply),
/// back-dated, so timelines, reviews and diaries look like months of work.
internal sealed class DemoProjectSeeder(AppDbContext db, DateTime nowUtc)
{
    private static readonly (string Area, string Title, string[] Levels)[] GoalTemplates =
    [
        ("housing", "Vivere in un appartamento condiviso con un supporto leggero", ["Torna a vivere in comunità", "Resta in appartamento con supporto quotidiano", "Vive nell'appartamento con due visite a settimana", "Gestisce da sé spesa e pulizie", "Firma un contratto d'affitto a proprio nome"]),
        ("work", "Svolgere un tirocinio di inclusione", ["Interrompe il tirocinio", "Frequenta meno della metà delle ore", "Frequenta 12 ore a settimana", "Frequenta 20 ore a settimana", "Ottiene un contratto di lavoro"]),
        ("social", "Partecipare alla vita del quartiere", ["Non esce di casa se non accompagnato", "Partecipa a un'attività al mese", "Partecipa a un'attività ogni settimana", "Propone un'attività ad altri", "Fa da facilitatore per un'altra persona"]),
    ];

    public async Task SeedAsync(Dictionary<string, AppUser> users, Dictionary<string, Programme> programmes)
    {
        var areas = new Dictionary<(Guid, string), LifeArea>();
        foreach (var programme in programmes.Values)
        {
            var order = 0;
            foreach (var a in DemoProjects.LifeAreas)
            {
                var area = new LifeArea { ProgrammeId = programme.Id, Code = a.Code, NameIt = a.NameIt, NameEn = a.NameEn, NationalArea = a.NationalArea, SortOrder = order++ };
                areas[(programme.Id, a.Code)] = area;
                db.LifeAreas.Add(area);
            }
        }

        var amicitta = programmes[DemoData.Amicitta];
        var centres = await db.Organisations.Where(o => o.Kind == Organisations.OrganisationKind.MentalHealthCentre).ToDictionaryAsync(o => o.Name, o => o.Id);
        var clinicians = DemoData.Users.Where(u => u.Role == Roles.Clinician).ToDictionary(u => u.Organisations[0], u => users[u.UserName].Id);
        var people = await db.People.Where(p => p.ProgrammeId == amicitta.Id).ToDictionaryAsync(p => p.PseudonymousCode);
        var index = 0;
        foreach (var plan in DemoProjects.Plans())
        {
            var clinician = clinicians[plan.Centre];
            var start = nowUtc.AddMonths(-plan.StartedMonthsAgo).Date.AddHours(9);
            var project = new HealthBudgetProject
            {
                ProgrammeId = amicitta.Id,
                Person = people[plan.PersonCode],
                MentalHealthCentreId = centres[plan.Centre],
                ReferredOn = DateOnly.FromDateTime(start),
                ReferralSource = index % 3 == 0 ? "Medico di medicina generale" : index % 3 == 1 ? "Servizio sociale del Comune" : "CPS – équipe territoriale",
                ReferralReason = "Isolamento sociale e difficoltà abitative dopo un lungo periodo di cura; chiede di riprendere un'attività.",
                Urgency = (ReferralUrgency)(index % 3),
                CreatedAtUtc = start,
            };
            AddTeam(project, plan, users, clinician, index);
            AddConsents(people[plan.PersonCode].Id, project.ReferredOn, clinician, start, index);
            Walk(project, plan, clinician, users["operatore"].Id, start, areas, amicitta);
            db.Projects.Add(project);
            AddRelations(project, index, DemoData.Users.First(u => u.Role == Roles.Clinician && u.Organisations[0] == plan.Centre).DisplayName);
            if (project.StartedOn is { } started)
            {
                AddBudget(project.Id, started, areas, amicitta.Id, users["operatore"].Id, overspend: index % 4 == 1);
            }

            index++;
        }

        // A former beneficiary who trained as a peer expert: one person, two periods.
        var formerBeneficiary = people["AMI-0007"];
        db.PersonRoles.Add(new PersonRole { PersonId = formerBeneficiary.Id, Kind = PersonRoleKind.Beneficiary, StartsOn = new DateOnly(2019, 3, 1), EndsOn = new DateOnly(2022, 6, 30), Note = "Progetto chiuso per obiettivi raggiunti" });
        db.PersonRoles.Add(new PersonRole { PersonId = formerBeneficiary.Id, Kind = PersonRoleKind.PeerSupportExpert, StartsOn = new DateOnly(2023, 1, 16), Note = "Corso ESP dell'ASST, 2022" });
        AddTariffs(programmes);
        await db.SaveChangesAsync();
    }

    /// The tariff table of each territory: the 2025 rates, replaced by the 2026 ones (illustrative
    /// figures in the range of Lombardy's Budget di Salute, not an official table).
    private void AddTariffs(Dictionary<string, Programme> programmes)
    {
        (Intensity Intensity, long Health, long Social)[] rates2025 = [(Intensity.High, 40_00, 26_00), (Intensity.Medium, 26_50, 17_50), (Intensity.Low, 14_00, 9_50)];
        (Intensity Intensity, long Health, long Social)[] rates2026 = [(Intensity.High, 41_20, 26_80), (Intensity.Medium, 27_30, 18_00), (Intensity.Low, 14_40, 9_80)];
        foreach (var territoryId in programmes.Values.Select(p => p.TerritoryId).Distinct())
        {
            foreach (var (intensity, health, social) in rates2025)
            {
                db.TariffTable.Add(new TariffTableEntry { TerritoryId = territoryId, Intensity = intensity, Unit = TariffUnit.PerDay, HealthShareCents = health, SocialShareCents = social, ValidFrom = new DateOnly(2025, 1, 1), ValidTo = new DateOnly(2025, 12, 31) });
            }

            foreach (var (intensity, health, social) in rates2026)
            {
                db.TariffTable.Add(new TariffTableEntry { TerritoryId = territoryId, Intensity = intensity, Unit = TariffUnit.PerDay, HealthShareCents = health, SocialShareCents = social, ValidFrom = new DateOnly(2026, 1, 1) });
            }
        }

        db.PhaseNames.Add(new PhaseName { ProgrammeId = programmes[DemoData.Amicitta].Id, State = ProjectState.FollowUp, NameIt = "Monitoraggio dopo la chiusura", NameEn = "Monitoring after closure" });
    }

    /// The person's role, who sat at the assessment, and for some a caregiver or a support
    /// administrator, so those pages have something to show.
    private void AddRelations(HealthBudgetProject project, int index, string psychiatrist)
    {
        db.PersonRoles.Add(new PersonRole { PersonId = project.Person.Id, Kind = PersonRoleKind.Beneficiary, StartsOn = project.ReferredOn, EndsOn = project.ClosedOn });
        if (project.AssessedOn is not null)
        {
            (string Name, AssessmentParticipantRole Role, string? Organisation)[] participants =
            [
                ($"{project.Person.GivenName} {project.Person.FamilyName}", AssessmentParticipantRole.Person, null),
                (psychiatrist, AssessmentParticipantRole.Psychiatrist, "CPS"),
                ("Paolo Riva", AssessmentParticipantRole.SocialWorker, "Comune di Milano"),
                ("Sara Colombo", AssessmentParticipantRole.CooperativeOperator, "Cooperativa Lotta contro l'Emarginazione"),
            ];
            db.AssessmentParticipants.AddRange(participants.Select((x, i) => new AssessmentParticipant { ProjectId = project.Id, Name = x.Name, Role = x.Role, Organisation = x.Organisation, SortOrder = i }));
        }

        if (index % 4 == 0)
        {
            db.Caregivers.Add(new Caregiver { PersonId = project.Person.Id, Name = "Anna", Relationship = "Sorella", Phone = "+39 333 000 0000", StartsOn = project.ReferredOn });
        }

        if (index % 9 == 4)
        {
            db.LegalRepresentatives.Add(new LegalRepresentative
            {
                PersonId = project.Person.Id,
                Kind = LegalRepresentativeKind.SupportAdministrator,
                Name = "Avv. Marta Zanotti",
                Phone = "+39 02 0000 0000",
                CourtDecree = "Tribunale di Milano, decreto di nomina 2871/2023",
                MaySignAgreements = true,
                StartsOn = project.ReferredOn.AddMonths(-6),
            });
        }
    }

    /// Every demo person gave the notice's consents at referral; a few refused photos and
    /// fundraising contact, and one later withdrew photos, so the history has something to show.
    private void AddConsents(Guid personId, DateOnly on, string clinician, DateTime at, int index)
    {
        Consent Statement(ConsentPurpose purpose, bool given, DateOnly day, DateTime recorded) => new()
        {
            PersonId = personId,
            Purpose = purpose,
            Given = given,
            StatedOn = day,
            NoticeVersion = Consent.DefaultNotice,
            RecordedByUserId = clinician,
            RecordedAtUtc = recorded,
        };

        db.Consents.Add(Statement(ConsentPurpose.Dossier, true, on, at));
        db.Consents.Add(Statement(ConsentPurpose.SharingWithPartners, true, on, at));
        db.Consents.Add(Statement(ConsentPurpose.PseudonymisedReporting, true, on, at));
        db.Consents.Add(Statement(ConsentPurpose.Photos, index % 3 != 1, on, at));
        db.Consents.Add(Statement(ConsentPurpose.FundraisingContact, index % 2 == 0, on, at));
        if (index == 2)
        {
            db.Consents.Add(Statement(ConsentPurpose.Photos, false, on.AddDays(40), at.AddDays(40)));
        }
    }

    private static void AddTeam(HealthBudgetProject project, DemoProjectPlan plan, Dictionary<string, AppUser> users, string clinician, int index)
    {
        var since = project.ReferredOn;
        project.Team.Add(new CareTeamMember { UserId = clinician, Role = CareTeamRole.CpsReferent, StartsOn = since });
        if (plan.Target is ProjectState.Referred or ProjectState.WaitingList or ProjectState.NotEligible)
        {
            return;
        }

        if (plan.Centre == "CPS via Cherasco" || index % 2 == 0)
        {
            project.Team.Add(new CareTeamMember { UserId = users["operatore"].Id, Role = CareTeamRole.KeyWorker, StartsOn = since });
        }

        if (index % 3 != 2)
        {
            project.Team.Add(new CareTeamMember { UserId = users["assistente.sociale"].Id, Role = CareTeamRole.SocialWorker, StartsOn = since });
        }

        if (index % 2 == 1 || plan.PersonCode == "AMI-0001")
        {
            project.Team.Add(new CareTeamMember { UserId = users["esp"].Id, Role = CareTeamRole.PeerSupportExpert, StartsOn = since });
        }

        if (index % 4 == 0)
        {
            project.Team.Add(new CareTeamMember { Name = "Carla, vicina di casa", Role = CareTeamRole.NaturalFacilitator, StartsOn = since });
        }
    }

    private static void Walk(HealthBudgetProject p, DemoProjectPlan plan, string clinician, string keyWorker, DateTime start, Dictionary<(Guid, string), LifeArea> areas, Programme programme)
    {
        var at = start;
        DateTime Next(int days) => at = at.AddDays(days);
        void Do(ProjectAction action, string by, string? reason = null, ClosureReason? closure = null)
        {
            var refused = p.Apply(action, actorIsCps: by == clinician, by, Next(12), reason, closure, programme.ReviewIntervalMonths);
            if (refused is not null)
            {
                throw new InvalidOperationException($"demo project {plan.PersonCode}: {action} refused ({refused})");
            }
        }

        switch (plan.Target)
        {
            case ProjectState.Referred:
                return;
            case ProjectState.WaitingList:
                Do(ProjectAction.PutOnWaitingList, clinician, "Posti di tirocinio esauriti fino al prossimo semestre.");
                return;
            case ProjectState.NotEligible:
                Do(ProjectAction.DeclineAsNotEligible, clinician, "Bisogni già coperti dal progetto riabilitativo in corso.");
                return;
        }

        Do(ProjectAction.Accept, clinician);
        if (plan.Target == ProjectState.Assessment)
        {
            return;
        }

        p.AssessedOn = DateOnly.FromDateTime(Next(10));
        p.WishesInOwnWords = "Vorrei una casa mia e un lavoro vero, e tornare a suonare con qualcuno.";
        p.Strengths = "Legame forte con la sorella; sa cucinare; conosce il quartiere.";
        Do(ProjectAction.CompleteAssessment, clinician);
        p.CrisisSigns = "Non risponde al telefono per più di un giorno; smette di uscire per la spesa.";
        p.CrisisWhatHelps = "Una visita a casa di una persona che conosce; fare due passi insieme; la musica.";
        p.CrisisWhoToCall = "CPS di riferimento (orari d'ufficio); la sorella; fuori orario il 112.";
        p.CrisisPlanUpdatedOn = DateOnly.FromDateTime(at);
        if (plan.Target == ProjectState.CoDesign)
        {
            return;
        }

        p.Intensity = plan.Intensity;
        foreach (var (area, title, levels) in GoalTemplates)
        {
            p.Goals.Add(new Goal
            {
                ProjectId = p.Id,
                LifeAreaId = areas[(programme.Id, area)].Id,
                Title = title,
                MuchLess = levels[0],
                Less = levels[1],
                Expected = levels[2],
                More = levels[3],
                MuchMore = levels[4],
                Weight = area == "housing" ? 2 : 1,
                CreatedAtUtc = at,
            });
        }

        Do(ProjectAction.ApproveAndSignAgreement, clinician);
        if (plan.Target == ProjectState.AgreementSigned)
        {
            return;
        }

        Do(ProjectAction.Start, keyWorker);
        Diary(p, keyWorker, clinician, at);
        var reviews = plan.Target switch
        {
            ProjectState.Active => plan.StartedMonthsAgo >= 8 ? 1 : 0,
            ProjectState.Remodelled or ProjectState.Closed or ProjectState.FollowUp => 2,
            _ => 0,
        };
        for (var r = 0; r < reviews; r++)
        {
            Do(ProjectAction.StartReview, keyWorker);
            Review(p, clinician, at, r);
            Do(r == reviews - 1 && plan.Target == ProjectState.Remodelled ? ProjectAction.Remodel : ProjectAction.ContinueAfterReview, clinician,
                plan.Target == ProjectState.Remodelled && r == reviews - 1 ? "Intensità ridotta: la persona è più autonoma in casa." : null);
        }

        switch (plan.Target)
        {
            case ProjectState.Suspended:
                Do(ProjectAction.Suspend, keyWorker, "Ricovero ospedaliero breve.");
                break;
            case ProjectState.UnderReview:
                Do(ProjectAction.StartReview, keyWorker);
                break;
            case ProjectState.Closed or ProjectState.FollowUp:
                Do(ProjectAction.Close, clinician, "Obiettivi raggiunti, passaggio ai servizi ordinari.", ClosureReason.GoalsReached);
                if (plan.Target == ProjectState.FollowUp)
                {
                    Do(ProjectAction.StartFollowUp, keyWorker);
                }

                break;
        }
    }

    private void AddBudget(Guid projectId, DateOnly started, Dictionary<(Guid, string), LifeArea> areas, Guid programmeId, string recorder, bool overspend)
    {
        var housing = areas[(programmeId, "housing")].Id;
        var work = areas[(programmeId, "work")].Id;
        (Guid Area, Budget.FundingSource Source, Budget.BudgetNature Nature, long Planned)[] plan =
        [
            (housing, Budget.FundingSource.HealthAuthority, Budget.BudgetNature.Cash, 3_000_00),
            (housing, Budget.FundingSource.Municipality, Budget.BudgetNature.Cash, 1_500_00),
            (work, Budget.FundingSource.Funder, Budget.BudgetNature.Cash, 1_200_00),
            (work, Budget.FundingSource.VolunteerTime, Budget.BudgetNature.VolunteerTime, 400_00),
        ];
        foreach (var (area, source, nature, planned) in plan)
        {
            db.BudgetLines.Add(new Budget.BudgetLine { ProjectId = projectId, LifeAreaId = area, Source = source, Nature = nature, PeriodStart = started, PeriodEnd = started.AddYears(1).AddDays(-1), PlannedCents = planned, CommittedCents = planned / 2, CreatedAtUtc = nowUtc });
        }

        (Guid Area, Budget.FundingSource Source, long Amount, string Supplier, string Description)[] spending =
        [
            (housing, Budget.FundingSource.HealthAuthority, 1_450_00, "Cooperativa Lotta contro l'Emarginazione", "Supporto educativo in appartamento, tre mesi"),
            (housing, Budget.FundingSource.Municipality, 380_50, "Agenzia casa sociale", "Quota d'affitto"),
            (work, Budget.FundingSource.Funder, overspend ? 1_260_00 : 540_00, "Aromi a tutto Campo", "Borsa lavoro del tirocinio"),
        ];
        var day = started;
        var today = Infrastructure.ItalianTime.DateOf(nowUtc);
        foreach (var (area, source, amount, supplier, description) in spending)
        {
            day = day.AddDays(20) > today ? today : day.AddDays(20);
            db.LedgerEntries.Add(new Budget.LedgerEntry
            {
                ProjectId = projectId,
                SpentOn = day,
                AmountCents = amount,
                Source = source,
                LifeAreaId = area,
                Supplier = supplier,
                Description = description,
                RecordedByUserId = recorder,
                CreatedAtUtc = nowUtc,
            });
        }
    }

    private static void Review(HealthBudgetProject p, string by, DateTime at, int round)
    {
        var review = new Review
        {
            ProjectId = p.Id,
            HeldOn = DateOnly.FromDateTime(at),
            Narrative = round == 0 ? "Primo periodo faticoso, buona tenuta in appartamento." : "Tirocinio avviato, più presenza nelle attività del quartiere.",
            Decision = ReviewDecision.Continue,
            RecordedByUserId = by,
        };
        var levels = round == 0 ? new[] { 0, -1, -1 } : [1, 0, 1];
        for (var i = 0; i < p.Goals.Count; i++)
        {
            review.Ratings.Add(new GoalRating { GoalId = p.Goals[i].Id, Level = levels[i % levels.Length] });
        }

        review.TScore = GoalAttainment.TScore(p.Goals.Select((g, i) => new GoalScore(levels[i % levels.Length], g.Weight)).ToList());
        p.Reviews.Add(review);
    }

    private static void Diary(HealthBudgetProject p, string keyWorker, string clinician, DateTime from)
    {
        (DiaryEntryType Type, int Minutes, string Author, Sensitivity Sensitivity, string Notes)[] entries =
        [
            (DiaryEntryType.Accompaniment, 120, keyWorker, Sensitivity.Ordinary, "Accompagnamento al colloquio per il tirocinio; buona presentazione di sé."),
            (DiaryEntryType.HomeVisit, 60, keyWorker, Sensitivity.Ordinary, "Visita in appartamento: spesa fatta insieme, frigorifero in ordine."),
            (DiaryEntryType.PsychiatricVisit, 45, clinician, Sensitivity.Clinical, "Controllo periodico; nessuna variazione della terapia."),
            (DiaryEntryType.GroupSession, 90, keyWorker, Sensitivity.Ordinary, "Laboratorio di cucina al centro di quartiere con altre quattro persone."),
        ];
        var day = DateOnly.FromDateTime(from);
        foreach (var (type, minutes, author, sensitivity, notes) in entries)
        {
            day = day.AddDays(9);
            p.Diary.Add(new DiaryEntry
            {
                ProjectId = p.Id,
                Type = type,
                OccurredOn = day,
                DurationMinutes = minutes,
                Notes = notes,
                Sensitivity = sensitivity,
                AuthorUserId = author,
                CreatedAtUtc = day.ToDateTime(new TimeOnly(18, 0), DateTimeKind.Utc),
            });
        }
    }
}
