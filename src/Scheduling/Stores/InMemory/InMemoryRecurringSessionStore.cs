using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using NodaTime;
using Scheduling.Sessions;

namespace Scheduling.Stores.InMemory;

/// <summary>
/// The embedded default <see cref="IRecurringSessionStore"/>: series and their overrides in memory, per tenant,
/// guarded by one lock so every write, a split included, is atomic. Thread-safe; lost on restart.
/// </summary>
public sealed class InMemoryRecurringSessionStore : IRecurringSessionStore
{
    private readonly object _gate = new();
    private readonly Dictionary<string, ImmutableDictionary<string, Entry>> _tenants = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Entry[]> _snapshots = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _versions = new(StringComparer.Ordinal);

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
                added[one.Id] = new Entry(new RecurringSessionRecord(one, spanEnd, ImmutableDictionary<LocalDateTime, InstanceOverride>.Empty));
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
    public ValueTask<bool> SplitAsync(
        string tenantId,
        RecurringSession endedSeries,
        Instant? endedSpanEnd,
        long expectedRevision,
        RecurringSession followingSeries,
        Instant? followingSpanEnd,
        LocalDateTime moveFrom,
        long keyShiftSeconds,
        CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var records = Tenant(tenantId);
            if (!records.TryGetValue(endedSeries.Id, out var entry) || entry.Record.Series.Revision != expectedRevision || records.ContainsKey(followingSeries.Id))
            {
                return ValueTask.FromResult(false);
            }

            var overrides = entry.Record.Overrides;
            var moving = overrides.Values.Where(o => o.IdentityStart >= moveFrom).ToList();
            var kept = overrides.RemoveRange(moving.Select(o => o.IdentityStart));
            var moved = moving
                .Select(o => o with { RecurringSessionId = followingSeries.Id, IdentityStart = o.IdentityStart.PlusSeconds(keyShiftSeconds) })
                .ToImmutableDictionary(o => o.IdentityStart);
            records = records
                .SetItem(endedSeries.Id, new Entry(new RecurringSessionRecord(endedSeries, endedSpanEnd, kept)))
                .SetItem(followingSeries.Id, new Entry(new RecurringSessionRecord(followingSeries, followingSpanEnd, moved)));
            Store(tenantId, records);
            return ValueTask.FromResult(true);
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
        Store(tenantId, records.SetItem(record.Series.Id, new Entry(record)));

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
