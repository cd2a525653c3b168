using Scheduling.Sessions;
using Scheduling.Stores;

namespace Scheduling.Tests.Stores;

/// <summary>
/// A recurring session store that forwards every call to another and counts them, by member name; the members with a
/// default body in the contract are forwarded too, so a call the core makes through them is counted.
/// </summary>
internal sealed class CountingRecurringSessionStore(IRecurringSessionStore inner, StoreCalls calls) : IRecurringSessionStore
{
    public ValueTask<RecurringSessionRecord?> FindAsync(string tenantId, string id, CancellationToken cancellationToken) =>
        calls.Count("series.FindAsync", inner.FindAsync(tenantId, id, cancellationToken));

    public ValueTask<RecurringSessionRecord?> FindForInstanceAsync(string tenantId, string id, LocalDateTime identityStart, CancellationToken cancellationToken) =>
        calls.Count("series.FindForInstanceAsync", inner.FindForInstanceAsync(tenantId, id, identityStart, cancellationToken));

    public ValueTask<bool> InsertAsync(string tenantId, RecurringSession series, Instant? spanEnd, CancellationToken cancellationToken) =>
        calls.Count("series.InsertAsync", inner.InsertAsync(tenantId, series, spanEnd, cancellationToken));

    public ValueTask<bool> InsertManyAsync(string tenantId, IReadOnlyList<(RecurringSession Series, Instant? SpanEnd)> series, CancellationToken cancellationToken) =>
        calls.Count("series.InsertManyAsync", inner.InsertManyAsync(tenantId, series, cancellationToken));

    public ValueTask<bool> ReplaceAsync(string tenantId, RecurringSession series, Instant? spanEnd, long expectedRevision, CancellationToken cancellationToken) =>
        calls.Count("series.ReplaceAsync", inner.ReplaceAsync(tenantId, series, spanEnd, expectedRevision, cancellationToken));

    public ValueTask<bool> DeleteAsync(string tenantId, string id, long expectedRevision, CancellationToken cancellationToken) =>
        calls.Count("series.DeleteAsync", inner.DeleteAsync(tenantId, id, expectedRevision, cancellationToken));

    public IAsyncEnumerable<RecurringSessionRecord> FindOverlappingAsync(string tenantId, SessionCandidateFilter filter, Instant from, Instant to, CancellationToken cancellationToken) =>
        calls.Stream("series.FindOverlappingAsync", inner.FindOverlappingAsync(tenantId, filter, from, to, cancellationToken));

    public ValueTask<bool> SaveOverrideAsync(string tenantId, InstanceOverride instanceOverride, long expectedRevision, CancellationToken cancellationToken) =>
        calls.Count("series.SaveOverrideAsync", inner.SaveOverrideAsync(tenantId, instanceOverride, expectedRevision, cancellationToken));

    public ValueTask<TResult> SplitAsync<TResult>(
        string tenantId,
        string recurringSessionId,
        Func<RecurringSessionRecord?, StoreChange<SeriesSplit, TResult>> decide,
        CancellationToken cancellationToken) =>
        calls.Count("series.SplitAsync", inner.SplitAsync(tenantId, recurringSessionId, decide, cancellationToken));

    public ValueTask<TResult> ChangeInstanceAsync<TResult>(
        string tenantId,
        string recurringSessionId,
        LocalDateTime identityStart,
        Func<RecurringSession?, InstanceOverride?, StoreChange<InstanceOverride, TResult>> decide,
        CancellationToken cancellationToken) =>
        calls.Count("series.ChangeInstanceAsync", () => inner.ChangeInstanceAsync(tenantId, recurringSessionId, identityStart, decide, cancellationToken));

    public ValueTask<long?> GetChangeVersionAsync(string tenantId, CancellationToken cancellationToken) =>
        calls.Count("series.GetChangeVersionAsync", inner.GetChangeVersionAsync(tenantId, cancellationToken));
}
