namespace Trama.Web.Features.Projects;

public sealed record GoalScore(int Level, int Weight);

/// Goal Attainment Scaling summary score (Kiresuk & Sherman, 1968):
/// T = 50 + 10·Σwᵢxᵢ / √((1−ρ)·Σwᵢ² + ρ·(Σwᵢ)²), with ρ = 0.3 the assumed correlation between goals.
public static class GoalAttainment
{
    public const double Rho = 0.3;

    public static double? TScore(IReadOnlyCollection<GoalScore> scores)
    {
        if (scores.Count == 0)
        {
            return null;
        }

        foreach (var s in scores)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(s.Level, -2);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(s.Level, 2);
            ArgumentOutOfRangeException.ThrowIfLessThan(s.Weight, 1);
        }

        double weighted = scores.Sum(s => s.Weight * s.Level);
        double squares = scores.Sum(s => s.Weight * s.Weight);
        double total = scores.Sum(s => s.Weight);
        return 50 + (10 * weighted / Math.Sqrt(((1 - Rho) * squares) + (Rho * total * total)));
    }
}
