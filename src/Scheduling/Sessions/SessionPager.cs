using NodaTime;
using Scheduling.Recurrence;
using Scheduling.Stores;

namespace Scheduling.Sessions;

/// <summary>
/// Computes one page of a session query: the single sessions and the expanded instances of every candidate series,
/// merged in order (start, id), after a keyset position. Memory is bounded by the page size plus one cursor per
/// candidate series; the work of a page does not depend on how many pages came before it.
/// </summary>
internal sealed class SessionPager(ISessionStore sessions, IRecurringSessionStore recurringSessions)
{
    public async ValueTask<(List<Session> Items, bool HasNext, PageContinuation? Continuation)> PageAsync(
        string tenantId,
        Instant from,
        Instant to,
        SessionFilter filter,
        int pageSize,
        (Instant Start, string Id)? after,
        Func<long?, long?, PageContinuation?> resume,
        CancellationToken cancellationToken)
    {
        var sessionsVersion = await sessions.GetChangeVersionAsync(tenantId, cancellationToken).ConfigureAwait(false);
        var seriesVersion = await recurringSessions.GetChangeVersionAsync(tenantId, cancellationToken).ConfigureAwait(false);
        var resumed = resume(sessionsVersion, seriesVersion);
        var limit = pageSize + 1;
        var best = new PriorityQueue<Session, Session>(limit + 1, SessionOrder.Descending.Instance);
        var pushDown = filter.PushDown();

        bool Offer(Session session)
        {
            if (after is { } position && SessionOrder.Compare(session.Start.Timestamp, session.Id, position.Start, position.Id) <= 0)
            {
                return false;
            }

            if (best.Count == limit && SessionOrder.Compare(session, best.Peek()) >= 0)
            {
                return false;
            }

            if (!Overlaps(session, from, to) || !filter.Admits(session))
            {
                return false;
            }

            best.Enqueue(session, session);
            if (best.Count > limit)
            {
                best.Dequeue();
            }

            return true;
        }

        // Singles come in result order, so once a page's worth passed the filter the rest cannot make the page.
        var singlesAfter = after is { } keyset ? new SessionPosition(keyset.Start, keyset.Id) : (SessionPosition?)null;
        var acceptedSingles = 0;
        await foreach (var session in sessions.FindOverlappingAsync(tenantId, pushDown, from, to, singlesAfter, cancellationToken).ConfigureAwait(false))
        {
            if (Offer(session) && ++acceptedSingles == limit)
            {
                break;
            }
        }

        // One head per series: its next occurrence, kept in a pooled array and ordered by a pooled binary heap of
        // indices. A series' enumerator lives on the stack only while its next head is found, so a page allocates
        // nothing per series. A page that continues the one before takes over the heads it left.
        var moved = resumed?.Moved ?? [];
        var heads = resumed?.Heads ?? new SeriesHeads();
        Session? lastAccepted = null;
        var keepHeads = false;
        try
        {
            if (resumed is null)
            {
                var movedFound = new List<Session>();
                await foreach (var record in recurringSessions.FindOverlappingAsync(tenantId, pushDown, from, to, cancellationToken).ConfigureAwait(false))
                {
                    if (!filter.MayAdmitAnInstanceOf(record))
                    {
                        continue;
                    }

                    var view = SeriesView.Of(record);
                    foreach (var own in record.Overrides.Count == 0 ? [] : record.Overrides.Values)
                    {
                        if (own.Start is CalendarDateTime start && view.FindOccurrence(own.IdentityStart).HasValue)
                        {
                            movedFound.Add(view.Instance(own.IdentityStart, start, own));
                        }
                    }

                    // An instance that started up to its length before the window still reaches into it; never before the supported range.
                    var expandFrom = view.LongestDuration < from - SupportedRange.Start ? from - view.LongestDuration : SupportedRange.Start;
                    if (after is { } position && position.Start > expandFrom)
                    {
                        expandFrom = position.Start;
                    }

                    if (view.TryFindHead(expandFrom, to, cancellationToken, out var head))
                    {
                        heads.Add(view, head);
                    }
                }

                heads.Heapify();
                moved = movedFound;
            }

            foreach (var instance in moved)
            {
                Offer(instance);
            }

            while (heads.Count > 0)
            {
                var (view, head) = heads.Peek();
                if (best.Count == limit && heads.ComparePeekTo(best.Peek()) >= 0)
                {
                    break;
                }

                var instance = view.Instance(head);
                if (Offer(instance))
                {
                    lastAccepted = instance;
                }

                if (view.TryFindHead(head.Start + Duration.FromSeconds(1), to, cancellationToken, out var next))
                {
                    heads.ReplacePeek(next);
                }
                else
                {
                    heads.RemovePeek();
                }
            }

            keepHeads = best.Count == limit && sessionsVersion is not null && seriesVersion is not null;
            if (keepHeads && lastAccepted is { } last && ReferenceEquals(best.Peek(), last))
            {
                // The one item read beyond the page came from a series whose head has moved past it: the next page
                // offers it again with the moved instances.
                moved = [.. moved, last];
            }
        }
        finally
        {
            if (!keepHeads)
            {
                heads.Dispose();
            }
        }

        var items = new List<Session>(best.Count);
        while (best.Count > 0)
        {
            items.Add(best.Dequeue());
        }

        items.Reverse();
        var hasNext = items.Count > pageSize;
        if (hasNext)
        {
            items.RemoveAt(items.Count - 1);
        }

        var continuation = keepHeads && hasNext
            ? new PageContinuation(tenantId, sessionsVersion!.Value, seriesVersion!.Value, heads, moved)
            : null;
        if (keepHeads && continuation is null)
        {
            heads.Dispose();
        }

        return (items, hasNext, continuation);
    }

    /// <summary>Overlap with <c>[from, to)</c>: starts before the end and ends after the start; an instant-long session counts when it starts inside.</summary>
    public static bool Overlaps(Session session, Instant from, Instant to)
    {
        var start = session.Start.Timestamp;
        var end = session.End.Timestamp;
        return start < to && (end > from || (end == start && start >= from));
    }
}
