using Scheduling.Stores.ContractTests.Attendance;

namespace Scheduling.Stores.Sqlite.Tests;

/// <summary>The SQLite attendance store against the store contract, on a real file per test.</summary>
public sealed class SqliteAttendanceStoreTest : AttendanceStoreContract
{
    private readonly TemporaryDatabase _database = new();

    protected override ValueTask<IAttendanceStore> CreateStoreAsync() =>
        ValueTask.FromResult<IAttendanceStore>(new SqliteAttendanceStore(_database.ConnectionString));

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _database.Dispose();
    }
}
