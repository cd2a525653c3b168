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
    public async ValueTask<(List<Session> Items, bool HasNext)> PageAsync(
        string tenantId,
        Instant from,
        Instant to,
        SessionFilter filter,
        int pageSize,
        (Instant Start, string Id)? after,
        CancellationToken cancellationToken)
    {
        var limit = pageSize + 1;
        var best = new PriorityQueue<Session, Session>(limit + 1, SessionOrder.Descending.Instance);
        var pushDown = filter.PushDown();

        void Offer(Session session)
        {
            if (after is { } position && SessionOrder.Compare(session.Start.Timestamp, session.Id, position.Start, position.Id) <= 0)
            {
                return;
            }

            if (best.Count == limit && SessionOrder.Compare(session, best.Peek()) >= 0)
            {
                return;
            }

            if (!Overlaps(session, from, to) || !filter.Admits(session))
            {
                return;
            }

            best.Enqueue(session, session);
            if (best.Count > limit)
            {
                best.Dequeue();
            }
        }

        await foreach (var session in sessions.FindOverlappingAsync(tenantId, pushDown, from, to, cancellationToken).ConfigureAwait(false))
        {
            Offer(session);
        }

        var cursors = new PriorityQueue<SeriesCursor, SeriesCursor>(SeriesCursor.Order.Instance);
        await foreach (var record in recurringSessions.FindOverlappingAsync(tenantId, pushDown, from, to, cancellationToken).ConfigureAwait(false))
        {
            var view = SeriesView.Of(record);
            foreach (var moved in record.Overrides.Values)
            {
                if (moved.Start is CalendarDateTime start && view.FindOccurrence(moved.IdentityStart).HasValue)
                {
                    Offer(view.Instance(moved.IdentityStart, start, moved));
                }
            }

            var expandFrom = from - view.LongestDuration;
            if (after is { } position && position.Start > expandFrom)
            {
                expandFrom = position.Start;
            }

            if (expandFrom < to)
            {
                var cursor = new SeriesCursor(view, view.Set.Between(expandFrom, to, cancellationToken));
                if (cursor.Advance())
                {
                    cursors.Enqueue(cursor, cursor);
                }
            }
        }

        while (cursors.TryPeek(out var next, out _))
        {
            if (best.Count == limit && next.CompareTo(best.Peek()) >= 0)
            {
                break;
            }

            cursors.Dequeue();
            Offer(next.View.Instance(next.Head));
            if (next.Advance())
            {
                cursors.Enqueue(next, next);
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

        return (items, hasNext);
    }

    /// <summary>Overlap with <c>[from, to)</c>: starts before the end and ends after the start; an instant-long session counts when it starts inside.</summary>
    public static bool Overlaps(Session session, Instant from, Instant to)
    {
        var start = session.Start.Timestamp;
        var end = session.End.Timestamp;
        return start < to && (end > from || (end == start && start >= from));
    }

    /// <summary>One series' occurrences in order, skipping those whose instance moved to its own time.</summary>
    private sealed class SeriesCursor(SeriesView view, OccurrenceSequence occurrences)
    {
        private OccurrenceEnumerator _enumerator = occurrences.GetEnumerator();
        private string? _headId;

        public SeriesView View { get; } = view;

        public Occurrence Head { get; private set; }

        /// <summary>The instance id of <see cref="Head"/>, made only when it is needed to break a tie.</summary>
        public string HeadId => _headId ??= SessionInstanceId.Format(View.Series.Id, View.IdentityOf(Head.RecurrenceId));

        /// <summary>Compares the head with a session in result order, making the head's id only on a tie.</summary>
        public int CompareTo(Session session)
        {
            var byStart = Head.Start.CompareTo(session.Start.Timestamp);
            return byStart != 0 ? byStart : string.CompareOrdinal(HeadId, session.Id);
        }

        public bool Advance()
        {
            while (_enumerator.MoveNext())
            {
                var occurrence = _enumerator.Current;
                if (View.Record.Overrides.Count > 0 && View.IsMoved(View.IdentityOf(occurrence.RecurrenceId)))
                {
                    continue;
                }

                Head = occurrence;
                _headId = null;
                return true;
            }

            return false;
        }

        public sealed class Order : IComparer<SeriesCursor>
        {
            public static readonly Order Instance = new();

            public int Compare(SeriesCursor? x, SeriesCursor? y)
            {
                var byStart = x!.Head.Start.CompareTo(y!.Head.Start);
                return byStart != 0 ? byStart : string.CompareOrdinal(x.HeadId, y.HeadId);
            }
        }
    }
}
