using CsCheck;
using Trama.Web.Features.Projects;

namespace Trama.UnitTests.Projects;

/// Random walks through the Budget di Salute lifecycle: whatever the path, its rules hold.
public sealed class ProjectLifecycleProperties
{
    /// Up to 40 steps from a referral, each choosing one of the actions allowed at that point.
    private static readonly Gen<int[]> Choices = Gen.Int[0, 99].Array[0, 40];

    private static List<(ProjectState From, Transition Step)> Walk(int[] choices)
    {
        var state = ProjectState.Referred;
        var path = new List<(ProjectState, Transition)>();
        foreach (var choice in choices)
        {
            var allowed = ProjectLifecycle.From(state);
            if (allowed.Count == 0)
            {
                break;
            }

            var step = allowed[choice % allowed.Count];
            path.Add((state, step));
            state = step.To;
        }

        return path;
    }

    [Fact]
    public void OnceAProjectHasEnded_ItNeverOpensAgain() =>
        Choices.Sample(choices =>
        {
            var ended = false;
            foreach (var (from, step) in Walk(choices))
            {
                ended |= !ProjectLifecycle.IsOpen(from);
                Assert.False(ended && ProjectLifecycle.IsOpen(step.To), $"{from} → {step.To}");
            }
        }, iter: 2000);

    [Fact]
    public void SelectionApprovalAndClosure_AreAlwaysTheCpsDecision() =>
        Choices.Sample(choices =>
        {
            foreach (var (from, step) in Walk(choices))
            {
                var decides = from is ProjectState.Referred or ProjectState.WaitingList || step.Action is ProjectAction.ApproveAndSignAgreement or ProjectAction.Close
                    or ProjectAction.ContinueAfterReview or ProjectAction.Remodel;
                Assert.True(!decides || step.CpsOnly, $"{from} —{step.Action}→ {step.To}");
            }
        }, iter: 2000);

    [Fact]
    public void ClosingAndRefusing_AlwaysNeedAReason() =>
        Choices.Sample(choices =>
        {
            foreach (var (_, step) in Walk(choices).Where(s => s.Step.To is ProjectState.Closed or ProjectState.NotEligible or ProjectState.Suspended))
            {
                Assert.True(step.NeedsReason, step.Action.ToString());
            }
        }, iter: 2000);

    [Fact]
    public void AnActionNotOfferedInAState_IsNeverFound() =>
        Gen.Select(Gen.Enum<ProjectState>(), Gen.Enum<ProjectAction>()).Sample((state, action) =>
            Assert.Equal(ProjectLifecycle.From(state).Any(t => t.Action == action), ProjectLifecycle.Find(state, action) is not null), iter: 2000);

    [Fact]
    public void AnAgreementIsSignedOnlyAfterAnAssessmentAndCoDesign() =>
        Choices.Sample(choices =>
        {
            var seen = new HashSet<ProjectState> { ProjectState.Referred };
            foreach (var (_, step) in Walk(choices))
            {
                Assert.True(step.To != ProjectState.AgreementSigned || (seen.Contains(ProjectState.Assessment) && seen.Contains(ProjectState.CoDesign)));
                seen.Add(step.To);
            }
        }, iter: 2000);
}
