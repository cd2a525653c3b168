namespace Scheduling.Sessions;

/// <summary>
/// A query for the instance overrides of one recurring session (<see cref="SessionService.ListInstanceOverridesAsync(Security.CallerContext, InstanceOverrideQuery, CancellationToken)"/>):
/// every override stored for it, in order of <see cref="InstanceOverride.IdentityStart"/>, one cursor page at a time.
/// Immutable and thread-safe.
/// </summary>
public sealed record InstanceOverrideQuery
{
    /// <summary>Gets the id of the recurring session.</summary>
    public required string RecurringSessionId { get; init; }

    /// <summary>Gets the page size, or null for <see cref="SchedulingOptions.DefaultPageSize"/>; at most <see cref="SchedulingOptions.MaxPageSize"/>.</summary>
    public int? PageSize { get; init; }

    /// <summary>Gets how much of each override's participants to return.</summary>
    public SessionFieldset Fieldset { get; init; }
}
