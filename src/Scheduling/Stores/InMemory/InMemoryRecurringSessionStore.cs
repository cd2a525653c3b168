using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using NodaTime;
using Scheduling.Sessions;

namespace Scheduling.Stores.InMemory;

/// <summary>
/// The embedded default <see cref="IRecurringSessionStore"/>: series and their overrides in memory, per tenant,
/// guarded by one lock so every write, a split included, is atomic. Every record written gets the store's next
/// <see cref="RecurringSessionRecord.Version"/>. Thread-safe; lost on restart.
/// </summary>
public sealed class InMemoryRecurringSessionStore : IRecurringSessionStore
{
    private readonly object _gate = new();
    private readonly Dictionary<string, ImmutableDictionary<string, Entry>> _tenants = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Entry[]> _snapshots = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _versions = new(StringComparer.Ordinal);

    /// <summary>The last record version given, in any tenant: versions are unique in the store.</summary>
    private long _lastVersion;

    /// <inheritdoc />
    public ValueTask<RecurringSessionRecord?> FindAsync(string tenantId, string id, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return ValueTask.FromResult(Tenant(tenantId).GetValueOrDefault(id)?.Record);
        }
    }

    /// <inheritdoc />
    public ValueTask<bool> InsertAsync(string tenantId, RecurringSession series, Instant? spanEnd, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var records = Tenant(tenantId);
            if (records.ContainsKey(series.Id))
            {
                return ValueTask.FromResult(false);
            }

            Save(tenantId, records, new RecurringSessionRecord(series, spanEnd, ImmutableDictionary<LocalDateTime, InstanceOverride>.Empty));
            return ValueTask.FromResult(true);
        }
    }

    /// <inheritdoc />
    public ValueTask<bool> InsertManyAsync(string tenantId, IReadOnlyList<(RecurringSession Series, Instant? SpanEnd)> series, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(series);
        lock (_gate)
        {
            var records = Tenant(tenantId);
            if (series.Select(s => s.Series.Id).Distinct(StringComparer.Ordinal).Count() != series.Count || series.Any(s => records.ContainsKey(s.Series.Id)))
            {
                return ValueTask.FromResult(false);
            }

            var added = records.ToBuilder();
            foreach (var (one, spanEnd) in series)
            {
                added[one.Id] = new Entry(Stamped(new RecurringSessionRecord(one, spanEnd, ImmutableDictionary<LocalDateTime, InstanceOverride>.Empty)));
            }

            Store(tenantId, added.ToImmutable());
            return ValueTask.FromResult(true);
        }
    }

    /// <inheritdoc />
    public ValueTask<bool> ReplaceAsync(string tenantId, RecurringSession series, Instant? spanEnd, long expectedRevision, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var records = Tenant(tenantId);
            if (!records.TryGetValue(series.Id, out var stored) || stored.Record.Series.Revision != expectedRevision)
            {
                return ValueTask.FromResult(false);
            }

            Save(tenantId, records, new RecurringSessionRecord(series, spanEnd, stored.Record.Overrides));
            return ValueTask.FromResult(true);
        }
    }

    /// <inheritdoc />
    public ValueTask<bool> DeleteAsync(string tenantId, string id, long expectedRevision, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var records = Tenant(tenantId);
            if (!records.TryGetValue(id, out var stored) || stored.Record.Series.Revision != expectedRevision)
            {
                return ValueTask.FromResult(false);
            }

            Store(tenantId, records.Remove(id));
            return ValueTask.FromResult(true);
        }
    }

    /// <inheritdoc />
    public IAsyncEnumerable<RecurringSessionRecord> FindOverlappingAsync(string tenantId, SessionCandidateFilter filter, Instant from, Instant to, CancellationToken cancellationToken)
    {
        Entry[] snapshot;
        lock (_gate)
        {
            if (!_snapshots.TryGetValue(tenantId, out snapshot!))
            {
                snapshot = [.. Tenant(tenantId).Values];
                _snapshots[tenantId] = snapshot;
            }
        }

        return Overlapping(snapshot, filter, from, to, cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<long?> GetChangeVersionAsync(string tenantId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return ValueTask.FromResult<long?>(_versions.GetValueOrDefault(tenantId));
        }
    }

    /// <inheritdoc />
    public ValueTask<bool> SaveOverrideAsync(string tenantId, InstanceOverride instanceOverride, long expectedRevision, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var records = Tenant(tenantId);
            if (!records.TryGetValue(instanceOverride.RecurringSessionId, out var entry))
            {
                return ValueTask.FromResult(false);
            }

            var stored = entry.Record;
            var storedRevision = stored.Overrides.GetValueOrDefault(instanceOverride.IdentityStart)?.Revision ?? 0;
            if (storedRevision != expectedRevision)
            {
                return ValueTask.FromResult(false);
            }

            Save(tenantId, records, stored with { Overrides = stored.Overrides.SetItem(instanceOverride.IdentityStart, instanceOverride) });
            return ValueTask.FromResult(true);
        }
    }

    /// <inheritdoc />
    public ValueTask<TResult> SplitAsync<TResult>(
        string tenantId,
        string recurringSessionId,
        Func<RecurringSessionRecord?, StoreChange<SeriesSplit, TResult>> decide,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(decide);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            var records = Tenant(tenantId);
            var stored = records.GetValueOrDefault(recurringSessionId)?.Record;
            var change = decide(stored);
            if (change.Write is not { } split)
            {
                return ValueTask.FromResult(change.Result);
            }

            if (stored is null)
            {
                throw new InvalidOperationException($"No recurring session '{recurringSessionId}' to split.");
            }

            split.OverridesLeaving(stored);
            if (records.ContainsKey(split.Following.Series.Id))
            {
                throw split.FollowingIdTaken();
            }

            records = records
                .SetItem(recurringSessionId, new Entry(Stamped(split.Ended)))
                .SetItem(split.Following.Series.Id, new Entry(Stamped(split.Following)));
            Store(tenantId, records);
            return ValueTask.FromResult(change.Result);
        }
    }

    /// <inheritdoc />
    public ValueTask<TResult> ChangeInstanceAsync<TResult>(
        string tenantId,
        string recurringSessionId,
        LocalDateTime identityStart,
        Func<RecurringSession?, InstanceOverride?, StoreChange<InstanceOverride, TResult>> decide,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(decide);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            var records = Tenant(tenantId);
            var stored = records.GetValueOrDefault(recurringSessionId)?.Record;
            var change = decide(stored?.Series, stored?.Overrides.GetValueOrDefault(identityStart));
            if (change.Write is { } written)
            {
                if (stored is null)
                {
                    throw new InvalidOperationException($"No recurring session '{recurringSessionId}' to change an instance of.");
                }

                Save(tenantId, records, stored with { Overrides = stored.Overrides.SetItem(identityStart, written) });
            }

            return ValueTask.FromResult(change.Result);
        }
    }

    private static async IAsyncEnumerable<RecurringSessionRecord> Overlapping(
        Entry[] snapshot,
        SessionCandidateFilter filter,
        Instant from,
        Instant to,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var window = new SessionWindow(from, to);
        var seen = 0;
        foreach (var entry in snapshot)
        {
            if ((++seen & 1023) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            if (filter.Admits(entry.ScheduleId, entry.ScheduleOwnerId, entry.Type, entry.Id) && entry.Record.CanOverlap(window))
            {
                yield return entry.Record;
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        await Task.CompletedTask.ConfigureAwait(false);
    }

    private ImmutableDictionary<string, Entry> Tenant(string tenantId) =>
        _tenants.GetValueOrDefault(tenantId) ?? ImmutableDictionary.Create<string, Entry>(StringComparer.Ordinal);

    private void Save(string tenantId, ImmutableDictionary<string, Entry> records, RecurringSessionRecord record) =>
        Store(tenantId, records.SetItem(record.Series.Id, new Entry(Stamped(record))));

    /// <summary>The record with the store's next version (called under the lock, once per record written).</summary>
    private RecurringSessionRecord Stamped(RecurringSessionRecord record) => record with { Version = ++_lastVersion };

    /// <summary>Keeps a tenant's new records and drops its query snapshot, which the next window query makes again.</summary>
    private void Store(string tenantId, ImmutableDictionary<string, Entry> records)
    {
        _tenants[tenantId] = records;
        _snapshots.Remove(tenantId);
        _versions[tenantId] = _versions.GetValueOrDefault(tenantId) + 1;
    }

    /// <summary>
    /// A stored record with what a window query looks at copied beside it (worked out once per write), so scanning a
    /// tenant touches one object per series.
    /// </summary>
    private sealed class Entry(RecurringSessionRecord record)
    {
        public RecurringSessionRecord Record { get; } = record;

        public string Id { get; } = record.Series.Id;

        public string ScheduleId { get; } = record.Series.ScheduleId;

        public string ScheduleOwnerId { get; } = record.Series.ScheduleOwnerId;

        public SessionType Type { get; } = record.Series.Type;
    }
}
