using System.Globalization;
using System.Text.Json;
using CsvHelper;

namespace Trama.Web.Features.ServiceDirectory.Manage;

public sealed record ImportPlace(
    Guid? Id, string Name, string Street, string PostalCode, string City, string Province, double Latitude, double Longitude,
    string? Accessibility, string? Transport, IReadOnlyList<(DayOfWeek Day, TimeOnly Opens, TimeOnly Closes)> Hours,
    IReadOnlyList<(DateOnly From, DateOnly To, string Reason)> Closures);

/// One service as a file describes it, with the places where it is given.
public sealed record ImportService(
    int Row, Guid? Id, string Organisation, string? TaxCode, string Name, string Description, ServiceStatus Status,
    string? Eligibility, int? MinimumAge, int? MaximumAge, string? HowToAccess, bool IsFree, string? Cost, string? Capacity,
    string Languages, string? Phone, string? Email, string? Website, bool AcceptsReferrals, DateOnly LastVerifiedOn,
    IReadOnlyList<string> Categories, IReadOnlyList<ImportPlace> Places);

/// A problem of one row (a CSV line, or the n-th service of an HSDS file): a resource key and its arguments.
public sealed record ImportProblem(int Row, string Key, params object[] Args);

public sealed record ImportBatch(IReadOnlyList<ImportService> Services, IReadOnlyList<ImportProblem> Problems);

/// Reads the two files a coordinator can import: Trama's CSV (one line per service and place,
/// Italian headers, semicolons or commas) and an HSDS 3.0 JSON export (a list of full services,
/// or a page of them) from another directory or from Trama itself.
public static class DirectoryFile
{
    public const int MaxRows = 5000;

    public static readonly string[] CsvColumns =
    [
        "organizzazione", "codice_fiscale", "servizio", "descrizione", "categorie", "lingue", "telefono", "email", "sito",
        "accoglie_invii", "a_chi_si_rivolge", "come_si_accede", "costo", "posti_attesa", "ultima_verifica",
        "luogo", "indirizzo", "cap", "comune", "provincia", "latitudine", "longitudine", "orari",
    ];

    private static readonly string[] Required = ["organizzazione", "servizio", "descrizione", "luogo", "indirizzo", "cap", "comune", "latitudine", "longitudine"];

    public static ImportBatch Read(string fileName, string text, DateOnly today) =>
        fileName.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || text.TrimStart().StartsWith('{') || text.TrimStart().StartsWith('[')
            ? ReadHsds(text, today)
            : ReadCsv(text, today);

    public static string CsvTemplate() =>
        string.Join(';', CsvColumns) + "\r\n"
        + "Associazione Esempio;01234567890;Doposcuola del quartiere;Aiuto nei compiti per ragazzi delle medie.;youth,families;it,ar;02 1234567;info@esempio.it;https://www.esempio.it;sì;Ragazzi dagli 11 ai 14 anni;Iscrizione allo sportello;;20 posti;15/11/2026;Sede di via Esempio;Via Esempio 1;20092;Cinisello Balsamo;MI;45,5530;9,2205;Lu-Ve 14:30-18:00\r\n";

    public static ImportBatch ReadCsv(string text, DateOnly today)
    {
        var problems = new List<ImportProblem>();

        // Matching is exact, then ignoring case and surrounding spaces; the separator is detected.
        using var csv = CsvReader.FromText(text, new CsvReaderOptions { TrimWhitespace = true, TrackLineNumbers = true, IncludeValuesInExceptions = false });
        HashSet<string> headers;
        try
        {
            headers = csv.Headers.Select(h => h.Trim().ToLowerInvariant()).ToHashSet();
        }
        catch (CsvFormatException)
        {
            return new([], [new(1, "Directory.Import.Empty")]);
        }

        if (headers.Count == 0)
        {
            return new([], [new(1, "Directory.Import.Empty")]);
        }

        var missing = Required.Where(r => !headers.Contains(r)).ToList();
        if (missing.Count > 0)
        {
            return new([], [new(1, "Directory.Import.MissingColumns", string.Join(", ", missing))]);
        }

        // Lines of one service at several places share organisation and service name.
        var services = new List<ImportService>();
        var byKey = new Dictionary<(string, string), int>();
        while (csv.Read())
        {
            var row = (int)csv.LineNumber;
            if (services.Count >= MaxRows)
            {
                problems.Add(new(row, "Directory.Import.TooManyRows", MaxRows));
                break;
            }

            var values = new Dictionary<string, string?>();
            foreach (var (header, value) in csv.Current.ToDictionary())
            {
                values.TryAdd(header.Trim().ToLowerInvariant(), value);
            }

            string? Field(string name) => values.GetValueOrDefault(name) is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
            var before = problems.Count;
            foreach (var name in Required.Where(n => Field(n) is null))
            {
                problems.Add(new(row, "Directory.Import.Missing", name));
            }

            var latitude = Number(Field("latitudine"), 35.0, 47.5, row, "latitudine", problems);
            var longitude = Number(Field("longitudine"), 6.0, 19.0, row, "longitudine", problems);
            var hours = HoursText.Parse(Field("orari"), row, problems);
            var verified = today;
            if (Field("ultima_verifica") is { } verifiedText && !DateOnly.TryParseExact(verifiedText, ["dd/MM/yyyy", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out verified))
            {
                problems.Add(new(row, "Directory.Import.BadDate", "ultima_verifica", verifiedText));
                verified = today;
            }

            var languages = Field("lingue") ?? "it";
            if (languages.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Any(c => c.Length != 2 || !c.All(char.IsAsciiLetter)))
            {
                problems.Add(new(row, "Directory.Import.BadLanguages", languages));
            }

            var referrals = Field("accoglie_invii")?.ToLowerInvariant();
            if (referrals is not (null or "sì" or "si" or "no" or "yes" or "true" or "false"))
            {
                problems.Add(new(row, "Directory.Import.BadYesNo", "accoglie_invii", referrals));
            }

            CheckLengths(row, problems, ("organizzazione", Field("organizzazione"), 200), ("servizio", Field("servizio"), 200), ("descrizione", Field("descrizione"), 4000),
                ("luogo", Field("luogo"), 200), ("indirizzo", Field("indirizzo"), 200), ("comune", Field("comune"), 100), ("a_chi_si_rivolge", Field("a_chi_si_rivolge"), 1000),
                ("come_si_accede", Field("come_si_accede"), 1000), ("costo", Field("costo"), 500), ("posti_attesa", Field("posti_attesa"), 500), ("telefono", Field("telefono"), 40),
                ("email", Field("email"), 200), ("sito", Field("sito"), 300));
            if (Field("cap") is { } cap && (cap.Length != 5 || !cap.All(char.IsAsciiDigit)))
            {
                problems.Add(new(row, "Directory.Import.BadPostalCode", cap));
            }

            if (problems.Count > before)
            {
                continue;
            }

            var place = new ImportPlace(null, Field("luogo")!, Field("indirizzo")!, Field("cap")!, Field("comune")!, (Field("provincia") ?? "MI").ToUpperInvariant(),
                latitude, longitude, null, null, hours, []);
            var key = (Field("organizzazione")!.ToUpperInvariant(), Field("servizio")!.ToUpperInvariant());
            if (byKey.TryGetValue(key, out var index))
            {
                services[index] = services[index] with { Places = [.. services[index].Places, place] };
                continue;
            }

            var cost = Field("costo");
            byKey[key] = services.Count;
            services.Add(new ImportService(
                row, null, Field("organizzazione")!, Field("codice_fiscale"), Field("servizio")!, Field("descrizione")!, ServiceStatus.Active,
                Field("a_chi_si_rivolge"), null, null, Field("come_si_accede"), cost is null, cost, Field("posti_attesa"),
                string.Join(',', languages.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(c => c.ToLowerInvariant()).Distinct()),
                Field("telefono"), Field("email"), Field("sito"), referrals is "sì" or "si" or "yes" or "true", verified,
                (Field("categorie") ?? string.Empty).Split([',', '|'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(c => c.ToLowerInvariant()).Distinct().ToList(),
                [place]));
        }

        return new(services, problems);
    }

    public static ImportBatch ReadHsds(string text, DateOnly today)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 32 });
        }
        catch (JsonException e)
        {
            return new([], [new((int)(e.LineNumber ?? 0) + 1, "Directory.Import.BadJson")]);
        }

        using var _ = document;
        var items = document.RootElement.ValueKind switch
        {
            JsonValueKind.Array => document.RootElement.EnumerateArray().ToList(),
            JsonValueKind.Object when document.RootElement.TryGetProperty("contents", out var contents) && contents.ValueKind == JsonValueKind.Array => contents.EnumerateArray().ToList(),
            JsonValueKind.Object => [document.RootElement],
            _ => [],
        };
        if (items.Count == 0)
        {
            return new([], [new(1, "Directory.Import.Empty")]);
        }

        var services = new List<ImportService>();
        var problems = new List<ImportProblem>();
        for (var i = 0; i < Math.Min(items.Count, MaxRows); i++)
        {
            var row = i + 1;
            var before = problems.Count;
            var s = items[i];
            if (s.ValueKind != JsonValueKind.Object)
            {
                problems.Add(new(row, "Directory.Import.BadJson"));
                continue;
            }

            var organisation = s.TryGetProperty("organization", out var o) && o.ValueKind == JsonValueKind.Object ? o : default;
            var name = Text(s, "name");
            var description = Text(s, "description");
            var organisationName = organisation.ValueKind == JsonValueKind.Object ? Text(organisation, "name") : null;
            foreach (var (field, value) in new[] { ("name", name), ("description", description), ("organization.name", organisationName) })
            {
                if (value is null)
                {
                    problems.Add(new(row, "Directory.Import.Missing", field));
                }
            }

            CheckLengths(row, problems, ("name", name, 200), ("description", description, 4000), ("organization.name", organisationName, 200),
                ("eligibility_description", Text(s, "eligibility_description"), 1000), ("application_process", Text(s, "application_process"), 1000),
                ("fees_description", Text(s, "fees_description"), 500), ("wait_time", Text(s, "wait_time"), 500), ("email", Text(s, "email"), 200), ("url", Text(s, "url"), 300));
            var places = new List<ImportPlace>();
            foreach (var at in Array(s, "service_at_locations"))
            {
                var location = at.TryGetProperty("location", out var l) && l.ValueKind == JsonValueKind.Object ? l : default;
                if (location.ValueKind != JsonValueKind.Object)
                {
                    problems.Add(new(row, "Directory.Import.Missing", "service_at_locations.location"));
                    continue;
                }

                var address = Array(location, "addresses").FirstOrDefault();
                var street = address.ValueKind == JsonValueKind.Object ? Text(address, "address_1") : null;
                var city = address.ValueKind == JsonValueKind.Object ? Text(address, "city") : null;
                var postalCode = address.ValueKind == JsonValueKind.Object ? Text(address, "postal_code") : null;
                var latitude = location.TryGetProperty("latitude", out var lat) && lat.TryGetDouble(out var la) ? la : double.NaN;
                var longitude = location.TryGetProperty("longitude", out var lon) && lon.TryGetDouble(out var lo) ? lo : double.NaN;
                if (street is null || city is null || postalCode is null || Text(location, "name") is null)
                {
                    problems.Add(new(row, "Directory.Import.Missing", "location.name, addresses[0].address_1, city, postal_code"));
                    continue;
                }

                if (double.IsNaN(latitude) || double.IsNaN(longitude) || latitude is < 35 or > 47.5 || longitude is < 6 or > 19)
                {
                    problems.Add(new(row, "Directory.Import.OutsideItaly", Text(location, "name")!));
                    continue;
                }

                var hours = new List<(DayOfWeek, TimeOnly, TimeOnly)>();
                var closures = new List<(DateOnly, DateOnly, string)>();
                foreach (var schedule in Array(at, "schedules"))
                {
                    if (Text(schedule, "freq") is { } freq && freq.Equals("WEEKLY", StringComparison.OrdinalIgnoreCase))
                    {
                        var opens = TimeOnly.TryParse(Text(schedule, "opens_at"), CultureInfo.InvariantCulture, out var op) ? op : (TimeOnly?)null;
                        var closes = TimeOnly.TryParse(Text(schedule, "closes_at"), CultureInfo.InvariantCulture, out var cl) ? cl : (TimeOnly?)null;
                        var days = (Text(schedule, "byday") ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(HsdsDay).ToList();
                        if (opens is null || closes is null || closes <= opens || days.Count == 0 || days.Any(d => d is null))
                        {
                            problems.Add(new(row, "Directory.Import.BadSchedule", Text(schedule, "byday") ?? "?", Text(schedule, "opens_at") ?? "?", Text(schedule, "closes_at") ?? "?"));
                            continue;
                        }

                        hours.AddRange(days.Select(d => (d!.Value, opens.Value, closes.Value)));
                    }
                    else if (DateOnly.TryParseExact(Text(schedule, "valid_from"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from))
                    {
                        var to = DateOnly.TryParseExact(Text(schedule, "valid_to"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t : from;
                        var reason = Text(schedule, "description") ?? "Chiuso";
                        reason = reason.StartsWith("Chiuso: ", StringComparison.Ordinal) ? reason["Chiuso: ".Length..] : reason;
                        closures.Add((from, to < from ? from : to, reason.Length > 200 ? reason[..200] : reason));
                    }
                }

                places.Add(new ImportPlace(
                    Guid.TryParse(Text(location, "id"), out var locationId) ? locationId : null,
                    Text(location, "name")!.Length > 200 ? Text(location, "name")![..200] : Text(location, "name")!,
                    street.Length > 200 ? street[..200] : street, postalCode.Length > 10 ? postalCode[..10] : postalCode, city.Length > 100 ? city[..100] : city,
                    address.ValueKind == JsonValueKind.Object && Text(address, "state_province") is { Length: 2 } province ? province.ToUpperInvariant() : "MI",
                    latitude, longitude,
                    Array(location, "accessibility").Select(a => Text(a, "description")).FirstOrDefault(a => a is not null) is { } access ? Clip(access, 500) : null,
                    Text(location, "transportation") is { } transport ? Clip(transport, 500) : null,
                    hours, closures));
            }

            if (problems.Count > before)
            {
                continue;
            }

            var (isFree, cost) = HsdsApi.FeesFrom(Text(s, "fees_description"));
            var languages = Array(s, "languages").Select(x => Text(x, "code")).OfType<string>().Where(c => c.Length == 2).Select(c => c.ToLowerInvariant()).Distinct().ToList();
            services.Add(new ImportService(
                row,
                Guid.TryParse(Text(s, "id"), out var id) ? id : null,
                organisationName!,
                Text(organisation, "tax_id"),
                name!,
                description!,
                HsdsApi.StatusOf(Text(s, "status")),
                Text(s, "eligibility_description"),
                s.TryGetProperty("minimum_age", out var min) && min.TryGetInt32(out var mi) && mi is >= 0 and <= 120 ? mi : null,
                s.TryGetProperty("maximum_age", out var max) && max.TryGetInt32(out var ma) && ma is >= 0 and <= 120 ? ma : null,
                Text(s, "application_process"),
                isFree,
                cost,
                Text(s, "wait_time"),
                languages.Count == 0 ? "it" : string.Join(',', languages),
                Array(s, "phones").Select(p => Text(p, "number")).FirstOrDefault(p => p is not null) is { } phone ? Clip(phone, 40) : null,
                Text(s, "email"),
                Text(s, "url"),
                AcceptsReferrals: false,
                DateOnly.TryParseExact(Text(s, "assured_date"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var assured) ? assured : today,
                Array(s, "attributes").Select(a => a.TryGetProperty("taxonomy_term", out var term) && term.ValueKind == JsonValueKind.Object ? Text(term, "code") : null).OfType<string>().Select(c => c.ToLowerInvariant()).Distinct().ToList(),
                places));
        }

        return new(services, problems);
    }

    private static string Clip(string text, int length) => text.Length > length ? text[..length] : text;

    private static void CheckLengths(int row, List<ImportProblem> problems, params (string Field, string? Value, int Max)[] fields)
    {
        foreach (var (field, value, max) in fields)
        {
            if (value is { } v && v.Length > max)
            {
                problems.Add(new(row, "Directory.Import.TooLong", field, max));
            }
        }
    }

    private static double Number(string? text, double min, double max, int row, string field, List<ImportProblem> problems)
    {
        if (text is null)
        {
            return 0;
        }

        if (!double.TryParse(text.Replace(',', '.'), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            problems.Add(new(row, "Directory.Import.BadNumber", field, text));
        }
        else if (value < min || value > max)
        {
            problems.Add(new(row, "Directory.Import.OutsideItaly", field));
        }

        return value;
    }

    private static string? Text(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString())
            ? value.GetString()!.Trim()
            : null;

    private static IEnumerable<JsonElement> Array(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object)
            : [];

    private static DayOfWeek? HsdsDay(string code) => code.ToUpperInvariant() switch
    {
        "MO" => DayOfWeek.Monday,
        "TU" => DayOfWeek.Tuesday,
        "WE" => DayOfWeek.Wednesday,
        "TH" => DayOfWeek.Thursday,
        "FR" => DayOfWeek.Friday,
        "SA" => DayOfWeek.Saturday,
        "SU" => DayOfWeek.Sunday,
        _ => null,
    };
}

/// Opening hours written the Italian way in one cell: "Lu-Ve 09:00-12:30,14:00-17:00; Sa 09:00-12:00".
public static class HoursText
{
    private static readonly string[] Days = ["do", "lu", "ma", "me", "gi", "ve", "sa"];

    public static List<(DayOfWeek Day, TimeOnly Opens, TimeOnly Closes)> Parse(string? text, int row, List<ImportProblem> problems)
    {
        var hours = new List<(DayOfWeek, TimeOnly, TimeOnly)>();
        foreach (var part in (text ?? string.Empty).Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var pieces = part.Split(' ', 2, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            var days = pieces.Length == 2 ? DaysOf(pieces[0]) : null;
            var ranges = pieces.Length == 2 ? pieces[1].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(RangeOf).ToList() : null;
            if (days is null || ranges is null || ranges.Count == 0 || ranges.Any(r => r is null))
            {
                problems.Add(new(row, "Directory.Import.BadHours", part));
                continue;
            }

            hours.AddRange(days.SelectMany(d => ranges.Select(r => (d, r!.Value.Opens, r.Value.Closes))));
        }

        return hours;
    }

    private static List<DayOfWeek>? DaysOf(string text)
    {
        var days = new List<DayOfWeek>();
        foreach (var item in text.ToLowerInvariant().Split(',', StringSplitOptions.TrimEntries))
        {
            var ends = item.Split('-');
            var from = System.Array.IndexOf(Days, ends[0]);
            var to = System.Array.IndexOf(Days, ends[^1]);
            if (ends.Length > 2 || from < 0 || to < 0)
            {
                return null;
            }

            // Monday-first order, so that "Lu-Do" spans the whole week.
            var (start, end) = ((from + 6) % 7, (to + 6) % 7);
            if (end < start)
            {
                return null;
            }

            for (var d = start; d <= end; d++)
            {
                days.Add((DayOfWeek)((d + 1) % 7));
            }
        }

        return days;
    }

    private static (TimeOnly Opens, TimeOnly Closes)? RangeOf(string text)
    {
        var ends = text.Split('-');
        return ends.Length == 2
            && TimeOnly.TryParseExact(ends[0].Trim().Replace('.', ':'), ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var opens)
            && TimeOnly.TryParseExact(ends[1].Trim().Replace('.', ':'), ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var closes)
            && closes > opens
                ? (opens, closes)
                : null;
    }
}
