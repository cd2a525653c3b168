using System.Collections.Immutable;

namespace Scheduling.Stores;

// Inside the namespace, so that "Attendance" names the type rather than the namespace Scheduling.Attendance.
using Scheduling.Attendance;

/// <summary>
/// The part of an attendance query a store applies itself, with its indexes, when it selects candidates. The core
/// applies the full filter afterwards, so a store may return more, never less.
/// </summary>
/// <remarks>Empty sets mean "any". Immutable and thread-safe.</remarks>
public sealed record AttendanceCandidateFilter
{
    /// <summary>A filter that lets every candidate through.</summary>
    public static readonly AttendanceCandidateFilter Any = new();

    /// <summary>Gets the ids a candidate must have one of; empty for any.</summary>
    public ImmutableHashSet<string> Ids { get; init; } = [];

    /// <summary>Gets the booking ids a candidate must have one of; empty for any.</summary>
    public ImmutableHashSet<string> BookingIds { get; init; } = [];

    /// <summary>Gets the session ids a candidate must have one of; empty for any.</summary>
    public ImmutableHashSet<string> SessionIds { get; init; } = [];

    /// <summary>Gets the recurring session ids a candidate must belong to one of (attendance at single sessions never matches); empty for any.</summary>
    public ImmutableHashSet<string> RecurringSessionIds { get; init; } = [];

    /// <summary>Gets the statuses a candidate must have one of; empty for any.</summary>
    public ImmutableHashSet<AttendanceStatus> Statuses { get; init; } = [];

    /// <summary>Whether an attendance can match.</summary>
    public bool Admits(Attendance attendance)
    {
        ArgumentNullException.ThrowIfNull(attendance);
        return (Ids.IsEmpty || Ids.Contains(attendance.Id))
            && (BookingIds.IsEmpty || BookingIds.Contains(attendance.BookingId))
            && (SessionIds.IsEmpty || SessionIds.Contains(attendance.SessionId))
            && (RecurringSessionIds.IsEmpty || (attendance.RecurringSessionId is { } series && RecurringSessionIds.Contains(series)))
            && (Statuses.IsEmpty || Statuses.Contains(attendance.Status));
    }
}
