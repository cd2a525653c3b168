using System.Collections.Immutable;

namespace Scheduling.Attendance;

/// <summary>What a bulk set did: one result per item, in the order given.</summary>
/// <param name="Items">The results, one per item and in the order of the request.</param>
public sealed record BulkAttendanceResult(ImmutableArray<BulkAttendanceItemResult> Items)
{
    /// <summary>Gets how many items were written.</summary>
    public int Succeeded => Items.Count(i => i.Outcome == BulkAttendanceOutcome.Succeeded);

    /// <summary>Gets how many items were refused.</summary>
    public int Failed => Items.Count(i => i.Outcome == BulkAttendanceOutcome.Failed);

    /// <summary>Gets how many valid items were not written because an all-or-nothing bulk set had a failure.</summary>
    public int NotApplied => Items.Count(i => i.Outcome == BulkAttendanceOutcome.NotApplied);

    /// <summary>Gets a value indicating whether every item was written.</summary>
    public bool AllSucceeded => Items.All(i => i.Outcome == BulkAttendanceOutcome.Succeeded);
}
