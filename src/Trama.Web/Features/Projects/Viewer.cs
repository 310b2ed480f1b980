using System.Security.Claims;
using Trama.Web.Features.Account;

namespace Trama.Web.Features.Projects;

/// Who is asking, as the care-team scope needs it.
public sealed record Viewer(string UserId, bool IsClinician, bool IsSocialWorker, bool IsPeerSupportExpert)
{
    public static Viewer Of(ClaimsPrincipal user) => new(
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("signed-in user expected"),
        user.IsInRole(Roles.Clinician),
        user.IsInRole(Roles.SocialWorker),
        user.IsInRole(Roles.PeerSupportExpert));

    /// Staff who can take part in a project's work (refer, log, write goals).
    public static bool IsCareStaff(ClaimsPrincipal user) =>
        user.IsInRole(Roles.Clinician) || user.IsInRole(Roles.SocialWorker) || user.IsInRole(Roles.KeyWorker) || user.IsInRole(Roles.PeerSupportExpert);
}
