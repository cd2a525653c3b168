using System.Collections.Immutable;
using Scheduling.Sessions;

namespace Scheduling.Stores;

/// <summary>
/// The part of a query a store applies itself when it selects candidates: conditions on fields that a series and
/// all its instances share. The core applies the full filter afterwards, so a store may return more, never less.
/// </summary>
/// <remarks>Empty sets mean "any". Immutable and thread-safe.</remarks>
public sealed record SessionCandidateFilter
{
    /// <summary>A filter that lets every candidate through.</summary>
    public static readonly SessionCandidateFilter Any = new();

    /// <summary>Gets the schedule ids a candidate must have one of; empty for any.</summary>
    public ImmutableHashSet<string> ScheduleIds { get; init; } = [];

    /// <summary>Gets the schedule owner ids a candidate must have one of; empty for any.</summary>
    public ImmutableHashSet<string> ScheduleOwnerIds { get; init; } = [];

    /// <summary>Gets the session types a candidate must have one of; empty for any.</summary>
    public ImmutableHashSet<SessionType> Types { get; init; } = [];

    /// <summary>Gets the recurring session ids a candidate must belong to one of (single sessions never match); empty for any.</summary>
    public ImmutableHashSet<string> RecurringSessionIds { get; init; } = [];

    /// <summary>Whether a session or series with these fields can match.</summary>
    public bool Admits(string scheduleId, string scheduleOwnerId, SessionType type, string? recurringSessionId) =>
        (ScheduleIds.IsEmpty || ScheduleIds.Contains(scheduleId))
        && (ScheduleOwnerIds.IsEmpty || ScheduleOwnerIds.Contains(scheduleOwnerId))
        && (Types.IsEmpty || Types.Contains(type))
        && (RecurringSessionIds.IsEmpty || (recurringSessionId is not null && RecurringSessionIds.Contains(recurringSessionId)));
}
