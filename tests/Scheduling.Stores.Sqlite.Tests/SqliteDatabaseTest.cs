using Microsoft.Data.Sqlite;

namespace Scheduling.Stores.Sqlite.Tests;

/// <summary>The transactions every write of the stores runs in.</summary>
public sealed class SqliteDatabaseTest : IDisposable
{
    private readonly TemporaryDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task A_write_holds_the_write_lock_before_its_first_read()
    {
        var database = new SqliteDatabase(_database.ConnectionString, SqliteStoreOptions.Default);

        var otherWriterGotIn = await database.WriteAsync(
            (_, _) =>
            {
                // Nothing read or written yet: with BEGIN IMMEDIATE the lock is already held, so no one can write
                // between this transaction's reads and its writes.
                using var other = _database.Open(_database.ConnectionStringWith(b => { b.Pooling = false; b.DefaultTimeout = 1; }));
                using (var noWait = other.CreateCommand())
                {
                    noWait.CommandText = "PRAGMA busy_timeout = 0;";
                    noWait.ExecuteNonQuery();
                }

                using var begin = other.CreateCommand();
                begin.CommandText = "BEGIN IMMEDIATE;";
                try
                {
                    begin.ExecuteNonQuery();
                    return ValueTask.FromResult((false, true));
                }
                catch (SqliteException error) when (error.SqliteErrorCode == 5)
                {
                    return ValueTask.FromResult((false, false));
                }
            },
            CancellationToken.None);

        otherWriterGotIn.Should().BeFalse();
    }
}
