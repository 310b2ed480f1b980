using Trama.Web.Features.Referrals;

namespace Trama.UnitTests.Referrals;

public sealed class ReferralLifecycleTests
{
    [Fact]
    public void TheReceiverAcceptsThenCompletes_ClosingTheLoop()
    {
        var state = ReferralState.Requested;
        foreach (var action in new[] { ReferralAction.Receive, ReferralAction.Accept, ReferralAction.Start, ReferralAction.Complete })
        {
            state = ReferralLifecycle.Next(state, action) ?? throw new InvalidOperationException($"{action} refused in {state}");
        }

        Assert.Equal(ReferralState.Completed, state);
        Assert.True(ReferralLifecycle.IsClosed(state));
    }

    [Theory]
    [InlineData(ReferralState.Requested, ReferralAction.Complete)]
    [InlineData(ReferralState.Completed, ReferralAction.Revoke)]
    [InlineData(ReferralState.Rejected, ReferralAction.Accept)]
    [InlineData(ReferralState.Cancelled, ReferralAction.Accept)]
    [InlineData(ReferralState.InProgress, ReferralAction.Reject)]
    [InlineData(ReferralState.Accepted, ReferralAction.Receive)]
    public void AMoveFromTheWrongStateIsRefused(ReferralState state, ReferralAction action) =>
        Assert.Null(ReferralLifecycle.Next(state, action));

    [Fact]
    public void TheSenderCanOnlyWithdraw_AndOnlyBeforeTheLoopCloses()
    {
        foreach (var state in Enum.GetValues<ReferralState>())
        {
            var sender = ReferralLifecycle.Available(state, ReferralSide.Sender).ToList();
            Assert.Equal(ReferralLifecycle.IsClosed(state) ? [] : [ReferralAction.Revoke], sender);
        }
    }

    [Fact]
    public void EveryClosedStateEndsTheReferral_ForBothSides()
    {
        foreach (var state in Enum.GetValues<ReferralState>().Where(ReferralLifecycle.IsClosed))
        {
            Assert.Empty(ReferralLifecycle.Available(state, ReferralSide.Receiver));
            Assert.Empty(ReferralLifecycle.Available(state, ReferralSide.Sender));
        }
    }

    [Theory]
    [InlineData(ReferralState.Requested, "requested")]
    [InlineData(ReferralState.InProgress, "in-progress")]
    [InlineData(ReferralState.NotTakenUp, "failed")]
    [InlineData(ReferralState.Cancelled, "cancelled")]
    public void StatesMapToFhirTaskStatuses(ReferralState state, string fhir) =>
        Assert.Equal(fhir, ReferralLifecycle.FhirStatus(state));

    [Fact]
    public void RefusingCompletingAndWithdrawingNeedAReason_AcceptingDoesNot()
    {
        Assert.True(ReferralLifecycle.Moves[ReferralAction.Reject].NeedsText);
        Assert.True(ReferralLifecycle.Moves[ReferralAction.Complete].NeedsText);
        Assert.True(ReferralLifecycle.Moves[ReferralAction.Revoke].NeedsText);
        Assert.False(ReferralLifecycle.Moves[ReferralAction.Accept].NeedsText);
    }
}
