using NodaTime;
using Scheduling.Sessions;

namespace Scheduling.Stores;

/// <summary>
/// Persists recurring sessions with their instance overrides, for many tenants. The store selects candidates; the
/// core expands them into instances. Implementations must be thread-safe, and every write must be atomic.
/// </summary>
/// <remarks>
/// A durable store that holds a row it cannot read (see <see cref="Serialization.StoredJson"/>) throws
/// <see cref="SchedulingException"/> with <see cref="SchedulingErrorCode.UnreadableRecord"/> naming it from every
/// member that must read that row, and from <see cref="FindOverlappingAsync"/> when the row is a candidate: it never
/// skips it, so a window is never answered without what it holds. <see cref="DeleteAsync"/> never reads the row.
/// </remarks>
public interface IRecurringSessionStore
{
    /// <summary>Finds a series with its overrides, or returns null.</summary>
    ValueTask<RecurringSessionRecord?> FindAsync(string tenantId, string id, CancellationToken cancellationToken);

    /// <summary>
    /// Finds a series for a call on one of its instances, or returns null: <see cref="RecurringSessionRecord.Overrides"/>
    /// holds the override of the instance whose identity start is <paramref name="identityStart"/>, if it has one, and
    /// need not hold any other (so its <see cref="RecurringSessionRecord.EffectiveSpanEnd"/> is not the series' own).
    /// A durable store reads that one override row instead of all of them, so the cost of an instance edit does not
    /// grow with the number of edited instances, and an override that cannot be read does not fail a call on another
    /// instance. The default returns <see cref="FindAsync"/>.
    /// </summary>
    ValueTask<RecurringSessionRecord?> FindForInstanceAsync(string tenantId, string id, LocalDateTime identityStart, CancellationToken cancellationToken) =>
        FindAsync(tenantId, id, cancellationToken);

    /// <summary>Adds a series (with no overrides); returns false when the id is taken.</summary>
    ValueTask<bool> InsertAsync(string tenantId, RecurringSession series, Instant? spanEnd, CancellationToken cancellationToken);

    /// <summary>
    /// Adds many series (with no overrides) in one transaction, all or nothing: returns false and stores none of them
    /// when any id is taken (or repeated in the batch).
    /// </summary>
    ValueTask<bool> InsertManyAsync(string tenantId, IReadOnlyList<(RecurringSession Series, Instant? SpanEnd)> series, CancellationToken cancellationToken);

    /// <summary>Replaces a series if its stored revision is <paramref name="expectedRevision"/>; its overrides stay. Returns false otherwise.</summary>
    ValueTask<bool> ReplaceAsync(string tenantId, RecurringSession series, Instant? spanEnd, long expectedRevision, CancellationToken cancellationToken);

    /// <summary>Deletes a series and its overrides if its stored revision is <paramref name="expectedRevision"/>; returns false otherwise.</summary>
    ValueTask<bool> DeleteAsync(string tenantId, string id, long expectedRevision, CancellationToken cancellationToken);

    /// <summary>
    /// The series that <paramref name="filter"/> admits and that can have an instance overlapping <c>[from, to)</c>:
    /// its span <c>[first start, span end)</c> overlaps the window, or one of its overrides starts an instance there.
    /// </summary>
    IAsyncEnumerable<RecurringSessionRecord> FindOverlappingAsync(string tenantId, SessionCandidateFilter filter, Instant from, Instant to, CancellationToken cancellationToken);

    /// <summary>
    /// Stores an instance override if the instance's stored revision is <paramref name="expectedRevision"/> (0 when
    /// the instance has no override yet); returns false otherwise, or when the series does not exist.
    /// </summary>
    ValueTask<bool> SaveOverrideAsync(string tenantId, InstanceOverride instanceOverride, long expectedRevision, CancellationToken cancellationToken);

    /// <summary>
    /// Splits a series in one atomic step ("this and following"): reads the series with every override it holds,
    /// lets <paramref name="decide"/> decide from what it read (for example
    /// <see cref="Splitting.Split(RecurringSessionRecord?, long, RecurringSession, Instant?, RecurringSession, Instant?, LocalDateTime, long)"/>),
    /// and writes the split it decided, with no other change to the series or its overrides in between. Moving what
    /// is stored, not what the caller read, means a booking made while the split was computed is never lost. The core
    /// decides; the store only locks, reads and writes.
    /// </summary>
    /// <typeparam name="TResult">What the decision hands back.</typeparam>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="recurringSessionId">The series to split.</param>
    /// <param name="decide">
    /// Given the stored record (null when there is none in the tenant), returns the split to write (or nothing) and
    /// the result. The store runs it synchronously, once, while it holds the series (its lock, a write transaction, a
    /// locked row); it must not call the store. A split is written exactly as given: the ended series replaces the
    /// stored one and keeps only the overrides it holds (<see cref="SeriesSplit.OverridesLeaving"/> names the others,
    /// which are deleted), and the following series is inserted with its overrides; both get a new
    /// <see cref="RecurringSessionRecord.Version"/>. A write is refused with <see cref="InvalidOperationException"/>
    /// when there was no series or the split is not one of it.
    /// </param>
    /// <param name="cancellationToken">Cancels the call before the write.</param>
    /// <returns>The result of <paramref name="decide"/>. When it wrote, the change version moved on.</returns>
    /// <exception cref="SchedulingException">
    /// <see cref="SchedulingErrorCode.Conflict"/> on <c>id</c>: the following series' id is taken in the tenant; nothing was written.
    /// </exception>
    /// <remarks>An exception from <paramref name="decide"/> reaches the caller, and nothing is written.</remarks>
    ValueTask<TResult> SplitAsync<TResult>(
        string tenantId,
        string recurringSessionId,
        Func<RecurringSessionRecord?, StoreChange<SeriesSplit, TResult>> decide,
        CancellationToken cancellationToken);

    /// <summary>
    /// Changes one instance of a series in one atomic step: reads the series and the instance's override, lets
    /// <paramref name="decide"/> decide from what it read, and writes the override it decided, with no other change to
    /// that instance (and no split of the series) in between. The core decides (for example
    /// <see cref="Booking.Book(RecurringSession?, InstanceOverride?, LocalDateTime, Participant, Instant)"/>); the store
    /// only locks, reads and writes. The series itself is never written.
    /// </summary>
    /// <typeparam name="TResult">What the decision hands back.</typeparam>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="recurringSessionId">The series' id.</param>
    /// <param name="identityStart">The instance's identity start (see <see cref="SessionInstanceId"/>).</param>
    /// <param name="decide">
    /// Given the stored series (null when there is none in the tenant) and the instance's override (null when it has
    /// none), returns the override to write (or nothing) and the result. The store runs it synchronously, once, while
    /// it holds the series (its lock, a write transaction, a locked row); it must not call the store. An override to
    /// write has this series and identity start and is written exactly as given, revision and <c>UpdatedAt</c>
    /// included (it is inserted when the instance had none); a write is refused with
    /// <see cref="InvalidOperationException"/> when there was no series.
    /// </param>
    /// <param name="cancellationToken">Cancels the call before the write.</param>
    /// <returns>The result of <paramref name="decide"/>. When it wrote, the change version moved on.</returns>
    /// <remarks>
    /// Reads only that one override, never the others, so the cost does not grow with the number of edited instances
    /// and an unreadable override of another instance does not fail it. An exception from <paramref name="decide"/>
    /// reaches the caller, and nothing is written.
    /// </remarks>
    ValueTask<TResult> ChangeInstanceAsync<TResult>(
        string tenantId,
        string recurringSessionId,
        LocalDateTime identityStart,
        Func<RecurringSession?, InstanceOverride?, StoreChange<InstanceOverride, TResult>> decide,
        CancellationToken cancellationToken);

    /// <summary>
    /// A number that changes with every write to the tenant, or null when the store cannot tell cheaply. The core
    /// only uses it to reuse work from one page of a query to the next while nothing has changed.
    /// </summary>
    ValueTask<long?> GetChangeVersionAsync(string tenantId, CancellationToken cancellationToken);
}
