using Scheduling.Sessions;
using Scheduling.Stores;

namespace Scheduling.Tests.Stores;

/// <summary>
/// A session store that runs another write just before a booking reaches the store it wraps: a race between two
/// calls, made to happen every time.
/// </summary>
internal sealed class InterposingSessionStore(ISessionStore inner) : ISessionStore
{
    private Func<Task>? _beforeBooking;

    /// <summary>
    /// Gets the write to run just before a booking (an atomic change of a session) reaches the store, or null. It
    /// runs once: the write it makes may itself be an atomic change (a cancellation is), which reaches the store
    /// directly.
    /// </summary>
    public Func<Task>? BeforeBooking
    {
        get => _beforeBooking;
        init => _beforeBooking = value;
    }

    public ValueTask<Session?> FindAsync(string tenantId, string id, CancellationToken cancellationToken) =>
        inner.FindAsync(tenantId, id, cancellationToken);

    public IAsyncEnumerable<Session> FindManyAsync(string tenantId, IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
        inner.FindManyAsync(tenantId, ids, cancellationToken);

    public ValueTask<bool> InsertAsync(string tenantId, Session session, CancellationToken cancellationToken) =>
        inner.InsertAsync(tenantId, session, cancellationToken);

    public ValueTask<bool> ReplaceAsync(string tenantId, Session session, long expectedRevision, CancellationToken cancellationToken) =>
        inner.ReplaceAsync(tenantId, session, expectedRevision, cancellationToken);

    public ValueTask<bool> DeleteAsync(string tenantId, string id, long expectedRevision, CancellationToken cancellationToken) =>
        inner.DeleteAsync(tenantId, id, expectedRevision, cancellationToken);

    public IAsyncEnumerable<Session> FindOverlappingAsync(string tenantId, SessionCandidateFilter filter, Instant from, Instant to, SessionPosition? after, CancellationToken cancellationToken) =>
        inner.FindOverlappingAsync(tenantId, filter, from, to, after, cancellationToken);

    public async ValueTask<TResult> ChangeAsync<TResult>(string tenantId, string id, Func<Session?, StoreChange<Session, TResult>> decide, CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _beforeBooking, null) is { } write)
        {
            await write();
        }

        return await inner.ChangeAsync(tenantId, id, decide, cancellationToken);
    }

    public ValueTask<long?> GetChangeVersionAsync(string tenantId, CancellationToken cancellationToken) =>
        inner.GetChangeVersionAsync(tenantId, cancellationToken);

    public ValueTask<bool> InsertManyAsync(string tenantId, IReadOnlyList<Session> sessions, CancellationToken cancellationToken) =>
        inner.InsertManyAsync(tenantId, sessions, cancellationToken);
}
