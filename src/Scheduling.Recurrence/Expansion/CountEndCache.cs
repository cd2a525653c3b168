using System.Collections.Concurrent;

namespace Scheduling.Recurrence.Expansion;

/// <summary>
/// Remembers where COUNT rules end (<see cref="RulePlan.CountEnd"/>) across plans, so that a series read afresh
/// from a store on every query finds its end once per process, not once per query. Where a COUNT rule ends depends
/// only on the rule, the local DTSTART and whether the set is all-day, never on the zone. Bounded: when
/// <see cref="Capacity"/> ends are held, the cache starts over. Thread-safe.
/// </summary>
internal static class CountEndCache
{
    /// <summary>The most ends held at once.</summary>
    public const int Capacity = 4096;

    private static readonly ConcurrentDictionary<Key, long> Ends = new();

    public static bool TryGet(Key key, out long end) => Ends.TryGetValue(key, out end);

    public static void Add(Key key, long end)
    {
        if (Ends.Count >= Capacity)
        {
            Ends.Clear();
        }

        Ends[key] = end;
    }

    /// <summary>What a COUNT end depends on.</summary>
    public readonly record struct Key(RecurrenceRule Rule, long StartLocal, bool AllDay);
}
