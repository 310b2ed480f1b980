using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Caching.Memory;

namespace Trama.Web.Data;

/// How many saves in this instance have changed each entity type. A cache of what is computed from
/// some types keys its entries on <see cref="Generation"/> of those types, so that any save of one
/// of them is a miss from then on; changes made by another instance wait for the entry's lifetime.
public static class ChangeGenerations
{
    private static readonly ConcurrentDictionary<Type, long> Counts = new();

    /// Called once a save that changed these types has been committed: counted before, a request
    /// could read the old rows and keep them under the new count.
    public static void Record(IEnumerable<Type> changed)
    {
        foreach (var type in changed)
        {
            Counts.AddOrUpdate(type, 1, (_, n) => n + 1);
        }
    }

    /// Grows with every save of any of the types.
    public static long Generation(IEnumerable<Type> types) => types.Sum(t => Counts.GetValueOrDefault(t));

    /// What <paramref name="compute"/> gives for <paramref name="key"/>, kept until a save of one of
    /// <paramref name="sources"/> or <paramref name="lifetime"/>, whichever comes first.
    public static async Task<T> KeptAsync<T>(this IMemoryCache cache, object key, IEnumerable<Type> sources, TimeSpan lifetime, Func<Task<T>> compute)
    {
        var generationKey = (key, Generation(sources));
        if (cache.TryGetValue(generationKey, out T? kept))
        {
            return kept!;
        }

        var value = await compute();
        cache.Set(generationKey, value, lifetime);
        return value;
    }
}

/// Counts the saves made inside a caller's transaction when that transaction commits, not before.
internal sealed class ChangeGenerationsOnCommit : DbTransactionInterceptor
{
    public static readonly ChangeGenerationsOnCommit Instance = new();

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Release(eventData, commit: true);

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData, commit: true);
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Release(eventData, commit: false);

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData, commit: false);
        return Task.CompletedTask;
    }

    private static void Release(TransactionEndEventData eventData, bool commit)
    {
        if (eventData.Context is AppDbContext { ChangedInTransaction.Count: > 0 } db)
        {
            if (commit)
            {
                ChangeGenerations.Record(db.ChangedInTransaction);
            }

            db.ChangedInTransaction.Clear();
        }
    }
}
