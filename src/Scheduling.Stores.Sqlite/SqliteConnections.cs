using Microsoft.Data.Sqlite;

namespace Scheduling.Stores.Sqlite;

/// <summary>Opens connections the way every call of the SQLite stores needs them.</summary>
internal static class SqliteConnections
{
    static SqliteConnections()
    {
        // Points SQLitePCLRaw at the bundled e_sqlite3 library, once per process, before the first connection.
        SQLitePCL.Batteries_V2.Init();
    }

    /// <summary>
    /// Opens a connection (Microsoft.Data.Sqlite pools them by default) that waits up to
    /// <paramref name="busyTimeoutMilliseconds"/> for another connection's write lock instead of failing at once, and
    /// flushes the log to disk at every commit when <paramref name="flushEachCommit"/> is set.
    /// </summary>
    public static async ValueTask<SqliteConnection> OpenAsync(string connectionString, int busyTimeoutMilliseconds, bool flushEachCommit, CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);

            // Microsoft.Data.Sqlite retries a busy statement on its own until its command timeout (whole seconds; 0
            // would retry forever): bound that by the same wait, so the busy timeout is the one limit that applies.
            connection.DefaultTimeout = Math.Max(1, (int)Math.Ceiling(busyTimeoutMilliseconds / 1000.0));
            await using var pragma = connection.CreateCommand();

            // busy_timeout last: it returns a row, and Microsoft.Data.Sqlite would not report an error in a statement
            // after one that returns rows.
            pragma.CommandText = string.Create(
                System.Globalization.CultureInfo.InvariantCulture,
                $"PRAGMA synchronous = {(flushEachCommit ? "FULL" : "NORMAL")}; PRAGMA busy_timeout = {busyTimeoutMilliseconds};");
            await pragma.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>A command on <paramref name="connection"/>, in <paramref name="transaction"/> when one is given.</summary>
    public static SqliteCommand Command(this SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }

    /// <summary>Binds a parameter; null binds SQL NULL.</summary>
    public static SqliteCommand With(this SqliteCommand command, string name, object? value)
    {
        command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }
}
