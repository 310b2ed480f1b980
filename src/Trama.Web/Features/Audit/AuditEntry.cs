namespace Trama.Web.Features.Audit;

/// One read or change of a person's data. Rows are only ever appended; each carries the hash of
/// its content and of the row before it, so changing or deleting a row breaks the chain.
public class AuditEntry
{
    public long Sequence { get; set; }

    public DateTime AtUtc { get; set; }

    public string? UserId { get; set; }

    public required string Action { get; set; }

    public required string EntityType { get; set; }

    public required string EntityId { get; set; }

    /// Whose data it is, so the person can be shown who accessed their record.
    public Guid? PersonId { get; set; }

    public string? IpAddress { get; set; }

    /// For changes: the changed fields with their values before and after, as JSON.
    public string? Changes { get; set; }

    /// SHA-256 of <see cref="Changes"/>. The chain covers this hash, not the values, so the values
    /// of an erased person can be blanked (GDPR art. 17) while the chain still verifies and still
    /// proves that a change happened. Null on rows written before it existed.
    public string? ChangesHash { get; set; }

    public required string PreviousHash { get; set; }

    public required string Hash { get; set; }
}
