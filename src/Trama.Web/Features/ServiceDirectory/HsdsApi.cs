using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Trama.Web.Data;
using Trama.Web.Features.Organisations;

namespace Trama.Web.Features.ServiceDirectory;

/// The directory as Open Referral HSDS 3.0, read-only and public: what another directory, a map
/// or a regional portal imports. Shapes follow the official schemas in shared/hsds, checked by
/// the tests against them with a JSON Schema 2020-12 validator.
public static class HsdsApi
{
    public const string Version = "3.0";

    /// Trama's own taxonomy of directory categories.
    public static readonly Guid TaxonomyId = new("0199a0e0-0000-7000-8000-000000000001");

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static void Map(IEndpointRouteBuilder app)
    {
        var hsds = app.MapGroup("/api/v1/hsds").AllowAnonymous().WithTags("HSDS");
        hsds.MapGet("/", (HttpContext http) => Results.Json(
            new { version = Version, profile = "https://docs.openreferral.org/en/v3.0/", openapi_url = $"{http.Request.Scheme}://{http.Request.Host}/openapi/v1.json" }, Json))
            .WithSummary("HSDS version and profile of this API.");
        hsds.MapGet("/services", ServicesAsync).WithSummary("Services, paged (page, per_page), with search, taxonomy_term_id, organization_id and modified_after.");
        hsds.MapGet("/services/{id:guid}", ServiceAsync).WithSummary("One service with its organisation, locations, schedules, languages, phones and categories.");
        hsds.MapGet("/organizations", OrganizationsAsync).WithSummary("Organisations that offer services, paged.");
        hsds.MapGet("/organizations/{id:guid}", OrganizationAsync).WithSummary("One organisation with its identifiers, locations and services.");
        hsds.MapGet("/service_at_locations", ServiceAtLocationsAsync).WithSummary("Services at locations, paged.");
        hsds.MapGet("/taxonomies", TaxonomiesAsync).WithSummary("The category taxonomy.");
        hsds.MapGet("/taxonomy_terms", TaxonomyTermsAsync).WithSummary("The categories, paged.");
    }

    public sealed record Paging(int Page, int PerPage);

    private static Paging PagingOf(HttpRequest request)
    {
        static int Read(HttpRequest r, string key, int fallback, int max) =>
            int.TryParse(r.Query[key], NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v >= 1 ? Math.Min(v, max) : fallback;
        return new Paging(Read(request, "page", 1, int.MaxValue), Read(request, "per_page", 50, 500));
    }

    private static IResult Page<T>(IReadOnlyList<T> all, Paging paging)
    {
        var total = all.Count;
        var pages = Math.Max(1, (int)Math.Ceiling(total / (double)paging.PerPage));
        var contents = all.Skip((paging.Page - 1) * paging.PerPage).Take(paging.PerPage).ToList();
        return Results.Json(
            new
            {
                total_items = total,
                total_pages = pages,
                page_number = paging.Page,
                size = contents.Count,
                first_page = paging.Page == 1,
                last_page = paging.Page >= pages,
                empty = total == 0,
                contents,
            },
            Json);
    }

    private static IQueryable<DirectoryService> Listed(AppDbContext db) =>
        db.DirectoryServices.AsNoTracking().Where(s => s.Status != ServiceStatus.Defunct);

    private static async Task<IResult> ServicesAsync(HttpRequest request, AppDbContext db, CancellationToken cancellationToken)
    {
        var query = Listed(db);
        if (request.Query["search"].ToString() is { Length: > 0 } search)
        {
            foreach (var word in DirectoryService.Fold(search).Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(6))
            {
                query = query.Where(s => s.SearchText.Contains(word));
            }
        }

        if (Guid.TryParse(request.Query["taxonomy_term_id"], out var term))
        {
            query = query.Where(s => s.Categories.Any(c => c.Id == term));
        }

        if (Guid.TryParse(request.Query["organization_id"], out var organisation))
        {
            query = query.Where(s => s.OrganisationId == organisation);
        }

        if (DateTime.TryParse(request.Query["modified_after"], CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var after))
        {
            query = query.Where(s => s.LastModifiedUtc > after);
        }

        var services = await query.OrderBy(s => s.Name).ThenBy(s => s.Id)
            .Select(s => new { s.Id, s.OrganisationId, s.Name, s.Description, s.Website, s.Email, s.Status, s.HowToAccess, s.Cost, s.Capacity, s.Eligibility, s.MinimumAge, s.MaximumAge, s.LastVerifiedOn, s.LastModifiedUtc })
            .ToListAsync(cancellationToken);
        return Page(
            services.Select(s => new ServiceList(s.Id, s.OrganisationId, s.Name, s.Description, s.Website, s.Email, Status(s.Status), s.HowToAccess, s.Cost, s.Capacity, s.Eligibility, s.MinimumAge, s.MaximumAge, Date(s.LastVerifiedOn), Instant(s.LastModifiedUtc))).ToList(),
            PagingOf(request));
    }

    private static async Task<IResult> ServiceAsync(Guid id, AppDbContext db, CancellationToken cancellationToken)
    {
        var service = await Full(db).SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        return service is null ? Results.NotFound() : Results.Json(ServiceOf(service, withOrganisation: true), Json);
    }

    private static IQueryable<DirectoryService> Full(AppDbContext db) =>
        Listed(db).AsSplitQuery()
            .Include(s => s.Organisation)
            .Include(s => s.Categories)
            .Include(s => s.Locations).ThenInclude(a => a.Location)
            .Include(s => s.Locations).ThenInclude(a => a.Hours)
            .Include(s => s.Locations).ThenInclude(a => a.Closures);

    private static async Task<IResult> OrganizationsAsync(HttpRequest request, AppDbContext db, CancellationToken cancellationToken)
    {
        var organisations = await db.Organisations.AsNoTracking()
            .Where(o => db.DirectoryServices.Any(s => s.OrganisationId == o.Id && s.Status != ServiceStatus.Defunct))
            .OrderBy(o => o.Name).ToListAsync(cancellationToken);
        return Page(organisations.Select(o => OrganisationList(o)).ToList(), PagingOf(request));
    }

    private static async Task<IResult> OrganizationAsync(Guid id, AppDbContext db, CancellationToken cancellationToken)
    {
        var organisation = await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (organisation is null)
        {
            return Results.NotFound();
        }

        var services = await Full(db).Where(s => s.OrganisationId == id).OrderBy(s => s.Name).ToListAsync(cancellationToken);
        var locations = await db.DirectoryLocations.AsNoTracking().Where(l => l.OrganisationId == id).OrderBy(l => l.Name).ToListAsync(cancellationToken);
        return Results.Json(
            OrganisationList(organisation) with
            {
                Services = services.Select(s => ServiceOf(s, withOrganisation: false)).ToList(),
                Locations = locations.Select(LocationOf).ToList(),
                OrganizationIdentifiers = Identifiers(organisation),
            },
            Json);
    }

    private static async Task<IResult> ServiceAtLocationsAsync(HttpRequest request, AppDbContext db, CancellationToken cancellationToken)
    {
        var rows = await db.ServicesAtLocations.AsNoTracking()
            .Where(a => a.Service.Status != ServiceStatus.Defunct)
            .Include(a => a.Location).Include(a => a.Service)
            .OrderBy(a => a.Service.Name).ThenBy(a => a.Location.Name)
            .ToListAsync(cancellationToken);
        return Page(rows.Select(a => new ServiceAtLocationList(a.Id, a.ServiceId, a.LocationId, LocationOf(a.Location))).ToList(), PagingOf(request));
    }

    private static IResult TaxonomiesAsync(HttpRequest request) =>
        Page([Taxonomy()], PagingOf(request));

    private static async Task<IResult> TaxonomyTermsAsync(HttpRequest request, AppDbContext db, CancellationToken cancellationToken)
    {
        var categories = await db.ServiceCategories.AsNoTracking().OrderBy(c => c.Code).ToListAsync(cancellationToken);
        return Page(categories.Select(TermOf).ToList(), PagingOf(request));
    }

    public static HsdsTaxonomy Taxonomy() => new(TaxonomyId, "Trama – categorie del quartiere", "Le categorie della guida ai servizi di Trama, comuni ai programmi.", "1");

    public static HsdsTerm TermOf(ServiceCategory c) => new(c.Id, c.Code, c.NameIt, c.NameEn, TaxonomyId, "it");

    public static HsdsService ServiceOf(DirectoryService s, bool withOrganisation) => new(
        s.Id,
        s.OrganisationId,
        s.Name,
        s.Description,
        s.Website,
        s.Email,
        Status(s.Status),
        s.HowToAccess,
        FeesOf(s.IsFree, s.Cost),
        s.Capacity,
        s.Eligibility,
        s.MinimumAge,
        s.MaximumAge,
        Date(s.LastVerifiedOn),
        Instant(s.LastModifiedUtc),
        withOrganisation ? OrganisationList(s.Organisation) : null,
        s.Phone is null ? [] : [new HsdsPhone(Derived(s.Id, "phone"), s.Phone, s.Id)],
        s.LanguageCodes.Select(code => new HsdsLanguage(Derived(s.Id, "language:" + code), s.Id, Infrastructure.Text.LanguageName(code, english: true), code)).ToList(),
        s.Categories.OrderBy(c => c.Code).Select(c => new HsdsClassification(Derived(s.Id, "category:" + c.Code), s.Id, "service", c.Id, TermOf(c))).ToList(),
        s.Locations.OrderBy(a => a.Location.Name).Select(a => new HsdsServiceAtLocation(a.Id, s.Id, a.LocationId, LocationOf(a.Location), Schedules(a))).ToList());

    private static List<HsdsSchedule> Schedules(ServiceAtLocation at) =>
        [
            .. at.Hours.OrderBy(h => ((int)h.Day + 6) % 7).ThenBy(h => h.Opens).Select(h => new HsdsSchedule(
                h.Id, at.Id, "WEEKLY", "MO", Day(h.Day), h.Opens.ToString("HH:mm", CultureInfo.InvariantCulture), h.Closes.ToString("HH:mm", CultureInfo.InvariantCulture), null, null, null)),
            .. at.Closures.OrderBy(c => c.From).Select(c => new HsdsSchedule(
                c.Id, at.Id, null, null, null, null, null, Date(c.From), Date(c.To), "Chiuso: " + c.Reason)),
        ];

    public static HsdsLocation LocationOf(DirectoryLocation l) => new(
        l.Id,
        "physical",
        l.OrganisationId,
        l.Name,
        l.Transport,
        l.Latitude,
        l.Longitude,
        [new HsdsAddress(Derived(l.Id, "address"), l.Id, l.Street, l.City, "Lombardia", l.Province, l.PostalCode, "IT", "physical")],
        l.Accessibility is null ? [] : [new HsdsAccessibility(Derived(l.Id, "accessibility"), l.Id, l.Accessibility)]);

    public static HsdsOrganisation OrganisationList(Organisation o) => new(o.Id, o.Name, o.Description ?? KindDescription(o.Kind), o.Email, o.Website, o.TaxCode, o.ParentId);

    private static List<HsdsIdentifier> Identifiers(Organisation o)
    {
        var identifiers = new List<HsdsIdentifier>();
        if (o.TaxCode is { } tax)
        {
            identifiers.Add(new(Derived(o.Id, "tax"), o.Id, "IT-CF", "Codice fiscale / partita IVA", tax));
        }

        if (o.ThirdSectorNumber is { } runts)
        {
            identifiers.Add(new(Derived(o.Id, "runts"), o.Id, "IT-RUNTS", "Registro unico nazionale del Terzo settore", runts));
        }

        return identifiers;
    }

    private static string KindDescription(OrganisationKind kind) => kind switch
    {
        OrganisationKind.MentalHealthCentre => "Centro psico-sociale dell'ASST",
        OrganisationKind.MunicipalPharmacy => "Farmacia comunale",
        OrganisationKind.SocialCooperative => "Cooperativa sociale",
        OrganisationKind.Association => "Associazione",
        OrganisationKind.ElderlyCentre => "Centro anziani",
        OrganisationKind.Parish => "Parrocchia",
        OrganisationKind.FamilyHealthClinic => "Consultorio familiare",
        OrganisationKind.YouthCentre => "Centro di aggregazione giovanile",
        OrganisationKind.CommunityHouse => "Casa di quartiere",
        OrganisationKind.Municipality => "Comune",
        OrganisationKind.Foundation => "Fondazione",
        _ => "Ente pubblico",
    };

    public static string Status(ServiceStatus status) => status switch
    {
        ServiceStatus.TemporarilyClosed => "temporarily closed",
        ServiceStatus.Inactive => "inactive",
        ServiceStatus.Defunct => "defunct",
        _ => "active",
    };

    public static ServiceStatus StatusOf(string? status) => status switch
    {
        "temporarily closed" => ServiceStatus.TemporarilyClosed,
        "inactive" => ServiceStatus.Inactive,
        "defunct" => ServiceStatus.Defunct,
        _ => ServiceStatus.Active,
    };

    /// HSDS has one text for fees; "Gratuito", or "Gratuito · " before a note, keeps "free" readable on import.
    public const string Free = "Gratuito";

    public static string? FeesOf(bool isFree, string? cost) => isFree ? (cost is null ? Free : $"{Free} · {cost}") : cost;

    public static (bool IsFree, string? Cost) FeesFrom(string? fees) =>
        fees is null || fees.Equals(Free, StringComparison.OrdinalIgnoreCase) || fees.Equals("Free", StringComparison.OrdinalIgnoreCase) ? (true, null)
        : fees.StartsWith(Free + " · ", StringComparison.Ordinal) ? (true, fees[(Free.Length + 3)..])
        : (false, fees);

    public static string Day(DayOfWeek day) => day.ToString()[..2].ToUpperInvariant();

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Instant(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);


    /// A stable id for a part that has no row of its own (a phone, an address): the same on every
    /// export, so an importer can match it.
    public static Guid Derived(Guid parent, string part)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(parent.ToString("N") + "/" + part));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }

    public sealed record ServiceList(Guid Id, Guid OrganizationId, string Name, string Description, string? Url, string? Email, string Status, string? ApplicationProcess, string? FeesDescription, string? WaitTime, string? EligibilityDescription, int? MinimumAge, int? MaximumAge, string AssuredDate, string LastModified);

    public sealed record HsdsService(Guid Id, Guid OrganizationId, string Name, string Description, string? Url, string? Email, string Status, string? ApplicationProcess, string? FeesDescription, string? WaitTime, string? EligibilityDescription, int? MinimumAge, int? MaximumAge, string AssuredDate, string LastModified, HsdsOrganisation? Organization, IReadOnlyList<HsdsPhone> Phones, IReadOnlyList<HsdsLanguage> Languages, IReadOnlyList<HsdsClassification> Attributes, IReadOnlyList<HsdsServiceAtLocation> ServiceAtLocations);

    public sealed record HsdsOrganisation(Guid Id, string Name, string Description, string? Email, string? Website, string? TaxId, Guid? ParentOrganizationId)
    {
        public IReadOnlyList<HsdsService>? Services { get; init; }

        public IReadOnlyList<HsdsLocation>? Locations { get; init; }

        public IReadOnlyList<HsdsIdentifier>? OrganizationIdentifiers { get; init; }
    }

    public sealed record HsdsIdentifier(Guid Id, Guid OrganizationId, string IdentifierScheme, string IdentifierType, string Identifier);

    public sealed record HsdsPhone(Guid Id, string Number, Guid ServiceId);

    public sealed record HsdsLanguage(Guid Id, Guid ServiceId, string Name, string Code);

    public sealed record HsdsClassification(Guid Id, Guid LinkId, string LinkEntity, Guid TaxonomyTermId, HsdsTerm TaxonomyTerm);

    public sealed record HsdsTerm(Guid Id, string Code, string Name, string Description, Guid TaxonomyId, string Language);

    public sealed record HsdsTaxonomy(Guid Id, string Name, string Description, string Version);

    public sealed record HsdsServiceAtLocation(Guid Id, Guid ServiceId, Guid LocationId, HsdsLocation Location, IReadOnlyList<HsdsSchedule> Schedules);

    public sealed record ServiceAtLocationList(Guid Id, Guid ServiceId, Guid LocationId, HsdsLocation Location);

    public sealed record HsdsLocation(Guid Id, string LocationType, Guid OrganizationId, string Name, string? Transportation, double Latitude, double Longitude, IReadOnlyList<HsdsAddress> Addresses, IReadOnlyList<HsdsAccessibility> Accessibility);

    public sealed record HsdsAddress(Guid Id, Guid LocationId, [property: JsonPropertyName("address_1")] string Address1, string City, string Region, string StateProvince, string PostalCode, string Country, string AddressType);

    public sealed record HsdsAccessibility(Guid Id, Guid LocationId, string Description);

    public sealed record HsdsSchedule(Guid Id, Guid ServiceAtLocationId, string? Freq, string? Wkst, string? Byday, string? OpensAt, string? ClosesAt, string? ValidFrom, string? ValidTo, string? Description);
}
