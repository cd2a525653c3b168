using NodaTime;

namespace Scheduling.Sessions;

/// <summary>
/// Work a page of a query leaves for the next one: the series instances still to merge, kept under the next page's
/// cursor for as long as neither store changed. A pure optimisation: a cursor whose continuation is gone (evicted,
/// another host, a write since) is computed from the stores as usual.
/// </summary>
/// <remarks>Holds at most <see cref="Capacity"/> continuations, each the size of the query's series count. Thread-safe.</remarks>
internal sealed class PageContinuations
{
    public const int Capacity = 16;

    private readonly object _gate = new();
    private readonly Dictionary<string, PageContinuation> _byCursor = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();

    public void Keep(string cursor, PageContinuation continuation)
    {
        lock (_gate)
        {
            if (_byCursor.Remove(cursor, out var replaced))
            {
                replaced.Instances.Dispose();
            }

            _byCursor[cursor] = continuation;
            _order.Enqueue(cursor);
            while (_byCursor.Count > Capacity && _order.TryDequeue(out var oldest))
            {
                if (_byCursor.Remove(oldest, out var evicted))
                {
                    evicted.Instances.Dispose();
                }
            }
        }
    }

    /// <summary>A copy of the continuation kept under <paramref name="cursor"/>, if it is for this tenant and both stores are unchanged.</summary>
    public PageContinuation? TakeCopy(string cursor, string tenantId, long? sessionsVersion, long? seriesVersion)
    {
        if (sessionsVersion is null || seriesVersion is null)
        {
            return null;
        }

        lock (_gate)
        {
            return _byCursor.TryGetValue(cursor, out var kept)
                && kept.TenantId == tenantId && kept.SessionsVersion == sessionsVersion && kept.SeriesVersion == seriesVersion
                    ? kept with { Instances = kept.Instances.Clone() }
                    : null;
        }
    }
}

/// <summary>What one page leaves for the next: see <see cref="PageContinuations"/>.</summary>
/// <param name="TenantId">The tenant of the query.</param>
/// <param name="SessionsVersion">The single-session store's version when the page was read.</param>
/// <param name="SeriesVersion">The series store's version when the page was read.</param>
/// <param name="Instances">The series instances from the next page's position on (the item beyond the page, or the last one a page stopped by <see cref="SchedulingOptions.MaxExaminedPerPage"/> examined).</param>
internal sealed record PageContinuation(string TenantId, long SessionsVersion, long SeriesVersion, SeriesInstances Instances);
