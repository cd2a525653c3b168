using System.Collections.Concurrent;
using System.Collections.Immutable;
using NodaTime;
using Scheduling.Sessions;
using Scheduling.Stores.Serialization;

namespace Scheduling.Stores.Relational;

/// <summary>
/// The records a SQL store has read, by tenant, series id and record version (<see cref="RecurringSessionRecord.Version"/>):
/// a row whose version is remembered is answered from memory, without reading its bodies, as the same record object.
/// Every first page of a query loads every candidate series; answering unchanged rows from memory spares reading and
/// parsing them, and hands the core the record it already worked on.
/// </summary>
/// <remarks>
/// The version changes with every write of the series or its overrides and is never reused for a series id in a
/// tenant, so a remembered record is never stale. When a row changed, its bodies are read again, and only the bodies
/// whose text changed are parsed (an override booked is parsed anew, the others and the series are not). Records are
/// immutable, so sharing them is safe. Bounded: each part starts over when it holds <c>capacity</c> entries.
/// Thread-safe. A body that does not read is never remembered: it fails as <see cref="StoredJson"/> says, naming the
/// record, each time it is read.
/// </remarks>
internal sealed class StoredRecordCache
{
    private readonly Bounded<(string Tenant, string Id, long Version), RecurringSessionRecord> _records;
    private readonly Bounded<string, RecurringSession> _series;
    private readonly Bounded<string, InstanceOverride> _overrides;

    /// <summary>Creates a cache that remembers up to <paramref name="capacity"/> records.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="capacity"/> is less than 1.</exception>
    public StoredRecordCache(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _records = new(capacity);
        _series = new(capacity);
        _overrides = new(capacity);
    }

    /// <summary>The whole record remembered for this row, or null: the row's bodies need not be read.</summary>
    public RecurringSessionRecord? Find(string tenantId, string seriesId, long version) =>
        _records.Find((tenantId, seriesId, version));

    /// <summary>
    /// The whole record of a row read anew (its series body, span end and every override body, in any order), with
    /// its version, remembered for the row.
    /// </summary>
    /// <exception cref="SchedulingException"><see cref="SchedulingErrorCode.UnreadableRecord"/>: the series or one of its overrides does not read.</exception>
    public RecurringSessionRecord Read(string tenantId, string seriesId, long version, string seriesBody, Instant? spanEnd, IReadOnlyList<(string Body, string? IdentityStart)> overrides)
    {
        var record = new RecurringSessionRecord(Series(seriesId, seriesBody), spanEnd, Overrides(seriesId, overrides)) { Version = version };
        _records.Add((tenantId, seriesId, version), record);
        return record;
    }

    /// <summary>
    /// The record of a row read with only some of its overrides (for a call on one instance, see
    /// <see cref="IRecurringSessionStore.FindForInstanceAsync"/>): version 0, never remembered as the row's record; when
    /// the whole record at <paramref name="version"/> is remembered, it is taken from there without parsing anything.
    /// </summary>
    /// <exception cref="SchedulingException"><see cref="SchedulingErrorCode.UnreadableRecord"/>: the series or one of these overrides does not read.</exception>
    public RecurringSessionRecord ReadPart(string tenantId, string seriesId, long version, string seriesBody, Instant? spanEnd, IReadOnlyList<(string Body, string? IdentityStart)> overrides)
    {
        if (Find(tenantId, seriesId, version) is { } whole)
        {
            var part = ImmutableDictionary<LocalDateTime, InstanceOverride>.Empty;
            foreach (var (body, _) in overrides)
            {
                var own = Override(seriesId, body, null);
                part = part.SetItem(own.IdentityStart, whole.Overrides.GetValueOrDefault(own.IdentityStart) ?? own);
            }

            return new RecurringSessionRecord(whole.Series, spanEnd, part);
        }

        return new RecurringSessionRecord(Series(seriesId, seriesBody), spanEnd, Overrides(seriesId, overrides));
    }

    private RecurringSession Series(string seriesId, string body) =>
        _series.Find(body) ?? _series.Add(body, StoredJson.ReadRecurringSession(body, seriesId));

    private InstanceOverride Override(string seriesId, string body, string? identityStart) =>
        _overrides.Find(body) ?? _overrides.Add(body, StoredJson.ReadOverride(body, seriesId, identityStart));

    private ImmutableDictionary<LocalDateTime, InstanceOverride> Overrides(string seriesId, IReadOnlyList<(string Body, string? IdentityStart)> overrides)
    {
        if (overrides.Count == 0)
        {
            return ImmutableDictionary<LocalDateTime, InstanceOverride>.Empty;
        }

        var read = ImmutableDictionary.CreateBuilder<LocalDateTime, InstanceOverride>();
        foreach (var (body, identityStart) in overrides)
        {
            var own = Override(seriesId, body, identityStart);
            read[own.IdentityStart] = own;
        }

        return read.ToImmutable();
    }

    /// <summary>A concurrent dictionary that starts over when it holds <c>capacity</c> entries.</summary>
    private sealed class Bounded<TKey, TValue>(int capacity)
        where TKey : notnull
        where TValue : class
    {
        private ConcurrentDictionary<TKey, TValue> _entries = new();
        private int _count;

        public TValue? Find(TKey key) => _entries.GetValueOrDefault(key);

        public TValue Add(TKey key, TValue value)
        {
            var entries = _entries;
            if (Interlocked.Increment(ref _count) > capacity)
            {
                _entries = entries = new ConcurrentDictionary<TKey, TValue>();
                Interlocked.Exchange(ref _count, 1);
            }

            entries[key] = value;
            return value;
        }
    }
}
