using Scheduling.Sessions;
using Scheduling.Stores;

namespace Scheduling.Tests.Stores;

/// <summary>A session store that forwards every call to another and counts them, by member name.</summary>
internal sealed class CountingSessionStore(ISessionStore inner, StoreCalls calls) : ISessionStore
{
    public ValueTask<Session?> FindAsync(string tenantId, string id, CancellationToken cancellationToken) =>
        calls.Count("sessions.FindAsync", inner.FindAsync(tenantId, id, cancellationToken));

    public IAsyncEnumerable<Session> FindManyAsync(string tenantId, IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
        calls.Stream("sessions.FindManyAsync", inner.FindManyAsync(tenantId, ids, cancellationToken));

    public ValueTask<bool> InsertAsync(string tenantId, Session session, CancellationToken cancellationToken) =>
        calls.Count("sessions.InsertAsync", inner.InsertAsync(tenantId, session, cancellationToken));

    public ValueTask<bool> InsertManyAsync(string tenantId, IReadOnlyList<Session> sessions, CancellationToken cancellationToken) =>
        calls.Count("sessions.InsertManyAsync", inner.InsertManyAsync(tenantId, sessions, cancellationToken));

    public ValueTask<bool> ReplaceAsync(string tenantId, Session session, long expectedRevision, CancellationToken cancellationToken) =>
        calls.Count("sessions.ReplaceAsync", inner.ReplaceAsync(tenantId, session, expectedRevision, cancellationToken));

    public ValueTask<bool> DeleteAsync(string tenantId, string id, long expectedRevision, CancellationToken cancellationToken) =>
        calls.Count("sessions.DeleteAsync", inner.DeleteAsync(tenantId, id, expectedRevision, cancellationToken));

    public IAsyncEnumerable<Session> FindOverlappingAsync(string tenantId, SessionCandidateFilter filter, Instant from, Instant to, SessionPosition? after, CancellationToken cancellationToken) =>
        calls.Stream("sessions.FindOverlappingAsync", inner.FindOverlappingAsync(tenantId, filter, from, to, after, cancellationToken));

    public ValueTask<TResult> ChangeAsync<TResult>(string tenantId, string id, Func<Session?, StoreChange<Session, TResult>> decide, CancellationToken cancellationToken) =>
        calls.Count("sessions.ChangeAsync", () => inner.ChangeAsync(tenantId, id, decide, cancellationToken));

    public ValueTask<long?> GetChangeVersionAsync(string tenantId, CancellationToken cancellationToken) =>
        calls.Count("sessions.GetChangeVersionAsync", inner.GetChangeVersionAsync(tenantId, cancellationToken));
}
