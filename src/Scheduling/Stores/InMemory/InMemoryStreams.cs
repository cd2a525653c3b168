using System.Runtime.CompilerServices;

namespace Scheduling.Stores.InMemory;

/// <summary>Turns a list taken under a store's lock into an async stream that honours cancellation.</summary>
internal static class InMemoryStreams
{
    public static async IAsyncEnumerable<T> Stream<T>(IReadOnlyList<T> items, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var item in items)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return item;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }
}
