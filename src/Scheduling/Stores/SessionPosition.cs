using NodaTime;
using Scheduling.Sessions;

namespace Scheduling.Stores;

/// <summary>
/// A keyset position in the order of query results, and that order itself: by start instant, then, among equal
/// starts, by id in code point order (<see cref="IdOrder"/>). Ids are unique within a tenant, so the order is total.
/// </summary>
/// <remarks>
/// This is the one definition of result order: the core's pager and every store compare with
/// <see cref="CompareTo(SessionPosition)"/>; a SQL store's <c>ORDER BY start, id</c> is its index form.
/// </remarks>
/// <param name="Start">The start instant of the last item read.</param>
/// <param name="Id">Its id.</param>
public readonly record struct SessionPosition(Instant Start, string Id) : IComparable<SessionPosition>
{
    /// <summary>The position of <paramref name="session"/>: its start instant and its id.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="session"/> is null.</exception>
    public static SessionPosition Of(Session session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return new SessionPosition(session.Start.Timestamp, session.Id);
    }

    /// <summary>Compares two positions in result order: the earlier start first; on equal starts, the ids by code point (<see cref="IdOrder"/>).</summary>
    /// <returns>Less than zero when this position comes first, zero when both are the same, greater than zero otherwise.</returns>
    public int CompareTo(SessionPosition other) => Compare(Start, Id, other.Start, other.Id);

    /// <summary>Whether <paramref name="left"/> comes before <paramref name="right"/> in result order.</summary>
    public static bool operator <(SessionPosition left, SessionPosition right) => left.CompareTo(right) < 0;

    /// <summary>Whether <paramref name="left"/> comes after <paramref name="right"/> in result order.</summary>
    public static bool operator >(SessionPosition left, SessionPosition right) => left.CompareTo(right) > 0;

    /// <summary>Whether <paramref name="left"/> comes before <paramref name="right"/> or is the same.</summary>
    public static bool operator <=(SessionPosition left, SessionPosition right) => left.CompareTo(right) <= 0;

    /// <summary>Whether <paramref name="left"/> comes after <paramref name="right"/> or is the same.</summary>
    public static bool operator >=(SessionPosition left, SessionPosition right) => left.CompareTo(right) >= 0;

    /// <summary>Whether <paramref name="session"/> comes after this position in result order (a page continuing from here reads it).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="session"/> is null.</exception>
    public bool Precedes(Session session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return Compare(session.Start.Timestamp, session.Id, Start, Id) > 0;
    }

    /// <summary>The order on the parts, so a caller holding them need not build a position.</summary>
    internal static int Compare(Instant leftStart, string leftId, Instant rightStart, string rightId)
    {
        var byStart = leftStart.CompareTo(rightStart);
        return byStart != 0 ? byStart : IdOrder.Compare(leftId, rightId);
    }
}
