using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace Scheduling.Tests.Stores;

/// <summary>The store calls a test made, by member name, in the order they were made. Thread-safe.</summary>
internal sealed class StoreCalls
{
    private readonly ConcurrentQueue<string> _made = new();

    /// <summary>Gets the calls made since the last <see cref="Clear"/>, in order.</summary>
    public IReadOnlyList<string> Made => [.. _made];

    public void Clear() => _made.Clear();

    public void Add(string member) => _made.Enqueue(member);

    /// <summary>Counts a call as it is made and hands back its result.</summary>
    public ValueTask<T> Count<T>(string member, ValueTask<T> call)
    {
        Add(member);
        return call;
    }

    /// <summary>
    /// Counts a call before it is made, so a call that throws before it returns (an atomic change whose decision
    /// refuses, in a store that runs it synchronously) is counted too.
    /// </summary>
    public ValueTask<T> Count<T>(string member, Func<ValueTask<T>> call)
    {
        Add(member);
        return call();
    }

    /// <summary>A stream counted once, when it is enumerated.</summary>
    public async IAsyncEnumerable<T> Stream<T>(string member, IAsyncEnumerable<T> items, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        Add(member);
        await foreach (var item in items.WithCancellation(cancellationToken))
        {
            yield return item;
        }
    }
}
