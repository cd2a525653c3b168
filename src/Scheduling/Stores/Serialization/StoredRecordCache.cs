using System.Collections.Concurrent;
using System.Collections.Immutable;
using NodaTime;
using Scheduling.Sessions;

namespace Scheduling.Stores.Serialization;

/// <summary>
/// For durable stores: hands out the same <see cref="RecurringSessionRecord"/> object for a series row that has not
/// changed since it was last read (same series body, span end and override bodies). Every first page of a query
/// loads every candidate series; answering unchanged rows from memory spares parsing them, and lets the core keep
/// what it worked out about a record (its recurrence set, its next occurrences, cached per record object) from one
/// query to the next, as it does over the in-memory store.
/// </summary>
/// <remarks>
/// Keyed by the whole stored text, so a changed row is never answered from memory. Records are immutable, so sharing
/// them is safe. Bounded: when it holds <c>capacity</c> entries it starts over. Thread-safe.
/// </remarks>
public sealed class StoredRecordCache
{
    private readonly int _capacity;
    private readonly ParsedBodies<InstanceOverride> _overrides;
    private ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private int _count;

    /// <summary>Creates a cache that remembers up to <paramref name="capacity"/> series.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="capacity"/> is less than 1.</exception>
    public StoredRecordCache(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _capacity = capacity;
        _overrides = new ParsedBodies<InstanceOverride>(StoredJson.ReadOverride, capacity);
    }

    /// <summary>The record of a row: its series body (<see cref="StoredJson"/>), span end, and override bodies in order of identity start.</summary>
    public RecurringSessionRecord Read(string seriesBody, Instant? spanEnd, IReadOnlyList<string> overrideBodies)
    {
        ArgumentNullException.ThrowIfNull(seriesBody);
        ArgumentNullException.ThrowIfNull(overrideBodies);
        var entries = _entries;
        var known = entries.GetValueOrDefault(seriesBody);
        if (known is not null && known.SpanEnd == spanEnd && known.OverrideBodies.SequenceEqual(overrideBodies, StringComparer.Ordinal))
        {
            return known.Record;
        }

        var series = known?.Record.Series ?? StoredJson.ReadRecurringSession(seriesBody);
        var overrides = overrideBodies.Count == 0
            ? ImmutableDictionary<LocalDateTime, InstanceOverride>.Empty
            : overrideBodies.Select(_overrides.Parse).ToImmutableDictionary(o => o.IdentityStart);
        var record = new RecurringSessionRecord(series, spanEnd, overrides);
        if (known is null && Interlocked.Increment(ref _count) > _capacity)
        {
            _entries = entries = new ConcurrentDictionary<string, Entry>(StringComparer.Ordinal);
            Interlocked.Exchange(ref _count, 1);
        }

        entries[seriesBody] = new Entry(record, spanEnd, [.. overrideBodies]);
        return record;
    }

    private sealed record Entry(RecurringSessionRecord Record, Instant? SpanEnd, string[] OverrideBodies);

    /// <summary>What stored bodies parsed to, keyed by the whole body; bounded like the cache.</summary>
    private sealed class ParsedBodies<T>(Func<string, T> parse, int capacity)
        where T : class
    {
        private ConcurrentDictionary<string, T> _parsed = new(StringComparer.Ordinal);
        private int _count;

        public T Parse(string body)
        {
            var parsed = _parsed;
            if (parsed.TryGetValue(body, out var value))
            {
                return value;
            }

            value = parse(body);
            if (Interlocked.Increment(ref _count) > capacity)
            {
                _parsed = parsed = new ConcurrentDictionary<string, T>(StringComparer.Ordinal);
                Interlocked.Exchange(ref _count, 1);
            }

            parsed.TryAdd(body, value);
            return value;
        }
    }
}
