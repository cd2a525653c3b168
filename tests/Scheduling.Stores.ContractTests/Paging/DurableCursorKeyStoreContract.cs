namespace Scheduling.Stores.ContractTests.Paging;

/// <summary>
/// What a durable <see cref="ICursorKeyStore"/> promises beyond <see cref="CursorKeyStoreContract"/>: the key belongs
/// to the data, not to the store object, so a restart or another host (another store object, another connection
/// pool, over the same database) gets the same key, and hosts that start at once agree on one.
/// </summary>
public abstract class DurableCursorKeyStoreContract : CursorKeyStoreContract
{
    private static readonly CancellationToken None = CancellationToken.None;

    /// <summary>Makes another store object over the data of <see cref="CursorKeyStoreContract.Store"/>, with connections of its own, as another host would.</summary>
    protected abstract ValueTask<ICursorKeyStore> OpenAnotherStoreAsync();

    [Fact]
    public async Task Another_store_over_the_same_data_gets_the_key_the_first_one_stored()
    {
        var stored = (await Store.GetOrCreateAsync(NewKey(), None)).ToArray();

        var another = Track(await OpenAnotherStoreAsync());

        (await another.GetOrCreateAsync(NewKey(), None)).ToArray().Should().Equal(stored);
    }

    [Fact]
    public async Task Stores_over_the_same_data_that_race_on_first_use_agree_on_one_key()
    {
        var stores = new List<ICursorKeyStore> { Store };
        for (var i = 0; i < 5; i++)
        {
            stores.Add(Track(await OpenAnotherStoreAsync()));
        }

        var keys = await Task.WhenAll(stores.Select(s => Task.Run(async () => (await s.GetOrCreateAsync(NewKey(), None)).ToArray())));

        keys.Select(Convert.ToHexString).Distinct().Should().ContainSingle();
        (await Track(await OpenAnotherStoreAsync()).GetOrCreateAsync(NewKey(), None)).ToArray().Should().Equal(keys[0]);
    }
}
