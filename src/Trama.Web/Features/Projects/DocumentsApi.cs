using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Trama.Web.Data;
using Trama.Web.Features.Audit;
using Trama.Web.Features.Budget;

namespace Trama.Web.Features.Projects;

/// /api/v1/projects/{id}: the files (receipts, signed consent forms), obscuring at the person's
/// request and taking someone off the team, under the same rules as the pages.
public static class DocumentsApi
{
    public sealed record ObscureRequest(bool Obscured);

    /// The largest body a file upload may send: the file limit is checked on the content.
    private const long MaxUploadRequestBytes = 12 * 1024 * 1024;

    public static void Map(RouteGroupBuilder projects)
    {
        projects.MapPost("/{id:guid}/team/{memberId:guid}/end", EndMembershipAsync)
            .WithSummary("Takes a member off the care team: their access ends today.");
        projects.MapPut("/{id:guid}/diary/{entryId:guid}/obscured", ObscureDiaryAsync)
            .WithSummary("Obscures a diary entry at the person's request, or shows it again (its author or the CPS referent).");
        projects.MapPut("/{id:guid}/assessment/obscured", ObscureAssessmentAsync)
            .WithSummary("Obscures the UVM assessment at the person's request, or shows it again (the CPS referent).");
        projects.MapGet("/{id:guid}/ledger/{entryId:guid}/receipt", ReceiptAsync)
            .WithSummary("The receipt of a ledger entry, as a download.");
        projects.MapPost("/{id:guid}/ledger/{entryId:guid}/receipt", AttachReceiptAsync).DisableAntiforgery()
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(MaxUploadRequestBytes))
            .WithSummary("Attaches the receipt of a ledger entry (multipart field \"file\": PDF, JPEG or PNG); a receipt is never replaced.");
        projects.MapPut("/{id:guid}/ledger/{entryId:guid}/receipt/obscured", ObscureReceiptAsync)
            .WithSummary("Obscures a receipt at the person's request, or shows it again (its uploader or the CPS referent).");
        projects.MapGet("/{id:guid}/consents/{consentId:guid}/document", ConsentDocumentAsync)
            .WithSummary("The signed form of a consent statement, as a download.");
        projects.MapPost("/{id:guid}/consents/{consentId:guid}/document", AttachConsentDocumentAsync).DisableAntiforgery()
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(MaxUploadRequestBytes))
            .WithSummary("Attaches the signed form of a consent statement (multipart field \"file\"); a form is never replaced.");
    }

    private static async Task<IResult> EndMembershipAsync(Guid id, Guid memberId, ClaimsPrincipal user, ProjectAccess access, AppDbContext db, IStringLocalizer<SharedResource> l)
    {
        // As on the page, a member can be taken off a closed project too: access must be endable.
        var grant = await access.FindAsync(user, id);
        if (grant is null)
        {
            return ProjectsApi.NotFound(l);
        }

        if (!grant.CanWork)
        {
            return ProjectsApi.Forbidden(l);
        }

        if (!await CareTeam.EndAsync(db, id, memberId, access.Today))
        {
            return ProjectsApi.NotFound(l);
        }

        grant.Project.Touch();
        await db.SaveChangesAsync();
        return TypedResults.NoContent();
    }

    private static async Task<IResult> ObscureDiaryAsync(Guid id, Guid entryId, ObscureRequest request, ClaimsPrincipal user, ProjectAccess access, AppDbContext db, IStringLocalizer<SharedResource> l)
    {
        var (grant, refusal) = await ProjectsApi.WorkAsync(id, user, access, l);
        if (grant is null)
        {
            return refusal!;
        }

        var entry = await db.DiaryEntries.Where(d => d.Id == entryId && d.ProjectId == id).ReadableBy(db, grant.Viewer, access.Today).SingleOrDefaultAsync();
        if (entry is null)
        {
            return ProjectsApi.NotFound(l);
        }

        if (!grant.SeesObscured(entry.AuthorUserId))
        {
            return ProjectsApi.Forbidden(l);
        }

        entry.IsObscured = request.Obscured;
        await db.SaveChangesAsync();
        return TypedResults.NoContent();
    }

    private static async Task<IResult> ObscureAssessmentAsync(Guid id, ObscureRequest request, ClaimsPrincipal user, ProjectAccess access, AppDbContext db, IStringLocalizer<SharedResource> l)
    {
        var (grant, refusal) = await ProjectsApi.WorkAsync(id, user, access, l);
        if (grant is null)
        {
            return refusal!;
        }

        if (!grant.IsCpsReferent)
        {
            return ProjectsApi.Forbidden(l);
        }

        grant.Project.AssessmentObscured = request.Obscured;
        grant.Project.Touch();
        await db.SaveChangesAsync();
        return TypedResults.NoContent();
    }

    private static async Task<IResult> ReceiptAsync(Guid id, Guid entryId, HttpContext http, ClaimsPrincipal user, ProjectAccess access, AppDbContext db, AuditTrail audit, IStringLocalizer<SharedResource> l)
    {
        var (grant, refusal) = await ProjectsApi.ReadAsync(id, user, access, l);
        if (grant is null)
        {
            return refusal!;
        }

        var receipt = await db.Receipts.AsNoTracking().SingleOrDefaultAsync(r => r.LedgerEntryId == entryId && r.ProjectId == id);
        if (receipt is null || (receipt.IsObscured && !grant.SeesObscured(receipt.UploadedByUserId)))
        {
            return ProjectsApi.NotFound(l);
        }

        await audit.RecordReadAsync(nameof(Receipt), receipt.Id.ToString(), grant.Project.PersonId);
        return Download(http, receipt.Content, receipt.ContentType, receipt.FileName);
    }

    private static async Task<IResult> AttachReceiptAsync(Guid id, Guid entryId, HttpRequest request, ClaimsPrincipal user, ProjectAccess access, AppDbContext db,
        IOptions<Infrastructure.TramaOptions> options, IStringLocalizer<SharedResource> l)
    {
        var (grant, refusal) = await ProjectsApi.WorkAsync(id, user, access, l);
        if (grant is null)
        {
            return refusal!;
        }

        if (!await db.LedgerEntries.AnyAsync(e => e.Id == entryId && e.ProjectId == id))
        {
            return ProjectsApi.NotFound(l);
        }

        if (await db.Receipts.AnyAsync(r => r.LedgerEntryId == entryId))
        {
            return TypedResults.Problem(title: l["Api.FileExists"], statusCode: StatusCodes.Status409Conflict);
        }

        var (file, problem) = await ReadFileAsync(request, options.Value.Security.MaxUploadBytes, l["Budget.Receipt"], l);
        if (file is null)
        {
            return problem!;
        }

        db.Receipts.Add(new Receipt
        {
            ProjectId = id,
            LedgerEntryId = entryId,
            FileName = file.Name,
            ContentType = file.ContentType,
            SizeBytes = file.Content.Length,
            Content = file.Content,
            UploadedByUserId = grant.Viewer.UserId,
            UploadedAtUtc = access.NowUtc,
        });
        await db.SaveChangesAsync();
        return TypedResults.Created($"/api/v1/projects/{id}/ledger/{entryId}/receipt", new PlanApi.ReceiptView(file.Name, false));
    }

    private static async Task<IResult> ObscureReceiptAsync(Guid id, Guid entryId, ObscureRequest request, ClaimsPrincipal user, ProjectAccess access, AppDbContext db, IStringLocalizer<SharedResource> l)
    {
        var (grant, refusal) = await ProjectsApi.WorkAsync(id, user, access, l);
        if (grant is null)
        {
            return refusal!;
        }

        var receipt = await db.Receipts.SingleOrDefaultAsync(r => r.LedgerEntryId == entryId && r.ProjectId == id);
        if (receipt is null || (receipt.IsObscured && !grant.SeesObscured(receipt.UploadedByUserId)))
        {
            return ProjectsApi.NotFound(l);
        }

        if (!grant.SeesObscured(receipt.UploadedByUserId))
        {
            return ProjectsApi.Forbidden(l);
        }

        receipt.IsObscured = request.Obscured;
        await db.SaveChangesAsync();
        return TypedResults.NoContent();
    }

    private static async Task<IResult> ConsentDocumentAsync(Guid id, Guid consentId, HttpContext http, ClaimsPrincipal user, ProjectAccess access, AppDbContext db, AuditTrail audit, IStringLocalizer<SharedResource> l)
    {
        var (grant, refusal) = await ProjectsApi.ReadAsync(id, user, access, l);
        if (grant is null)
        {
            return refusal!;
        }

        var consent = await db.Consents.AsNoTracking().SingleOrDefaultAsync(c => c.Id == consentId && c.PersonId == grant.Project.PersonId && c.Document != null);
        if (consent is null)
        {
            return ProjectsApi.NotFound(l);
        }

        await audit.RecordReadAsync(nameof(People.Consent), consent.Id.ToString(), grant.Project.PersonId);
        return Download(http, consent.Document!, consent.DocumentContentType!, consent.DocumentName);
    }

    private static async Task<IResult> AttachConsentDocumentAsync(Guid id, Guid consentId, HttpRequest request, ClaimsPrincipal user, ProjectAccess access, AppDbContext db,
        IOptions<Infrastructure.TramaOptions> options, IStringLocalizer<SharedResource> l)
    {
        var (grant, refusal) = await ProjectsApi.WorkAsync(id, user, access, l);
        if (grant is null)
        {
            return refusal!;
        }

        var consent = await db.Consents.SingleOrDefaultAsync(c => c.Id == consentId && c.PersonId == grant.Project.PersonId);
        if (consent is null)
        {
            return ProjectsApi.NotFound(l);
        }

        if (consent.Document is not null)
        {
            return TypedResults.Problem(title: l["Api.FileExists"], statusCode: StatusCodes.Status409Conflict);
        }

        var (file, problem) = await ReadFileAsync(request, options.Value.Security.MaxUploadBytes, l["Consents.Document"], l);
        if (file is null)
        {
            return problem!;
        }

        consent.DocumentName = file.Name;
        consent.DocumentContentType = file.ContentType;
        consent.Document = file.Content;
        await db.SaveChangesAsync();
        return TypedResults.Created($"/api/v1/projects/{id}/consents/{consentId}/document", new { fileName = file.Name });
    }

    /// The multipart field "file", checked by its content like every upload; otherwise the problem to answer.
    private static async Task<(Upload.File? File, IResult? Problem)> ReadFileAsync(HttpRequest request, long maxBytes, string label, IStringLocalizer<SharedResource> l)
    {
        var upload = request.HasFormContentType ? (await request.ReadFormAsync()).Files.GetFile("file") : null;
        var (file, error) = upload is null ? (null, l["Validation.Required", label].Value) : await Upload.ReadAsync(upload, maxBytes, l);
        return file is not null ? (file, null)
            : (null, TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = [error!] }, title: l["Validation.CheckFields"]));
    }

    /// Always a download with the type its content showed, never rendered inline.
    private static Microsoft.AspNetCore.Http.HttpResults.FileContentHttpResult Download(HttpContext http, byte[] content, string contentType, string? fileName)
    {
        http.Response.Headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        return TypedResults.File(content, contentType, fileName);
    }
}
