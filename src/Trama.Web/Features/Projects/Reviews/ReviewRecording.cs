using Microsoft.Extensions.Localization;
using Trama.Web.Data;

namespace Trama.Web.Features.Projects.Reviews;

/// Records a review, from the page or the API: every goal rated, the T-score computed, and the
/// decision applied at once when the CPS records it (a proposal otherwise).
public sealed class ReviewRecording(AppDbContext db, ProjectAccess access, IStringLocalizer<SharedResource> l)
{
    /// Field errors keyed "heldOn", "narrative", "rating:{goalId}" or "" for the whole review.
    public sealed record Outcome(Review? Review, IReadOnlyDictionary<string, string> Errors);

    public async Task<Outcome> RecordAsync(ProjectAccess.Grant grant, IReadOnlyList<Goal> goals, DateOnly? heldOn, string? narrative, ReviewDecision decision, IReadOnlyDictionary<Guid, int> ratings)
    {
        var errors = Check(grant, goals, heldOn, narrative, decision, ratings);
        if (errors.Count > 0)
        {
            return new Outcome(null, errors);
        }

        var project = grant.Project;
        var review = new Review
        {
            ProjectId = project.Id,
            HeldOn = heldOn!.Value,
            Narrative = narrative!.Trim(),
            Decision = decision,
            RecordedByUserId = grant.Viewer.UserId,
            TScore = GoalAttainment.TScore(goals.Select(g => new GoalScore(ratings[g.Id], g.Weight)).ToList()),
        };
        review.Ratings.AddRange(goals.Select(g => new GoalRating { GoalId = g.Id, Level = ratings[g.Id] }));
        db.Reviews.Add(review);
        project.Touch();

        // The review's decision is the CPS's: recorded by the CPS, it moves the project on at once
        // (closing still asks for its reason on the project page); recorded by anyone else, it is a
        // proposal the CPS confirms there.
        var next = decision switch
        {
            ReviewDecision.Continue => ProjectAction.ContinueAfterReview,
            ReviewDecision.ChangeIntensity => ProjectAction.Remodel,
            _ => (ProjectAction?)null,
        };
        if (next is { } action && grant.IsCps)
        {
            var notAllowed = await access.TakeAsync(grant, action, l[$"ReviewDecision.{decision}"], null, l);
            if (notAllowed is not null)
            {
                db.Reviews.Remove(review);
                return new Outcome(null, new Dictionary<string, string> { [string.Empty] = l[notAllowed] });
            }
        }

        await db.SaveChangesAsync();
        return new Outcome(review, errors);
    }

    /// Only the checks, so a form that failed elsewhere still lists every problem at once.
    public Dictionary<string, string> Check(ProjectAccess.Grant grant, IReadOnlyList<Goal> goals, DateOnly? heldOn, string? narrative, ReviewDecision decision, IReadOnlyDictionary<Guid, int> ratings)
    {
        var errors = new Dictionary<string, string>();
        var project = grant.Project;
        foreach (var goal in goals)
        {
            if (!ratings.TryGetValue(goal.Id, out var level) || level is < -2 or > 2)
            {
                errors[$"rating:{goal.Id}"] = l["Projects.Reviews.RatingRequired", goal.Title];
            }
        }

        if (heldOn is not { } held)
        {
            errors["heldOn"] = l["Validation.Required", l["Projects.Reviews.HeldOn"]];
        }
        else if (held < (project.StartedOn ?? project.ReferredOn) || held > access.Today)
        {
            errors["heldOn"] = l["Projects.Reviews.DateRange"];
        }

        if (string.IsNullOrWhiteSpace(narrative))
        {
            errors["narrative"] = l["Validation.Required", l["Projects.Reviews.Narrative"]];
        }
        else if (narrative.Length > 4000)
        {
            errors["narrative"] = l["Validation.MaxLength", l["Projects.Reviews.Narrative"], 4000];
        }

        if (!Enum.IsDefined(decision))
        {
            errors["decision"] = l["Validation.ValueInvalidHere"];
        }

        return errors;
    }
}
