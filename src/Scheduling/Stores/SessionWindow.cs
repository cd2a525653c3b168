using NodaTime;
using Scheduling.Sessions;

namespace Scheduling.Stores;

/// <summary>
/// The half-open span of time <c>[From, To)</c> a query asks about, and the rule of which sessions it holds: a
/// session <c>[start, end)</c> overlaps the window when it starts before <see cref="To"/> and ends after
/// <see cref="From"/>; an instant-long session (end equal to start) overlaps when it starts inside the window.
/// </summary>
/// <remarks>
/// This is the one definition of overlap: the core's pager and every store test with
/// <see cref="Overlaps(Instant, Instant)"/>. A SQL store's condition on its tick columns is the index form of the
/// same rule (rounded outwards so that it keeps every row the rule keeps), followed by this exact test. Queries
/// refuse empty windows (<see cref="To"/> not after <see cref="From"/>); the rule still answers for one: an empty
/// window at an instant holds the sessions running across it.
/// </remarks>
/// <param name="From">The first instant of the window.</param>
/// <param name="To">The instant the window ends, excluded.</param>
public readonly record struct SessionWindow(Instant From, Instant To)
{
    /// <summary>Whether the span <c>[start, end)</c> overlaps the window (see <see cref="SessionWindow"/>).</summary>
    public bool Overlaps(Instant start, Instant end) =>
        start < To && (end > From || (end == start && start >= From));

    /// <summary>Whether <paramref name="session"/>'s time overlaps the window.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="session"/> is null.</exception>
    public bool Overlaps(Session session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return Overlaps(session.Start.Timestamp, session.End.Timestamp);
    }
}
