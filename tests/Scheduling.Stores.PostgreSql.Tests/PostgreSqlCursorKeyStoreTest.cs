using Scheduling.Stores.ContractTests.Paging;

namespace Scheduling.Stores.PostgreSql.Tests;

/// <summary>
/// The PostgreSQL cursor key store against the durable store contract, each test in a fresh schema; another store
/// has a data source (a connection pool) of its own, as another host would.
/// </summary>
public sealed class PostgreSqlCursorKeyStoreTest : DurableCursorKeyStoreContract
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

    protected override async ValueTask<ICursorKeyStore> CreateStoreAsync()
    {
        _schema = await TestSchema.CreateAsync();
        return new PostgreSqlCursorKeyStore(_schema.ConnectionString);
    }

    protected override ValueTask<ICursorKeyStore> OpenAnotherStoreAsync() =>
        ValueTask.FromResult<ICursorKeyStore>(new PostgreSqlCursorKeyStore(_schema!.NewDataSource()));
}
