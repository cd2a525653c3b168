namespace Scheduling.Stores;

/// <summary>
/// Keeps the key the library signs cursors with when the host configures none
/// (<see cref="SchedulingOptions.CursorKeys"/>), so that a restarted host and every other host over the same data sign
/// and accept the same cursors.
/// </summary>
/// <remarks>
/// <para>Persistence only. The library makes the candidate (random bytes), decides which key signs and which are
/// accepted, and asks once per service; a store keeps the first candidate it is given and hands back the stored key
/// ever after. The key is one per deployment, not per tenant: a cursor's tenant is inside its signature.</para>
/// <para>The first call must be race-safe: when hosts call at once over empty data, every one of them gets the same
/// key back (insert if absent, then read). A durable store keeps the key for as long as its data.</para>
/// </remarks>
public interface ICursorKeyStore
{
    /// <summary>
    /// Gets the stored cursor key; when none is stored yet, stores <paramref name="candidate"/> first and returns it.
    /// A key stored by someone else (another call, another host) wins over the candidate.
    /// </summary>
    /// <param name="candidate">The key to keep if none is stored: random bytes the library made, at least 32 of them.</param>
    /// <param name="cancellationToken">Stops waiting for the store.</param>
    /// <returns>The stored key: <paramref name="candidate"/>'s bytes, or those of the key stored before.</returns>
    ValueTask<ReadOnlyMemory<byte>> GetOrCreateAsync(ReadOnlyMemory<byte> candidate, CancellationToken cancellationToken);
}
