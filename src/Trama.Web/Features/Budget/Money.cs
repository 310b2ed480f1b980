using System.Globalization;

namespace Trama.Web.Features.Budget;

/// Euro amounts as whole cents: exact in both engines (SQLite cannot sum decimals in SQL) and
/// never floating point. Parsed and shown the Italian way: 1.234,56 €.
public static class Money
{
    private static readonly CultureInfo Italian = CultureInfo.GetCultureInfo("it-IT");

    /// Beyond any budget: a hundred million euros.
    private const decimal MaxEuros = 100_000_000m;

    /// Parses what a person types ("1.234,56", "1234,5", "€ 12") into cents; null when it is not
    /// an amount with at most two decimals.
    public static long? ParseCents(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var cleaned = text.Replace("€", string.Empty, StringComparison.Ordinal).Replace(" ", string.Empty, StringComparison.Ordinal).Trim();
        if (!decimal.TryParse(cleaned, NumberStyles.AllowDecimalPoint | NumberStyles.AllowThousands | NumberStyles.AllowLeadingSign, Italian, out var value))
        {
            return null;
        }

        return FromEuros(value);
    }

    /// An amount sent as a JSON number, in cents; null when it has more than two decimals or is
    /// beyond any budget. The sign is the caller's to judge.
    public static long? FromEuros(decimal euros)
    {
        // Checked before multiplying: a typed 29-digit number would overflow a decimal.
        if (Math.Abs(euros) > MaxEuros)
        {
            return null;
        }

        var cents = euros * 100;
        return cents == decimal.Truncate(cents) ? (long)cents : null;
    }

    public static string Format(long cents) => (cents / 100m).ToString("C2", Italian);

    /// The value typed back into a form field: no currency sign, Italian separators.
    public static string Input(long cents) => (cents / 100m).ToString("#,##0.00", Italian);
}
