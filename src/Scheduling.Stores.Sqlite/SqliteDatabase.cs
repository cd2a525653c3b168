using Microsoft.Data.Sqlite;

namespace Scheduling.Stores.Sqlite;

/// <summary>
/// One database as a store uses it: a connection per call (from Microsoft.Data.Sqlite's pool), made ready once per
/// process, and write transactions that hold the write lock from their first statement. Thread-safe.
/// </summary>
internal sealed class SqliteDatabase
{
    private readonly string _connectionString;
    private readonly bool _applyMigrations;
    private readonly int _busyTimeoutMilliseconds;
    private readonly bool _flushEachCommit;
    private volatile bool _ready;

    public SqliteDatabase(string connectionString, SqliteStoreOptions options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();

        // Fails early, with the driver's message, on a connection string it cannot read.
        _ = new SqliteConnectionStringBuilder(connectionString);
        _connectionString = connectionString;
        _applyMigrations = options.ApplyMigrations;
        _busyTimeoutMilliseconds = SqliteSchema.BusyMilliseconds(options);
        _flushEachCommit = options.FlushEachCommit;
    }

    /// <summary>Opens a connection; the caller disposes it, which returns it to the pool.</summary>
    public async ValueTask<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (!_ready)
        {
            await SqliteSchema.EnsureReadyAsync(_connectionString, _applyMigrations, _busyTimeoutMilliseconds, cancellationToken).ConfigureAwait(false);
            _ready = true;
        }

        return await SqliteConnections.OpenAsync(_connectionString, _busyTimeoutMilliseconds, _flushEachCommit, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Runs <paramref name="work"/> in a transaction begun with <c>BEGIN IMMEDIATE</c>: the write lock is taken before
    /// anything is read, so what <paramref name="work"/> reads cannot change before it writes, and writers queue (for
    /// the busy timeout) instead of failing on a stale snapshot. Commits when <paramref name="work"/> says so; rolls
    /// back otherwise, and on any exception.
    /// </summary>
    public async ValueTask<T> WriteAsync<T>(Func<SqliteConnection, SqliteTransaction, ValueTask<(bool Commit, T Result)>> work, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = connection.BeginTransaction(deferred: false);
        var (commit, result) = await work(connection, transaction).ConfigureAwait(false);
        if (commit)
        {
            // Past this point the change is made: a cancellation must not leave the caller unsure whether it was.
            await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
        }
        else
        {
            await transaction.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
        }

        return result;
    }

    /// <summary>Bumps the tenant's version in <paramref name="changes"/> and widens its longest duration.</summary>
    public static async ValueTask BumpAsync(SqliteConnection connection, SqliteTransaction transaction, string tenantId, ChangeTableSql changes, long longestTicks, CancellationToken cancellationToken)
    {
        await using var command = connection.Command(changes.Bump, transaction)
            .With("@tenant", tenantId)
            .With("@longest_ticks", longestTicks);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The tenant's version in <paramref name="changes"/>: 0 before its first write.</summary>
    public async ValueTask<long?> ChangeVersionAsync(string tenantId, ChangeTableSql changes, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command(changes.Version).With("@tenant", tenantId);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long version ? version : 0;
    }
}
