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
    /// <summary>Gets the new title.</summary>
    public Optional<string?> Title { get; init; }

    /// <summary>Gets the new tags.</summary>
    public Optional<ImmutableArray<string>> Tags { get; init; }

    /// <summary>Gets the new notes.</summary>
    public Optional<string?> Notes { get; init; }

    /// <summary>Gets the new location.</summary>
    public Optional<string?> Location { get; init; }

    /// <summary>Gets the new capacity (null for no limit).</summary>
    public Optional<int?> Capacity { get; init; }

    /// <summary>Gets the new wall-clock start of the first instance (for "this and following": of the first instance that changes).</summary>
    public Optional<LocalDateTime> Start { get; init; }

    /// <summary>Gets the new duration of each instance.</summary>
    public Optional<Duration> Duration { get; init; }

    /// <summary>Gets the new rule.</summary>
    public Optional<RecurrenceRule> Rule { get; init; }
}
