namespace Scheduling.Attendance;

/// <summary>
/// The first page of an attendance query: which records, in which order, how many per page. Later pages pass only
/// the cursor a page returned; it carries all of this.
/// </summary>
public sealed record AttendanceQuery
{
    /// <summary>Gets the filter; every attendance by default.</summary>
    public AttendanceFilter Filter { get; init; } = AttendanceFilter.All;

    /// <summary>Gets the order; by id, ascending, by default.</summary>
    public AttendanceSort Sort { get; init; } = AttendanceSort.IdAscending;

    /// <summary>
    /// Gets the page size, or null for <see cref="SchedulingOptions.DefaultAttendancePageSize"/> (50); at most
    /// <see cref="SchedulingOptions.MaxPageSize"/> (1,000).
    /// </summary>
    public int? Limit { get; init; }
}
