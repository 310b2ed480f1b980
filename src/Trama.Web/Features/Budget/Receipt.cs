using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Trama.Web.Features.Projects;

namespace Trama.Web.Features.Budget;

/// The receipt of a ledger entry. Kept in the database, so it is in the same transaction and the
/// same backup as the entry, and every app instance sees it.
public class Receipt
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ProjectId { get; set; }

    public Guid LedgerEntryId { get; set; }

    public required string FileName { get; set; }

    /// Decided from the content, never from what the browser claimed.
    public required string ContentType { get; set; }

    public long SizeBytes { get; set; }

    public required byte[] Content { get; set; }

    public required string UploadedByUserId { get; set; }

    public DateTime UploadedAtUtc { get; set; }

    /// Obscured at the person's request: only whoever uploaded it and the CPS referent see it.
    public bool IsObscured { get; set; }
}

internal sealed class ReceiptConfiguration : IEntityTypeConfiguration<Receipt>
{
    public void Configure(EntityTypeBuilder<Receipt> builder)
    {
        builder.Property(r => r.FileName).HasMaxLength(200);
        builder.Property(r => r.ContentType).HasMaxLength(50);
        builder.Property(r => r.UploadedByUserId).HasMaxLength(450);
        builder.HasOne<HealthBudgetProject>().WithMany().HasForeignKey(r => r.ProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<LedgerEntry>().WithMany().HasForeignKey(r => r.LedgerEntryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => r.LedgerEntryId).IsUnique();
    }
}

/// Checks an uploaded file by what it contains: only PDF, JPEG and PNG, within the size limit.
public static class Upload
{
    public const long DefaultMaxBytes = 5 * 1024 * 1024;

    public enum Problem
    {
        None,
        Empty,
        TooLarge,
        NotAllowed,
    }

    public static (Problem Problem, string? ContentType, string? Extension) Inspect(ReadOnlySpan<byte> head, long length, long maxBytes)
    {
        if (length == 0)
        {
            return (Problem.Empty, null, null);
        }

        if (length > maxBytes)
        {
            return (Problem.TooLarge, null, null);
        }

        if (head.StartsWith("%PDF-"u8))
        {
            return (Problem.None, "application/pdf", ".pdf");
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return (Problem.None, "image/png", ".png");
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return (Problem.None, "image/jpeg", ".jpg");
        }

        return (Problem.NotAllowed, null, null);
    }

    public sealed record File(string Name, string ContentType, byte[] Content);

    /// Reads an uploaded file and checks it; a refused file adds its reason to the form's errors
    /// under <paramref name="field"/>, in the user's language, and gives null.
    public static async Task<File?> ReadAsync(IFormFile? upload, long maxBytes, string field, Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary modelState, Microsoft.Extensions.Localization.IStringLocalizer l)
    {
        var (file, error) = await ReadAsync(upload, maxBytes, l);
        if (error is not null)
        {
            modelState.AddModelError(field, error);
        }

        return file;
    }

    /// Reads an uploaded file and checks it: the file, or why it was refused in the user's
    /// language; neither when nothing was sent.
    public static async Task<(File? File, string? Error)> ReadAsync(IFormFile? upload, long maxBytes, Microsoft.Extensions.Localization.IStringLocalizer l)
    {
        if (upload is null)
        {
            return (null, null);
        }

        // Nothing over the limit is read into memory.
        var (problem, contentType, extension) = upload.Length > maxBytes ? (Problem.TooLarge, null, null) : (Problem.None, (string?)null, (string?)null);
        byte[] content = [];
        if (problem == Problem.None)
        {
            using var buffer = new MemoryStream((int)upload.Length);
            await upload.CopyToAsync(buffer);
            content = buffer.ToArray();
            (problem, contentType, extension) = Inspect(content, content.Length, maxBytes);
        }

        return problem switch
        {
            Problem.None => (new File(SafeFileName(upload.FileName, extension!), contentType!, content), null),
            Problem.Empty => (null, l["Upload.Empty"]),
            Problem.TooLarge => (null, l["Upload.TooLarge", maxBytes / (1024 * 1024)]),
            _ => (null, l["Upload.NotAllowed"]),
        };
    }

    /// A name safe in a Content-Disposition header and on any file system, ending as the content is.
    public static string SafeFileName(string? original, string extension)
    {
        var stem = Path.GetFileNameWithoutExtension(original ?? string.Empty);
        var cleaned = new string(stem.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' ? c : '_').ToArray()).Trim('_');
        if (cleaned.Length == 0)
        {
            cleaned = "ricevuta";
        }

        return (cleaned.Length > 100 ? cleaned[..100] : cleaned) + extension;
    }
}
