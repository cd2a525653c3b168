namespace Scheduling.Attendance;

/// <summary>
/// What the business marks for one booking at one session: the request of
/// <see cref="AttendanceService.SetAttendanceAsync"/> and of each item of a bulk set. It creates the attendance of
/// the booking and session, or replaces it when there is one.
/// </summary>
public sealed record AttendanceMark
{
    /// <summary>Gets the id of the booking (owned by the host).</summary>
    public required string BookingId { get; init; }

    /// <summary>Gets the id of a single session, or the stable id of an instance of a recurring session.</summary>
    public required string SessionId { get; init; }

    /// <summary>Gets whether the participants came.</summary>
    public required AttendanceStatus Status { get; init; }

    /// <summary>
    /// Gets how many participants came, or null for the default: 1 when <see cref="Status"/> is
    /// <see cref="AttendanceStatus.Attended"/>, 0 otherwise. An attended mark takes 1 or more (at most the session's
    /// capacity when it has one); the other statuses take 0 or nothing.
    /// </summary>
    public int? NumberOfAttendees { get; init; }

    /// <summary>
    /// Gets the revision the caller read, or null to write whatever is stored (the last writer wins). 0 means "there
    /// is no attendance for this booking and session yet". A stale revision is a conflict.
    /// </summary>
    public long? ExpectedRevision { get; init; }

    /// <summary>
    /// Gets the id to create the attendance with, or null for a new one. When an attendance already exists for the
    /// booking and session it keeps its id, and a different id here is an error.
    /// </summary>
    public string? Id { get; init; }
}
