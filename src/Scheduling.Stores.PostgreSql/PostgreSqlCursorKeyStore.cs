using Npgsql;
using NpgsqlTypes;
using Scheduling.Stores.PostgreSql.Sql;

namespace Scheduling.Stores.PostgreSql;

/// <summary>
/// An <see cref="ICursorKeyStore"/> in PostgreSQL: the key lives in <c>scheduling_cursor_keys</c> (migration 3), so
/// every host over the database, and every restart, signs and accepts the same cursors.
/// </summary>
/// <remarks>
/// <para>The first call inserts the candidate only if no key is stored (<c>ON CONFLICT DO NOTHING</c>, which waits for
/// a racing insert to commit) and then reads the stored key in a statement of its own, so hosts that start at once
/// agree on one key; later calls only read.</para>
/// <para>Thread-safe. Dispose the store to close its connections when it made its own data source.</para>
/// </remarks>
public sealed class PostgreSqlCursorKeyStore : ICursorKeyStore, IAsyncDisposable, IDisposable
{
    private readonly StoreDataSource _dataSource;

    /// <summary>Creates a store over its own data source, made from <paramref name="connectionString"/>.</summary>
    /// <param name="connectionString">An Npgsql connection string; its search path names the schema of the tables.</param>
    /// <param name="options">How the store migrates its schema; null for <see cref="PostgreSqlStoreOptions.Default"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="connectionString"/> is null or empty.</exception>
    public PostgreSqlCursorKeyStore(string connectionString, PostgreSqlStoreOptions? options = null)
    {
        _dataSource = StoreDataSource.FromConnectionString(connectionString, options);
    }

    /// <summary>Creates a store over <paramref name="dataSource"/>, which the host keeps and disposes.</summary>
    /// <param name="dataSource">The data source; its search path names the schema of the tables.</param>
    /// <param name="options">How the store migrates its schema; null for <see cref="PostgreSqlStoreOptions.Default"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="dataSource"/> is null.</exception>
    public PostgreSqlCursorKeyStore(NpgsqlDataSource dataSource, PostgreSqlStoreOptions? options = null)
    {
        _dataSource = new StoreDataSource(dataSource, owned: false, options);
    }

    /// <inheritdoc />
    public async ValueTask<ReadOnlyMemory<byte>> GetOrCreateAsync(ReadOnlyMemory<byte> candidate, CancellationToken cancellationToken)
    {
        var connection = await _dataSource.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            if (await FindAsync(connection, cancellationToken).ConfigureAwait(false) is { } stored)
            {
                return stored;
            }

            await using (var insert = new NpgsqlCommand(CursorKeyStatements.InsertIfAbsent, connection))
            {
                insert.Parameters.Add(new NpgsqlParameter<byte[]>("key", NpgsqlDbType.Bytea) { TypedValue = candidate.ToArray() });
                await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            return await FindAsync(connection, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException("The cursor key was inserted but is not stored: scheduling_cursor_keys is being changed by hand.");
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    /// <inheritdoc />
    public void Dispose() => _dataSource.Dispose();

    private static async ValueTask<byte[]?> FindAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var find = new NpgsqlCommand(CursorKeyStatements.Find, connection);
        return await find.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as byte[];
    }
}
