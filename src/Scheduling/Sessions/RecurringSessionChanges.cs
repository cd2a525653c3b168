using System.Collections.Immutable;
using NodaTime;
using Scheduling.Recurrence;

namespace Scheduling.Sessions;

/// <summary>
/// Changes to a recurring session: to the whole series, or to an instance and all that follow it. Only the fields
/// given change; fields an instance set for itself are kept.
/// </summary>
public sealed record RecurringSessionChanges
{
    /// <summary>Gets the changes to the details the instances inherit (only the fields given change).</summary>
    public SessionDetailsChanges Details { get; init; } = SessionDetailsChanges.None;

    /// <summary>Gets the new wall-clock start of the first instance (for "this and following": of the first instance that changes).</summary>
    public Optional<LocalDateTime> Start { get; init; }

    /// <summary>Gets the new duration of each instance.</summary>
    public Optional<Duration> Duration { get; init; }

    /// <summary>Gets the new rule.</summary>
    public Optional<RecurrenceRule> Rule { get; init; }

    /// <summary>
    /// Gets the new exception dates (the whole list, in the terms of the changed series: wall-clock starts its rule
    /// produces). Not given, they are kept, moved as far as the start moves; for "this and following" the ended series
    /// keeps those before the instance and the new series takes those from it on.
    /// </summary>
    public Optional<ImmutableArray<LocalDateTime>> ExceptionDates { get; init; }

    /// <summary>
    /// Gets the new extra dates (the whole list, in the terms of the changed series). Not given, they are kept and moved
    /// as the exception dates are.
    /// </summary>
    public Optional<ImmutableArray<LocalDateTime>> ExtraDates { get; init; }
}
