using Microsoft.EntityFrameworkCore;
using Trama.Web.Data;
using Trama.Web.Features.Organisations;

namespace Trama.Web.Features.ServiceDirectory.Manage;

public enum ImportAction
{
    New,
    Update,
    Unchanged,
}

/// What an import will do with one service of the file, shown in the preview before anything changes.
public sealed record ImportPlan(int Row, string Organisation, bool NewOrganisation, string Service, ImportAction Action, IReadOnlyList<string> Fields, IReadOnlyList<ImportProblem> Problems);

/// Matches the services of a file to the guide (by id, then by organisation and name), previews
/// the changes, and applies them in one transaction, each with its history row.
public sealed class DirectoryImport(AppDbContext db, DirectoryEditing editing)
{
    private sealed class Target
    {
        public required ImportService Source { get; init; }

        public Organisation? Organisation { get; set; }

        public DirectoryService? Service { get; set; }

        public List<ImportProblem> Problems { get; } = [];
    }

    public async Task<IReadOnlyList<ImportPlan>> PreviewAsync(ImportBatch batch, Guid territoryId, CancellationToken cancellationToken = default)
    {
        var plans = await RunAsync(batch, territoryId, cancellationToken);
        db.ChangeTracker.Clear();
        return plans;
    }

    /// Applies a file without problems; returns the plan as applied.
    public async Task<IReadOnlyList<ImportPlan>> ApplyAsync(ImportBatch batch, Guid territoryId, CancellationToken cancellationToken = default)
    {
        var plans = await RunAsync(batch, territoryId, cancellationToken);
        if (batch.Problems.Count == 0 && plans.All(p => p.Problems.Count == 0))
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        else
        {
            db.ChangeTracker.Clear();
        }

        return plans;
    }

    /// Makes the changes on tracked entities (saved only by ApplyAsync) and describes them.
    private async Task<IReadOnlyList<ImportPlan>> RunAsync(ImportBatch batch, Guid territoryId, CancellationToken cancellationToken)
    {
        var organisations = await db.Organisations.ToListAsync(cancellationToken);
        var categories = await db.ServiceCategories.ToDictionaryAsync(c => c.Code, cancellationToken);
        var ids = batch.Services.Where(s => s.Id is not null).Select(s => s.Id!.Value).ToList();
        var names = batch.Services.Select(s => s.Name).Distinct().ToList();
        var services = await db.DirectoryServices.AsSplitQuery()
            .Include(s => s.Categories)
            .Include(s => s.Locations).ThenInclude(a => a.Location)
            .Include(s => s.Locations).ThenInclude(a => a.Hours)
            .Include(s => s.Locations).ThenInclude(a => a.Closures)
            .Where(s => ids.Contains(s.Id) || names.Contains(s.Name))
            .ToListAsync(cancellationToken);
        var places = await db.DirectoryLocations.ToListAsync(cancellationToken);
        var plans = new List<ImportPlan>();
        var seen = new HashSet<Guid>();
        foreach (var source in batch.Services)
        {
            var problems = new List<ImportProblem>();
            var unknown = source.Categories.Where(c => !categories.ContainsKey(c)).ToList();
            if (unknown.Count > 0)
            {
                problems.Add(new(source.Row, "Directory.Import.UnknownCategories", string.Join(", ", unknown)));
            }

            var organisation = (source.TaxCode is { } tax ? organisations.FirstOrDefault(o => o.TaxCode == tax) : null)
                ?? organisations.FirstOrDefault(o => string.Equals(o.Name, source.Organisation, StringComparison.OrdinalIgnoreCase));
            var newOrganisation = organisation is null;
            if (organisation is null && problems.Count == 0)
            {
                organisation = new Organisation { Name = source.Organisation, Kind = OrganisationKind.Other, TerritoryId = territoryId, TaxCode = source.TaxCode };
                organisations.Add(organisation);
                db.Organisations.Add(organisation);
            }

            var service = (source.Id is { } id ? services.FirstOrDefault(s => s.Id == id) : null)
                ?? (organisation is null ? null : services.FirstOrDefault(s => s.OrganisationId == organisation.Id && string.Equals(s.Name, source.Name, StringComparison.OrdinalIgnoreCase)));
            if (service is not null && !seen.Add(service.Id))
            {
                problems.Add(new(source.Row, "Directory.Import.Duplicate", source.Name));
            }

            if (problems.Count > 0 || organisation is null)
            {
                plans.Add(new(source.Row, source.Organisation, newOrganisation, source.Name, service is null ? ImportAction.New : ImportAction.Update, [], problems));
                continue;
            }

            var isNew = service is null;
            service ??= db.DirectoryServices.Add(new DirectoryService { Id = source.Id ?? Guid.CreateVersion7(), OrganisationId = organisation.Id, Organisation = organisation, Name = source.Name, Description = source.Description }).Entity;
            var fields = Apply(service, source, organisation, categories, places);
            if (isNew || fields.Count > 0)
            {
                service.Version = Guid.NewGuid();
                service.LastModifiedUtc = editing.UtcNow;
                service.Organisation = organisation;
                service.RefreshSearchText();
                editing.Record("Service", service.Id, isNew ? ["Created"] : fields, DirectoryChangeSource.Import);
            }

            plans.Add(new(source.Row, organisation.Name, newOrganisation, source.Name, isNew ? ImportAction.New : fields.Count > 0 ? ImportAction.Update : ImportAction.Unchanged, fields, []));
        }

        return plans;
    }

    private IReadOnlyList<string> Apply(DirectoryService s, ImportService source, Organisation organisation, Dictionary<string, ServiceCategory> categories, List<DirectoryLocation> places)
    {
        var changed = new FieldChanges();
        changed.Set("Name", s.Name, source.Name, v => s.Name = v);
        changed.Set("Description", s.Description, source.Description, v => s.Description = v);
        changed.Set("Status", s.Status, source.Status, v => s.Status = v);
        changed.Set("Eligibility", s.Eligibility, source.Eligibility, v => s.Eligibility = v);
        changed.Set("MinimumAge", s.MinimumAge, source.MinimumAge, v => s.MinimumAge = v);
        changed.Set("MaximumAge", s.MaximumAge, source.MaximumAge, v => s.MaximumAge = v);
        changed.Set("HowToAccess", s.HowToAccess, source.HowToAccess, v => s.HowToAccess = v);
        changed.Set("IsFree", s.IsFree, source.IsFree, v => s.IsFree = v);
        changed.Set("Cost", s.Cost, source.Cost, v => s.Cost = v);
        changed.Set("Capacity", s.Capacity, source.Capacity, v => s.Capacity = v);
        changed.Set("Languages", s.Languages, source.Languages, v => s.Languages = v);
        changed.Set("Phone", s.Phone, source.Phone, v => s.Phone = v);
        changed.Set("Email", s.Email, source.Email, v => s.Email = v);
        changed.Set("Website", s.Website, source.Website, v => s.Website = v);
        changed.Set("LastVerifiedOn", s.LastVerifiedOn, source.LastVerifiedOn, v => s.LastVerifiedOn = v);

        // An HSDS file does not say whether the service takes referrals through Trama: kept as it is.
        if (source.AcceptsReferrals)
        {
            changed.Set("AcceptsReferrals", s.AcceptsReferrals, true, v => s.AcceptsReferrals = v);
        }

        var wanted = source.Categories.Select(c => categories[c]).ToList();
        if (!wanted.Select(c => c.Id).ToHashSet().SetEquals(s.Categories.Select(c => c.Id)))
        {
            s.Categories.Clear();
            s.Categories.AddRange(wanted);
            changed.Add("Categories");
        }

        var kept = new HashSet<Guid>();
        foreach (var p in source.Places)
        {
            var place = (p.Id is { } id ? places.FirstOrDefault(l => l.Id == id && l.OrganisationId == organisation.Id) : null)
                ?? places.FirstOrDefault(l => l.OrganisationId == organisation.Id && string.Equals(l.Name, p.Name, StringComparison.OrdinalIgnoreCase));
            if (place is null)
            {
                place = new DirectoryLocation { Id = p.Id is { } pid && places.All(l => l.Id != pid) ? pid : Guid.CreateVersion7(), OrganisationId = organisation.Id, Name = p.Name, Street = p.Street, PostalCode = p.PostalCode, City = p.City };
                places.Add(place);
                db.DirectoryLocations.Add(place);
                editing.Record("Location", place.Id, ["Created"], DirectoryChangeSource.Import);
            }

            var placeChanged = new FieldChanges();
            placeChanged.Set("Street", place.Street, p.Street, v => place.Street = v);
            placeChanged.Set("PostalCode", place.PostalCode, p.PostalCode, v => place.PostalCode = v);
            placeChanged.Set("City", place.City, p.City, v => place.City = v);
            placeChanged.Set("Province", place.Province, p.Province, v => place.Province = v);
            placeChanged.Set("Coordinates", (place.Latitude, place.Longitude), (Math.Round(p.Latitude, 6), Math.Round(p.Longitude, 6)), v => (place.Latitude, place.Longitude) = v);
            placeChanged.Set("Accessibility", place.Accessibility, p.Accessibility ?? place.Accessibility, v => place.Accessibility = v);
            placeChanged.Set("Transport", place.Transport, p.Transport ?? place.Transport, v => place.Transport = v);
            if (placeChanged.Count > 0 && db.Entry(place).State != EntityState.Added)
            {
                place.Version = Guid.NewGuid();
                editing.Record("Location", place.Id, placeChanged.Fields, DirectoryChangeSource.Import);
            }

            kept.Add(place.Id);
            var at = s.Locations.FirstOrDefault(a => a.LocationId == place.Id);
            if (at is null)
            {
                at = new ServiceAtLocation { ServiceId = s.Id, LocationId = place.Id, Location = place };
                s.Locations.Add(at);
                changed.Add("Places");
            }

            changed.Schedule(db, at, p.Hours, p.Closures);
        }

        // The file lists every place of the service: one no longer listed is no longer offered.
        foreach (var gone in s.Locations.Where(a => !kept.Contains(a.LocationId)).ToList())
        {
            s.Locations.Remove(gone);
            db.Remove(gone);
            changed.Add("Places");
        }

        return changed.Fields;
    }
}
