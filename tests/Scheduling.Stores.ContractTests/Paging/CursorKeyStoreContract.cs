using System.Security.Cryptography;

namespace Scheduling.Stores.ContractTests.Paging;

/// <summary>
/// What every <see cref="ICursorKeyStore"/> must do: keep the first candidate it is given, hand that key back ever
/// after, and agree on one key when first calls race. A store's test project derives from this class (or from
/// <see cref="DurableCursorKeyStoreContract"/> when the key outlives the store object) and says how to make an empty store.
/// </summary>
public abstract class CursorKeyStoreContract : IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;

    private readonly List<ICursorKeyStore> _stores = [];

    /// <summary>Gets the store under test, over empty data at the start of every test.</summary>
    protected ICursorKeyStore Store { get; private set; } = null!;

    /// <summary>Makes a store over empty data.</summary>
    protected abstract ValueTask<ICursorKeyStore> CreateStoreAsync();

    /// <inheritdoc />
    public async Task InitializeAsync() => Store = Track(await CreateStoreAsync());

    /// <inheritdoc />
    public virtual async Task DisposeAsync()
    {
        foreach (var store in _stores)
        {
            await StoreDisposal.DisposeAsync(store);
        }
    }

    [Fact]
    public async Task An_empty_store_keeps_the_candidate_it_is_given()
    {
        var candidate = NewKey();

        (await Store.GetOrCreateAsync(candidate, None)).ToArray().Should().Equal(candidate);
    }

    [Fact]
    public async Task The_stored_key_wins_over_every_later_candidate()
    {
        var first = NewKey();
        await Store.GetOrCreateAsync(first, None);

        for (var i = 0; i < 3; i++)
        {
            (await Store.GetOrCreateAsync(NewKey(), None)).ToArray().Should().Equal(first);
        }
    }

    [Fact]
    public async Task The_store_keeps_its_own_copy_of_the_key()
    {
        var candidate = NewKey();
        var kept = candidate.ToArray();
        var returned = await Store.GetOrCreateAsync(candidate, None);
        candidate.AsSpan().Clear();

        returned.ToArray().Should().Equal(kept);
        (await Store.GetOrCreateAsync(NewKey(), None)).ToArray().Should().Equal(kept);
    }

    [Fact]
    public async Task First_calls_that_race_all_get_the_same_key()
    {
        var candidates = Enumerable.Range(0, 16).Select(_ => NewKey()).ToArray();

        var keys = await Task.WhenAll(candidates.Select(c => Task.Run(async () => (await Store.GetOrCreateAsync(c, None)).ToArray())));

        keys.Select(Convert.ToHexString).Distinct().Should().ContainSingle();
        candidates.Select(Convert.ToHexString).Should().Contain(Convert.ToHexString(keys[0]));
    }

    /// <summary>Random bytes, as the library makes a candidate.</summary>
    protected static byte[] NewKey() => RandomNumberGenerator.GetBytes(32);

    /// <summary>Disposes <paramref name="store"/> after the test.</summary>
    protected ICursorKeyStore Track(ICursorKeyStore store)
    {
        lock (_stores)
        {
            _stores.Add(store);
        }

        return store;
    }
}
