using Scheduling.Attendance;
using Scheduling.Stores.ContractTests.Attendance;

namespace Scheduling.Stores.PostgreSql.Tests.Attendance;

/// <summary>
/// <see cref="AttendanceService"/> over the PostgreSQL stores: the whole service contract, each test in a fresh
/// schema, the three stores sharing one data source as a host would.
/// </summary>
public sealed class PostgreSqlAttendanceServiceTest : AttendanceServiceContract
{
    private TestSchema? _schema;

    /// <inheritdoc />
    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_schema is not null)
        {
            await _schema.DisposeAsync();
        }
    }

    protected override async ValueTask<(ISessionStore Sessions, IRecurringSessionStore RecurringSessions, IAttendanceStore Attendance)> CreateStoresAsync()
    {
        _schema = await TestSchema.CreateAsync();
        var dataSource = _schema.NewDataSource();
        return (new PostgreSqlSessionStore(dataSource), new PostgreSqlRecurringSessionStore(dataSource), new PostgreSqlAttendanceStore(dataSource));
    }
}
