using Scheduling.Sessions;
using Scheduling.Stores.ContractTests.Sessions;

namespace Scheduling.Stores.PostgreSql.Tests.Sessions;

/// <summary>
/// <see cref="SessionService"/> over the PostgreSQL stores: the whole service contract, each test in a fresh schema,
/// both stores sharing one data source as a host would.
/// </summary>
public sealed class PostgreSqlSessionServiceTest : SessionServiceContract
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
