using NodaTime;

namespace Scheduling.Attendance;

/// <summary>
/// Whether the participants of one booking came to one session: a single session, or one instance of a recurring
/// session. There is at most one attendance per booking and session in a tenant.
/// </summary>
/// <remarks>
/// <para><see cref="SessionId"/> is the session's id as the sessions API gives it; for an instance that is the stable
/// instance id (see <see cref="Sessions.SessionInstanceId"/>), so an edit of the instance or of its whole series does
/// not orphan the attendance.</para>
/// <para>The tenant is not a property: a store keeps each attendance under the tenant of the call that wrote it, and
/// every read is confined to the caller's tenant. Immutable and thread-safe.</para>
/// </remarks>
public sealed record Attendance
{
    /// <summary>Gets the attendance's id.</summary>
    public required string Id { get; init; }

    /// <summary>Gets the id of the booking, which the host owns; the library never checks it against anything.</summary>
    public required string BookingId { get; init; }

    /// <summary>Gets the id of the single session or the stable id of the instance the attendance is for.</summary>
    public required string SessionId { get; init; }

    /// <summary>Gets the id of the recurring session the instance belongs to, or null for a single session.</summary>
    public string? RecurringSessionId { get; init; }

    /// <summary>Gets whether the participants came.</summary>
    public AttendanceStatus Status { get; init; }

    /// <summary>
    /// Gets how many participants came: at least 1 (and at most the session's capacity when it has one) when
    /// <see cref="Status"/> is <see cref="AttendanceStatus.Attended"/>, otherwise 0.
    /// </summary>
    public int NumberOfAttendees { get; init; }

    /// <summary>Gets the revision: 1 when created, one more with every change. Pass it back to change or delete without losing a concurrent change.</summary>
    public long Revision { get; init; }

    /// <summary>Gets when the attendance was first set.</summary>
    public Instant CreatedAt { get; init; }

    /// <summary>Gets when the attendance last changed.</summary>
    public Instant UpdatedAt { get; init; }
}
