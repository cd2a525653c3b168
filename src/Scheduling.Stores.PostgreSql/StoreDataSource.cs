using Npgsql;

namespace Scheduling.Stores.PostgreSql;

/// <summary>
/// The data source a store opens its connections from: made from a connection string (then owned and disposed with
/// the store) or given by the host (then left to it), with the schema migrated before the first connection is used.
/// Thread-safe.
/// </summary>
internal sealed class StoreDataSource : IAsyncDisposable, IDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly bool _owned;
    private volatile bool _ready;

    public StoreDataSource(NpgsqlDataSource dataSource, bool owned, PostgreSqlStoreOptions? options)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        _dataSource = dataSource;
        _owned = owned;
        _ready = !(options ?? PostgreSqlStoreOptions.Default).MigrateOnFirstUse;
    }

    public static StoreDataSource FromConnectionString(string connectionString, PostgreSqlStoreOptions? options)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        return new StoreDataSource(NpgsqlDataSource.Create(connectionString), owned: true, options);
    }

    /// <summary>An open connection, from the pool; dispose it to give it back.</summary>
    public async ValueTask<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (!_ready)
        {
            await PostgreSqlSchema.EnsureMigratedAsync(_dataSource, cancellationToken).ConfigureAwait(false);
            _ready = true;
        }

        return await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
    }

    public ValueTask DisposeAsync() => _owned ? _dataSource.DisposeAsync() : ValueTask.CompletedTask;

    public void Dispose()
    {
        if (_owned)
        {
            _dataSource.Dispose();
        }
    }
}
