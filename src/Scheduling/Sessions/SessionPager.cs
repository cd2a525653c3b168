using NodaTime;
using Scheduling.Stores;

namespace Scheduling.Sessions;

/// <summary>
/// Computes one page of a session query: the first page size + 1 items of the <see cref="SessionTimeline"/> after a
/// keyset position (the extra one says whether there is a next page). Memory is bounded by the page size plus one
/// head per candidate series; the work of a page does not depend on how many pages came before it, and a page that
/// continues the one before takes over the series instances it left (<see cref="PageContinuations"/>).
/// </summary>
internal sealed class SessionPager(ISessionStore sessions, IRecurringSessionStore recurringSessions)
{
    public async ValueTask<(List<Session> Items, bool HasNext, PageContinuation? Continuation)> PageAsync(
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
        var keep = false;
        try
        {
            await foreach (var session in SessionTimeline.MergeAsync(sessions, tenantId, filter, from, to, after, instances, cancellationToken).ConfigureAwait(false))
            {
                items.Add(session);
                if (items.Count == limit)
                {
                    break;
                }
            }

            // The merge stopped at the item beyond the page without passing it, so the next page starts there.
            keep = items.Count == limit && sessionsVersion is not null && seriesVersion is not null;
        }
        finally
        {
            if (!keep)
            {
                instances.Dispose();
            }
        }

        var hasNext = items.Count == limit;
        if (hasNext)
        {
            items.RemoveAt(items.Count - 1);
        }

        var continuation = keep ? new PageContinuation(tenantId, sessionsVersion!.Value, seriesVersion!.Value, instances) : null;
        return (items, hasNext, continuation);
    }
}
