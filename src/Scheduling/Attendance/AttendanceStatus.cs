namespace Scheduling.Attendance;

/// <summary>Whether the participants of a booking came to a session.</summary>
public enum AttendanceStatus
{
    /// <summary>Nothing is known yet (<c>NOT_SET</c>). Carries no attendees.</summary>
    NotSet = 0,

    /// <summary>At least one participant came (<c>ATTENDED</c>); the number of attendees says how many.</summary>
    Attended = 1,

    /// <summary>Nobody came (<c>NOT_ATTENDED</c>). Carries no attendees: this, not a count of 0, says nobody came.</summary>
    NotAttended = 2,
}
