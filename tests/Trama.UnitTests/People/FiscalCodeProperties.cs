using CsCheck;
using Trama.Web.Features.People;

namespace Trama.UnitTests.People;

/// The codice fiscale rules over generated codes, not only the published examples.
public sealed class FiscalCodeProperties
{
    private const string MonthLetters = "ABCDEHLMPRST";
    private const string Omocodia = "LMNPQRSTUV";
    private static readonly int[] OmocodiaPositions = [6, 7, 9, 10, 12, 13, 14];

    private static readonly string[] KnownErrors = ["FiscalCode.Format", "FiscalCode.CheckCharacter", "FiscalCode.BirthDateMismatch", "FiscalCode.SexMismatch"];

    private static readonly Gen<char> Letter = Gen.Char['A', 'Z'];

    /// A person's code as the Agenzia delle Entrate builds it: surname and name letters, birth
    /// date (day + 40 for women), place code, check character.
    private static readonly Gen<(string Code, DateOnly Born, PersonSex Sex)> Person =
        Gen.Select(Letter.Array[6], Gen.DateOnly[new DateOnly(1920, 1, 1), new DateOnly(2025, 12, 31)], Gen.Enum<PersonSex>(), Letter, Gen.Int[0, 999])
            .Select((letters, born, sex, placeLetter, placeNumber) =>
            {
                var day = born.Day + (sex == PersonSex.Female ? 40 : 0);
                var body = $"{new string(letters)}{born.Year % 100:00}{MonthLetters[born.Month - 1]}{day:00}{placeLetter}{placeNumber:000}";
                return (body + FiscalCode.CheckCharacter(body), born, sex);
            });

    [Fact]
    public void EveryWellFormedCode_IsValid_AndAgreesWithItsBirthDateAndSex() =>
        Person.Sample((code, born, sex) =>
        {
            var check = FiscalCode.Check(code, born, sex);
            Assert.True(check.IsValid, $"{code}: {check.ErrorKey}");
            Assert.Equal(FiscalCodeKind.Personal, check.Kind);
        }, iter: 2000);

    [Fact]
    public void ASurnameGivingSTP_IsAPersonalCode_NotAForeignersOne()
    {
        // Found by EveryWellFormedCode_IsValid: Stoppa gives STP, like the code of a foreigner without a permit.
        const string Body = "STPLIF66P12S205";
        var check = FiscalCode.Check(Body + FiscalCode.CheckCharacter(Body), new DateOnly(1966, 9, 12), PersonSex.Male);
        Assert.Equal(FiscalCodeKind.Personal, check.Kind);
    }

    [Fact]
    public void AnyOtherCheckCharacter_IsRefused() =>
        Gen.Select(Person, Letter).Sample((person, wrong) =>
        {
            var (code, _, _) = person;
            var altered = code[..15] + wrong;
            Assert.Equal(wrong == code[15], FiscalCode.Check(altered).IsValid);
        }, iter: 2000);

    [Fact]
    public void AnOmocodiaSubstitution_WithItsNewCheckCharacter_StaysTheSamePerson() =>
        Gen.Select(Person, Gen.Int[0, OmocodiaPositions.Length - 1]).Sample((person, which) =>
        {
            var (code, born, sex) = person;
            var chars = code[..15].ToCharArray();
            var position = OmocodiaPositions[which];
            chars[position] = Omocodia[chars[position] - '0'];
            var body = new string(chars);
            var check = FiscalCode.Check(body + FiscalCode.CheckCharacter(body), born, sex);
            Assert.True(check.IsValid, $"{body}: {check.ErrorKey}");
        }, iter: 1000);

    [Fact]
    public void TheOppositeSex_IsAMismatch() =>
        Person.Sample((code, born, sex) =>
            Assert.Equal("FiscalCode.SexMismatch", FiscalCode.Check(code, born, sex == PersonSex.Female ? PersonSex.Male : PersonSex.Female).ErrorKey), iter: 500);

    [Fact]
    public void SpacesAndLowerCase_DoNotChangeTheOutcome() =>
        Person.Sample((code, born, sex) =>
        {
            var typed = $" {code[..6].ToLowerInvariant()} {code[6..11]} {code[11..].ToLowerInvariant()} ";
            Assert.Equal(FiscalCode.Check(code, born, sex), FiscalCode.Check(typed, born, sex));
        }, iter: 500);

    [Fact]
    public void AnyTypedText_GetsAnOutcome_NeverAnException() =>
        Gen.String[Gen.Char, 0, 24].Sample(text =>
        {
            var check = FiscalCode.Check(text);
            Assert.True(check.IsValid || KnownErrors.Contains(check.ErrorKey), check.ErrorKey);
        }, iter: 5000);

    [Fact]
    public void AnyCodeShapedText_GetsAnOutcome_NeverAnException() =>
        Gen.String[Gen.Char["ABCDEHLMPRSTUVXYZ0123456789"], 11, 16].Sample(text =>
        {
            var check = FiscalCode.Check(text, new DateOnly(1980, 1, 1), PersonSex.Female);
            Assert.True(check.IsValid || KnownErrors.Contains(check.ErrorKey), check.ErrorKey);
        }, iter: 5000);
}
