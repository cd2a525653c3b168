namespace Scheduling.Attendance;

/// <summary>The field an attendance query sorts by.</summary>
public enum AttendanceSortField
{
    /// <summary>The attendance id, ordinal (<c>id</c>; the default).</summary>
    Id = 0,

    /// <summary>The number of attendees, then the id (<c>numberOfAttendees</c>).</summary>
    NumberOfAttendees = 1,
}
