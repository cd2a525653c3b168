using Scheduling.Stores.ContractTests.Paging;

namespace Scheduling.Stores.Sqlite.Tests;

/// <summary>The SQLite cursor key store against the durable store contract; another store uses a pool of its own, as another process would.</summary>
public sealed class SqliteCursorKeyStoreTest : DurableCursorKeyStoreContract
{
    private readonly TemporaryDatabase _database = new();

    protected override ValueTask<ICursorKeyStore> CreateStoreAsync() =>
        ValueTask.FromResult<ICursorKeyStore>(new SqliteCursorKeyStore(_database.ConnectionString));

    protected override ValueTask<ICursorKeyStore> OpenAnotherStoreAsync() =>
        ValueTask.FromResult<ICursorKeyStore>(new SqliteCursorKeyStore(_database.ConnectionStringWith(b => b.Pooling = false)));

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _database.Dispose();
    }
}
