namespace Scheduling.Attendance;

/// <summary>How one booking attended across its sessions (every session of a course, for a course booking).</summary>
/// <param name="BookingId">The booking.</param>
/// <param name="Attended">How many of its sessions it attended.</param>
/// <param name="NotAttended">How many it did not attend.</param>
/// <param name="NotSet">How many have attendance not set yet; they do not count toward the rate.</param>
/// <param name="TotalAttendees">The sum of the numbers of attendees over the attended sessions.</param>
public sealed record BookingAttendanceSummary(string BookingId, int Attended, int NotAttended, int NotSet, long TotalAttendees)
{
    /// <summary>Gets how many of its sessions have attendance marked, whatever the status.</summary>
    public int Total => Attended + NotAttended + NotSet;

    /// <summary>
    /// Gets the attendance rate, attended / (attended + not attended), from 0 to 1; null while no session is marked
    /// attended or not attended (sessions not set yet are neither a success nor a no-show).
    /// </summary>
    public double? AttendanceRate => Attended + NotAttended == 0 ? null : (double)Attended / (Attended + NotAttended);
}
