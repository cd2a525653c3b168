using System.Collections.Immutable;

namespace Scheduling.Paging;

/// <summary>One page of a cursor-paged query.</summary>
/// <typeparam name="T">The type of item.</typeparam>
/// <param name="Items">The items of this page, in the query's order.</param>
/// <param name="HasNext">Whether another page follows.</param>
/// <param name="NextCursor">The opaque cursor of the next page, or null on the last page. Pass it alone: it carries the query.</param>
public sealed record CursorPage<T>(ImmutableArray<T> Items, bool HasNext, string? NextCursor)
{
    /// <summary>
    /// Gets the opaque cursor of the page before this one, or null on the first page and for queries that do not
    /// page backwards (session queries never do; attendance queries do). Pass it alone, like <see cref="NextCursor"/>.
    /// </summary>
    public string? PreviousCursor { get; init; }
}
