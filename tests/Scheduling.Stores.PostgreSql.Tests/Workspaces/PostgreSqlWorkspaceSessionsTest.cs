using Scheduling.Stores.ContractTests.Workspaces;
using Scheduling.Workspaces;

namespace Scheduling.Stores.PostgreSql.Tests.Workspaces;

/// <summary>
/// <see cref="WorkspaceSessionService"/> over the PostgreSQL stores: the whole workspace contract, each test in a
/// fresh schema, both stores sharing one data source as a host would.
/// </summary>
public sealed class PostgreSqlWorkspaceSessionsTest : WorkspaceSessionsContract
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

    protected override async ValueTask<(ISessionStore Sessions, IRecurringSessionStore RecurringSessions)> CreateStoresAsync()
    {
        _schema = await TestSchema.CreateAsync();
        var dataSource = _schema.NewDataSource();
        return (new PostgreSqlSessionStore(dataSource), new PostgreSqlRecurringSessionStore(dataSource));
    }
}
