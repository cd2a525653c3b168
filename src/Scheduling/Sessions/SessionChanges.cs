using System.Collections.Immutable;

namespace Scheduling.Sessions;

/// <summary>
/// Changes to a single session or to one instance of a recurring session. Only the fields given change. For an
/// instance, a changed start is kept as the instance's own (a later series edit does not move it) and a changed end
/// is kept as the instance's own duration.
/// </summary>
public sealed record SessionChanges
{
    /// <summary>Gets the changes to the details (only the fields given change).</summary>
    public SessionDetailsChanges Details { get; init; } = SessionDetailsChanges.None;

    /// <summary>Gets the new start.</summary>
    public Optional<CalendarDateTime> Start { get; init; }

    /// <summary>Gets the new end.</summary>
    public Optional<CalendarDateTime> End { get; init; }
}
