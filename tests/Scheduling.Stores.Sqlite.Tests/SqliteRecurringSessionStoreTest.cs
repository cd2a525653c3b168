using Scheduling.Stores.ContractTests;

namespace Scheduling.Stores.Sqlite.Tests;

/// <summary>The SQLite recurring session store against the store contract, on a real file per test.</summary>
public sealed class SqliteRecurringSessionStoreTest : RecurringSessionStoreContract
{
    private readonly TemporaryDatabase _database = new();

    protected override ValueTask<IRecurringSessionStore> CreateStoreAsync() =>
        ValueTask.FromResult<IRecurringSessionStore>(new SqliteRecurringSessionStore(_database.ConnectionString));

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _database.Dispose();
    }
}
