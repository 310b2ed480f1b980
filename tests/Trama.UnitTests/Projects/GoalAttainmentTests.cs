using Trama.Web.Features.Projects;

namespace Trama.UnitTests.Projects;

public sealed class GoalAttainmentTests
{
    [Fact]
    public void TScore_AllGoalsAtExpectedLevel_Is50() =>
        Assert.Equal(50, GoalAttainment.TScore([new(0, 1), new(0, 2), new(0, 1)]));

    [Fact]
    public void TScore_OneGoalMuchLess_Is30()
    {
        // 50 + 10·(−2) / √(0.7·1 + 0.3·1) = 50 − 20
        Assert.Equal(30, GoalAttainment.TScore([new(-2, 1)])!.Value, precision: 6);
    }

    [Fact]
    public void TScore_ThreeEqualGoalsOneAboveExpected_MatchesHandCalculation()
    {
        // 50 + 10·3 / √(0.7·3 + 0.3·9) = 50 + 30 / √4.8 = 63.6931
        Assert.Equal(63.6931, GoalAttainment.TScore([new(1, 1), new(1, 1), new(1, 1)])!.Value, precision: 4);
    }

    [Fact]
    public void TScore_WeightedGoals_MatchesHandCalculation()
    {
        // Σwx = 2·1 + 1·(−1) = 1; Σw² = 5; (Σw)² = 9 → 50 + 10 / √(3.5 + 2.7) = 50 + 10/√6.2 = 54.0161
        Assert.Equal(54.0161, GoalAttainment.TScore([new(1, 2), new(-1, 1)])!.Value, precision: 4);
    }

    [Fact]
    public void TScore_NoGoals_IsUndefined() => Assert.Null(GoalAttainment.TScore([]));

    [Fact]
    public void TScore_LevelOutsideScale_IsRejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => GoalAttainment.TScore([new(3, 1)]));
}
