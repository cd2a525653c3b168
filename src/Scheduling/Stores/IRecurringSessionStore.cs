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
    /// Splits a series in one transaction ("this and following"): replaces <paramref name="endedSeries"/> if its
    /// stored revision is <paramref name="expectedRevision"/>, inserts <paramref name="followingSeries"/>, and moves
    /// every override stored at that moment whose identity start is at or after <paramref name="moveFrom"/> to the new
    /// series, keyed <paramref name="keyShiftSeconds"/> later. Moving what is stored, not what the caller read, means a
    /// booking made while the split was computed is never lost. Returns false and changes nothing on a stale revision
    /// or when the new id is taken.
    /// </summary>
    ValueTask<bool> SplitAsync(
        string tenantId,
        RecurringSession endedSeries,
        Instant? endedSpanEnd,
        long expectedRevision,
        RecurringSession followingSeries,
        Instant? followingSpanEnd,
        LocalDateTime moveFrom,
        long keyShiftSeconds,
        CancellationToken cancellationToken);

    /// <summary>
    /// Adds a participant to one instance atomically, creating its override if needed: the capacity (the instance's
    /// own, else <paramref name="seriesCapacity"/>) is checked and the participant added in one step. A cancelled
    /// instance (its own tombstone, or a series cancelled from before its start, see
    /// <see cref="RecurringSession.InstanceStartOf"/>) takes no booking.
    /// </summary>
    ValueTask<BookingOutcome> AddParticipantAsync(
        string tenantId,
        string recurringSessionId,
        LocalDateTime identityStart,
        Participant participant,
        int? seriesCapacity,
        Instant now,
        CancellationToken cancellationToken);

    /// <summary>
    /// A number that changes with every write to the tenant, or null when the store cannot tell cheaply. The core
    /// only uses it to reuse work from one page of a query to the next while nothing has changed.
    /// </summary>
    ValueTask<long?> GetChangeVersionAsync(string tenantId, CancellationToken cancellationToken);
}
