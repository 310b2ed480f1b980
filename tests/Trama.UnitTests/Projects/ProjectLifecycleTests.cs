using Trama.Web.Features.Projects;

namespace Trama.UnitTests.Projects;

public sealed class ProjectLifecycleTests
{
    private static readonly DateTime Now = new(2026, 3, 2, 10, 0, 0, DateTimeKind.Utc);

    private static HealthBudgetProject NewProject() => new()
    {
        ReferralSource = "MMG",
        ReferralReason = "isolamento",
        ReferredOn = new DateOnly(2026, 1, 10),
    };

    private static HealthBudgetProject ReadyToSign()
    {
        var p = NewProject();
        Assert.Null(p.Apply(ProjectAction.Accept, actorIsCps: true, "cps", Now));
        p.AssessedOn = new DateOnly(2026, 2, 1);
        p.WishesInOwnWords = "una casa mia";
        Assert.Null(p.Apply(ProjectAction.CompleteAssessment, actorIsCps: true, "cps", Now));
        p.Intensity = Intensity.Medium;
        p.Goals.Add(new Goal { Title = "t", MuchLess = "a", Less = "b", Expected = "c", More = "d", MuchMore = "e" });
        return p;
    }

    [Fact]
    public void EveryState_ExceptTheEnds_HasAWayOut()
    {
        var ends = new[] { ProjectState.NotEligible, ProjectState.FollowUp };
        var stuck = Enum.GetValues<ProjectState>().Where(s => !ends.Contains(s) && ProjectLifecycle.From(s).Count == 0).ToList();
        Assert.Empty(stuck);
    }

    [Fact]
    public void Selection_ByANonCpsUser_IsRefused()
    {
        var p = NewProject();
        Assert.Equal("Project.Transition.CpsOnly", p.Apply(ProjectAction.Accept, actorIsCps: false, "coop", Now));
        Assert.Equal(ProjectState.Referred, p.State);
        Assert.Empty(p.Transitions);
    }

    [Fact]
    public void WaitingList_WithoutAReason_IsRefused() =>
        Assert.Equal("Project.Transition.ReasonRequired", NewProject().Apply(ProjectAction.PutOnWaitingList, true, "cps", Now, reason: "  "));

    [Fact]
    public void InvalidTransition_IsRefused() =>
        Assert.Equal("Project.Transition.NotAllowed", NewProject().Apply(ProjectAction.Start, true, "cps", Now));

    [Fact]
    public void CompleteAssessment_WithoutThePersonsWishes_IsRefused()
    {
        var p = NewProject();
        p.Apply(ProjectAction.Accept, true, "cps", Now);
        Assert.Equal("Project.Transition.AssessmentIncomplete", p.Apply(ProjectAction.CompleteAssessment, true, "cps", Now));
    }

    [Fact]
    public void SigningTheAgreement_WithoutGoals_IsRefused()
    {
        var p = ReadyToSign();
        p.Goals.Clear();
        Assert.Equal("Project.Transition.PlanIncomplete", p.Apply(ProjectAction.ApproveAndSignAgreement, true, "cps", Now));
    }

    [Fact]
    public void Start_SchedulesTheFirstReviewAfterTheProgrammesInterval()
    {
        var p = ReadyToSign();
        p.Apply(ProjectAction.ApproveAndSignAgreement, true, "cps", Now);
        Assert.Null(p.Apply(ProjectAction.Start, false, "coop", Now, reviewIntervalMonths: 6));
        Assert.Equal(ProjectState.Active, p.State);
        Assert.Equal(new DateOnly(2026, 3, 2), p.StartedOn);
        Assert.Equal(new DateOnly(2026, 9, 2), p.NextReviewDue);
    }

    [Fact]
    public void Close_RecordsReasonDateAndTimeline()
    {
        var p = ReadyToSign();
        p.Apply(ProjectAction.ApproveAndSignAgreement, true, "cps", Now);
        p.Apply(ProjectAction.Start, false, "coop", Now);
        Assert.Equal("Project.Transition.ClosureReasonRequired", p.Apply(ProjectAction.Close, true, "cps", Now, "fine"));
        Assert.Null(p.Apply(ProjectAction.Close, true, "cps", Now.AddDays(30), "obiettivi raggiunti", ClosureReason.GoalsReached));
        Assert.Equal(ProjectState.Closed, p.State);
        Assert.Equal(ClosureReason.GoalsReached, p.ClosureReason);
        Assert.Null(p.NextReviewDue);
        Assert.Equal(
            [ProjectState.Assessment, ProjectState.CoDesign, ProjectState.AgreementSigned, ProjectState.Active, ProjectState.Closed],
            p.Transitions.Select(t => t.To));
        Assert.Equal("obiettivi raggiunti", p.Transitions[^1].Reason);
    }

    [Fact]
    public void SuspendAndResume_WhileActive_ReturnsToActive()
    {
        var p = ReadyToSign();
        p.Apply(ProjectAction.ApproveAndSignAgreement, true, "cps", Now);
        p.Apply(ProjectAction.Start, false, "coop", Now);
        Assert.Null(p.Apply(ProjectAction.Suspend, false, "coop", Now, "ricovero"));
        Assert.Null(p.Apply(ProjectAction.Resume, false, "coop", Now));
        Assert.Equal(ProjectState.Active, p.State);
    }

    [Fact]
    public void EveryChange_RenewsTheConcurrencyToken()
    {
        var p = NewProject();
        var before = p.Version;
        p.Apply(ProjectAction.Accept, true, "cps", Now);
        Assert.NotEqual(before, p.Version);
    }

    [Fact]
    public void ReviewOverdue_OnlyWhileTheProjectRuns()
    {
        var p = ReadyToSign();
        p.Apply(ProjectAction.ApproveAndSignAgreement, true, "cps", Now);
        p.Apply(ProjectAction.Start, false, "coop", Now);
        Assert.False(p.IsReviewOverdue(new DateOnly(2026, 6, 1)));
        Assert.True(p.IsReviewOverdue(new DateOnly(2026, 6, 3)));
    }
}
