using Scheduling.Stores.ContractTests.Attendance;

namespace Scheduling.Stores.PostgreSql.Tests.Attendance;

/// <summary>The PostgreSQL attendance store against the store contract, each test in a fresh schema.</summary>
public sealed class PostgreSqlAttendanceStoreTest : AttendanceStoreContract
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

    protected override async ValueTask<IAttendanceStore> CreateStoreAsync()
    {
        _schema = await TestSchema.CreateAsync();
        return new PostgreSqlAttendanceStore(_schema.ConnectionString);
    }
}
