using Trama.Web.Data;

namespace Trama.Web.Features.Audit;

/// Writes the audit rows of reads with group commit: every page that shows person data appends
/// to the chain before it is sent, and each append is a transaction whose commit waits for the
/// disk. Requests that arrive while one commit is under way queue their rows, and the next of
/// them writes all the queued rows in one transaction; each request still returns only once its
/// own rows are committed, and fails if they could not be.
public sealed class ReadAuditWriter(IServiceScopeFactory scopes) : IDisposable
{
    private sealed record Waiting(IReadOnlyList<AuditEntry> Entries, TaskCompletionSource Committed);

    private readonly Lock sync = new();

    private readonly SemaphoreSlim leader = new(1, 1);

    private List<Waiting> queued = [];

    public async Task AppendAsync(IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken)
    {
        var mine = new Waiting(entries, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        lock (sync)
        {
            queued.Add(mine);
        }

        try
        {
            await leader.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Not yet taken by a commit: withdrawn with the request. Already taken: it is written.
            lock (sync)
            {
                if (queued.Remove(mine))
                {
                    throw;
                }
            }

            await mine.Committed.Task;
            return;
        }

        try
        {
            if (!mine.Committed.Task.IsCompleted)
            {
                await CommitQueuedAsync();
            }
        }
        finally
        {
            leader.Release();
        }

        await mine.Committed.Task;
    }

    private async Task CommitQueuedAsync()
    {
        List<Waiting> batch;
        lock (sync)
        {
            (batch, queued) = (queued, []);
        }

        try
        {
            // Not the leader's own cancellation: the others' rows ride on this commit.
            await using var scope = scopes.CreateAsyncScope();
            var writer = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await AuditRecorder.AppendOnlyAsync(writer, [.. batch.SelectMany(w => w.Entries)], CancellationToken.None);
            batch.ForEach(w => w.Committed.TrySetResult());
        }
        catch (Exception e)
        {
            batch.ForEach(w => w.Committed.TrySetException(e));
        }
    }

    public void Dispose() => leader.Dispose();
}
