using System.Buffers;
using System.Collections;

namespace Scheduling.Recurrence;

/// <summary>
/// The occurrences of a <see cref="RecurrenceSet"/> that start inside a window, computed lazily, in ascending order
/// of start instant, each instant once. <c>foreach</c> over it uses a struct enumerator and allocates nothing per
/// occurrence.
/// </summary>
/// <remarks>
/// Each enumeration starts afresh and is independent of any other, so one sequence may be enumerated by several
/// threads at once. Enumeration honours the cancellation token given when the sequence was made.
/// </remarks>
public readonly struct OccurrenceSequence : IEnumerable<Occurrence>
{
    private readonly RecurrenceSet _set;
    private readonly long _fromUtc;
    private readonly long _toUtc;
    private readonly CancellationToken _cancellationToken;
    private readonly int _maxEmptyPeriods;

    internal OccurrenceSequence(RecurrenceSet set, long fromUtc, long toUtc, CancellationToken cancellationToken, int maxEmptyPeriods = Expansion.RuleCursor.MaxEmptyPeriods)
    {
        _set = set;
        _fromUtc = fromUtc;
        _toUtc = toUtc;
        _cancellationToken = cancellationToken;
        _maxEmptyPeriods = maxEmptyPeriods;
    }

    /// <summary>Returns a struct enumerator over the occurrences.</summary>
    public OccurrenceEnumerator GetEnumerator() => new(_set, _fromUtc, _toUtc, _cancellationToken, _maxEmptyPeriods);

    /// <summary>The same sequence with a smaller bound on periods inspected in a row without an occurrence (tests only).</summary>
    internal OccurrenceSequence WithMaxEmptyPeriods(int maxEmptyPeriods) =>
        new(_set, _fromUtc, _toUtc, _cancellationToken, maxEmptyPeriods);

    /// <summary>Copies the occurrences into a new list of exactly their number.</summary>
    /// <remarks>Gathers into a pooled buffer first, so the only allocation is the list itself.</remarks>
    public List<Occurrence> ToList()
    {
        var pool = ArrayPool<Occurrence>.Shared;
        var buffer = pool.Rent(64);
        var count = 0;
        try
        {
            foreach (var occurrence in this)
            {
                if (count == buffer.Length)
                {
                    var larger = pool.Rent(buffer.Length * 2);
                    buffer.AsSpan().CopyTo(larger);
                    pool.Return(buffer);
                    buffer = larger;
                }

                buffer[count++] = occurrence;
            }

            var list = new List<Occurrence>(count);
            list.AddRange(buffer.AsSpan(0, count));
            return list;
        }
        finally
        {
            pool.Return(buffer);
        }
    }

    /// <summary>Counts the occurrences without storing them.</summary>
    public int Count()
    {
        var count = 0;
        foreach (var _ in this)
        {
            count++;
        }

        return count;
    }

    IEnumerator<Occurrence> IEnumerable<Occurrence>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
