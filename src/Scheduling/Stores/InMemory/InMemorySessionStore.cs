using System.Runtime.CompilerServices;
using NodaTime;
using Scheduling.Sessions;

namespace Scheduling.Stores.InMemory;

/// <summary>
/// The embedded default <see cref="ISessionStore"/>: sessions in memory, per tenant, guarded by one lock so every
/// write is atomic. Window queries read an immutable snapshot sorted by start, made after the last write, so a
/// walk through many pages with no writes in between copies nothing. Thread-safe; lost on restart.
/// </summary>
public sealed class InMemorySessionStore : ISessionStore
{
    private readonly object _gate = new();
    private readonly Dictionary<string, Tenant> _tenants = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public ValueTask<Session?> FindAsync(string tenantId, string id, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return ValueTask.FromResult(For(tenantId).Sessions.GetValueOrDefault(id));
        }
    }

    /// <inheritdoc />
    public IAsyncEnumerable<Session> FindManyAsync(string tenantId, IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        List<Session> found;
        lock (_gate)
        {
            var sessions = For(tenantId).Sessions;
            found = [.. ids.Distinct().Select(sessions.GetValueOrDefault).OfType<Session>()];
        }

        return InMemoryStreams.Stream(found, cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<bool> InsertAsync(string tenantId, Session session, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var tenant = For(tenantId);
            if (!tenant.Sessions.TryAdd(session.Id, session))
            {
                return ValueTask.FromResult(false);
            }

            tenant.Changed(session);
            return ValueTask.FromResult(true);
        }
    }

    /// <inheritdoc />
    public ValueTask<bool> InsertManyAsync(string tenantId, IReadOnlyList<Session> sessions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        lock (_gate)
        {
            var tenant = For(tenantId);
            if (sessions.Select(s => s.Id).Distinct(StringComparer.Ordinal).Count() != sessions.Count || sessions.Any(s => tenant.Sessions.ContainsKey(s.Id)))
            {
                return ValueTask.FromResult(false);
            }

            foreach (var session in sessions)
            {
                tenant.Sessions.Add(session.Id, session);
                tenant.Changed(session);
            }

            return ValueTask.FromResult(true);
        }
    }

    /// <inheritdoc />
    public ValueTask<bool> ReplaceAsync(string tenantId, Session session, long expectedRevision, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var tenant = For(tenantId);
            if (!tenant.Sessions.TryGetValue(session.Id, out var stored) || stored.Revision != expectedRevision)
            {
                return ValueTask.FromResult(false);
            }

            tenant.Sessions[session.Id] = session;
            tenant.Changed(session);
            return ValueTask.FromResult(true);
        }
    }

    /// <inheritdoc />
    public ValueTask<bool> DeleteAsync(string tenantId, string id, long expectedRevision, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var tenant = For(tenantId);
            if (!tenant.Sessions.TryGetValue(id, out var stored) || stored.Revision != expectedRevision)
            {
                return ValueTask.FromResult(false);
            }

            tenant.Sessions.Remove(id);
            tenant.Changed(null);
            return ValueTask.FromResult(true);
        }
    }

    /// <inheritdoc />
    public IAsyncEnumerable<Session> FindOverlappingAsync(string tenantId, SessionCandidateFilter filter, Instant from, Instant to, SessionPosition? after, CancellationToken cancellationToken)
    {
        Session[] snapshot;
        Duration longest;
        lock (_gate)
        {
            var tenant = For(tenantId);
            snapshot = tenant.Snapshot();
            longest = tenant.Longest;
        }

        return Overlapping(snapshot, longest, filter, from, to, after, cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<TResult> ChangeAsync<TResult>(string tenantId, string id, Func<Session?, StoreChange<Session, TResult>> decide, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(decide);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            var tenant = For(tenantId);
            var stored = tenant.Sessions.GetValueOrDefault(id);
            var change = decide(stored);
            if (change.Write is { } written)
            {
                if (stored is null)
                {
                    throw new InvalidOperationException($"No session '{id}' to change: a change cannot create one.");
                }

                tenant.Sessions[id] = written;
                tenant.Changed(written);
            }

            return ValueTask.FromResult(change.Result);
        }
    }

    /// <inheritdoc />
    public ValueTask<long?> GetChangeVersionAsync(string tenantId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return ValueTask.FromResult<long?>(For(tenantId).Version);
        }
    }

    private static async IAsyncEnumerable<Session> Overlapping(
        Session[] byStart,
        Duration longest,
        SessionCandidateFilter filter,
        Instant from,
        Instant to,
        SessionPosition? after,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Nothing that starts before from - longest can still be running at from, and nothing before the position counts.
        var lowest = from - longest;
        if (after is { } position && position.Start > lowest)
        {
            lowest = position.Start;
        }

        var window = new SessionWindow(from, to);
        var first = FirstStartingAtOrAfter(byStart, lowest);
        for (var index = first; index < byStart.Length && byStart[index].Start.Timestamp < to; index++)
        {
            if (after is { } past && !past.Precedes(byStart[index]))
            {
                continue;
            }

            if (((index - first) & 1023) == 1023)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var session = byStart[index];
            if (filter.Admits(session.ScheduleId, session.ScheduleOwnerId, session.Type, session.RecurringSessionId)
                && window.Overlaps(session))
            {
                yield return session;
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        await Task.CompletedTask.ConfigureAwait(false);
    }

    private static int FirstStartingAtOrAfter(Session[] byStart, Instant instant)
    {
        int low = 0, high = byStart.Length;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (byStart[middle].Start.Timestamp < instant)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    private Tenant For(string tenantId)
    {
        if (!_tenants.TryGetValue(tenantId, out var tenant))
        {
            tenant = new Tenant();
            _tenants[tenantId] = tenant;
        }

        return tenant;
    }

    /// <summary>One tenant's sessions by id, and a snapshot sorted by start that the next window query makes if a write discarded it.</summary>
    private sealed class Tenant
    {
        private Session[]? _byStart;

        public Dictionary<string, Session> Sessions { get; } = new(StringComparer.Ordinal);

        /// <summary>The longest any session of the tenant has lasted; never shrinks, which only widens the scan a little.</summary>
        public Duration Longest { get; private set; }

        /// <summary>Grows with every write.</summary>
        public long Version { get; private set; }

        public void Changed(Session? written)
        {
            _byStart = null;
            Version++;
            if (written is not null && written.End.Timestamp - written.Start.Timestamp > Longest)
            {
                Longest = written.End.Timestamp - written.Start.Timestamp;
            }
        }

        public Session[] Snapshot()
        {
            if (_byStart is null)
            {
                var sorted = Sessions.Values.ToArray();
                Array.Sort(sorted, SessionOrder.Compare);
                _byStart = sorted;
            }

            return _byStart;
        }
    }
}
