using Trama.Web.Features.Organisations;
using Trama.Web.Features.ServiceDirectory;

namespace Trama.Web.Features.Demo;

/// The neighbourhood directory of the demo: the real actors of Crocetta (Cinisello Balsamo) and
/// of aMIcittà (Milano, Municipio 9, and the three CPS), at plausible addresses and coordinates,
/// with services and hours as they could be. Phone numbers are fictional (the 02 0000 range).
public static class DemoDirectory
{
    public sealed record Place(string Key, string Organisation, string Name, string Street, string PostalCode, string City, double Latitude, double Longitude, string? Accessibility, string? Transport);

    public sealed record Offer(string Organisation, string Name, string Description, string[] Categories, string[] Places, string Hours, string Languages, bool AcceptsReferrals, bool IsFree, string? Cost, string? Eligibility, string? HowToAccess, string? Capacity, int? MinimumAge = null, int? MaximumAge = null);

    public static readonly IReadOnlyList<Place> Places =
    [
        new("casa", "Casa della Cittadinanza", "Casa della Cittadinanza", "Viale Abruzzi 11", "20092", "Cinisello Balsamo", 45.54988, 9.22771, "Ingresso senza gradini, bagno accessibile", "Bus 708, fermata viale Abruzzi"),
        new("f1", "Farmacia Comunale 1", "Farmacia Comunale 1", "Via Friuli 18", "20092", "Cinisello Balsamo", 45.55142, 9.22436, "Ingresso con rampa", "Bus 708 e 712"),
        new("f2", "Farmacia Comunale 2", "Farmacia Comunale 2", "Via Sardegna 4", "20092", "Cinisello Balsamo", 45.54795, 9.22985, "Ingresso senza gradini", "Bus 708, fermata via Sardegna"),
        new("f3", "Farmacia Comunale 3", "Farmacia Comunale 3", "Viale Romagna 31", "20092", "Cinisello Balsamo", 45.54612, 9.22412, "Ingresso senza gradini", "Bus 712"),
        new("nord", "Centro anziani Crocetta Nord", "Centro anziani Crocetta Nord", "Via Lombardia 5", "20092", "Cinisello Balsamo", 45.55305, 9.22703, "Piano terra, bagno accessibile", "Bus 708"),
        new("sud", "Centro anziani Crocetta Sud", "Centro anziani Crocetta Sud", "Via Calabria 12", "20092", "Cinisello Balsamo", 45.54488, 9.22879, "Piano terra", "Bus 712, fermata via Calabria"),
        new("parrocchia", "Parrocchia San Pietro Martire", "Oratorio San Pietro Martire", "Via Sardegna 22", "20092", "Cinisello Balsamo", 45.54704, 9.23151, "Salone al piano terra", "Bus 708"),
        new("consultorio", "Consultorio familiare pubblico", "Consultorio familiare", "Via Marconi 52", "20092", "Cinisello Balsamo", 45.55401, 9.21795, "Ascensore", "Metrotranvia 31, fermata Marconi"),
        new("cag", "CAG Icaro", "CAG Icaro", "Via Liguria 9", "20092", "Cinisello Balsamo", 45.55033, 9.23184, "Piano terra", "Bus 708"),
        new("torpedone", "Cooperativa Sociale Il Torpedone", "Il Torpedone – spazio di quartiere", "Via Friuli 40", "20092", "Cinisello Balsamo", 45.55212, 9.22611, "Ingresso senza gradini", "Bus 708 e 712"),
        new("cherasco", "CPS via Cherasco", "CPS via Cherasco", "Via Cherasco 6", "20162", "Milano", 45.51627, 9.19391, "Ascensore, bagno accessibile", "Tram 4 e 5, fermata Niguarda Ospedale"),
        new("litta", "CPS via Litta Modignani", "CPS via Litta Modignani", "Via Litta Modignani 61", "20161", "Milano", 45.52455, 9.16934, "Ascensore", "M3 Affori FN, bus 41"),
        new("plebisciti", "CPS corso Plebisciti", "CPS corso Plebisciti", "Corso Plebisciti 6", "20129", "Milano", 45.46972, 9.21739, "Ascensore", "Bus 54 e 61"),
        new("lotta", "Cooperativa Lotta contro l'Emarginazione", "Lotta – sede di Niguarda", "Via Val di Ledro 23", "20162", "Milano", 45.51958, 9.18912, "Piano terra", "Tram 4, fermata Val di Ledro"),
        new("diapason", "Diapason Cooperativa Sociale", "Diapason – abitare", "Via Ornato 7", "20162", "Milano", 45.51694, 9.19923, "Ascensore", "Bus 51 e 83"),
        new("contatto", "Associazione Contatto", "Associazione Contatto", "Via Graziano Imperatore 40", "20162", "Milano", 45.51301, 9.20047, "Piano terra", "Tram 4, bus 42"),
        new("aromi", "Aromi a tutto Campo", "Aromi – orto e cucina", "Via Ciriè 9", "20162", "Milano", 45.52188, 9.18475, "Orto accessibile, cucina al piano terra", "Bus 41"),
        new("semprevivi", "I Sempre Vivi +", "I Sempre Vivi + – sala prove", "Via Hermada 8", "20162", "Milano", 45.51176, 9.19288, "Piano terra", "Tram 4 e 5"),
    ];

    private const string Weekdays = "MoTuWeThFr";
    private const string Pharmacy = "Mo-Sa 08:30-12:30,15:00-19:30";

    public static readonly IReadOnlyList<Offer> Offers =
    [
        new("Casa della Cittadinanza", "Sportello di ascolto e orientamento", "Un operatore ascolta e aiuta a trovare il servizio giusto: pratiche, bonus, casa, lavoro, solitudine.", ["social-services", "basic-needs"], ["casa"], "Mo,We,Fr 09:30-12:30; Tu,Th 15:00-18:00", "it,en,ar,es", true, true, null, "Chi vive o lavora a Cinisello Balsamo", "Senza appuntamento negli orari di apertura", "Attesa di solito sotto i 20 minuti"),
        new("Casa della Cittadinanza", "Corso di italiano per donne", "Due mattine a settimana di italiano per la vita di tutti i giorni, con spazio bimbi.", ["languages", "families"], ["casa"], "Tu,Th 09:00-11:30", "it,ar,ur,bn", true, true, null, "Donne di ogni età e provenienza", "Iscrizione allo sportello", "20 posti, lista d'attesa breve", 16),
        new("Casa della Cittadinanza", "Pranzo comunitario del giovedì", "Un pranzo cucinato insieme da volontari e abitanti, per chi mangia spesso da solo.", ["basic-needs", "elderly", "culture"], ["casa"], "Th 12:00-14:30", "it", true, false, "Offerta libera", null, "Prenotare entro il martedì allo sportello o in farmacia", "40 posti"),
        new("Farmacia Comunale 1", "Pressione e ascolto alla Farmacia Comunale 1", "Misurazione gratuita della pressione e un farmacista che ascolta e orienta verso i servizi del quartiere.", ["health", "elderly"], ["f1"], Pharmacy, "it,en", false, true, null, null, "Senza appuntamento", null),
        new("Farmacia Comunale 2", "Pressione e ascolto alla Farmacia Comunale 2", "Misurazione gratuita della pressione e un farmacista che ascolta e orienta verso i servizi del quartiere.", ["health", "elderly"], ["f2"], Pharmacy, "it,es", false, true, null, null, "Senza appuntamento", null),
        new("Farmacia Comunale 3", "Pressione e ascolto alla Farmacia Comunale 3", "Misurazione gratuita della pressione e un farmacista che ascolta e orienta verso i servizi del quartiere.", ["health", "elderly"], ["f3"], Pharmacy, "it,ro", false, true, null, null, "Senza appuntamento", null),
        new("Centro anziani Crocetta Nord", "Ginnastica dolce e attività ricreative", "Ginnastica dolce al mattino, carte e tombola il pomeriggio, gite nel quartiere.", ["elderly", "culture"], ["nord"], "Mo-Fr 09:00-12:00,14:30-18:00", "it", true, false, "Tessera annuale 15 €", "Persone dai 60 anni", "Basta presentarsi; tessera al primo accesso", null, 60),
        new("Centro anziani Crocetta Sud", "Gruppo di cammino del quartiere", "Un'ora di cammino in compagnia nel parco, con un volontario che accompagna.", ["elderly", "health", "culture"], ["sud"], "Tu,Th 09:30-10:30; Sa 10:00-11:00", "it", true, true, null, "Persone anziane che camminano da sole", "Ritrovo davanti al centro", null, 60),
        new("Parrocchia San Pietro Martire", "Centro di ascolto Caritas", "Ascolto, aiuto per bollette e affitto, distribuzione di pacchi alimentari su appuntamento.", ["basic-needs", "faith", "social-services"], ["parrocchia"], "We 15:00-18:00; Sa 09:30-12:00", "it,es,fr", true, true, null, "Famiglie e persone in difficoltà economica, di ogni fede", "Primo colloquio senza appuntamento il mercoledì", "Pacchi alimentari: attesa circa 2 settimane"),
        new("Consultorio familiare pubblico", "Consultorio: sostegno a famiglie, coppie e gravidanza", "Ostetrica, psicologa e assistente sociale per gravidanza, contraccezione, coppia e genitorialità.", ["families", "health", "mental-health"], ["consultorio"], "Mo-Fr 08:30-16:00", "it,en,ar,zh", true, true, "Alcune prestazioni con ticket", null, "Telefonare per un appuntamento; accesso diretto per le urgenze in gravidanza", "Primo colloquio entro 10 giorni"),
        new("CAG Icaro", "Centro di aggregazione giovanile: compiti e laboratori", "Aiuto compiti, musica, sport e laboratori con educatori, per ragazze e ragazzi del quartiere.", ["youth", "culture", "families"], ["cag"], "Mo-Fr 14:30-18:30", "it,ar,es", true, true, null, "Ragazze e ragazzi dagli 11 ai 18 anni", "Iscrizione con un genitore", "Posti disponibili", 11, 18),
        new("Cooperativa Sociale Il Torpedone", "Spazio di ascolto psicologico di quartiere", "Colloqui brevi con una psicologa per chi attraversa un momento difficile, e invio ai servizi se serve.", ["mental-health", "social-services"], ["torpedone"], "Tu 16:00-19:00; Th 10:00-13:00", "it,en", true, true, null, "Abitanti del quartiere dai 16 anni", "Su appuntamento, anche tramite farmacia o sportello", "Attesa circa una settimana", 16),
        new("CPS via Cherasco", "Accoglienza e presa in carico al CPS via Cherasco", "Il servizio pubblico di salute mentale per adulti: primo colloquio, cure, progetti di Budget di Salute.", ["mental-health", "health"], ["cherasco"], "Mo-Fr 08:00-20:00", "it,en", true, true, null, "Adulti residenti nel territorio del CPS", "Accesso diretto o su invio del medico di base", "Primo colloquio entro 15 giorni", 18),
        new("CPS via Litta Modignani", "Accoglienza e presa in carico al CPS via Litta Modignani", "Il servizio pubblico di salute mentale per adulti: primo colloquio, cure, progetti di Budget di Salute.", ["mental-health", "health"], ["litta"], "Mo-Fr 08:00-20:00", "it", true, true, null, "Adulti residenti nel territorio del CPS", "Accesso diretto o su invio del medico di base", "Primo colloquio entro 15 giorni", 18),
        new("CPS corso Plebisciti", "Accoglienza e presa in carico al CPS corso Plebisciti", "Il servizio pubblico di salute mentale per adulti: primo colloquio, cure, progetti di Budget di Salute.", ["mental-health", "health"], ["plebisciti"], "Mo-Fr 08:00-20:00", "it,es", true, true, null, "Adulti residenti nel territorio del CPS", "Accesso diretto o su invio del medico di base", "Primo colloquio entro 15 giorni", 18),
        new("Cooperativa Lotta contro l'Emarginazione", "Tirocini e inserimento lavorativo", "Orientamento, borse lavoro e tirocini in aziende del territorio, con un tutor.", ["work", "mental-health"], ["lotta"], Weekdays + " 09:00-13:00", "it,en,fr", true, true, null, "Persone seguite dai servizi sociali o sanitari", "Su invio del CPS o dei servizi sociali", "Attesa 1-2 mesi"),
        new("Diapason Cooperativa Sociale", "Abitare supportato", "Appartamenti condivisi con educatori, per imparare a vivere da soli.", ["housing", "mental-health"], ["diapason"], "Mo-Fr 09:00-17:00", "it", true, false, "Quota di compartecipazione secondo ISEE", "Adulti in un progetto con il CPS", "Su invio del CPS", "Lista d'attesa di alcuni mesi", 18),
        new("Associazione Contatto", "Gruppo di auto-mutuo aiuto", "Un gruppo tra pari, con esperti per esperienza, per chi vive un disagio psichico e per i familiari.", ["mental-health", "families"], ["contatto"], "We 18:00-19:30", "it", true, true, null, "Persone con disagio psichico e familiari", "Basta presentarsi", null, 18),
        new("Aromi a tutto Campo", "Laboratorio di orto e cucina", "Si coltiva e si cucina insieme: un lavoro vero, a piccoli passi, in un gruppo.", ["work", "culture"], ["aromi"], "Mo,We,Fr 09:00-13:00", "it", true, true, null, "Adulti seguiti dai servizi", "Su invio dei servizi o colloquio", "6 posti"),
        new("I Sempre Vivi +", "Teatro e attività culturali", "Prove di teatro, uscite a mostre e concerti, aperte al quartiere.", ["culture"], ["semprevivi"], "Tu 17:30-20:00; Sa 15:00-18:00", "it,en", true, true, null, "Tutti", "Basta presentarsi", null),
    ];

    /// Days every place of the demo is closed: Italian national holidays of the coming months.
    public static IEnumerable<(DateOnly From, DateOnly To, string Reason)> Holidays(int year) =>
    [
        (new DateOnly(year, 12, 8), new DateOnly(year, 12, 8), "Immacolata Concezione"),
        (new DateOnly(year, 12, 25), new DateOnly(year, 12, 26), "Natale e Santo Stefano"),
        (new DateOnly(year + 1, 1, 1), new DateOnly(year + 1, 1, 1), "Capodanno"),
        (new DateOnly(year + 1, 1, 6), new DateOnly(year + 1, 1, 6), "Epifania"),
        (new DateOnly(year + 1, 4, 25), new DateOnly(year + 1, 4, 25), "Festa della Liberazione"),
        (new DateOnly(year + 1, 5, 1), new DateOnly(year + 1, 5, 1), "Festa del lavoro"),
    ];

    /// Parses "Mo-Sa 08:30-12:30,15:00-19:30; Th 12:00-14:30" (days as ranges or lists, then ranges).
    public static IEnumerable<(DayOfWeek Day, TimeOnly Opens, TimeOnly Closes)> ParseHours(string hours)
    {
        string[] codes = ["Su", "Mo", "Tu", "We", "Th", "Fr", "Sa"];
        foreach (var part in hours.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var (daysText, rangesText) = (part.Split(' ', 2)[0], part.Split(' ', 2)[1]);
            var days = new List<int>();
            foreach (var item in daysText.Split(','))
            {
                if (item.Contains('-', StringComparison.Ordinal))
                {
                    var (from, to) = (Array.IndexOf(codes, item[..2]), Array.IndexOf(codes, item[3..5]));
                    for (var d = from; d <= to; d++)
                    {
                        days.Add(d);
                    }
                }
                else
                {
                    for (var i = 0; i + 1 < item.Length; i += 2)
                    {
                        days.Add(Array.IndexOf(codes, item.Substring(i, 2)));
                    }
                }
            }

            foreach (var range in rangesText.Split(','))
            {
                var (opens, closes) = (TimeOnly.Parse(range[..5], System.Globalization.CultureInfo.InvariantCulture), TimeOnly.Parse(range[6..11], System.Globalization.CultureInfo.InvariantCulture));
                foreach (var day in days)
                {
                    yield return ((DayOfWeek)day, opens, closes);
                }
            }
        }
    }

    public static void Add(Trama.Web.Data.AppDbContext db, IReadOnlyDictionary<string, Organisation> organisations, DateOnly today, DateTime nowUtc)
    {
        var categories = db.ServiceCategories.ToDictionary(c => c.Code);
        var places = Places.ToDictionary(p => p.Key, p => new DirectoryLocation
        {
            Organisation = organisations[p.Organisation],
            Name = p.Name,
            Street = p.Street,
            PostalCode = p.PostalCode,
            City = p.City,
            Latitude = p.Latitude,
            Longitude = p.Longitude,
            Accessibility = p.Accessibility,
            Transport = p.Transport,
        });
        db.DirectoryLocations.AddRange(places.Values);
        var n = 0;
        foreach (var o in Offers)
        {
            var service = new DirectoryService
            {
                Organisation = organisations[o.Organisation],
                Name = o.Name,
                Description = o.Description,
                Eligibility = o.Eligibility,
                MinimumAge = o.MinimumAge,
                MaximumAge = o.MaximumAge,
                HowToAccess = o.HowToAccess,
                IsFree = o.IsFree,
                Cost = o.Cost,
                Capacity = o.Capacity,
                Languages = o.Languages,
                Phone = $"02 0000 {1000 + n:0000}",
                AcceptsReferrals = o.AcceptsReferrals,
                LastVerifiedOn = today.AddDays(-7 - (n * 9 % 200)),
                LastModifiedUtc = nowUtc,
            };
            n++;
            service.Categories.AddRange(o.Categories.Select(c => categories[c]));
            foreach (var key in o.Places)
            {
                var at = new ServiceAtLocation { Service = service, Location = places[key] };
                at.Hours.AddRange(ParseHours(o.Hours).Select(h => new OpeningHours { Day = h.Day, Opens = h.Opens, Closes = h.Closes }));
                at.Closures.AddRange(Holidays(today.Year).Select(h => new Closure { From = h.From, To = h.To, Reason = h.Reason }));
                service.Locations.Add(at);
            }

            service.RefreshSearchText();
            db.DirectoryServices.Add(service);
        }
    }
}
