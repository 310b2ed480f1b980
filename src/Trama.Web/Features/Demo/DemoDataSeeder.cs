using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Trama.Web.Data;
using Trama.Web.Features.Account;
using Trama.Web.Features.Organisations;
using Trama.Web.Features.People;
using Trama.Web.Features.Projects;

namespace Trama.Web.Features.Demo;

/// Loads the demo programmes once: a database that already holds them is left as it is.
public sealed partial class DemoDataSeeder(AppDbContext db, UserManager<AppUser> users, TimeProvider clock, ILogger<DemoDataSeeder> logger, Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> l)
{
    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        if (await db.Programmes.AnyAsync(p => p.Code == DemoData.Amicitta, cancellationToken))
        {
            return;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var territories = DemoData.Territories().ToDictionary(t => t.Code);
        db.Territories.AddRange(territories.Values);
        var programmes = DemoData.Programmes(territories).ToDictionary(p => p.Code);
        db.Programmes.AddRange(programmes.Values);

        var organisations = new Dictionary<string, Organisation>();
        foreach (var o in DemoData.Organisations)
        {
            organisations[o.Name] = new Organisation
            {
                Name = o.Name,
                Kind = o.Kind,
                Territory = territories[o.TerritoryCode],
                Address = o.Address,
                Parent = o.Parent is null ? null : organisations[o.Parent],
            };
        }

        db.Organisations.AddRange(organisations.Values);
        foreach (var p in DemoData.Partners)
        {
            programmes[p.ProgrammeCode].Partners.Add(new() { Organisation = organisations[p.Organisation], Role = p.Role });
        }

        var seededAt = clock.GetUtcNow().UtcDateTime;
        DemoDirectory.Add(db, organisations, Infrastructure.ItalianTime.DateOf(seededAt), seededAt);
        await db.SaveChangesAsync(cancellationToken);

        var now = clock.GetUtcNow().UtcDateTime;
        var since = new DateOnly(2018, 10, 1);
        var created = new Dictionary<string, AppUser>();
        foreach (var u in DemoData.Users)
        {
            var user = new AppUser
            {
                UserName = u.UserName,
                Email = DemoData.EmailOf(u.UserName),
                EmailConfirmed = true,
                DisplayName = u.DisplayName,
                IsDemo = true,
                CreatedAtUtc = now,
            };
            Check(await users.CreateAsync(user, DemoData.Password));
            Check(await users.AddToRoleAsync(user, u.Role));
            foreach (var name in u.Organisations)
            {
                db.OrganisationMemberships.Add(new OrganisationMembership { UserId = user.Id, OrganisationId = organisations[name].Id, StartsOn = since });
            }

            created[u.UserName] = user;
        }

        foreach (var p in DemoData.People.Concat(DemoProjects.People()))
        {
            db.People.Add(new Person
            {
                PseudonymousCode = p.Code,
                GivenName = p.GivenName,
                FamilyName = p.FamilyName,
                FiscalCode = p.FiscalCode,
                BirthDate = p.BirthDate,
                ProgrammeId = programmes[p.ProgrammeCode].Id,
                UserId = p.UserName is null ? null : created[p.UserName].Id,
                NormalisedName = Person.Normalise(p.FamilyName, p.GivenName),
                Sex = p.FiscalCode[9] >= '4' ? PersonSex.Female : PersonSex.Male,
            });
        }

        await db.SaveChangesAsync(cancellationToken);
        await new DemoProjectSeeder(db, now).SeedAsync(created, programmes);
        await SignAgreementsAsync(cancellationToken);
        await RecordDemoReadsAsync(created, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        LogLoaded(logger, programmes.Count, organisations.Count, created.Count);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo data loaded: {Programmes} programmes, {Organisations} organisations, {Users} users")]
    private static partial void LogLoaded(ILogger logger, int programmes, int organisations, int users);

    /// Every demo agreement that was signed is frozen as version 1 with the signatures of the person,
    /// the CPS and the co-managing cooperative; the demo beneficiary has still to accept theirs in the app.
    private async Task SignAgreementsAsync(CancellationToken cancellationToken)
    {
        var signed = await db.ProjectTransitions.Where(t => t.Action == ProjectAction.ApproveAndSignAgreement)
            .Select(t => new { t.ProjectId, t.AtUtc, t.ByUserId, Person = db.Projects.Where(p => p.Id == t.ProjectId).Select(p => p.Person.GivenName + " " + p.Person.FamilyName).Single() })
            .ToListAsync(cancellationToken);
        var names = await db.Users.ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        foreach (var s in signed)
        {
            var version = await AgreementContent.FreezeAsync(db, s.ProjectId, s.ByUserId, s.AtUtc, null, l);
            var on = DateOnly.FromDateTime(s.AtUtc);
            AgreementSignature Signature(SignatoryKind kind, string name, string? capacity) => new()
            {
                ProjectId = s.ProjectId,
                Kind = kind,
                Name = name,
                Capacity = capacity,
                SignedOn = on,
                RecordedByUserId = s.ByUserId,
                RecordedAtUtc = s.AtUtc,
            };
            version.Signatures.Add(Signature(SignatoryKind.Person, s.Person, null));
            version.Signatures.Add(Signature(SignatoryKind.MentalHealthCentre, names[s.ByUserId], "referente CPS"));
            version.Signatures.Add(Signature(SignatoryKind.CoManagingOrganisation, "Cooperativa Lotta contro l'Emarginazione", "coordinatrice di servizio"));
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// A few past reads of the demo beneficiary's record, so "who saw my data" has something to show;
    /// one of them a clinician of another CPS breaking the glass, for the privacy officer to review;
    /// and a diary entry the person asked to obscure.
    private async Task RecordDemoReadsAsync(Dictionary<string, AppUser> users, DateTime now, CancellationToken cancellationToken)
    {
        var project = await db.Projects.Where(p => p.Person.PseudonymousCode == "AMI-0001").Select(p => new { p.Id, p.PersonId }).SingleAsync(cancellationToken);
        var emergencyAt = now.AddDays(-4).AddHours(-4);
        db.EmergencyAccesses.Add(new Privacy.EmergencyAccess
        {
            ProjectId = project.Id,
            UserId = users["clinico.litta"].Id,
            Reason = "Arrivato al pronto soccorso di notte in forte agitazione: servivano il piano di crisi e i contatti di riferimento.",
            StartedAtUtc = emergencyAt.AddMinutes(-2),
            EndsAtUtc = emergencyAt.AddMinutes(-2) + Privacy.EmergencyAccess.Duration,
        });
        db.DiaryEntries.Add(new DiaryEntry
        {
            ProjectId = project.Id,
            Type = DiaryEntryType.PhoneCall,
            OccurredOn = DateOnly.FromDateTime(now.AddDays(-6)),
            DurationMinutes = 30,
            Notes = "Telefonata sulla situazione con il fratello; la persona ha chiesto che questa nota resti riservata.",
            Sensitivity = Sensitivity.Ordinary,
            IsObscured = true,
            AuthorUserId = users["operatore"].Id,
            CreatedAtUtc = now.AddDays(-6),
        });
        await db.SaveChangesAsync(cancellationToken);
        var reads = new[] { ("clinico.litta", 4), ("clinico", 3), ("operatore", 2), ("esp", 1) }
            .Select(r => new Audit.AuditEntry
            {
                AtUtc = Audit.AuditChain.Instant(now.AddDays(-r.Item2).AddHours(-r.Item2)),
                UserId = users[r.Item1].Id,
                Action = Audit.AuditActions.Read,
                EntityType = nameof(Projects.HealthBudgetProject),
                EntityId = project.Id.ToString(),
                PersonId = project.PersonId,
                IpAddress = "10.0.0." + r.Item2,
                PreviousHash = string.Empty,
                Hash = string.Empty,
            })
            .ToList();
        await Audit.AuditRecorder.AppendAsync(db, reads, db.SaveChangesAsync, cancellationToken);
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Demo data could not be loaded: " + string.Join("; ", result.Errors.Select(e => e.Code)));
        }
    }
}
