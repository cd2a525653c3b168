namespace Scheduling.Attendance;

/// <summary>What a bulk set did with one item.</summary>
public enum BulkAttendanceOutcome
{
    /// <summary>The attendance was written.</summary>
    Succeeded = 0,

    /// <summary>The item was refused; the result says why.</summary>
    Failed = 1,

    /// <summary>The item was valid but not written, because the bulk set was all-or-nothing and another item failed.</summary>
    NotApplied = 2,
}
