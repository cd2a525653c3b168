namespace Scheduling.Attendance;

/// <summary>Who came to one session or instance: the attendance marked for it, counted by status.</summary>
/// <param name="SessionId">The session or instance.</param>
/// <param name="Attended">How many bookings attended.</param>
/// <param name="NotAttended">How many bookings did not attend.</param>
/// <param name="NotSet">How many bookings have attendance not set yet.</param>
/// <param name="TotalAttendees">How many participants came: the sum of the attended bookings' numbers of attendees.</param>
public sealed record SessionAttendanceSummary(string SessionId, int Attended, int NotAttended, int NotSet, long TotalAttendees)
{
    /// <summary>Gets how many bookings have attendance marked for the session, whatever the status.</summary>
    public int Total => Attended + NotAttended + NotSet;
}
