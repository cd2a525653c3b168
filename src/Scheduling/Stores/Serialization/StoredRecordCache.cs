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
/// them is safe. Bounded: when it holds <c>capacity</c> entries it starts over. Thread-safe. A body that does not read
/// is never remembered: it fails as <see cref="StoredJson"/> says, naming the record, each time it is read.
/// </remarks>
public sealed class StoredRecordCache
{
    private readonly int _capacity;
    private readonly ParsedBodies<RecurringSession> _series;
    private readonly ParsedBodies<InstanceOverride> _versionedOverrides;
    private readonly ParsedBodies<InstanceOverride> _overrides;
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<RecurringSession, Assembled> _assembled = new();
    private ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private int _count;

    /// <summary>Creates a cache that remembers up to <paramref name="capacity"/> series.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="capacity"/> is less than 1.</exception>
    public StoredRecordCache(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _capacity = capacity;
        _overrides = new ParsedBodies<InstanceOverride>(capacity);
        _series = new ParsedBodies<RecurringSession>(capacity);
        _versionedOverrides = new ParsedBodies<InstanceOverride>(capacity);
    }

    /// <summary>The record of a row: its series id and body (<see cref="StoredJson"/>), span end, and override bodies in order of identity start.</summary>
    /// <exception cref="SchedulingException"><see cref="SchedulingErrorCode.UnreadableRecord"/>: the series or one of its overrides does not read.</exception>
    public RecurringSessionRecord Read(string seriesId, string seriesBody, Instant? spanEnd, IReadOnlyList<string> overrideBodies)
    {
        ArgumentNullException.ThrowIfNull(seriesId);
        ArgumentNullException.ThrowIfNull(seriesBody);
        ArgumentNullException.ThrowIfNull(overrideBodies);
        var entries = _entries;
        var known = entries.GetValueOrDefault(seriesBody);
        if (known is not null && known.SpanEnd == spanEnd && known.OverrideBodies.SequenceEqual(overrideBodies, StringComparer.Ordinal))
        {
            return known.Record;
        }

        var series = known?.Record.Series ?? StoredJson.ReadRecurringSession(seriesBody, seriesId);
        var overrides = overrideBodies.Count == 0
            ? ImmutableDictionary<LocalDateTime, InstanceOverride>.Empty
            : overrideBodies.Select(body => _overrides.Parse(body, () => StoredJson.ReadOverride(body, seriesId))).ToImmutableDictionary(o => o.IdentityStart);
        var record = new RecurringSessionRecord(series, spanEnd, overrides);
        if (known is null && Interlocked.Increment(ref _count) > _capacity)
        {
            _entries = entries = new ConcurrentDictionary<string, Entry>(StringComparer.Ordinal);
            Interlocked.Exchange(ref _count, 1);
        }

        entries[seriesBody] = new Entry(record, spanEnd, [.. overrideBodies]);
        return record;
    }

    /// <summary>
    /// The record of a row read with only some of its overrides (for a call on one instance, see
    /// <see cref="IRecurringSessionStore.FindForInstanceAsync"/>): never remembered as the row's record, so the record
    /// a query gets for the same row stays the same object.
    /// </summary>
    /// <exception cref="SchedulingException"><see cref="SchedulingErrorCode.UnreadableRecord"/>: the series or one of these overrides does not read.</exception>
    public RecurringSessionRecord ReadPart(string seriesId, string seriesBody, Instant? spanEnd, IReadOnlyList<string> overrideBodies)
    {
        ArgumentNullException.ThrowIfNull(seriesId);
        ArgumentNullException.ThrowIfNull(seriesBody);
        ArgumentNullException.ThrowIfNull(overrideBodies);
        var series = _entries.GetValueOrDefault(seriesBody)?.Record.Series ?? StoredJson.ReadRecurringSession(seriesBody, seriesId);
        return new RecurringSessionRecord(
            series,
            spanEnd,
            overrideBodies.Count == 0
                ? ImmutableDictionary<LocalDateTime, InstanceOverride>.Empty
                : overrideBodies.Select(body => _overrides.Parse(body, () => StoredJson.ReadOverride(body, seriesId))).ToImmutableDictionary(o => o.IdentityStart));
    }

    /// <summary>
    /// The series stored under <paramref name="versionKey"/> (a key that changes whenever the row does, such as tenant,
    /// id and revision), parsed from <paramref name="readBody"/> only when it is not remembered: a store can then skip
    /// reading the body of an unchanged row at all. <paramref name="id"/> names the series when its body does not read.
    /// </summary>
    /// <exception cref="SchedulingException"><see cref="SchedulingErrorCode.UnreadableRecord"/>: the body does not read.</exception>
    public RecurringSession Series(string id, string versionKey, Func<string> readBody)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(readBody);
        return _series.Parse(versionKey, () => StoredJson.ReadRecurringSession(readBody(), id));
    }

    /// <summary>
    /// The override stored under <paramref name="versionKey"/>, parsed from <paramref name="readBody"/> only when not
    /// remembered; <paramref name="recurringSessionId"/> and <paramref name="identityStart"/> (the stored key) name it
    /// when its body does not read.
    /// </summary>
    /// <exception cref="SchedulingException"><see cref="SchedulingErrorCode.UnreadableRecord"/>: the body does not read.</exception>
    public InstanceOverride Override(string recurringSessionId, string identityStart, string versionKey, Func<string> readBody)
    {
        ArgumentNullException.ThrowIfNull(recurringSessionId);
        ArgumentNullException.ThrowIfNull(readBody);
        return _versionedOverrides.Parse(versionKey, () => StoredJson.ReadOverride(readBody(), recurringSessionId, identityStart));
    }

    /// <summary>The record made of these parts: the same object as last time when the parts are the same objects.</summary>
    public RecurringSessionRecord Assemble(RecurringSession series, Instant? spanEnd, IReadOnlyList<InstanceOverride> overrides)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(overrides);
        if (_assembled.TryGetValue(series, out var known) && known.SpanEnd == spanEnd && known.Overrides.SequenceEqual(overrides, ReferenceEqualityComparer.Instance))
        {
            return known.Record;
        }

        var record = new RecurringSessionRecord(
            series,
            spanEnd,
            overrides.Count == 0 ? ImmutableDictionary<LocalDateTime, InstanceOverride>.Empty : overrides.ToImmutableDictionary(o => o.IdentityStart));
        _assembled.AddOrUpdate(series, new Assembled(record, spanEnd, [.. overrides]));
        return record;
    }

    private sealed record Entry(RecurringSessionRecord Record, Instant? SpanEnd, string[] OverrideBodies);

    private sealed record Assembled(RecurringSessionRecord Record, Instant? SpanEnd, InstanceOverride[] Overrides);

    /// <summary>What stored bodies parsed to, keyed by the whole body; bounded like the cache.</summary>
    private sealed class ParsedBodies<T>(int capacity)
        where T : class
    {
        private ConcurrentDictionary<string, T> _parsed = new(StringComparer.Ordinal);
        private int _count;

        /// <summary>The value remembered under <paramref name="key"/>, or the one <paramref name="make"/> makes.</summary>
        public T Parse(string key, Func<T> make)
        {
            var parsed = _parsed;
            if (parsed.TryGetValue(key, out var value))
            {
                return value;
            }

            value = make();
            if (Interlocked.Increment(ref _count) > capacity)
            {
                _parsed = parsed = new ConcurrentDictionary<string, T>(StringComparer.Ordinal);
                Interlocked.Exchange(ref _count, 1);
            }

            parsed.TryAdd(key, value);
            return value;
        }
    }
}
