using Trama.Web.Data;
using Trama.Web.Infrastructure.Jobs;

namespace Trama.Web.Features.Audit;

/// Re-verifies the audit hash chain every day, in the background: the trail grows with every read
/// and at a region's scale is too long to check before the app serves.
internal sealed partial class AuditVerificationJob(AppDbContext db, ILogger<AuditVerificationJob> logger) : IScheduledJob
{
    public string Name => "audit-verify";

    public TimeSpan Every => TimeSpan.FromDays(1);

    public async Task<string> RunAsync(CancellationToken cancellationToken)
    {
        var result = await AuditChain.VerifyAsync(db, cancellationToken);
        if (!result.IsIntact)
        {
            LogBroken(logger, result.FirstBrokenSequence!.Value);
            throw new AuditChainBrokenException();
        }

        return $"{result.Checked} rows verified";
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "Audit trail does not verify: first broken row is sequence {Sequence}")]
    private static partial void LogBroken(ILogger logger, long sequence);
}

internal sealed class AuditChainBrokenException : Exception
{
}
