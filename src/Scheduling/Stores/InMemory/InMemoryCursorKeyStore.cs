namespace Scheduling.Stores.InMemory;

/// <summary>
/// The embedded default <see cref="ICursorKeyStore"/>: the key lives in this object, so cursors last as long as the
/// in-memory stores they page through and no longer (a restart loses both). Thread-safe.
/// </summary>
public sealed class InMemoryCursorKeyStore : ICursorKeyStore
{
    private byte[]? _key;

    /// <inheritdoc />
    public ValueTask<ReadOnlyMemory<byte>> GetOrCreateAsync(ReadOnlyMemory<byte> candidate, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var key = Volatile.Read(ref _key) ?? Interlocked.CompareExchange(ref _key, candidate.ToArray(), null) ?? _key!;
        return ValueTask.FromResult<ReadOnlyMemory<byte>>(key);
    }
}
