using Microsoft.EntityFrameworkCore;
using Trama.Web.Data;
using Trama.Web.Features.Audit;
using Trama.Web.Features.Projects;

namespace Trama.Web.Features.Privacy;

/// Everything Trama holds about one person (GDPR art. 15 and 20), and erasure on request (art. 17)
/// within what the law requires to keep (docs/adr/0007-retention.md).
public sealed class PersonalData(AppDbContext db, AuditTrail audit, TimeProvider clock)
{
    public sealed record Export(
        DateTime ExportedAtUtc,
        PersonExport Person,
        IReadOnlyList<RoleExport> Roles,
        IReadOnlyList<RepresentativeExport> LegalRepresentatives,
        IReadOnlyList<CaregiverExport> Caregivers,
        IReadOnlyList<ProjectExport> Projects,
        IReadOnlyList<AccessExport> Accesses);

    public sealed record PersonExport(
        string PseudonymousCode, string GivenName, string FamilyName, string? FiscalCode, DateOnly? BirthDate, string? Sex, string? Gender,
        string? Phone, string? Email, string? Address, string? Languages, string? LivingSituation, string? GeneralPractitioner, DateTime? ErasedAtUtc);

    public sealed record RoleExport(string Role, DateOnly StartsOn, DateOnly? EndsOn);

    public sealed record RepresentativeExport(string Kind, string Name, string? Phone, string? Email, string CourtDecree, bool MaySignAgreements, DateOnly StartsOn, DateOnly? EndsOn);

    public sealed record CaregiverExport(string Name, string Relationship, string? Phone, bool LivesWithPerson, DateOnly StartsOn, DateOnly? EndsOn);

    public sealed record ProjectExport(
        string Programme, string MentalHealthCentre, string State, string? Intensity, DateOnly ReferredOn, string ReferralSource, string ReferralReason,
        DateOnly? AssessedOn, IReadOnlyList<string> AssessmentParticipants, string? Strengths, string? WishesInOwnWords, string? CrisisSigns, string? CrisisWhatHelps, string? CrisisWhoToCall,
        DateOnly? StartedOn, DateOnly? ClosedOn, string? ClosureReason,
        IReadOnlyList<TransitionExport> Timeline, IReadOnlyList<TeamExport> Team, IReadOnlyList<GoalExport> Goals,
        IReadOnlyList<ReviewExport> Reviews, IReadOnlyList<DiaryExport> Diary, IReadOnlyList<BudgetLineExport> Budget, IReadOnlyList<SpendingExport> Spending);

    public sealed record TransitionExport(DateTime AtUtc, string Action, string From, string To, string? Reason);

    public sealed record TeamExport(string Name, string Role, DateOnly StartsOn, DateOnly? EndsOn);

    public sealed record GoalExport(string Title, string LifeArea, int Weight, string MuchLess, string Less, string Expected, string More, string MuchMore);

    public sealed record ReviewExport(DateOnly HeldOn, string Decision, double? TScore, string Narrative);

    public sealed record DiaryExport(DateOnly OccurredOn, string Type, int DurationMinutes, string Author, string Sensitivity, string Notes);

    public sealed record BudgetLineExport(string LifeArea, string Source, string Nature, decimal Planned, decimal Committed);

    public sealed record SpendingExport(DateOnly SpentOn, decimal Amount, string Source, string Supplier, string Description);

    public sealed record AccessExport(DateTime AtUtc, string Who, string Action, string What);

    public async Task<Export?> ExportAsync(Guid personId, CancellationToken cancellationToken = default)
    {
        var p = await db.People.AsNoTracking().SingleOrDefaultAsync(x => x.Id == personId, cancellationToken);
        if (p is null)
        {
            return null;
        }

        var names = await db.Users.AsNoTracking().Select(u => new { u.Id, u.DisplayName }).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        string Name(string? id) => id is not null && names.TryGetValue(id, out var n) ? n : "Trama";
        var projects = new List<ProjectExport>();
        var ids = await db.Projects.Where(x => x.PersonId == personId).OrderBy(x => x.ReferredOn).Select(x => x.Id).ToListAsync(cancellationToken);
        foreach (var id in ids)
        {
            var x = await db.Projects.AsNoTracking().Include(y => y.Programme).Include(y => y.MentalHealthCentre).SingleAsync(y => y.Id == id, cancellationToken);
            var participants = await db.AssessmentParticipants.AsNoTracking().Where(a => a.ProjectId == id).OrderBy(a => a.SortOrder).Select(a => a.Name + " (" + a.Role + ")").ToListAsync(cancellationToken);
            var timeline = await db.ProjectTransitions.AsNoTracking().Where(t => t.ProjectId == id).OrderBy(t => t.AtUtc).ToListAsync(cancellationToken);
            var team = await db.CareTeamMembers.AsNoTracking().Where(t => t.ProjectId == id).OrderBy(t => t.StartsOn).ToListAsync(cancellationToken);
            var goals = await db.Goals.AsNoTracking().Include(g => g.LifeArea).Where(g => g.ProjectId == id).OrderBy(g => g.CreatedAtUtc).ToListAsync(cancellationToken);
            var reviews = await db.Reviews.AsNoTracking().Where(r => r.ProjectId == id).OrderBy(r => r.HeldOn).ToListAsync(cancellationToken);
            var diary = await db.DiaryEntries.AsNoTracking().Where(d => d.ProjectId == id).OrderBy(d => d.OccurredOn).ThenBy(d => d.CreatedAtUtc).ToListAsync(cancellationToken);
            var budget = await db.BudgetLines.AsNoTracking().Include(b => b.LifeArea).Where(b => b.ProjectId == id).OrderBy(b => b.CreatedAtUtc).ToListAsync(cancellationToken);
            var spending = await db.LedgerEntries.AsNoTracking().Where(e => e.ProjectId == id).OrderBy(e => e.SpentOn).ThenBy(e => e.CreatedAtUtc).ToListAsync(cancellationToken);
            projects.Add(new ProjectExport(
                x.Programme.Name, x.MentalHealthCentre.Name, x.State.ToString(), x.Intensity?.ToString(), x.ReferredOn, x.ReferralSource, x.ReferralReason,
                x.AssessedOn, participants, x.Strengths, x.WishesInOwnWords, x.CrisisSigns, x.CrisisWhatHelps, x.CrisisWhoToCall, x.StartedOn, x.ClosedOn, x.ClosureReason?.ToString(),
                timeline.Select(t => new TransitionExport(t.AtUtc, t.Action.ToString(), t.From.ToString(), t.To.ToString(), t.Reason)).ToList(),
                team.Select(t => new TeamExport(t.UserId is null ? t.Name ?? string.Empty : Name(t.UserId), t.Role.ToString(), t.StartsOn, t.EndsOn)).ToList(),
                goals.Select(g => new GoalExport(g.Title, g.LifeArea.NameIt, g.Weight, g.MuchLess, g.Less, g.Expected, g.More, g.MuchMore)).ToList(),
                reviews.Select(r => new ReviewExport(r.HeldOn, r.Decision.ToString(), r.TScore, r.Narrative)).ToList(),
                diary.Select(d => new DiaryExport(d.OccurredOn, d.Type.ToString(), d.DurationMinutes, Name(d.AuthorUserId), d.Sensitivity.ToString(), d.Notes)).ToList(),
                budget.Select(b => new BudgetLineExport(b.LifeArea.NameIt, b.Source.ToString(), b.Nature.ToString(), b.PlannedCents / 100m, b.CommittedCents / 100m)).ToList(),
                spending.Select(e => new SpendingExport(e.SpentOn, e.AmountCents / 100m, e.Source.ToString(), e.Supplier, e.Description)).ToList()));
        }

        var roles = await db.PersonRoles.AsNoTracking().Where(r => r.PersonId == personId).OrderBy(r => r.StartsOn).ToListAsync(cancellationToken);
        var representatives = await db.LegalRepresentatives.AsNoTracking().Where(r => r.PersonId == personId).OrderBy(r => r.StartsOn).ToListAsync(cancellationToken);
        var caregivers = await db.Caregivers.AsNoTracking().Where(r => r.PersonId == personId).OrderBy(r => r.StartsOn).ToListAsync(cancellationToken);
        var accesses = await db.AuditEntries.AsNoTracking().Where(a => a.PersonId == personId && a.UserId != null && a.UserId != p.UserId)
            .OrderByDescending(a => a.Sequence).Take(1000)
            .Select(a => new { a.AtUtc, a.UserId, a.Action, a.EntityType }).ToListAsync(cancellationToken);
        await audit.RecordReadAsync("PersonalDataExport", personId.ToString(), personId, cancellationToken);
        return new Export(
            clock.GetUtcNow().UtcDateTime,
            new PersonExport(p.PseudonymousCode, p.GivenName, p.FamilyName, p.FiscalCode, p.BirthDate, p.Sex?.ToString(), p.Gender, p.Phone, p.Email, p.Address,
                p.Languages, p.LivingSituation, p.GeneralPractitioner, p.ErasedAtUtc),
            roles.Select(r => new RoleExport(r.Kind.ToString(), r.StartsOn, r.EndsOn)).ToList(),
            representatives.Select(r => new RepresentativeExport(r.Kind.ToString(), r.Name, r.Phone, r.Email, r.CourtDecree, r.MaySignAgreements, r.StartsOn, r.EndsOn)).ToList(),
            caregivers.Select(c => new CaregiverExport(c.Name, c.Relationship, c.Phone, c.LivesWithPerson, c.StartsOn, c.EndsOn)).ToList(),
            projects,
            accesses.Select(a => new AccessExport(a.AtUtc, Name(a.UserId), a.Action, a.EntityType)).ToList());
    }

    public enum ErasureOutcome
    {
        Erased,
        NotFound,
        AlreadyErased,
        ProjectStillOpen,
    }

    /// Erases a person on request. Care by public services does not rest on consent, so a person
    /// in an open project cannot be erased until it closes. What identifies them goes; the health
    /// record (clinical notes, assessments, reviews) and the accounts stay, under the code only.
    public async Task<ErasureOutcome> EraseAsync(Guid personId, CancellationToken cancellationToken = default)
    {
        var person = await db.People.SingleOrDefaultAsync(p => p.Id == personId, cancellationToken);
        if (person is null)
        {
            return ErasureOutcome.NotFound;
        }

        if (person.ErasedAtUtc is not null)
        {
            return ErasureOutcome.AlreadyErased;
        }

        var states = await db.Projects.Where(p => p.PersonId == personId).Select(p => p.State).ToListAsync(cancellationToken);
        if (states.Any(ProjectLifecycle.IsOpen))
        {
            return ErasureOutcome.ProjectStillOpen;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        person.GivenName = "–";
        person.FamilyName = "–";
        person.NormalisedName = string.Empty;
        person.FiscalCode = null;
        person.BirthDate = person.BirthDate is { } born ? new DateOnly(born.Year, 1, 1) : null;
        person.Gender = null;
        person.Phone = null;
        person.Email = null;
        person.Address = null;
        person.Languages = null;
        person.LivingSituation = null;
        person.GeneralPractitioner = null;
        person.ErasedAtUtc = clock.GetUtcNow().UtcDateTime;
        person.Version = Guid.NewGuid();

        var projects = await db.Projects.Where(p => p.PersonId == personId).ToListAsync(cancellationToken);
        foreach (var project in projects)
        {
            project.CrisisSigns = null;
            project.CrisisWhatHelps = null;
            project.CrisisWhoToCall = null;
            project.Touch();
        }

        var projectIds = projects.Select(p => p.Id).ToList();
        var notHealthRecord = await db.DiaryEntries.Where(d => projectIds.Contains(d.ProjectId) && d.Sensitivity != Sensitivity.Clinical).ToListAsync(cancellationToken);
        db.DiaryEntries.RemoveRange(notHealthRecord);
        // Third parties named around the person identify them too: their names and contacts go.
        db.LegalRepresentatives.RemoveRange(await db.LegalRepresentatives.Where(r => r.PersonId == personId).ToListAsync(cancellationToken));
        db.Caregivers.RemoveRange(await db.Caregivers.Where(c => c.PersonId == personId).ToListAsync(cancellationToken));
        var nonStaff = new[] { AssessmentParticipantRole.Person, AssessmentParticipantRole.FamilyMember, AssessmentParticipantRole.LegalRepresentative, AssessmentParticipantRole.Other };
        foreach (var participant in await db.AssessmentParticipants.Where(a => projectIds.Contains(a.ProjectId) && nonStaff.Contains(a.Role)).ToListAsync(cancellationToken))
        {
            participant.Name = participant.Role == AssessmentParticipantRole.Person ? person.PseudonymousCode : "–";
        }

        var relatives = await db.CareTeamMembers.Where(m => projectIds.Contains(m.ProjectId) && m.UserId == null).ToListAsync(cancellationToken);
        foreach (var member in relatives)
        {
            member.Name = "–";
        }

        if (person.UserId is { } userId && await db.Users.SingleOrDefaultAsync(u => u.Id == userId, cancellationToken) is { } user)
        {
            user.IsActive = false;
            user.DisplayName = person.PseudonymousCode;
            user.Email = null;
            user.NormalizedEmail = null;
            user.UserName = "erased-" + person.PseudonymousCode.ToLowerInvariant();
            user.NormalizedUserName = user.UserName.ToUpperInvariant();
            user.PasswordHash = null;
            user.SecurityStamp = Guid.NewGuid().ToString();
        }

        await db.SaveChangesAsync(cancellationToken);

        // The trail keeps that each change happened and its hash; the values go.
        await db.AuditEntries.Where(a => a.PersonId == personId && a.ChangesHash != null)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Changes, (string?)null), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return ErasureOutcome.Erased;
    }
}
