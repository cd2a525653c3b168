using Scheduling.Stores.ContractTests;

namespace Scheduling.Stores.Sqlite.Tests;

/// <summary>The SQLite session store against the store contract, on a real file per test.</summary>
public sealed class SqliteSessionStoreTest : SessionStoreContract
{
    private readonly TemporaryDatabase _database = new();

    protected override ValueTask<ISessionStore> CreateStoreAsync() =>
        ValueTask.FromResult<ISessionStore>(new SqliteSessionStore(_database.ConnectionString));

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _database.Dispose();
    }
}
