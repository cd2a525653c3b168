namespace Scheduling.Stores;

// Inside the namespace, so that "Attendance" names the type rather than the namespace Scheduling.Attendance.
using Scheduling.Attendance;

/// <summary>
/// Persists attendance for many tenants. Every member is confined to the tenant it is given; policy (rules, who may
/// see what) lives in <see cref="AttendanceService"/>, never here. Implementations must be thread-safe, and every
/// write must be atomic.
/// </summary>
/// <remarks>
/// <para>A tenant holds at most one attendance per (booking id, session id), and ids are unique per tenant: a
/// durable store keys both with the tenant first (<c>(tenant_id, id)</c> and <c>(tenant_id, booking_id,
/// session_id)</c> unique).</para>
/// <para>Queries are keyset seeks over a total order (see <see cref="FindInOrderAsync"/>); a SQL store serves them
/// with an index on <c>(tenant_id, id)</c> and one on <c>(tenant_id, number_of_attendees, id)</c>, and with
/// <c>(tenant_id, booking_id, ...)</c> and <c>(tenant_id, session_id, ...)</c> for queries by booking or session.</para>
/// </remarks>
public interface IAttendanceStore
{
    /// <summary>Finds an attendance by id, or returns null.</summary>
    ValueTask<Attendance?> FindAsync(string tenantId, string id, CancellationToken cancellationToken);

    /// <summary>Finds the attendance of a booking at a session, or returns null.</summary>
    ValueTask<Attendance?> FindByBookingAndSessionAsync(string tenantId, string bookingId, string sessionId, CancellationToken cancellationToken);

    /// <summary>Adds an attendance; returns false (and stores nothing) when its id, or its booking and session, are taken.</summary>
    ValueTask<bool> InsertAsync(string tenantId, Attendance attendance, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces the attendance with the same id if its stored revision is <paramref name="expectedRevision"/>;
    /// returns false (and changes nothing) otherwise, or when another attendance holds the new booking and session.
    /// </summary>
    ValueTask<bool> ReplaceAsync(string tenantId, Attendance attendance, long expectedRevision, CancellationToken cancellationToken);

    /// <summary>Deletes an attendance if its stored revision is <paramref name="expectedRevision"/>; returns false otherwise.</summary>
    ValueTask<bool> DeleteAsync(string tenantId, string id, long expectedRevision, CancellationToken cancellationToken);

    /// <summary>
    /// Inserts and replaces many attendance records in one transaction, all or nothing: returns false and changes
    /// nothing when any write would fail on its own (see <see cref="AttendanceWrite.ExpectedRevision"/>), or when two
    /// writes name the same id, or the same booking and session.
    /// </summary>
    ValueTask<bool> SaveManyAsync(string tenantId, IReadOnlyList<AttendanceWrite> writes, CancellationToken cancellationToken);

    /// <summary>
    /// The attendance <paramref name="filter"/> admits, in the order of <paramref name="sort"/> (a total order: the id
    /// breaks ties in the sort's direction), from a keyset position: with <see cref="SeekDirection.Forward"/> the
    /// items strictly after <paramref name="position"/> (from the first when it is null) in that order; with
    /// <see cref="SeekDirection.Backward"/> the items strictly before it (from the last when it is null), nearest
    /// first. The caller stops reading when it has enough, so a store should stream (a seek on an index, not a load
    /// of the tenant), and the cost of reading a page must not depend on how far in the position is.
    /// </summary>
    IAsyncEnumerable<Attendance> FindInOrderAsync(
        string tenantId,
        AttendanceCandidateFilter filter,
        AttendanceSort sort,
        AttendancePosition? position,
        SeekDirection direction,
        CancellationToken cancellationToken);

    /// <summary>
    /// Counts the attendance of each of <paramref name="keys"/> (session ids or booking ids, by
    /// <paramref name="grouping"/>) by status, and sums the numbers of attendees, without returning the records (a SQL
    /// store runs one <c>GROUP BY</c>). Keys with no attendance may be left out; order is not specified.
    /// </summary>
    IAsyncEnumerable<AttendanceTally> TallyAsync(string tenantId, AttendanceGrouping grouping, IReadOnlyCollection<string> keys, CancellationToken cancellationToken);
}
