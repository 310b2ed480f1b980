using System.Globalization;
using CsCheck;
using Trama.Web.Features.ServiceDirectory.Manage;

namespace Trama.UnitTests.ServiceDirectory;

/// The import's readers under random input: they never throw, and what a well-formed file says
/// comes back exactly, whatever quotes, separators and accents its text holds.
public sealed class DirectoryFileProperties
{
    private static readonly DateOnly Today = new(2026, 11, 24);

    /// Text with the characters that break naive CSV: separators, quotes, line breaks, accents.
    private static readonly Gen<string> Words = Gen.String[Gen.Char["abcdefghijklmnopqrstuvwxyz ;,\"è\n"], 1, 40]
        .Select(s => s.Trim()).Where(s => s.Length > 0);

    private static readonly Gen<(DayOfWeek Day, TimeOnly Opens, TimeOnly Closes)> Range =
        Gen.Select(Gen.Int[1, 5], Gen.Int[6, 11], Gen.Int[1, 8], (day, opens, length) => ((DayOfWeek)day, new TimeOnly(opens, 0), new TimeOnly(opens + length, 30)));

    private static string Quote(string field) =>
        field.IndexOfAny([';', ',', '"', '\n']) >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;

    private static string Hours(IEnumerable<(DayOfWeek Day, TimeOnly Opens, TimeOnly Closes)> hours)
    {
        string[] days = ["Do", "Lu", "Ma", "Me", "Gi", "Ve", "Sa"];
        return string.Join("; ", hours.Select(h => $"{days[(int)h.Day]} {h.Opens:HH\\:mm}-{h.Closes:HH\\:mm}"));
    }

    [Fact]
    public void AnyText_IsReadWithoutThrowing_AndEveryProblemNamesARow() =>
        Gen.String.Sample(text =>
        {
            var batch = DirectoryFile.Read("file.csv", text, Today);
            Assert.All(batch.Problems, p => Assert.True(p.Row >= 1));
            var json = DirectoryFile.Read("file.json", "[" + text + "]", Today);
            Assert.All(json.Problems, p => Assert.True(p.Row >= 1));
        }, iter: 3000);

    [Fact]
    public void AWellFormedCsvLine_ComesBackExactly() =>
        Gen.Select(Words, Words, Words, Gen.Double[35.5, 47.0], Gen.Double[6.7, 18.4], Range.Array[1, 4])
            .Sample((organisation, name, description, latitude, longitude, hours) =>
            {
                var distinct = hours.DistinctBy(h => h.Day).ToArray();
                var lat = Math.Round(latitude, 5);
                var lon = Math.Round(longitude, 5);
                string[] fields =
                [
                    organisation, "", name, description, "culture", "it,en", "", "", "", "sì", "", "", "", "", "01/11/2026",
                    "Sede", "Via Roma 1", "20092", "Cinisello Balsamo", "MI", lat.ToString("0.#####", CultureInfo.GetCultureInfo("it-IT")), lon.ToString(CultureInfo.InvariantCulture), Hours(distinct),
                ];
                var text = string.Join(';', DirectoryFile.CsvColumns) + "\r\n" + string.Join(';', fields.Select(Quote)) + "\r\n";
                var batch = DirectoryFile.ReadCsv(text, Today);
                Assert.Empty(batch.Problems);
                var service = Assert.Single(batch.Services);
                Assert.Equal((organisation, name, description), (service.Organisation, service.Name, service.Description));
                var place = Assert.Single(service.Places);
                Assert.Equal((lat, lon), (place.Latitude, place.Longitude));
                Assert.Equal(distinct.OrderBy(h => h.Day), place.Hours.OrderBy(h => h.Day));
            }, iter: 500);

    [Fact]
    public void ClosuresText_NeverThrows_AndFormattedClosuresReadBack()
    {
        Gen.String.Sample(text => Schedule.ParseClosures(text), iter: 3000);
        Gen.Select(Gen.Int[0, 700], Gen.Int[0, 30], Words.Where(w => !w.Contains('\n', StringComparison.Ordinal)))
            .Sample((start, length, reason) =>
            {
                var from = Today.AddDays(start);
                List<(DateOnly, DateOnly, string)> closures = [(from, from.AddDays(length), reason.Length > 200 ? reason[..200].Trim() : reason)];
                var (parsed, errors) = Schedule.ParseClosures(Schedule.FormatClosures(closures));
                Assert.Empty(errors);
                Assert.Equal(closures, parsed);
            }, iter: 1000);
    }
}
