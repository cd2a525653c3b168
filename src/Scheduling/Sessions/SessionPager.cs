using NodaTime;
using Scheduling.Stores;

namespace Scheduling.Sessions;

/// <summary>
/// Computes one page of a session query from the <see cref="SessionTimeline"/> after a keyset position: the first
/// page size + 1 items the filter admits (the extra one says whether there is a next page), or fewer when
/// <paramref name="maxExamined"/> items have been looked at first. Memory is bounded by the page size plus one head
/// per candidate series, and work by <paramref name="maxExamined"/> items plus the candidate series; the work of a page
/// does not depend on how many pages came before it, and a page that continues the one before takes over the series
/// instances it left (<see cref="PageContinuations"/>).
/// </summary>
/// <param name="sessions">The single sessions.</param>
/// <param name="recurringSessions">The series.</param>
/// <param name="maxExamined">The most items one page looks at, admitted or not (<see cref="SchedulingOptions.MaxExaminedPerPage"/>); larger than any page size.</param>
internal sealed class SessionPager(ISessionStore sessions, IRecurringSessionStore recurringSessions, int maxExamined)
{
    /// <summary>
    /// The page after <paramref name="after"/>, with the position the next page starts after (null on the last page)
    /// and what the next page may take over. A page that reached <c>maxExamined</c> items first is short,
    /// possibly empty, and the next page starts after the last item it examined, admitted or not.
    /// </summary>
    public async ValueTask<(List<Session> Items, SessionPosition? Next, PageContinuation? Continuation)> PageAsync(
        string tenantId,
        Instant from,
        Instant to,
        SessionFilter filter,
        int pageSize,
        SessionPosition? after,
        Func<long?, long?, PageContinuation?> resume,
        CancellationToken cancellationToken)
    {
        var sessionsVersion = await sessions.GetChangeVersionAsync(tenantId, cancellationToken).ConfigureAwait(false);
        var seriesVersion = await recurringSessions.GetChangeVersionAsync(tenantId, cancellationToken).ConfigureAwait(false);
        var instances = resume(sessionsVersion, seriesVersion)?.Instances
            ?? await SessionTimeline.OpenInstancesAsync(recurringSessions, tenantId, filter, from, to, after, cancellationToken).ConfigureAwait(false);
        var limit = pageSize + 1;
        var items = new List<Session>(limit);
        var examined = 0;
        SessionPosition? next = null;
        var keep = false;
        try
        {
            await foreach (var (session, admitted) in SessionTimeline.ExamineAsync(sessions, tenantId, filter, from, to, after, instances, cancellationToken).ConfigureAwait(false))
            {
                if (admitted)
                {
                    items.Add(session);
                    if (items.Count == limit)
                    {
                        // The item beyond the page: the next page starts after the page's last item.
                        next = PositionOf(items[pageSize - 1]);
                        break;
                    }
                }

                if (++examined == maxExamined)
                {
                    // Enough work for one page: the next starts after this item, whatever the filter said of it.
                    next = PositionOf(session);
                    break;
                }
            }

            // The timeline stopped at the last item taken without passing it, so the next page can start there.
            keep = next is not null && sessionsVersion is not null && seriesVersion is not null;
        }
        finally
        {
            if (!keep)
            {
                instances.Dispose();
            }
        }

        if (items.Count == limit)
        {
            items.RemoveAt(pageSize);
        }

        var continuation = keep ? new PageContinuation(tenantId, sessionsVersion!.Value, seriesVersion!.Value, instances) : null;
        return (items, next, continuation);
    }

    private static SessionPosition PositionOf(Session session) => new(session.Start.Timestamp, session.Id);
}
