using System.Globalization;
using Trama.Web.Infrastructure;

namespace Trama.UnitTests.Infrastructure;

public sealed class SmallNumbersTests
{
    public SmallNumbersTests() => CultureInfo.CurrentCulture = Trama.Web.Infrastructure.Localisation.Italian;

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public void Suppress_CountBelowThreshold_ShowsLessThanThreshold(int count) =>
        Assert.Equal("< 5", SmallNumbers.Suppress(count));

    [Fact]
    public void Suppress_Zero_ShowsZero() => Assert.Equal("0", SmallNumbers.Suppress(0));

    [Fact]
    public void Suppress_AtThreshold_ShowsTheCount() => Assert.Equal("5", SmallNumbers.Suppress(5));

    [Fact]
    public void Suppress_LargeCount_UsesItalianGrouping() => Assert.Equal("12.345", SmallNumbers.Suppress(12_345));

    [Fact]
    public void Suppress_NegativeCount_IsRejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => SmallNumbers.Suppress(-1));

    [Fact]
    public void Suppress_CustomThreshold_IsHonoured() => Assert.Equal("< 10", SmallNumbers.Suppress(9, threshold: 10));
}
