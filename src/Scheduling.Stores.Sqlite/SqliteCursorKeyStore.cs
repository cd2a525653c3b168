using Microsoft.Data.Sqlite;

namespace Scheduling.Stores.Sqlite;

/// <summary>
/// An <see cref="ICursorKeyStore"/> in a SQLite file: the key lives in <c>scheduling_cursor_keys</c> (migration 3),
/// so every process over the file, and every restart, signs and accepts the same cursors.
/// </summary>
/// <remarks>
/// The first call inserts the candidate only if no key is stored (<c>ON CONFLICT DO NOTHING</c>, under SQLite's write
/// lock) and reads the stored key back, so processes that race agree on one key; later calls only read. Thread-safe.
/// </remarks>
public sealed class SqliteCursorKeyStore : ICursorKeyStore
{
    private readonly SqliteDatabase _database;

    /// <summary>Creates a store over the database of <paramref name="connectionString"/>, with the default options.</summary>
    /// <param name="connectionString">A Microsoft.Data.Sqlite connection string, such as <c>Data Source=scheduling.db</c>.</param>
    /// <exception cref="ArgumentException"><paramref name="connectionString"/> is blank or malformed.</exception>
    public SqliteCursorKeyStore(string connectionString)
        : this(connectionString, SqliteStoreOptions.Default)
    {
    }

    /// <summary>Creates a store over the database of <paramref name="connectionString"/>.</summary>
    /// <param name="connectionString">A Microsoft.Data.Sqlite connection string, such as <c>Data Source=scheduling.db</c>.</param>
    /// <param name="options">How to use the database.</param>
    /// <exception cref="ArgumentException"><paramref name="connectionString"/> is blank or malformed, or an option is out of range.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    public SqliteCursorKeyStore(string connectionString, SqliteStoreOptions options)
    {
        _database = new SqliteDatabase(connectionString, options);
    }

    /// <inheritdoc />
    public async ValueTask<ReadOnlyMemory<byte>> GetOrCreateAsync(ReadOnlyMemory<byte> candidate, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        if (await FindAsync(connection, cancellationToken).ConfigureAwait(false) is { } stored)
        {
            return stored;
        }

        await using (var insert = connection.Command(CursorKeySql.InsertIfAbsent).With("@key", candidate.ToArray()))
        {
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        return await FindAsync(connection, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException("The cursor key was inserted but is not stored: scheduling_cursor_keys is being changed by hand.");
    }

    private static async ValueTask<byte[]?> FindAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var find = connection.Command(CursorKeySql.Find);
        return await find.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as byte[];
    }
}
