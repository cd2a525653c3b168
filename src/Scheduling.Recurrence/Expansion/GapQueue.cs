namespace Scheduling.Recurrence.Expansion;

/// <summary>
/// A first-in first-out queue of occurrences that fell in a DST gap. Such an occurrence starts later on the wall
/// clock than its local time says, so it is held back until every occurrence that starts before it has been
/// yielded. Its buffer is allocated only when a gap is actually crossed.
/// </summary>
internal struct GapQueue
{
    private Occurrence[]? _items;
    private int _head;

    public int Count { get; private set; }

    public readonly Occurrence Peek() => _items![_head];

    public void Enqueue(Occurrence occurrence)
    {
        _items ??= new Occurrence[4];
        if (Count == _items.Length)
        {
            var larger = new Occurrence[_items.Length * 2];
            for (var i = 0; i < Count; i++)
            {
                larger[i] = _items[(_head + i) % _items.Length];
            }

            _items = larger;
            _head = 0;
        }

        _items[(_head + Count) % _items.Length] = occurrence;
        Count++;
    }

    public Occurrence Dequeue()
    {
        var occurrence = _items![_head];
        _head = (_head + 1) % _items.Length;
        Count--;
        return occurrence;
    }
}
