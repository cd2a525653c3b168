namespace Scheduling.Stores;

/// <summary>What attendance is counted by in a tally.</summary>
public enum AttendanceGrouping
{
    /// <summary>By session (or instance) id.</summary>
    Session = 0,

    /// <summary>By booking id.</summary>
    Booking = 1,
}
