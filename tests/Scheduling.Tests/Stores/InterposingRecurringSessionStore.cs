using Scheduling.Sessions;
using Scheduling.Stores;

namespace Scheduling.Tests.Stores;

/// <summary>
/// A recurring session store that runs another write just before a split or a booking reaches the store it wraps:
/// a race between two calls, made to happen every time.
/// </summary>
internal sealed class InterposingRecurringSessionStore(IRecurringSessionStore inner) : IRecurringSessionStore
{
    private Func<Task>? _beforeBooking;

    /// <summary>Gets the write to run just before a split is written, or null.</summary>
    public Func<Task>? BeforeSplit { get; init; }

    /// <summary>
    /// Gets the write to run just before a booking (an atomic change of an instance) reaches the store, or null. It
    /// runs once: the write it makes may itself be an atomic change (a cancellation is), which reaches the store
    /// directly.
    /// </summary>
    public Func<Task>? BeforeBooking
    {
        get => _beforeBooking;
        init => _beforeBooking = value;
    }

    public ValueTask<RecurringSessionRecord?> FindAsync(string tenantId, string id, CancellationToken cancellationToken) =>
        inner.FindAsync(tenantId, id, cancellationToken);

    public ValueTask<bool> InsertAsync(string tenantId, RecurringSession series, Instant? spanEnd, CancellationToken cancellationToken) =>
        inner.InsertAsync(tenantId, series, spanEnd, cancellationToken);

    public ValueTask<bool> ReplaceAsync(string tenantId, RecurringSession series, Instant? spanEnd, long expectedRevision, CancellationToken cancellationToken) =>
        inner.ReplaceAsync(tenantId, series, spanEnd, expectedRevision, cancellationToken);

    public ValueTask<bool> DeleteAsync(string tenantId, string id, long expectedRevision, CancellationToken cancellationToken) =>
        inner.DeleteAsync(tenantId, id, expectedRevision, cancellationToken);

    public IAsyncEnumerable<RecurringSessionRecord> FindOverlappingAsync(string tenantId, SessionCandidateFilter filter, Instant from, Instant to, CancellationToken cancellationToken) =>
        inner.FindOverlappingAsync(tenantId, filter, from, to, cancellationToken);

    public ValueTask<bool> SaveOverrideAsync(string tenantId, InstanceOverride instanceOverride, long expectedRevision, CancellationToken cancellationToken) =>
        inner.SaveOverrideAsync(tenantId, instanceOverride, expectedRevision, cancellationToken);

    public async ValueTask<TResult> SplitAsync<TResult>(
        string tenantId,
        string recurringSessionId,
        Func<RecurringSessionRecord?, StoreChange<SeriesSplit, TResult>> decide,
        CancellationToken cancellationToken)
    {
        if (BeforeSplit is { } write)
        {
            await write();
        }

        return await inner.SplitAsync(tenantId, recurringSessionId, decide, cancellationToken);
    }

    public async ValueTask<TResult> ChangeInstanceAsync<TResult>(
        string tenantId,
        string recurringSessionId,
        LocalDateTime identityStart,
        Func<RecurringSession?, InstanceOverride?, StoreChange<InstanceOverride, TResult>> decide,
        CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _beforeBooking, null) is { } write)
        {
            await write();
        }

        return await inner.ChangeInstanceAsync(tenantId, recurringSessionId, identityStart, decide, cancellationToken);
    }

    public ValueTask<long?> GetChangeVersionAsync(string tenantId, CancellationToken cancellationToken) =>
        inner.GetChangeVersionAsync(tenantId, cancellationToken);

    public ValueTask<bool> InsertManyAsync(string tenantId, IReadOnlyList<(RecurringSession Series, Instant? SpanEnd)> series, CancellationToken cancellationToken) =>
        inner.InsertManyAsync(tenantId, series, cancellationToken);
}
