using Scheduling.Stores.ContractTests.Attendance;

namespace Scheduling.Stores.Sqlite.Tests;

/// <summary>
/// <see cref="Scheduling.Attendance.AttendanceService"/> over the SQLite stores (sessions, series and attendance in
/// one file): the whole service contract.
/// </summary>
public sealed class SqliteAttendanceServiceTest : AttendanceServiceContract
{
    private readonly TemporaryDatabase _database = new();

    protected override ValueTask<(ISessionStore Sessions, IRecurringSessionStore RecurringSessions, IAttendanceStore Attendance)> CreateStoresAsync() =>
        ValueTask.FromResult<(ISessionStore, IRecurringSessionStore, IAttendanceStore)>((
            new SqliteSessionStore(_database.ConnectionString),
            new SqliteRecurringSessionStore(_database.ConnectionString),
            new SqliteAttendanceStore(_database.ConnectionString)));

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _database.Dispose();
    }
}
