namespace Scheduling.Attendance;

/// <summary>What a bulk set did with one item: every item gets one, in the order given, so nothing is skipped silently.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record BulkAttendanceItemResult
{
    /// <summary>Gets the item's position in the request, from 0.</summary>
    public required int Index { get; init; }

    /// <summary>Gets the item as it was given.</summary>
    public required AttendanceMark Mark { get; init; }

    /// <summary>Gets what happened to it.</summary>
    public required BulkAttendanceOutcome Outcome { get; init; }

    /// <summary>Gets the attendance as written when the item succeeded; otherwise null.</summary>
    public Attendance? Attendance { get; init; }

    /// <summary>Gets why the item failed (the code a single set would have thrown); null unless it failed.</summary>
    public SchedulingErrorCode? ErrorCode { get; init; }

    /// <summary>Gets the field at fault when the item failed on an invalid argument (for example <c>numberOfAttendees</c>); otherwise null.</summary>
    public string? ErrorField { get; init; }

    /// <summary>Gets a sentence a person can read when the item failed or was not applied; otherwise null.</summary>
    public string? Message { get; init; }
}
