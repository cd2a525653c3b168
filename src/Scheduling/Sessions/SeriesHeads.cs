using System.Buffers;
using Scheduling.Recurrence;
using Scheduling.Stores;

namespace Scheduling.Sessions;

/// <summary>
/// The next occurrence of every candidate series of a page, in a binary min-heap ordered like the results (start,
/// then instance id). Its arrays come from the shared pool and go back on <see cref="Dispose"/>, so a page allocates
/// nothing per series.
/// </summary>
internal struct SeriesHeads : IDisposable
{
    private SeriesView[] _views;
    private Occurrence[] _heads;
    private int[] _heap;
    private int _slots;

    public SeriesHeads()
    {
        _views = ArrayPool<SeriesView>.Shared.Rent(64);
        _heads = ArrayPool<Occurrence>.Shared.Rent(64);
        _heap = ArrayPool<int>.Shared.Rent(64);
    }

    public int Count { get; private set; }

    /// <summary>Adds a series; call <see cref="Heapify"/> after the last one.</summary>
    public void Add(SeriesView view, Occurrence head)
    {
        if (_slots == _views.Length)
        {
            Grow();
        }

        // Slots are never reused: a heap entry may still point at any slot below _slots.
        _views[_slots] = view;
        _heads[_slots] = head;
        _heap[Count] = _slots;
        _slots++;
        Count++;
    }

    /// <summary>A copy with arrays of its own.</summary>
    public readonly SeriesHeads Clone()
    {
        var copy = new SeriesHeads();
        while (copy._views.Length < _slots)
        {
            copy.Grow();
        }

        Array.Copy(_views, copy._views, _slots);
        Array.Copy(_heads, copy._heads, _slots);
        Array.Copy(_heap, copy._heap, Count);
        copy._slots = _slots;
        copy.Count = Count;
        return copy;
    }

    public void Heapify()
    {
        for (var i = (Count / 2) - 1; i >= 0; i--)
        {
            SiftDown(i);
        }
    }

    public readonly (SeriesView View, Occurrence Head) Peek() => (_views[_heap[0]], _heads[_heap[0]]);

    /// <summary>Compares the smallest head with a session in result order (<see cref="SessionPosition"/>); the instance id is built only on a tie.</summary>
    public readonly int ComparePeekTo(Session session)
    {
        var index = _heap[0];
        var byStart = _heads[index].Start.CompareTo(session.Start.Timestamp);
        return byStart != 0 ? byStart : IdOrder.Compare(IdOf(index), session.Id);
    }

    public void ReplacePeek(Occurrence next)
    {
        _heads[_heap[0]] = next;
        SiftDown(0);
    }

    public void RemovePeek()
    {
        Count--;
        _heap[0] = _heap[Count];
        if (Count > 0)
        {
            SiftDown(0);
        }
    }

    public void Dispose()
    {
        Array.Clear(_views, 0, _slots);
        ArrayPool<SeriesView>.Shared.Return(_views);
        ArrayPool<Occurrence>.Shared.Return(_heads);
        ArrayPool<int>.Shared.Return(_heap);
        _views = [];
        _heads = [];
        _heap = [];
        _slots = 0;
        Count = 0;
    }

    private readonly string IdOf(int index) =>
        SessionInstanceId.Format(_views[index].Series.Id, _views[index].IdentityOf(_heads[index].RecurrenceId));

    private readonly int Compare(int left, int right)
    {
        var byStart = _heads[left].Start.CompareTo(_heads[right].Start);
        if (byStart != 0)
        {
            return byStart;
        }

        // Instance ids are "{series id}_{identity}": when neither series id is a prefix of the other, the series ids
        // alone decide the order of the ids, with no string to build.
        var leftSeries = _views[left].Series.Id;
        var rightSeries = _views[right].Series.Id;
        if (!leftSeries.StartsWith(rightSeries, StringComparison.Ordinal) && !rightSeries.StartsWith(leftSeries, StringComparison.Ordinal))
        {
            return IdOrder.Compare(leftSeries, rightSeries);
        }

        return IdOrder.Compare(IdOf(left), IdOf(right));
    }

    private readonly void SiftDown(int position)
    {
        while (true)
        {
            var smallest = position;
            var leftChild = (2 * position) + 1;
            var rightChild = leftChild + 1;
            if (leftChild < Count && Compare(_heap[leftChild], _heap[smallest]) < 0)
            {
                smallest = leftChild;
            }

            if (rightChild < Count && Compare(_heap[rightChild], _heap[smallest]) < 0)
            {
                smallest = rightChild;
            }

            if (smallest == position)
            {
                return;
            }

            (_heap[position], _heap[smallest]) = (_heap[smallest], _heap[position]);
            position = smallest;
        }
    }

    private void Grow()
    {
        var size = _views.Length * 2;
        var views = ArrayPool<SeriesView>.Shared.Rent(size);
        var heads = ArrayPool<Occurrence>.Shared.Rent(size);
        var heap = ArrayPool<int>.Shared.Rent(size);
        Array.Copy(_views, views, _slots);
        Array.Copy(_heads, heads, _slots);
        Array.Copy(_heap, heap, Count);
        Array.Clear(_views, 0, _slots);
        ArrayPool<SeriesView>.Shared.Return(_views);
        ArrayPool<Occurrence>.Shared.Return(_heads);
        ArrayPool<int>.Shared.Return(_heap);
        (_views, _heads, _heap) = (views, heads, heap);
    }
}
