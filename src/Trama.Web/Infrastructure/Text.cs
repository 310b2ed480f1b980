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

    /// A language's name from its ISO 639-1 code: in English for data exchange, or in the
    /// reader's language for pages.
    public static string LanguageName(string code, bool english = false)
    {
        var culture = CultureInfo.GetCultures(CultureTypes.NeutralCultures).FirstOrDefault(c => c.TwoLetterISOLanguageName == code);
        return culture is null ? code : english ? culture.EnglishName : CultureInfo.CurrentUICulture.TextInfo.ToTitleCase(culture.DisplayName);
    }
}
