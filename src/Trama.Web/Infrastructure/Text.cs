using System.Globalization;
using System.Text;

namespace Trama.Web.Infrastructure;

/// Small text rules shared by search and matching.
public static class Text
{
    /// Capitals, no accents, single spaces: "perché  Niccolò" and "PERCHE NICCOLO" compare equal
    /// on both engines, whatever their collation.
    public static string Fold(string? text)
    {
        var decomposed = (text ?? string.Empty).Normalize(NormalizationForm.FormD);
        var letters = decomposed.Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark);
        return string.Join(' ', new string(letters.ToArray()).ToUpperInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    // Listing the cultures asks ICU for every one of them: a directory page with twenty results
    // spent a third of its time there before the list was kept.
    private static readonly Lazy<Dictionary<string, CultureInfo>> NeutralCultures = new(() =>
        CultureInfo.GetCultures(CultureTypes.NeutralCultures).GroupBy(c => c.TwoLetterISOLanguageName, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal));

    /// A language's name from its ISO 639-1 code: in English for data exchange, or in the
    /// reader's language for pages.
    public static string LanguageName(string code, bool english = false)
    {
        var culture = NeutralCultures.Value.GetValueOrDefault(code);
        return culture is null ? code : english ? culture.EnglishName : CultureInfo.CurrentUICulture.TextInfo.ToTitleCase(culture.DisplayName);
    }
}
