using System.Globalization;
using CsCheck;
using Trama.Web.Features.Budget;

namespace Trama.UnitTests.Budget;

/// Euro amounts over generated values: what the app shows, it reads back to the cent.
public sealed class MoneyProperties
{
    private static readonly Gen<long> Cents = Gen.Long[-10_000_000_000, 10_000_000_000];

    [Fact]
    public void WhatAFormShows_ParsesBackToTheSameCents() =>
        Cents.Sample(cents => Assert.Equal(cents, Money.ParseCents(Money.Input(cents))), iter: 5000);

    [Fact]
    public void WhatAPageShows_WithTheEuroSign_ParsesBackToTheSameCents() =>
        Cents.Sample(cents => Assert.Equal(cents, Money.ParseCents(Money.Format(cents).Replace('\u00A0', ' '))), iter: 2000);

    [Fact]
    public void AJsonAmountWithTwoDecimals_IsExactInCents_AndAThirdDecimalIsRefused() =>
        Gen.Select(Gen.Long[-1_000_000_000, 1_000_000_000], Gen.Int[1, 9]).Sample((cents, thousandth) =>
        {
            Assert.Equal(cents, Money.FromEuros(cents / 100m));
            Assert.Null(Money.FromEuros((cents / 100m) + (thousandth / 1000m)));
        }, iter: 5000);

    [Fact]
    public void AnyTypedText_IsAnAmountOrNothing_NeverAnException() =>
        Gen.String[Gen.Char["0123456789.,-+€ eE"], 0, 40].Sample(text => _ = Money.ParseCents(text), iter: 10_000);

    [Theory]
    [InlineData("79.228.162.514.264.337.593.543.950.335")]
    [InlineData("-79228162514264337593543950335")]
    [InlineData("792281625142643375935439503,35")]
    public void AnAmountBeyondAnyBudget_IsNothing_NotAnOverflow(string text) => Assert.Null(Money.ParseCents(text));

    [Fact]
    public void AnyDecimal_TypedOut_IsAnAmountOrNothing_NeverAnException() =>
        Gen.Decimal.Sample(value => _ = Money.ParseCents(value.ToString(CultureInfo.GetCultureInfo("it-IT"))), iter: 5000);
}
