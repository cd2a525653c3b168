using Scheduling.Stores.ContractTests.Workspaces;
using Scheduling.Workspaces;

namespace Scheduling.Stores.Sqlite.Tests;

/// <summary><see cref="WorkspaceSessionService"/> over the SQLite stores (both in one file): the whole workspace contract.</summary>
public sealed class SqliteWorkspaceSessionsTest : WorkspaceSessionsContract
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
