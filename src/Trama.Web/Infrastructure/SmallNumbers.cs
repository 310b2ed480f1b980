using System.Globalization;

namespace Trama.Web.Infrastructure;

/// Counts shown to people outside the care team (funders, public reports) hide small groups that
/// could identify someone: 1 to threshold-1 become "< threshold".
public static class SmallNumbers
{
    public const int DefaultThreshold = 5;

    public static string Suppress(int count, int threshold = DefaultThreshold)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfLessThan(threshold, 2);
        return count > 0 && count < threshold
            ? $"< {threshold.ToString(CultureInfo.CurrentCulture)}"
            : count.ToString("N0", CultureInfo.CurrentCulture);
    }
}
