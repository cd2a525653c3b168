using Scheduling.Stores.ContractTests;

namespace Scheduling.Stores.PostgreSql.Tests;

/// <summary>The PostgreSQL recurring session store against the store contract, each test in a fresh schema.</summary>
public sealed class PostgreSqlRecurringSessionStoreTest : RecurringSessionStoreContract
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

    protected override async ValueTask<IRecurringSessionStore> CreateStoreAsync()
    {
        _schema = await TestSchema.CreateAsync();
        return new PostgreSqlRecurringSessionStore(_schema.ConnectionString);
    }
}
