namespace Scheduling.Attendance;

/// <summary>How a bulk set treats an item that fails.</summary>
public enum BulkAttendanceMode
{
    /// <summary>Each item is written on its own: the ones that can be are, the others are reported as failed.</summary>
    Independent = 0,

    /// <summary>
    /// All items are written in one transaction, or none: when one fails, it is reported as failed and every other
    /// item as <see cref="BulkAttendanceOutcome.NotApplied"/>.
    /// </summary>
    AllOrNothing = 1,
}
