using Scheduling.Sessions;
using Scheduling.Stores.ContractTests.Sessions;

namespace Scheduling.Stores.Sqlite.Tests;

/// <summary><see cref="SessionService"/> over the SQLite stores (both in one file): the whole service contract.</summary>
public sealed class SqliteSessionServiceTest : SessionServiceContract
{
    private readonly TemporaryDatabase _database = new();

    protected override ValueTask<(ISessionStore Sessions, IRecurringSessionStore RecurringSessions)> CreateStoresAsync() =>
        ValueTask.FromResult<(ISessionStore, IRecurringSessionStore)>(
            (new SqliteSessionStore(_database.ConnectionString), new SqliteRecurringSessionStore(_database.ConnectionString)));

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _database.Dispose();
    }
}
