using System.Runtime.CompilerServices;
using NodaTime;
using Scheduling.Stores;

namespace Scheduling.Sessions;

/// <summary>
/// Every session in a window, in result order (start, then id): the single sessions and the instances of the
/// candidate series merged as they stream, each admitted by the filter and overlapping the window. The one place a
/// query reads sessions from the stores; the pager takes a page from it, and any reader that needs "everything in
/// this window, in order" reads it the same way.
/// </summary>
internal static class SessionTimeline
{
    /// <summary>
    /// Every session and instance overlapping <c>[from, to)</c> that <paramref name="filter"/> admits, in order,
    /// streamed: a reader that stops early expands nothing beyond what it read.
    /// </summary>
    /// <remarks>
    /// Its bounds are the window and the token: a filter that admits nothing reads the whole window before it ends. A
    /// reader whose every call must do bounded work counts what it looks at through <see cref="ExamineAsync"/>, as a
    /// query page does.
    /// </remarks>
    public static async IAsyncEnumerable<Session> ReadAsync(
        ISessionStore sessions,
        IRecurringSessionStore recurringSessions,
        string tenantId,
        SessionFilter filter,
        Instant from,
        Instant to,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var instances = await OpenInstancesAsync(recurringSessions, tenantId, filter, from, to, null, cancellationToken).ConfigureAwait(false);
        await foreach (var examined in ExamineAsync(sessions, tenantId, filter, from, to, null, instances, cancellationToken).ConfigureAwait(false))
        {
            if (examined.Admitted)
            {
                yield return examined.Session;
            }
        }
    }

    /// <summary>
    /// The instances of the series <paramref name="filter"/> may admit an instance of, positioned after
    /// <paramref name="after"/>; the caller owns (and disposes) the result.
    /// </summary>
    public static ValueTask<SeriesInstances> OpenInstancesAsync(
        IRecurringSessionStore recurringSessions,
        string tenantId,
        SessionFilter filter,
        Instant from,
        Instant to,
        SessionPosition? after,
        CancellationToken cancellationToken) =>
        SeriesInstances.OpenAsync(
            recurringSessions.FindOverlappingAsync(tenantId, filter.PushDown(), from, to, cancellationToken).Where(filter.MayAdmitAnInstanceOf),
            from,
            to,
            after,
            cancellationToken);

    /// <summary>
    /// The single sessions after <paramref name="after"/> merged with <paramref name="instances"/>, every one of them
    /// in result order with the verdict (admitted by <paramref name="filter"/> and overlapping <c>[from, to)</c>, or
    /// not). An item is passed only when the reader asks for the one after it, so a reader that stops leaves
    /// <paramref name="instances"/> at the last item it took; and since items come strictly in order, a reader that
    /// stops after any item has seen everything up to that item's position and nothing beyond it.
    /// </summary>
    /// <remarks>
    /// Items at or before <paramref name="after"/> (the instances of a series at the position's own start, moved
    /// instances before it) are passed over without being yielded: they belong to earlier pages. Cancellation is
    /// checked before every item, and inside every series' expansion.
    /// </remarks>
    public static async IAsyncEnumerable<ExaminedSession> ExamineAsync(
        ISessionStore sessions,
        string tenantId,
        SessionFilter filter,
        Instant from,
        Instant to,
        SessionPosition? after,
        SeriesInstances instances,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var window = new SessionWindow(from, to);
        bool IsAfter(Session session) => after is not { } position || position.Precedes(session);

        bool Admits(Session session) => window.Overlaps(session) && filter.Admits(session);

        var singles = sessions.FindOverlappingAsync(tenantId, filter.PushDown(), from, to, after, cancellationToken).Where(IsAfter);
        await using var single = singles.GetAsyncEnumerator(cancellationToken);
        var nextSingle = await single.MoveNextAsync().ConfigureAwait(false) ? single.Current : null;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var nextInstance = instances.Peek();
            if (nextInstance is not null && !IsAfter(nextInstance))
            {
                instances.Advance(cancellationToken);
                continue;
            }

            if (nextInstance is not null && (nextSingle is null || SessionOrder.Compare(nextInstance, nextSingle) < 0))
            {
                yield return new ExaminedSession(nextInstance, Admits(nextInstance));
                instances.Advance(cancellationToken);
            }
            else if (nextSingle is not null)
            {
                yield return new ExaminedSession(nextSingle, Admits(nextSingle));
                nextSingle = await single.MoveNextAsync().ConfigureAwait(false) ? single.Current : null;
            }
            else
            {
                yield break;
            }
        }
    }
}
