using Microsoft.AspNetCore.Mvc.Filters;

namespace Trama.Web.Features.Audit;

/// Lets every form post fold the audit of the reads it makes into the transaction of its save,
/// and commits those that no save took when the handler returns, whether it saved, refused or
/// failed, so nothing is sent before its reads are on the trail.
public sealed class HeldReadsFilter(AuditTrail audit) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (!HttpMethods.IsPost(context.HttpContext.Request.Method))
        {
            await next();
            return;
        }

        audit.HoldReadsForSave();
        try
        {
            await next();
        }
        finally
        {
            await audit.CommitHeldAsync(CancellationToken.None);
        }
    }
}
