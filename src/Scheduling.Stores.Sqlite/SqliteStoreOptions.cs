namespace Scheduling.Stores.Sqlite;

/// <summary>How the SQLite stores use their database. Set once when a store is made; read-only afterwards.</summary>
public sealed class SqliteStoreOptions
{
    /// <summary>The defaults: migrations applied on first use, writers wait up to 30 seconds for the write lock, every commit flushed.</summary>
    public static readonly SqliteStoreOptions Default = new();

    /// <summary>
    /// Gets a value indicating whether a store brings the schema up to date (see <see cref="SqliteSchema"/>) before its
    /// first call, once per connection string per process. True by default; hosts that run
    /// <see cref="SqliteSchema.MigrateAsync"/> themselves, at deployment, turn it off.
    /// </summary>
    public bool ApplyMigrations { get; init; } = true;

    /// <summary>
    /// Gets how long a call waits for another connection's write to finish before it fails with a
    /// <see cref="Microsoft.Data.Sqlite.SqliteException"/> (<c>SQLITE_BUSY</c>). SQLite lets one writer at a time into a
    /// file, so concurrent writers queue for up to this long. 30 seconds by default; from zero to
    /// <see cref="int.MaxValue"/> milliseconds. Microsoft.Data.Sqlite counts its own retries in whole seconds, so a
    /// call may wait up to the next whole second, and at least one second.
    /// </summary>
    public TimeSpan BusyTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Gets a value indicating whether every commit waits until the write-ahead log is flushed to disk
    /// (<c>PRAGMA synchronous = FULL</c>), so a committed write survives a power loss. True by default. When false
    /// (<c>NORMAL</c>) writes are several times faster and the file still cannot be corrupted, but the last commits
    /// before a power loss or an operating system crash may roll back; an application crash loses nothing.
    /// </summary>
    public bool FlushEachCommit { get; init; } = true;

    /// <summary>Checks the options.</summary>
    /// <exception cref="ArgumentException">A value is out of range.</exception>
    public void Validate()
    {
        if (BusyTimeout < TimeSpan.Zero || BusyTimeout.TotalMilliseconds > int.MaxValue)
        {
            throw new ArgumentException("BusyTimeout must be between zero and int.MaxValue milliseconds.", nameof(BusyTimeout));
        }
    }
}
