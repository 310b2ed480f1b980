using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Trama.Web.Features.Account;
using Trama.Web.Features.Organisations;
using Trama.Web.Features.People;
using Trama.Web.Features.Programmes;
using Trama.Web.Features.Projects;

namespace Trama.Web.Data;

/// The one model for both engines. Provider subclasses exist only so each engine keeps its own
/// migration set (see docs/adr/0002-one-migration-set-per-provider.md).
public abstract class AppDbContext(DbContextOptions options) : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
{
    public DbSet<Territory> Territories => Set<Territory>();

    public DbSet<Programme> Programmes => Set<Programme>();

    public DbSet<ProgrammePartner> ProgrammePartners => Set<ProgrammePartner>();

    public DbSet<Organisation> Organisations => Set<Organisation>();

    public DbSet<OrganisationMembership> OrganisationMemberships => Set<OrganisationMembership>();

    public DbSet<Person> People => Set<Person>();

    public DbSet<HealthBudgetProject> Projects => Set<HealthBudgetProject>();

    public DbSet<ProjectTransition> ProjectTransitions => Set<ProjectTransition>();

    public DbSet<CareTeamMember> CareTeamMembers => Set<CareTeamMember>();

    public DbSet<LifeArea> LifeAreas => Set<LifeArea>();

    public DbSet<Goal> Goals => Set<Goal>();

    public DbSet<Review> Reviews => Set<Review>();

    public DbSet<DiaryEntry> DiaryEntries => Set<DiaryEntry>();

    public DbSet<Features.Budget.BudgetLine> BudgetLines => Set<Features.Budget.BudgetLine>();

    public DbSet<Features.Budget.LedgerEntry> LedgerEntries => Set<Features.Budget.LedgerEntry>();

    public DbSet<Features.Projects.AgreementVersion> AgreementVersions => Set<Features.Projects.AgreementVersion>();

    public DbSet<Features.Projects.AgreementSignature> AgreementSignatures => Set<Features.Projects.AgreementSignature>();

    public DbSet<Features.People.Consent> Consents => Set<Features.People.Consent>();

    public DbSet<Features.Budget.Receipt> Receipts => Set<Features.Budget.Receipt>();

    public DbSet<Features.Audit.AuditEntry> AuditEntries => Set<Features.Audit.AuditEntry>();

    public DbSet<Features.Privacy.EmergencyAccess> EmergencyAccesses => Set<Features.Privacy.EmergencyAccess>();

    public DbSet<PersonRole> PersonRoles => Set<PersonRole>();

    public DbSet<LegalRepresentative> LegalRepresentatives => Set<LegalRepresentative>();

    public DbSet<Caregiver> Caregivers => Set<Caregiver>();

    public DbSet<AssessmentParticipant> AssessmentParticipants => Set<AssessmentParticipant>();

    public DbSet<PhaseName> PhaseNames => Set<PhaseName>();

    public DbSet<TariffTableEntry> TariffTable => Set<TariffTableEntry>();

    public DbSet<Features.ServiceDirectory.DirectoryService> DirectoryServices => Set<Features.ServiceDirectory.DirectoryService>();

    public DbSet<Features.ServiceDirectory.DirectoryLocation> DirectoryLocations => Set<Features.ServiceDirectory.DirectoryLocation>();

    public DbSet<Features.ServiceDirectory.ServiceAtLocation> ServicesAtLocations => Set<Features.ServiceDirectory.ServiceAtLocation>();

    public DbSet<Features.ServiceDirectory.ServiceCategory> ServiceCategories => Set<Features.ServiceDirectory.ServiceCategory>();

    public DbSet<Features.ServiceDirectory.DirectoryChange> DirectoryChanges => Set<Features.ServiceDirectory.DirectoryChange>();

    public DbSet<Features.Referrals.Referral> Referrals => Set<Features.Referrals.Referral>();

    public DbSet<Infrastructure.Jobs.JobRun> JobRuns => Set<Infrastructure.Jobs.JobRun>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);

        // Keys are made by the app (Guid v7), never by the database: an entity reached through a
        // navigation with its key already set must be inserted, not taken for an existing row.
        foreach (var entity in builder.Model.GetEntityTypes())
        {
            var key = entity.FindPrimaryKey();
            if (key is { Properties: [{ ClrType: var type } property] } && type == typeof(Guid))
            {
                property.ValueGenerated = Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.Never;
            }
        }

        // Roles are part of the schema: every install has them, with or without demo data.
        builder.Entity<IdentityRole>().HasData(Features.Account.Roles.All.Select(r => new IdentityRole
        {
            Id = "role-" + r.ToLowerInvariant(),
            Name = r,
            NormalizedName = r.ToUpperInvariant(),
            ConcurrencyStamp = "role-" + r.ToLowerInvariant(),
        }));
    }

    /// Every save of person data writes its audit rows in the same transaction (Features/Audit).
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var changed = ChangeTracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted).Select(e => e.Metadata.ClrType).ToHashSet();
        var inTransaction = Database.CurrentTransaction is not null;

        // Held reads ride only on a commit of this save's own: the caller's transaction may yet roll back.
        var held = inTransaction ? [] : ReadsHeldForSave.ToList();
        var audit = Features.Audit.AuditRecorder.Collect(this, DateTime.UtcNow);
        var written = held.Count + audit.Count == 0
            ? await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken)
            : await Features.Audit.AuditRecorder.AppendAsync(this, [.. held, .. audit], ct => base.SaveChangesAsync(acceptAllChangesOnSuccess, ct), cancellationToken);
        if (inTransaction)
        {
            ChangedInTransaction.UnionWith(changed);
        }
        else
        {
            ReadsHeldForSave.Clear();
            ChangeGenerations.Record(changed);
        }

        return written;
    }

    /// Audit rows of reads made while handling a form, to be chained and committed with the form's
    /// save in one transaction rather than in one of their own (see <see cref="Features.Audit.AuditTrail.HoldReadsForSave"/>).
    internal List<Features.Audit.AuditEntry> ReadsHeldForSave { get; } = [];

    /// What the saves inside the caller's open transaction changed, counted when it commits.
    internal HashSet<Type> ChangedInTransaction { get; } = [];

    /// What every context of the app is configured with besides its engine.
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options) => options.AddInterceptors(ChangeGenerationsOnCommit.Instance);

    // Pooled contexts come configured (their options may not change once pooled); one made with
    // options of its own, as the backup and the benchmark's generator do, is configured here.
    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
    {
        if (optionsBuilder.Options.FindExtension<Microsoft.EntityFrameworkCore.Infrastructure.CoreOptionsExtension>()?.Interceptors?.Contains(ChangeGenerationsOnCommit.Instance) != true)
        {
            Configure(optionsBuilder);
        }
    }

    /// A pooled context comes back for another request: what the last one held is not this one's.
    internal void ForgetRequestState()
    {
        ReadsHeldForSave.Clear();
        ChangedInTransaction.Clear();
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums as text: readable in both engines and safe when members are reordered.
        configurationBuilder.Properties<OrganisationKind>().HaveConversion<string>().HaveMaxLength(40);
        configurationBuilder.Properties<PartnerRole>().HaveConversion<string>().HaveMaxLength(40);
    }
}
