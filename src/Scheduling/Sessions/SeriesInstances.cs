using NodaTime;
using Scheduling.Recurrence;
using Scheduling.Stores;

namespace Scheduling.Sessions;

/// <summary>
/// The instances of a set of series in a window, one at a time in result order (start, then id): each series'
/// occurrences through <see cref="SeriesHeads"/>, merged with the instances moved to their own times. Memory is one
/// head per series plus the moved instances; nothing is expanded before it is asked for.
/// </summary>
/// <remarks>
/// <see cref="Peek"/> shows the next instance without passing it, so a reader that stops there can hand the rest
/// to the next page (<see cref="Clone"/>). Not thread-safe: one reader at a time.
/// </remarks>
internal sealed class SeriesInstances : IDisposable
{
    private readonly Instant _to;
    private readonly Session[] _moved;
    private SeriesHeads _heads;
    private int _nextMoved;
    private Session? _peeked;
    private bool _peekedFromHeads;

    private SeriesInstances(SeriesHeads heads, Session[] moved, int nextMoved, Instant to)
    {
        _heads = heads;
        _moved = moved;
        _nextMoved = nextMoved;
        _to = to;
    }

    /// <summary>
    /// Reads <paramref name="records"/> and finds each series' first instance that may reach into <c>[from, to)</c>
    /// after <paramref name="after"/>; instances that start up to the series' longest length before the window are
    /// included, since they may still overlap it.
    /// </summary>
    public static async ValueTask<SeriesInstances> OpenAsync(
        IAsyncEnumerable<RecurringSessionRecord> records,
        Instant from,
        Instant to,
        SessionPosition? after,
        CancellationToken cancellationToken)
    {
        var heads = new SeriesHeads();
        var moved = new List<Session>();
        try
        {
            await foreach (var record in records.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                var view = SeriesView.Of(record);
                foreach (var own in record.Overrides.Count == 0 ? [] : record.Overrides.Values)
                {
                    if (own.Start is CalendarDateTime start && view.FindOccurrence(own.IdentityStart).HasValue)
                    {
                        moved.Add(view.Instance(own.IdentityStart, start, own));
                    }
                }

                // Never before the supported range.
                var expandFrom = view.LongestDuration < from - SupportedRange.Start ? from - view.LongestDuration : SupportedRange.Start;
                if (after is { } position && position.Start > expandFrom)
                {
                    expandFrom = position.Start;
                }

                if (view.TryFindHead(expandFrom, to, cancellationToken, out var head))
                {
                    heads.Add(view, head);
                }
            }
        }
        catch
        {
            heads.Dispose();
            throw;
        }

        heads.Heapify();
        moved.Sort(SessionOrder.Compare);
        return new SeriesInstances(heads, [.. moved], 0, to);
    }

    /// <summary>The next instance, or null when every series is done; calling it again returns the same one.</summary>
    public Session? Peek()
    {
        if (_peeked is not null)
        {
            return _peeked;
        }

        var nextMoved = _nextMoved < _moved.Length ? _moved[_nextMoved] : null;
        if (_heads.Count > 0 && (nextMoved is null || _heads.ComparePeekTo(nextMoved) < 0))
        {
            _peeked = _heads.Peek().View.Instance(_heads.Peek().Head);
            _peekedFromHeads = true;
        }
        else
        {
            _peeked = nextMoved;
            _peekedFromHeads = false;
        }

        return _peeked;
    }

    /// <summary>Passes the instance <see cref="Peek"/> returned.</summary>
    public void Advance(CancellationToken cancellationToken)
    {
        if (Peek() is null)
        {
            return;
        }

        if (_peekedFromHeads)
        {
            var (view, head) = _heads.Peek();
            if (view.TryFindHead(head.Start + Duration.FromSeconds(1), _to, cancellationToken, out var next))
            {
                _heads.ReplacePeek(next);
            }
            else
            {
                _heads.RemovePeek();
            }
        }
        else
        {
            _nextMoved++;
        }

        _peeked = null;
    }

    /// <summary>A copy at the same place, with heads of its own.</summary>
    public SeriesInstances Clone() => new(_heads.Clone(), _moved, _nextMoved, _to);

    /// <summary>Gives the heads' pooled arrays back.</summary>
    public void Dispose()
    {
        _heads.Dispose();
        _peeked = null;
    }
}
