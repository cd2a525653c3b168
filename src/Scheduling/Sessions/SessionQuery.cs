using NodaTime;

namespace Scheduling.Sessions;

/// <summary>
/// A query for the sessions and instances that overlap <c>[From, To)</c>, sorted by start then id. The window may
/// be at most <see cref="SchedulingOptions.MaxQueryWindow"/> long (one year by default).
/// </summary>
public sealed record SessionQuery
{
    /// <summary>Gets the inclusive start of the window.</summary>
    public required Instant From { get; init; }

    /// <summary>Gets the exclusive end of the window.</summary>
    public required Instant To { get; init; }

    /// <summary>Gets the filter; cancelled sessions are left out unless it names <c>status</c>.</summary>
    public SessionFilter Filter { get; init; } = SessionFilter.All;

    /// <summary>Gets the page size, or null for <see cref="SchedulingOptions.DefaultPageSize"/>.</summary>
    public int? PageSize { get; init; }

    /// <summary>Gets how much of each session to return.</summary>
    public SessionFieldset Fieldset { get; init; }
}
