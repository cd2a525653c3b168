using NodaTime;
using Scheduling.Sessions;

namespace Scheduling.Stores;

/// <summary>
/// Persists single sessions for many tenants. Every member is confined to the tenant it is given; policy (who may
/// see what) lives in the core, never here. Implementations must be thread-safe, and every write must be atomic.
/// </summary>
/// <remarks>
/// A durable store that holds a row it cannot read (see <see cref="Serialization.StoredJson"/>) throws
/// <see cref="SchedulingException"/> with <see cref="SchedulingErrorCode.UnreadableRecord"/> naming it from every
/// member that must read that row (a find by its id, a list that names it, a window query that reaches it): it never
/// skips it. <see cref="DeleteAsync"/> never reads the row.
/// </remarks>
public interface ISessionStore
{
    /// <summary>Finds a session by id, or returns null.</summary>
    ValueTask<Session?> FindAsync(string tenantId, string id, CancellationToken cancellationToken);

    /// <summary>Finds the sessions with the given ids that exist; order is not specified.</summary>
    IAsyncEnumerable<Session> FindManyAsync(string tenantId, IReadOnlyCollection<string> ids, CancellationToken cancellationToken);

    /// <summary>Adds a session; returns false when the id is taken.</summary>
    ValueTask<bool> InsertAsync(string tenantId, Session session, CancellationToken cancellationToken);

    /// <summary>
    /// Adds many sessions in one transaction, all or nothing: returns false and stores none of them when any id is
    /// taken (or repeated in the batch). For imports; a store should make it much cheaper per session than one
    /// <see cref="InsertAsync"/> each.
    /// </summary>
    ValueTask<bool> InsertManyAsync(string tenantId, IReadOnlyList<Session> sessions, CancellationToken cancellationToken);

    /// <summary>Replaces a session if its stored revision is <paramref name="expectedRevision"/>; returns false (and changes nothing) otherwise.</summary>
    ValueTask<bool> ReplaceAsync(string tenantId, Session session, long expectedRevision, CancellationToken cancellationToken);

    /// <summary>Deletes a session if its stored revision is <paramref name="expectedRevision"/>; returns false otherwise.</summary>
    ValueTask<bool> DeleteAsync(string tenantId, string id, long expectedRevision, CancellationToken cancellationToken);

    /// <summary>
    /// The sessions that <paramref name="filter"/> admits and whose time overlaps <c>[from, to)</c> (start before
    /// <paramref name="to"/>, and end after <paramref name="from"/> or start at or after it), after
    /// <paramref name="after"/> when given, in ascending order of (start, id ordinal). The caller stops reading when
    /// it has enough, so a store should stream (a seek on an index, not a load of the window).
    /// </summary>
    IAsyncEnumerable<Session> FindOverlappingAsync(string tenantId, SessionCandidateFilter filter, Instant from, Instant to, SessionPosition? after, CancellationToken cancellationToken);

    /// <summary>
    /// Changes one session in one atomic step: reads it, lets <paramref name="decide"/> decide from what it read, and
    /// writes what it decided, with no other write to the session in between (two bookings of the last seat cannot
    /// both see it free). The core decides (for example <see cref="Booking.Book(Session?, Participant, Instant)"/>);
    /// the store only locks, reads and writes.
    /// </summary>
    /// <typeparam name="TResult">What the decision hands back.</typeparam>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="id">The session's id.</param>
    /// <param name="decide">
    /// Given the stored session, or null when there is none in the tenant, returns what to write (or nothing) and the
    /// result. The store runs it synchronously, once, while it holds the session (its lock, a write transaction, a
    /// locked row); it must not call the store. A session to write keeps the id and is written exactly as given,
    /// revision and <c>UpdatedAt</c> included; a write is refused with <see cref="InvalidOperationException"/> when
    /// there was no session.
    /// </param>
    /// <param name="cancellationToken">Cancels the call before the write.</param>
    /// <returns>The result of <paramref name="decide"/>. When it wrote, the change version moved on.</returns>
    /// <remarks>An exception from <paramref name="decide"/> reaches the caller, and nothing is written.</remarks>
    ValueTask<TResult> ChangeAsync<TResult>(string tenantId, string id, Func<Session?, StoreChange<Session, TResult>> decide, CancellationToken cancellationToken);

    /// <summary>
    /// A number that changes with every write to the tenant, or null when the store cannot tell cheaply. The core
    /// only uses it to reuse work from one page of a query to the next while nothing has changed.
    /// </summary>
    ValueTask<long?> GetChangeVersionAsync(string tenantId, CancellationToken cancellationToken);
}
