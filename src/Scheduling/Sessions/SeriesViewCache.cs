using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Scheduling.Stores;

namespace Scheduling.Sessions;

/// <summary>
/// The series views of the process, keyed by series id and record version
/// (<see cref="RecurringSessionRecord.Version"/>), so a record a store reads again unchanged, as a new object or the
/// same, finds the work done on it before: its recurrence set and its next occurrences.
/// </summary>
/// <remarks>
/// <para>A version is a store's, so two stores (two databases, or the in-memory stores of two hosts in one process)
/// may give one number to different records: a view is handed out only for a record equal to the one it was made
/// from, and a record that differs replaces it. A record of version 0 (made outside a store, or read in part) is never
/// remembered.</para>
/// <para>A record object seen before is answered first by the object (a weak table, so it costs nothing once the
/// record is gone); the versions serve a record read again as a new object.</para>
/// <para>Bounded: two generations of at most <see cref="GenerationSize"/> views each; when the newer is full it
/// becomes the older and the oldest is dropped, and a view found in the older moves to the newer. So what the queries
/// of the moment use stays, and views of records that changed leave within two generations. Thread-safe.</para>
/// </remarks>
internal static class SeriesViewCache
{
    /// <summary>How many views one generation holds: more than the candidates of a large tenant's window.</summary>
    public const int GenerationSize = 65_536;

    /// <summary>
    /// The view last handed out for each record object, looked up before the versions: a store that hands back the
    /// same object for an unchanged record (the in-memory store, the SQL stores' record cache) is answered without
    /// hashing its id, which a query over ten thousand candidate series would otherwise do ten thousand times.
    /// </summary>
    private static readonly ConditionalWeakTable<RecurringSessionRecord, SeriesView> ByObject = new();

    private static Generation _newer = new();
    private static Generation _older = new();

    /// <summary>The view of <paramref name="record"/>: the one remembered for an equal record, or one made by <paramref name="make"/>.</summary>
    public static SeriesView Of(RecurringSessionRecord record, Func<RecurringSessionRecord, SeriesView> make)
    {
        if (record.Version == 0)
        {
            return make(record);
        }

        if (ByObject.TryGetValue(record, out var known))
        {
            return known;
        }

        var found = ByVersion(record, make);
        ByObject.AddOrUpdate(record, found);
        return found;
    }

    private static SeriesView ByVersion(RecurringSessionRecord record, Func<RecurringSessionRecord, SeriesView> make)
    {
        var key = (record.Series.Id, record.Version);
        var newer = _newer;
        if (newer.Views.TryGetValue(key, out var view) && view.Record.Equals(record))
        {
            return view;
        }

        if (!_older.Views.TryGetValue(key, out view) || !view.Record.Equals(record))
        {
            view = make(record);
        }

        if (!newer.Views.TryAdd(key, view))
        {
            newer.Views[key] = view;
        }
        else if (Interlocked.Increment(ref newer.Count) >= GenerationSize && Interlocked.CompareExchange(ref _newer, new Generation(), newer) == newer)
        {
            // The newer generation is full: it becomes the older one, and the oldest is dropped. A racing caller that
            // also saw it full finds it already moved and leaves it.
            _older = newer;
        }

        return view;
    }

    /// <summary>One generation of views, with how many it holds (counted as they are added, since counting a concurrent dictionary locks it whole).</summary>
    private sealed class Generation
    {
        public readonly ConcurrentDictionary<(string Id, long Version), SeriesView> Views = new();

        public int Count;
    }
}
