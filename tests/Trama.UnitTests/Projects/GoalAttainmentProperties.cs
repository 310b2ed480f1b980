using CsCheck;
using Trama.Web.Features.Projects;

namespace Trama.UnitTests.Projects;

/// The Kiresuk–Sherman T-score over generated reviews: the shape of the formula, whatever the goals.
public sealed class GoalAttainmentProperties
{
    private static readonly Gen<GoalScore[]> Review = Gen.Select(Gen.Int[-2, 2], Gen.Int[1, 3], (level, weight) => new GoalScore(level, weight)).Array[1, 10];

    [Fact]
    public void EveryGoalAsExpected_Is50() =>
        Review.Sample(scores => Assert.Equal(50, GoalAttainment.TScore(scores.Select(s => s with { Level = 0 }).ToArray())!.Value, 9), iter: 1000);

    [Fact]
    public void DoingBetterOnOneGoal_RaisesTheScore() =>
        Gen.Select(Review, Gen.Int[0, 9]).Sample((scores, pick) =>
        {
            var i = pick % scores.Length;
            if (scores[i].Level == 2)
            {
                return;
            }

            var better = scores.ToArray();
            better[i] = better[i] with { Level = better[i].Level + 1 };
            Assert.True(GoalAttainment.TScore(better) > GoalAttainment.TScore(scores));
        }, iter: 2000);

    [Fact]
    public void TheOrderOfTheGoals_DoesNotMatter() =>
        Review.Sample(scores => Assert.Equal(GoalAttainment.TScore(scores)!.Value, GoalAttainment.TScore(scores.Reverse().ToArray())!.Value, 9), iter: 1000);

    [Fact]
    public void MirroredLevels_AreMirroredAround50() =>
        Review.Sample(scores =>
        {
            var mirrored = scores.Select(s => s with { Level = -s.Level }).ToArray();
            Assert.Equal(100, GoalAttainment.TScore(scores)!.Value + GoalAttainment.TScore(mirrored)!.Value, 9);
        }, iter: 1000);

    [Fact]
    public void TheScore_StaysWithinTheRangeOfAllMuchLessAndAllMuchMore() =>
        Review.Sample(scores =>
        {
            var t = GoalAttainment.TScore(scores)!.Value;
            Assert.InRange(t, GoalAttainment.TScore(scores.Select(s => s with { Level = -2 }).ToArray())!.Value - 1e-9, GoalAttainment.TScore(scores.Select(s => s with { Level = 2 }).ToArray())!.Value + 1e-9);
        }, iter: 1000);
}
