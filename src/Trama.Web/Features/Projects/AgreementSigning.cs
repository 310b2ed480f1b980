using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Trama.Web.Data;

namespace Trama.Web.Features.Projects;

/// The rules for recording a signature on a frozen agreement, for the page and the API.
public static class AgreementSigning
{
    /// Errors keyed by field ("SignedOn", "Kind"): a date between the freezing and today; a
    /// legal representative only when one is in office on that day with the power to sign.
    public static async Task<Dictionary<string, string>> CheckAsync(AppDbContext db, Guid personId, AgreementVersion version, SignatoryKind kind, DateOnly? signedOn, DateOnly today, IStringLocalizer l)
    {
        var errors = new Dictionary<string, string>();
        if (signedOn is { } on && (on > today || on < Infrastructure.ItalianTime.DateOf(version.FrozenAtUtc)))
        {
            errors[nameof(AgreementSignature.SignedOn)] = l["Projects.Agreement.SignedOnRange"];
        }

        if (!Enum.IsDefined(kind))
        {
            errors[nameof(AgreementSignature.Kind)] = l["Validation.ValueInvalidHere"];
        }
        else if (kind == SignatoryKind.LegalRepresentative && signedOn is { } day
            && !await db.LegalRepresentatives.AnyAsync(r => r.PersonId == personId && r.MaySignAgreements && r.StartsOn <= day && (r.EndsOn == null || r.EndsOn >= day)))
        {
            errors[nameof(AgreementSignature.Kind)] = l["Projects.Agreement.NoLegalRepresentative"];
        }

        return errors;
    }
}
