using System.Collections.Immutable;
using System.Security.Cryptography;
using Scheduling.Stores;

namespace Scheduling.Paging;

/// <summary>
/// Where a service's cursor keys come from, decided once: the keys the host configured
/// (<see cref="SchedulingOptions.CursorKeys"/> or <see cref="SchedulingOptions.CursorKey"/>), or else the key the
/// store keeps, created on first use (so restarts and other hosts over the same data agree on it). Thread-safe.
/// </summary>
internal sealed class CursorKeyRing
{
    /// <summary>How many random bytes a key the library creates has.</summary>
    public const int CreatedKeyLength = 32;

    private readonly ICursorKeyStore _store;
    private CursorKeys? _keys;

    public CursorKeyRing(SchedulingOptions options, ICursorKeyStore store)
    {
        ArgumentNullException.ThrowIfNull(options);
        _store = store ?? throw new ArgumentNullException(nameof(store));
        var configured = options.ConfiguredCursorKeys;
        if (!configured.IsEmpty)
        {
            _keys = CursorKeys.Of([.. configured.Select((key, i) => CursorSigningKey.Of(key.Span, $"{nameof(SchedulingOptions.CursorKeys)}[{i}]"))]);
        }
    }

    /// <summary>The keys: at once after the first call; the first call without configured keys asks the store.</summary>
    public ValueTask<CursorKeys> GetAsync(CancellationToken cancellationToken) =>
        Volatile.Read(ref _keys) is { } keys ? ValueTask.FromResult(keys) : LoadAsync(cancellationToken);

    private async ValueTask<CursorKeys> LoadAsync(CancellationToken cancellationToken)
    {
        // Concurrent first calls may each ask; the store hands every one of them the same key. A failure is not
        // remembered, so the next call asks again.
        var candidate = RandomNumberGenerator.GetBytes(CreatedKeyLength);
        var stored = await _store.GetOrCreateAsync(candidate, cancellationToken).ConfigureAwait(false);
        if (stored.Length < CursorSigningKey.MinimumLength)
        {
            throw new InvalidOperationException(
                $"The cursor key store {_store.GetType().Name} returned a key of {stored.Length} bytes; a cursor key needs at least {CursorSigningKey.MinimumLength}.");
        }

        var keys = CursorKeys.Of([CursorSigningKey.Of(stored.Span, "the stored cursor key")]);
        return Interlocked.CompareExchange(ref _keys, keys, null) ?? keys;
    }
}
