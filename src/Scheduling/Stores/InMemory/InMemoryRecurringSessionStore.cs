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
    private readonly Dictionary<string, Dictionary<string, RecurringSessionRecord>> _tenants = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public ValueTask<RecurringSessionRecord?> FindAsync(string tenantId, string id, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return ValueTask.FromResult(Tenant(tenantId).GetValueOrDefault(id));
        }
    }

    /// <inheritdoc />
    public ValueTask<bool> InsertAsync(string tenantId, RecurringSession series, Instant? spanEnd, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var record = new RecurringSessionRecord(series, spanEnd, ImmutableDictionary<LocalDateTime, InstanceOverride>.Empty);
            return ValueTask.FromResult(Tenant(tenantId).TryAdd(series.Id, record));
        }
    }

    /// <inheritdoc />
    public ValueTask<bool> ReplaceAsync(string tenantId, RecurringSession series, Instant? spanEnd, long expectedRevision, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var records = Tenant(tenantId);
            if (!records.TryGetValue(series.Id, out var stored) || stored.Series.Revision != expectedRevision)
            {
                return ValueTask.FromResult(false);
            }

            records[series.Id] = stored with { Series = series, SpanEnd = spanEnd };
            return ValueTask.FromResult(true);
        }
    }

    /// <inheritdoc />
    public ValueTask<bool> DeleteAsync(string tenantId, string id, long expectedRevision, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var records = Tenant(tenantId);
            return ValueTask.FromResult(records.TryGetValue(id, out var stored) && stored.Series.Revision == expectedRevision && records.Remove(id));
        }
    }

    /// <inheritdoc />
    public IAsyncEnumerable<RecurringSessionRecord> FindOverlappingAsync(string tenantId, SessionCandidateFilter filter, Instant from, Instant to, CancellationToken cancellationToken)
    {
        List<RecurringSessionRecord> found;
        lock (_gate)
        {
            found = [.. Tenant(tenantId).Values.Where(r =>
                filter.Admits(r.Series.ScheduleId, r.Series.ScheduleOwnerId, r.Series.Type, r.Series.Id)
                && (SpanOverlaps(r, from, to) || r.Overrides.Values.Any(o => OverrideOverlaps(r.Series, o, from, to))))];
        }

        return Stream(found, cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<bool> SaveOverrideAsync(string tenantId, InstanceOverride instanceOverride, long expectedRevision, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var records = Tenant(tenantId);
            if (!records.TryGetValue(instanceOverride.RecurringSessionId, out var stored)
                || stored.Overrides.GetValueOrDefault(instanceOverride.IdentityStart)?.Revision is long revision && revision != expectedRevision
                || (!stored.Overrides.ContainsKey(instanceOverride.IdentityStart) && expectedRevision != 0))
            {
                return ValueTask.FromResult(false);
            }

            records[stored.Series.Id] = stored with { Overrides = stored.Overrides.SetItem(instanceOverride.IdentityStart, instanceOverride) };
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
        IReadOnlyList<(LocalDateTime OldKey, InstanceOverride Moved)> movedOverrides,
        CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var records = Tenant(tenantId);
            if (!records.TryGetValue(endedSeries.Id, out var stored) || stored.Series.Revision != expectedRevision || records.ContainsKey(followingSeries.Id))
            {
                return ValueTask.FromResult(false);
            }

            var kept = stored.Overrides.RemoveRange(movedOverrides.Select(m => m.OldKey));
            var moved = movedOverrides.ToImmutableDictionary(m => m.Moved.IdentityStart, m => m.Moved);
            records[endedSeries.Id] = new RecurringSessionRecord(endedSeries, endedSpanEnd, kept);
            records[followingSeries.Id] = new RecurringSessionRecord(followingSeries, followingSpanEnd, moved);
            return ValueTask.FromResult(true);
        }
    }

    /// <inheritdoc />
    public ValueTask<BookingOutcome> AddParticipantAsync(
        string tenantId,
        string recurringSessionId,
        LocalDateTime identityStart,
        Participant participant,
        int? seriesCapacity,
        Instant now,
        CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var records = Tenant(tenantId);
            if (!records.TryGetValue(recurringSessionId, out var stored))
            {
                return ValueTask.FromResult(BookingOutcome.NotFound);
            }

            var current = stored.Overrides.GetValueOrDefault(identityStart)
                ?? new InstanceOverride { RecurringSessionId = recurringSessionId, IdentityStart = identityStart, CreatedAt = now };
            if (current.Participants.Any(p => p.Id == participant.Id))
            {
                return ValueTask.FromResult(BookingOutcome.AlreadyBooked);
            }

            if ((current.Capacity ?? seriesCapacity) is int capacity && current.Participants.Length >= capacity)
            {
                return ValueTask.FromResult(BookingOutcome.Full);
            }

            var updated = current with { Participants = current.Participants.Add(participant), Revision = current.Revision + 1, UpdatedAt = now };
            records[recurringSessionId] = stored with { Overrides = stored.Overrides.SetItem(identityStart, updated) };
            return ValueTask.FromResult(BookingOutcome.Booked);
        }
    }

    private static bool SpanOverlaps(RecurringSessionRecord record, Instant from, Instant to) =>
        record.Series.FirstStart < to && (record.SpanEnd is not Instant end || end > from);

    private static bool OverrideOverlaps(RecurringSession series, InstanceOverride instanceOverride, Instant from, Instant to) =>
        instanceOverride.Start is CalendarDateTime start
        && InMemorySessionStore.Overlaps(start.Timestamp, start.Timestamp + (instanceOverride.Duration ?? series.Duration), from, to);

    private Dictionary<string, RecurringSessionRecord> Tenant(string tenantId)
    {
        if (!_tenants.TryGetValue(tenantId, out var records))
        {
            records = new Dictionary<string, RecurringSessionRecord>(StringComparer.Ordinal);
            _tenants[tenantId] = records;
        }

        return records;
    }

    private static async IAsyncEnumerable<T> Stream<T>(List<T> items, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var item in items)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return item;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }
}
