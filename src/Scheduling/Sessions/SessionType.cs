namespace Scheduling.Sessions;

/// <summary>The kind of time a session occupies.</summary>
public enum SessionType
{
    /// <summary>Reserved time: an appointment, a class, a course meeting, or blocked time.</summary>
    Event = 0,

    /// <summary>A placeholder for the time a resource is available.</summary>
    WorkingHours = 1,
}
