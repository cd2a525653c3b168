using Scheduling.Stores.ContractTests;

namespace Scheduling.Stores.PostgreSql.Tests;

/// <summary>The PostgreSQL session store against the store contract, each test in a fresh schema.</summary>
public sealed class PostgreSqlSessionStoreTest : SessionStoreContract
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

    protected override async ValueTask<ISessionStore> CreateStoreAsync()
    {
        _schema = await TestSchema.CreateAsync();
        return new PostgreSqlSessionStore(_schema.ConnectionString);
    }
}
