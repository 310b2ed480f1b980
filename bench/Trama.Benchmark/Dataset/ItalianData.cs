using System.Globalization;
using Trama.Web.Features.People;

namespace Trama.Benchmark.Dataset;

/// Invented people in real Lombard places. Every name is common, every combination fictional; the
/// fiscal codes follow the ministerial algorithm (so they validate) and belong to nobody known.
public static class ItalianData
{
    public static readonly string[] MaleNames =
    [
        "Marco", "Luca", "Giuseppe", "Andrea", "Francesco", "Alessandro", "Matteo", "Stefano", "Paolo", "Davide",
        "Simone", "Roberto", "Giovanni", "Antonio", "Fabio", "Massimo", "Claudio", "Daniele", "Riccardo", "Emanuele",
        "Lorenzo", "Gabriele", "Federico", "Michele", "Alberto", "Enrico", "Salvatore", "Vincenzo", "Pietro", "Mattia",
        "Tommaso", "Nicola", "Filippo", "Carlo", "Sergio", "Walter", "Mauro", "Giorgio", "Franco", "Omar",
    ];

    public static readonly string[] FemaleNames =
    [
        "Giulia", "Francesca", "Sara", "Chiara", "Valentina", "Federica", "Elena", "Silvia", "Laura", "Alessandra",
        "Martina", "Anna", "Paola", "Roberta", "Elisa", "Simona", "Monica", "Cristina", "Barbara", "Giorgia",
        "Serena", "Ilaria", "Marta", "Veronica", "Claudia", "Beatrice", "Alice", "Sofia", "Aurora", "Maria",
        "Rosa", "Lucia", "Teresa", "Daniela", "Patrizia", "Manuela", "Irene", "Noemi", "Ludovica", "Fatima",
    ];

    public static readonly string[] FamilyNames =
    [
        "Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci", "Marino", "Greco",
        "Bruno", "Gallo", "Conti", "De Luca", "Mancini", "Costa", "Giordano", "Rizzo", "Lombardi", "Moretti",
        "Barbieri", "Fontana", "Santoro", "Mariani", "Rinaldi", "Caruso", "Ferrara", "Galli", "Martini", "Leone",
        "Longo", "Gentile", "Martinelli", "Vitale", "Lombardo", "Serra", "Coppola", "De Santis", "D'Angelo", "Marchetti",
        "Parisi", "Villa", "Conte", "Ferri", "Fabbri", "Bianco", "Marini", "Grasso", "Valentini", "Messina",
        "Sala", "De Angelis", "Gatti", "Pellegrini", "Palumbo", "Sanna", "Farina", "Rizzi", "Monti", "Cattaneo",
        "Morelli", "Amato", "Silvestri", "Mazza", "Testa", "Grassi", "Pellegrino", "Carbone", "Giuliani", "Benedetti",
        "Barone", "Rossetti", "Caputo", "Montanari", "Guerra", "Palmieri", "Bernardi", "Martino", "Fiore", "De Rosa",
        "Ferraro", "Bellini", "Basile", "Riva", "Donati", "Piras", "Vitali", "Battaglia", "Sartori", "Neri",
        "Costantini", "Milani", "Pagano", "Ruggiero", "Sorrentino", "D'Amico", "Orlando", "Damico", "Negri", "Brambilla",
    ];

    public sealed record Town(string Name, string Province, string PostalCode, string Cadastral, double Latitude, double Longitude, int Weight);

    /// Lombard towns with their cadastral (Belfiore) codes; Milan weighs most, as it does in the region.
    public static readonly Town[] Towns =
    [
        new("Milano", "MI", "20100", "F205", 45.4642, 9.1900, 30),
        new("Brescia", "BS", "25121", "B157", 45.5416, 10.2118, 5),
        new("Bergamo", "BG", "24121", "A794", 45.6983, 9.6773, 5),
        new("Monza", "MB", "20900", "F704", 45.5845, 9.2744, 4),
        new("Como", "CO", "22100", "C933", 45.8081, 9.0852, 3),
        new("Varese", "VA", "21100", "L682", 45.8206, 8.8251, 3),
        new("Pavia", "PV", "27100", "G388", 45.1847, 9.1582, 3),
        new("Cremona", "CR", "26100", "D150", 45.1332, 10.0227, 2),
        new("Mantova", "MN", "46100", "E897", 45.1564, 10.7914, 2),
        new("Lecco", "LC", "23900", "E507", 45.8566, 9.3977, 2),
        new("Lodi", "LO", "26900", "E648", 45.3142, 9.5034, 2),
        new("Sondrio", "SO", "23100", "I829", 46.1699, 9.8715, 1),
        new("Cinisello Balsamo", "MI", "20092", "C707", 45.5582, 9.2147, 2),
        new("Sesto San Giovanni", "MI", "20099", "I690", 45.5331, 9.2339, 2),
        new("Legnano", "MI", "20025", "E514", 45.5953, 8.9146, 2),
        new("Busto Arsizio", "VA", "21052", "B300", 45.6119, 8.8518, 2),
        new("Gallarate", "VA", "21013", "D869", 45.6600, 8.7916, 1),
        new("Rho", "MI", "20017", "H264", 45.5312, 9.0402, 1),
        new("Vigevano", "PV", "27029", "L872", 45.3167, 8.8564, 1),
        new("Cologno Monzese", "MI", "20093", "C895", 45.5286, 9.2764, 1),
        new("Crema", "CR", "26013", "D142", 45.3643, 9.6857, 1),
        new("Seregno", "MB", "20831", "I625", 45.6502, 9.2056, 1),
        new("Saronno", "VA", "21047", "I441", 45.6255, 9.0370, 1),
        new("Treviglio", "BG", "24047", "L400", 45.5210, 9.5934, 1),
        new("Voghera", "PV", "27058", "M109", 44.9925, 9.0094, 1),
    ];

    public static readonly string[] Streets =
    [
        "Via Roma", "Via Garibaldi", "Via Mazzini", "Corso Italia", "Via Dante", "Via Manzoni", "Via Verdi", "Viale Monza",
        "Via Cavour", "Piazza della Repubblica", "Via XX Settembre", "Via Volta", "Via Marconi", "Via Matteotti", "Via Gramsci",
        "Via dei Mille", "Via San Francesco", "Via Leopardi", "Viale Lombardia", "Via Pascoli", "Via Carducci", "Via Diaz",
    ];

    private static readonly int TotalWeight = Towns.Sum(t => t.Weight);

    public static Town PickTown(Random random)
    {
        var n = random.Next(TotalWeight);
        foreach (var town in Towns)
        {
            n -= town.Weight;
            if (n < 0)
            {
                return town;
            }
        }

        return Towns[0];
    }

    public static string Address(Random random, Town town) =>
        string.Create(CultureInfo.InvariantCulture, $"{Streets[random.Next(Streets.Length)]} {random.Next(1, 180)}, {town.PostalCode} {town.Name} ({town.Province})");

    /// A fiscal code by the algorithm of DM 23/12/1976: surname, name, birth, town, check letter.
    public static string FiscalCodeOf(string familyName, string givenName, DateOnly birth, PersonSex sex, string cadastral)
    {
        const string Months = "ABCDEHLMPRST";
        var day = birth.Day + (sex == PersonSex.Female ? 40 : 0);
        var first15 = string.Create(CultureInfo.InvariantCulture,
            $"{Letters(familyName, isGivenName: false)}{Letters(givenName, isGivenName: true)}{birth.Year % 100:00}{Months[birth.Month - 1]}{day:00}{cadastral}");
        return first15 + FiscalCode.CheckCharacter(first15);
    }

    private static string Letters(string name, bool isGivenName)
    {
        var letters = name.ToUpperInvariant().Where(char.IsAsciiLetterUpper).ToArray();
        var consonants = letters.Where(c => !"AEIOU".Contains(c)).ToList();
        var vowels = letters.Where(c => "AEIOU".Contains(c));
        if (isGivenName && consonants.Count >= 4)
        {
            return $"{consonants[0]}{consonants[2]}{consonants[3]}";
        }

        return new string(consonants.Concat(vowels).Concat("XXX").Take(3).ToArray());
    }
}
