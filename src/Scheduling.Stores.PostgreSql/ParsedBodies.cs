using System.Collections.Concurrent;

namespace Scheduling.Stores.PostgreSql;

/// <summary>
/// Remembers what stored JSON bodies parsed to, so a window query that loads the same series again and again (every
/// first page loads every candidate) parses only the ones that changed. Keyed by the whole body, so a changed row can
/// never be answered from memory; the values are immutable, so sharing them is safe. Bounded: when full it starts
/// over. Thread-safe.
/// </summary>
/// <typeparam name="T">What a body parses to.</typeparam>
internal sealed class ParsedBodies<T>(Func<string, T> parse, int capacity)
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
