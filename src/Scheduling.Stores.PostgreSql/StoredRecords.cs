using System.Collections.Concurrent;
using System.Collections.Immutable;
using NodaTime;
using Scheduling.Sessions;
using Scheduling.Stores.Serialization;

namespace Scheduling.Stores.PostgreSql;

/// <summary>
/// Hands out the same <see cref="RecurringSessionRecord"/> object for a series row that has not changed since it was
/// last read: the same series body, span end and override bodies. Every first page of a query loads every candidate
/// series; answering unchanged rows from memory spares parsing them, and lets the core keep what it worked out about
/// a record (its recurrence set, its upcoming occurrences, cached by record) from one query to the next, as it does
/// over the in-memory store. Records are immutable, so sharing them is safe. Bounded: when full it starts over.
/// Thread-safe.
/// </summary>
internal sealed class StoredRecords(int capacity)
{
    private readonly ParsedBodies<InstanceOverride> _overrides = new(StoredJson.ReadOverride, capacity);
    private ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private int _count;

    /// <summary>The record of a row: <paramref name="overrideBodies"/> in the order of their identity start.</summary>
    public RecurringSessionRecord Read(string seriesBody, Instant? spanEnd, string[] overrideBodies)
    {
        var entries = _entries;
        var known = entries.GetValueOrDefault(seriesBody);
        if (known is not null && known.SpanEnd == spanEnd && known.OverrideBodies.AsSpan().SequenceEqual(overrideBodies))
        {
            return known.Record;
        }

        var series = known?.Record.Series ?? StoredJson.ReadRecurringSession(seriesBody);
        var overrides = overrideBodies.Length == 0
            ? ImmutableDictionary<LocalDateTime, InstanceOverride>.Empty
            : overrideBodies.Select(_overrides.Parse).ToImmutableDictionary(o => o.IdentityStart);
        var record = new RecurringSessionRecord(series, spanEnd, overrides);
        if (known is null && Interlocked.Increment(ref _count) > capacity)
        {
            _entries = entries = new ConcurrentDictionary<string, Entry>(StringComparer.Ordinal);
            Interlocked.Exchange(ref _count, 1);
        }

        entries[seriesBody] = new Entry(record, spanEnd, overrideBodies);
        return record;
    }

    private sealed record Entry(RecurringSessionRecord Record, Instant? SpanEnd, string[] OverrideBodies);
}
