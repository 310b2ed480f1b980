using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Trama.Web.Data;
using Trama.Web.Features.Budget;

namespace Trama.Web.Features.Projects;

/// A signed care agreement, frozen: what the plan said when it was signed (version 1) or when an
/// addendum was made (2, 3, …). The live plan goes on changing; a frozen version never does.
public class AgreementVersion
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ProjectId { get; set; }

    public int Number { get; set; }

    /// Why a version after the first was made.
    public string? Reason { get; set; }

    /// The agreement's content as JSON (<see cref="AgreementContent"/>).
    public required string Content { get; set; }

    public required string FrozenByUserId { get; set; }

    public DateTime FrozenAtUtc { get; set; }

    public List<AgreementSignature> Signatures { get; } = [];

    public AgreementContent Read() => JsonSerializer.Deserialize<AgreementContent>(Content)!;
}

public enum SignatoryKind
{
    Person,
    LegalRepresentative,
    MentalHealthCentre,
    Municipality,
    CoManagingOrganisation,
    Family,
    PeerSupportExpert,
    CommunityActor,
}

/// Who signed a frozen version, in which capacity and when; the person can also accept it in the app.
public class AgreementSignature
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid AgreementVersionId { get; set; }

    public Guid ProjectId { get; set; }

    public SignatoryKind Kind { get; set; }

    public required string Name { get; set; }

    /// E.g. "direttore del CPS via Cherasco", "amministratrice di sostegno".
    public string? Capacity { get; set; }

    public DateOnly SignedOn { get; set; }

    /// True when the person accepted it themselves, signed in to Trama.
    public bool AcceptedInApp { get; set; }

    public required string RecordedByUserId { get; set; }

    public DateTime RecordedAtUtc { get; set; }
}

/// The text of an agreement, section by section, as lines: what is printed and what is compared.
public sealed record AgreementContent(
    string Person, string Intensity, string? Wishes, IReadOnlyList<string> Goals, IReadOnlyList<string> Team,
    IReadOnlyList<string> Budget, string Reviews, IReadOnlyList<string> CrisisPlan)
{
    public IEnumerable<(string Section, IReadOnlyList<string> Lines)> Sections()
    {
        yield return ("Projects.Agreement.Person", [Person, Intensity]);
        yield return ("Projects.Assessment.Wishes", Wishes is null ? [] : [Wishes]);
        yield return ("Projects.Agreement.Goals", Goals);
        yield return ("Projects.Agreement.WhoDoesWhat", Team);
        yield return ("Projects.Agreement.Budget", Budget);
        yield return ("Projects.Agreement.Reviews", [Reviews]);
        yield return ("Projects.Crisis.Title", CrisisPlan);
    }

    /// The plan as it stands now, in Italian: the agreement is an Italian document whatever the UI language.
    public static async Task<AgreementContent> OfAsync(AppDbContext db, Guid projectId, Microsoft.Extensions.Localization.IStringLocalizer l)
    {
        var it = CultureInfo.GetCultureInfo("it-IT");
        var ui = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = it;
        try
        {
            return await BuildAsync(db, projectId, l, it);
        }
        finally
        {
            CultureInfo.CurrentUICulture = ui;
        }
    }

    private static async Task<AgreementContent> BuildAsync(AppDbContext db, Guid projectId, Microsoft.Extensions.Localization.IStringLocalizer l, CultureInfo it)
    {
        var p = await db.Projects.AsNoTracking().Include(x => x.Person).Include(x => x.Programme).SingleAsync(x => x.Id == projectId);
        var goals = await db.Goals.AsNoTracking().Include(g => g.LifeArea).Where(g => g.ProjectId == projectId)
            .OrderBy(g => g.LifeArea.SortOrder).ThenBy(g => g.CreatedAtUtc).ToListAsync();
        var today = Infrastructure.ItalianTime.DateOf(DateTime.UtcNow);
        var team = await db.CareTeamMembers.AsNoTracking().Where(m => m.ProjectId == projectId && (m.EndsOn == null || m.EndsOn >= today))
            .OrderBy(m => m.Role).Select(m => new { Name = m.User != null ? m.User.DisplayName : m.Name!, m.Role }).ToListAsync();
        var budget = (await db.BudgetLines.AsNoTracking().Where(b => b.ProjectId == projectId).Select(b => new { b.Source, b.PlannedCents }).ToListAsync())
            .GroupBy(b => b.Source).OrderBy(g => g.Key).Select(g => $"{l[$"FundingSource.{g.Key}"]}: {Money.Format(g.Sum(b => b.PlannedCents))}").ToList();
        return new AgreementContent(
            $"{p.Person.GivenName} {p.Person.FamilyName} ({p.Person.PseudonymousCode})",
            p.Intensity is { } intensity ? $"{l["Projects.Intensity"]}: {l[$"Intensity.{intensity}"]}" : "–",
            p.AssessmentObscured ? null : p.WishesInOwnWords,
            goals.Select(g => $"{g.Title} ({g.LifeArea.NameIt}) – {l["Projects.Goals.Expected"]}: {g.Expected}").ToList(),
            team.Select(m => $"{m.Name} – {l[$"CareTeamRole.{m.Role}"]}").ToList(),
            budget,
            l["Projects.Agreement.ReviewEvery", p.Programme.ReviewIntervalMonths] + (p.NextReviewDue is { } due ? " " + l["Projects.Agreement.NextReview", due.ToString("d MMMM yyyy", it)] : string.Empty),
            p.CrisisPlanUpdatedOn is null ? [] :
            [
                $"{l["Projects.Crisis.Signs"]}: {p.CrisisSigns ?? "–"}",
                $"{l["Projects.Crisis.WhatHelps"]}: {p.CrisisWhatHelps ?? "–"}",
                $"{l["Projects.Crisis.WhoToCall"]}: {p.CrisisWhoToCall ?? "–"}",
            ]);
    }

    public static async Task<AgreementVersion> FreezeAsync(AppDbContext db, Guid projectId, string userId, DateTime nowUtc, string? reason, Microsoft.Extensions.Localization.IStringLocalizer l)
    {
        var number = await db.AgreementVersions.Where(v => v.ProjectId == projectId).MaxAsync(v => (int?)v.Number) ?? 0;
        var version = new AgreementVersion
        {
            ProjectId = projectId,
            Number = number + 1,
            Reason = reason,
            Content = JsonSerializer.Serialize(await OfAsync(db, projectId, l)),
            FrozenByUserId = userId,
            FrozenAtUtc = nowUtc,
        };
        db.AgreementVersions.Add(version);
        return version;
    }
}

internal sealed class AgreementVersionConfiguration : IEntityTypeConfiguration<AgreementVersion>
{
    public void Configure(EntityTypeBuilder<AgreementVersion> builder)
    {
        builder.Property(v => v.Reason).HasMaxLength(1000);
        builder.Property(v => v.FrozenByUserId).HasMaxLength(450);
        builder.HasOne<HealthBudgetProject>().WithMany().HasForeignKey(v => v.ProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(v => v.Signatures).WithOne().HasForeignKey(s => s.AgreementVersionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(v => new { v.ProjectId, v.Number }).IsUnique();
    }
}

internal sealed class AgreementSignatureConfiguration : IEntityTypeConfiguration<AgreementSignature>
{
    public void Configure(EntityTypeBuilder<AgreementSignature> builder)
    {
        builder.Property(s => s.Kind).HasConversion<string>().HasMaxLength(40);
        builder.Property(s => s.Name).HasMaxLength(200);
        builder.Property(s => s.Capacity).HasMaxLength(200);
        builder.Property(s => s.RecordedByUserId).HasMaxLength(450);
    }
}
