using Trama.Web.Features.Organisations;

namespace Trama.Web.Features.ServiceDirectory;

/// What an organisation offers the neighbourhood, shaped after the HSDS 3.0 service: who it is
/// for, how to get it, what it costs, where and when.
public class DirectoryService
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrganisationId { get; set; }

    public Organisation Organisation { get; set; } = null!;

    public required string Name { get; set; }

    public required string Description { get; set; }

    public ServiceStatus Status { get; set; } = ServiceStatus.Active;

    /// Who it is for, in words (HSDS eligibility_description).
    public string? Eligibility { get; set; }

    public int? MinimumAge { get; set; }

    public int? MaximumAge { get; set; }

    /// How to get it: walk in, phone first, referral by a GP… (HSDS application_process).
    public string? HowToAccess { get; set; }

    public bool IsFree { get; set; }

    /// What it costs when it is not free (HSDS fees_description).
    public string? Cost { get; set; }

    /// Waiting time or places left, in words.
    public string? Capacity { get; set; }

    /// Languages spoken, as ISO 639-1 codes separated by commas ("it,en,ar").
    public string Languages { get; set; } = "it";

    public string? Phone { get; set; }

    public string? Email { get; set; }

    public string? Website { get; set; }

    /// True when the service takes referrals through Trama; false when it only signposts.
    public bool AcceptsReferrals { get; set; }

    /// When someone last checked the entry with the service (HSDS assured_date).
    public DateOnly LastVerifiedOn { get; set; }

    public DateTime LastModifiedUtc { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();

    /// Name, description, organisation, categories and eligibility folded (capitals, no accents)
    /// for word search that finds "perche" in "perché" on both engines; kept by RefreshSearchText.
    public string SearchText { get; set; } = string.Empty;

    public List<ServiceCategory> Categories { get; } = [];

    public List<ServiceAtLocation> Locations { get; } = [];

    public void RefreshSearchText() =>
        SearchText = Fold(string.Join(' ', new[] { Name, Description, Organisation?.Name, Eligibility }.Concat(Categories.SelectMany(c => new[] { c.NameIt, c.NameEn }))));

    public static string Fold(string? text)
    {
        var folded = Infrastructure.Text.Fold(text);
        return folded.Length > 6000 ? folded[..6000] : folded;
    }

    public IReadOnlyList<string> LanguageCodes => CodesOf(Languages);

    public static IReadOnlyList<string> CodesOf(string languages) => languages.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// HSDS service status.
public enum ServiceStatus
{
    Active,
    TemporarilyClosed,
    Inactive,
    Defunct,
}

/// A place where services are given: HSDS location, with its address and coordinates.
public class DirectoryLocation
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrganisationId { get; set; }

    public Organisation Organisation { get; set; } = null!;

    public required string Name { get; set; }

    public required string Street { get; set; }

    public required string PostalCode { get; set; }

    public required string City { get; set; }

    public string Province { get; set; } = "MI";

    public double Latitude { get; set; }

    public double Longitude { get; set; }

    /// Step-free access, lift, accessible toilet… in words (HSDS accessibility).
    public string? Accessibility { get; set; }

    /// Bus, tram or metro stops nearby (HSDS transportation).
    public string? Transport { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();

    public string Address => FormatAddress(Street, PostalCode, City);

    public static string FormatAddress(string street, string postalCode, string city) => $"{street}, {postalCode} {city}";
}

/// A service offered at a location, with its own opening hours (HSDS service_at_location).
public class ServiceAtLocation
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ServiceId { get; set; }

    public DirectoryService Service { get; set; } = null!;

    public Guid LocationId { get; set; }

    public DirectoryLocation Location { get; set; } = null!;

    public List<OpeningHours> Hours { get; } = [];

    public List<Closure> Closures { get; } = [];
}

/// One weekly opening: a weekday and a time range, in Italian local time (HSDS schedule, weekly).
public class OpeningHours
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ServiceAtLocationId { get; set; }

    public DayOfWeek Day { get; set; }

    public TimeOnly Opens { get; set; }

    public TimeOnly Closes { get; set; }
}

/// A day the place is closed although its weekly hours say open: a holiday, a closure for works.
public class Closure
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ServiceAtLocationId { get; set; }

    public DateOnly From { get; set; }

    public DateOnly To { get; set; }

    public required string Reason { get; set; }
}

/// A category of the directory (HSDS taxonomy term of Trama's own taxonomy). Codes are stable;
/// names are editable in both languages.
public class ServiceCategory
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public required string Code { get; set; }

    public required string NameIt { get; set; }

    public required string NameEn { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();

    public List<DirectoryService> Services { get; } = [];

    public string Name(System.Globalization.CultureInfo culture) => culture.TwoLetterISOLanguageName == "en" ? NameEn : NameIt;
}

/// One save of a directory entry, for the entry's own history: who, when, which fields. The
/// values before and after are in the audit trail.
public class DirectoryChange
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// "Service", "Location" or "Category".
    public required string EntityType { get; set; }

    public Guid EntityId { get; set; }

    public DateTime AtUtc { get; set; }

    public string? UserId { get; set; }

    /// How the change came: typed in a form, or an import.
    public DirectoryChangeSource Source { get; set; }

    /// The changed fields, as comma-separated field names (DirectoryFields).
    public required string Fields { get; set; }
}

public enum DirectoryChangeSource
{
    Form,
    Import,
}
