namespace Trama.Web.Features.Referrals;

/// The FHIR Task statuses a referral goes through (draft is not kept: a referral is saved when sent).
public enum ReferralState
{
    Requested,
    Received,
    Accepted,
    Rejected,
    InProgress,
    Completed,
    Cancelled,
    NotTakenUp,
}

public enum ReferralAction
{
    Send,
    Receive,
    Accept,
    Reject,
    Start,
    Complete,
    Revoke,
    NotTakenUp,
}

/// Which side of the loop may take an action: the sender's organisation or the service's.
public enum ReferralSide
{
    Sender,
    Receiver,
}

/// The valid moves of a referral, who makes them, and what they must say.
public static class ReferralLifecycle
{
    public static readonly IReadOnlyDictionary<ReferralAction, (ReferralSide Side, ReferralState[] From, ReferralState To, bool NeedsText)> Moves =
        new Dictionary<ReferralAction, (ReferralSide, ReferralState[], ReferralState, bool)>
        {
            [ReferralAction.Receive] = (ReferralSide.Receiver, [ReferralState.Requested], ReferralState.Received, false),
            [ReferralAction.Accept] = (ReferralSide.Receiver, [ReferralState.Requested, ReferralState.Received], ReferralState.Accepted, false),
            [ReferralAction.Reject] = (ReferralSide.Receiver, [ReferralState.Requested, ReferralState.Received], ReferralState.Rejected, true),
            [ReferralAction.Start] = (ReferralSide.Receiver, [ReferralState.Accepted], ReferralState.InProgress, false),
            [ReferralAction.Complete] = (ReferralSide.Receiver, [ReferralState.Accepted, ReferralState.InProgress], ReferralState.Completed, true),
            [ReferralAction.NotTakenUp] = (ReferralSide.Receiver, [ReferralState.Accepted, ReferralState.InProgress], ReferralState.NotTakenUp, true),
            [ReferralAction.Revoke] = (ReferralSide.Sender, [ReferralState.Requested, ReferralState.Received, ReferralState.Accepted, ReferralState.InProgress], ReferralState.Cancelled, true),
        };

    public static ReferralState? Next(ReferralState state, ReferralAction action) =>
        Moves.TryGetValue(action, out var move) && move.From.Contains(state) ? move.To : null;

    public static IEnumerable<ReferralAction> Available(ReferralState state, ReferralSide side) =>
        Moves.Where(m => m.Value.Side == side && m.Value.From.Contains(state)).Select(m => m.Key);

    public static bool IsClosed(ReferralState state) =>
        state is ReferralState.Completed or ReferralState.Rejected or ReferralState.Cancelled or ReferralState.NotTakenUp;

    /// Waiting for the receiver: sent or seen, not yet answered.
    public static bool IsWaiting(ReferralState state) => state is ReferralState.Requested or ReferralState.Received;

    /// The sender reads the receiver's words only where they close the loop or explain a refusal.
    public static bool NoteVisibleTo(ReferralAction action, ReferralSide? side) =>
        side == ReferralSide.Receiver || action is not (ReferralAction.Start or ReferralAction.Receive);

    /// FHIR R4 Task.status for the export.
    public static string FhirStatus(ReferralState state) => state switch
    {
        ReferralState.Requested => "requested",
        ReferralState.Received => "received",
        ReferralState.Accepted => "accepted",
        ReferralState.Rejected => "rejected",
        ReferralState.InProgress => "in-progress",
        ReferralState.Completed => "completed",
        ReferralState.Cancelled => "cancelled",
        _ => "failed",
    };
}
