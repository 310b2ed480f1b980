using Trama.Web.Features.Budget;

namespace Trama.UnitTests.Budget;

public sealed class MoneyTests
{
    [Theory]
    [InlineData("1.234,56", 123456)]
    [InlineData("1234,5", 123450)]
    [InlineData("€ 12", 1200)]
    [InlineData("0,01", 1)]
    [InlineData(" 250 ", 25000)]
    [InlineData("-5,00", -500)]
    public void ParseCents_ItalianAmounts_AreExact(string text, long cents) => Assert.Equal(cents, Money.ParseCents(text));

    [Theory]
    [InlineData("12,345")]
    [InlineData("dodici")]
    [InlineData("")]
    [InlineData(null)]
    public void ParseCents_NotAnAmountWithTwoDecimals_IsNull(string? text) => Assert.Null(Money.ParseCents(text));

    [Fact]
    public void Format_UsesItalianSeparatorsAndTheEuroSign() => Assert.Equal("1.234,56 €", Money.Format(123456));

    [Fact]
    public void Input_RoundTripsThroughParse() => Assert.Equal(987654321L, Money.ParseCents(Money.Input(987654321)));
}
