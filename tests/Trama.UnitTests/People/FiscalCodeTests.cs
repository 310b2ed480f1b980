using Trama.Web.Features.People;

namespace Trama.UnitTests.People;

public sealed class FiscalCodeTests
{
    // The Agenzia delle Entrate's own example: Mario Rossi, born 10/12/1985 in San Giuliano Terme.
    private const string MarioRossi = "RSSMRA85T10A562S";

    [Fact]
    public void CheckCharacter_OfThePublishedExample_IsS() => Assert.Equal('S', FiscalCode.CheckCharacter(MarioRossi));

    [Fact]
    public void Check_PublishedExample_IsAValidPersonalCode()
    {
        var check = FiscalCode.Check(MarioRossi, new DateOnly(1985, 12, 10), PersonSex.Male);
        Assert.True(check.IsValid);
        Assert.Equal(FiscalCodeKind.Personal, check.Kind);
    }

    [Fact]
    public void Check_LowerCaseWithSpaces_IsNormalised()
    {
        var check = FiscalCode.Check(" rssmra 85t10 a562s ");
        Assert.True(check.IsValid);
        Assert.Equal(MarioRossi, check.Normalised);
    }

    [Fact]
    public void Check_WrongCheckCharacter_IsExplained() =>
        Assert.Equal("FiscalCode.CheckCharacter", FiscalCode.Check("RSSMRA85T10A562T").ErrorKey);

    [Theory]
    [InlineData("RSSMRA85T10A562")]
    [InlineData("RSSMRA8XT10A562S")]
    [InlineData("1234567890ABCDEF")]
    [InlineData("")]
    public void Check_Malformed_IsAFormatError(string code) => Assert.Equal("FiscalCode.Format", FiscalCode.Check(code).ErrorKey);

    [Fact]
    public void Check_BirthDateThatDisagrees_IsRefused() =>
        Assert.Equal("FiscalCode.BirthDateMismatch", FiscalCode.Check(MarioRossi, new DateOnly(1985, 12, 11)).ErrorKey);

    [Fact]
    public void Check_SexThatDisagrees_IsRefused() =>
        Assert.Equal("FiscalCode.SexMismatch", FiscalCode.Check(MarioRossi, sex: PersonSex.Female).ErrorKey);

    [Fact]
    public void Check_WomanBornOnThe5th_HasDay45()
    {
        var body = "BNCLCU90A45F205";
        var code = body + FiscalCode.CheckCharacter(body);
        Assert.True(FiscalCode.Check(code, new DateOnly(1990, 1, 5), PersonSex.Female).IsValid);
    }

    [Fact]
    public void Check_OmocodeVariant_IsValidAndKeepsTheBirthDate()
    {
        // Omocodia: the last digit of the place code (2) becomes N when two people would share a code.
        var body = "RSSMRA85T10A56N";
        var code = body + FiscalCode.CheckCharacter(body);
        Assert.True(FiscalCode.Check(code, new DateOnly(1985, 12, 10), PersonSex.Male).IsValid);
    }

    [Fact]
    public void Check_ElevenDigitProvisionalCode_UsesItsOwnCheckDigit()
    {
        Assert.Equal(FiscalCodeKind.Provisional, FiscalCode.Check("12345678903").Kind);
        Assert.Equal("FiscalCode.CheckCharacter", FiscalCode.Check("12345678904").ErrorKey);
    }

    [Theory]
    [InlineData("STP0301200000001", FiscalCodeKind.Stp)]
    [InlineData("ENI0301200000001", FiscalCodeKind.Eni)]
    public void Check_StpAndEniCodes_AreAccepted(string code, FiscalCodeKind kind) => Assert.Equal(kind, FiscalCode.Check(code).Kind);

    [Fact]
    public void Check_ImpossibleMonthLetter_IsAFormatError()
    {
        var body = "RSSMRA85Z10A562";
        Assert.Equal("FiscalCode.Format", FiscalCode.Check(body + FiscalCode.CheckCharacter(body)).ErrorKey);
    }
}
