namespace Trama.Web.Features.People;

public enum FiscalCodeKind
{
    /// The 16-character personal code.
    Personal,

    /// An 11-digit provisional code given before the personal one.
    Provisional,

    /// STP: a foreign national without a residence permit (Straniero Temporaneamente Presente).
    Stp,

    /// ENI: an EU citizen without health coverage (Europeo Non Iscritto).
    Eni,
}

public enum PersonSex
{
    Female,
    Male,
}

/// The outcome of checking a code: valid with its kind, or the string-table key of what is wrong.
public sealed record FiscalCodeCheck(string Normalised, FiscalCodeKind? Kind, string? ErrorKey)
{
    public bool IsValid => ErrorKey is null;
}

/// Codice fiscale rules: format, check character (with omocodia substitutions), and agreement
/// with the birth date and sex when those are known. STP/ENI and provisional codes are accepted.
public static class FiscalCode
{
    private const string MonthLetters = "ABCDEHLMPRST";
    private const string OmocodiaLetters = "LMNPQRSTUV";
    private static readonly int[] OmocodiaPositions = [6, 7, 9, 10, 12, 13, 14];
    private static readonly int[] OddDigitValues = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21];
    private static readonly int[] OddLetterValues = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];

    public static string Normalise(string code) =>
        new(code.Where(c => !char.IsWhiteSpace(c)).Select(char.ToUpperInvariant).ToArray());

    public static FiscalCodeCheck Check(string code, DateOnly? birthDate = null, PersonSex? sex = null)
    {
        var c = Normalise(code);
        // A surname like Stoppa also gives a personal code starting with STP: only the digits tell them apart.
        if (c.Length == 16 && (c.StartsWith("STP", StringComparison.Ordinal) || c.StartsWith("ENI", StringComparison.Ordinal)) && c.Skip(3).All(char.IsAsciiDigit))
        {
            return new(c, c[0] == 'S' ? FiscalCodeKind.Stp : FiscalCodeKind.Eni, null);
        }

        if (c.Length == 11)
        {
            if (!c.All(char.IsAsciiDigit))
            {
                return new(c, null, "FiscalCode.Format");
            }

            return ProvisionalCheckDigit(c) == c[10] - '0' ? new(c, FiscalCodeKind.Provisional, null) : new(c, null, "FiscalCode.CheckCharacter");
        }

        if (c.Length != 16 || !HasPersonalShape(c))
        {
            return new(c, null, "FiscalCode.Format");
        }

        if (CheckCharacter(c) != c[15])
        {
            return new(c, null, "FiscalCode.CheckCharacter");
        }

        var decoded = Decode(c);
        if (decoded is null)
        {
            return new(c, null, "FiscalCode.Format");
        }

        var (yearOfCentury, month, day, isFemale) = decoded.Value;
        if (birthDate is { } born && (born.Year % 100 != yearOfCentury || born.Month != month || born.Day != day))
        {
            return new(c, null, "FiscalCode.BirthDateMismatch");
        }

        if (sex is { } s && (s == PersonSex.Female) != isFemale)
        {
            return new(c, null, "FiscalCode.SexMismatch");
        }

        return new(c, FiscalCodeKind.Personal, null);
    }

    /// The 16th character computed from the first 15 (Ministerial Decree 23/12/1976).
    public static char CheckCharacter(string code)
    {
        var sum = 0;
        for (var i = 0; i < 15; i++)
        {
            var ch = code[i];
            var odd = i % 2 == 0;
            sum += char.IsAsciiDigit(ch)
                ? (odd ? OddDigitValues[ch - '0'] : ch - '0')
                : (odd ? OddLetterValues[ch - 'A'] : ch - 'A');
        }

        return (char)('A' + (sum % 26));
    }

    private static bool HasPersonalShape(string c)
    {
        for (var i = 0; i < 16; i++)
        {
            var ch = c[i];
            var ok = i switch
            {
                < 6 or 8 or 11 or 15 => char.IsAsciiLetterUpper(ch),
                _ when OmocodiaPositions.Contains(i) => char.IsAsciiDigit(ch) || OmocodiaLetters.Contains(ch, StringComparison.Ordinal),
                _ => false,
            };
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    private static (int YearOfCentury, int Month, int Day, bool IsFemale)? Decode(string c)
    {
        var digits = c.ToCharArray();
        foreach (var i in OmocodiaPositions)
        {
            var at = OmocodiaLetters.IndexOf(digits[i], StringComparison.Ordinal);
            if (at >= 0)
            {
                digits[i] = (char)('0' + at);
            }
        }

        var year = ((digits[6] - '0') * 10) + (digits[7] - '0');
        var month = MonthLetters.IndexOf(digits[8], StringComparison.Ordinal) + 1;
        var dayCode = ((digits[9] - '0') * 10) + (digits[10] - '0');
        var isFemale = dayCode > 40;
        var day = isFemale ? dayCode - 40 : dayCode;
        return month == 0 || day is < 1 or > 31 ? null : (year, month, day, isFemale);
    }

    private static int ProvisionalCheckDigit(string c)
    {
        var sum = 0;
        for (var i = 0; i < 10; i++)
        {
            var d = c[i] - '0';
            if (i % 2 == 1)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
        }

        return (10 - (sum % 10)) % 10;
    }
}
