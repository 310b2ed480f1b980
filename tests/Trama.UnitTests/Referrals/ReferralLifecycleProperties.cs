using CsCheck;
using Trama.Web.Features.Referrals;

namespace Trama.UnitTests.Referrals;

/// Random walks through a referral's life, either side moving: the loop's rules hold on every path.
public sealed class ReferralLifecycleProperties
{
    private static readonly Gen<(int Side, int Choice)[]> Steps = Gen.Select(Gen.Int[0, 1], Gen.Int[0, 99]).Array[0, 12];

    private static List<(ReferralState From, ReferralAction Action, ReferralSide Side, ReferralState To)> Walk((int Side, int Choice)[] steps)
    {
        var state = ReferralState.Requested;
        var path = new List<(ReferralState, ReferralAction, ReferralSide, ReferralState)>();
        foreach (var (s, choice) in steps)
        {
            var side = (ReferralSide)s;
            var available = ReferralLifecycle.Available(state, side).ToList();
            if (available.Count == 0)
            {
                continue;
            }

            var action = available[choice % available.Count];
            var next = ReferralLifecycle.Next(state, action)!.Value;
            path.Add((state, action, side, next));
            state = next;
        }

        return path;
    }

    [Fact]
    public void AClosedReferral_NeverMovesAgain() =>
        Steps.Sample(steps => Assert.All(Walk(steps), step => Assert.False(ReferralLifecycle.IsClosed(step.From), $"{step.From} —{step.Action}→ {step.To}")), iter: 3000);

    [Fact]
    public void OnlyTheReceiverAnswers_AndOnlyTheSenderWithdraws() =>
        Steps.Sample(steps => Assert.All(Walk(steps), step =>
            Assert.Equal(step.Action == ReferralAction.Revoke ? ReferralSide.Sender : ReferralSide.Receiver, step.Side)), iter: 3000);

    [Fact]
    public void EveryClosingStep_SaysWhy() =>
        Steps.Sample(steps => Assert.All(Walk(steps).Where(s => ReferralLifecycle.IsClosed(s.To)), step =>
            Assert.True(ReferralLifecycle.Moves[step.Action].NeedsText, $"{step.Action} closes without a reason")), iter: 3000);
}
