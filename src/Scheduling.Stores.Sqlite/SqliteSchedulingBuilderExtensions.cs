using Microsoft.Data.Sqlite;
using Scheduling.Hosting;

namespace Scheduling.Stores.Sqlite;

/// <summary>Registers the SQLite stores: <c>services.AddScheduling(s => s.UseSqlite("calendar.db"))</c>.</summary>
public static class SqliteSchedulingBuilderExtensions
{
    /// <summary>
    /// Keeps sessions, recurring sessions, attendance and the cursor key in one SQLite file, created and migrated on
    /// first use.
    /// </summary>
    /// <param name="builder">The Scheduling builder.</param>
    /// <param name="path">The database file; its folder must exist.</param>
    /// <param name="options">Store options, or null for <see cref="SqliteStoreOptions.Default"/>.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentException">The path is empty, its folder does not exist, or the options are invalid.</exception>
    public static SchedulingBuilder UseSqlite(this SchedulingBuilder builder, string path, SqliteStoreOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new ArgumentException("UseSqlite needs the path of the database file.", nameof(path));
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null && !Directory.Exists(folder))
        {
            throw new ArgumentException($"UseSqlite: the folder '{folder}' of the database file does not exist.", nameof(path));
        }

        var storeOptions = options ?? SqliteStoreOptions.Default;
        storeOptions.Validate();
        var connectionString = new SqliteConnectionStringBuilder { DataSource = path }.ToString();
        return builder
            .UseStores(
                _ => new SqliteSessionStore(connectionString, storeOptions),
                _ => new SqliteRecurringSessionStore(connectionString, storeOptions),
                _ => new SqliteAttendanceStore(connectionString, storeOptions))
            .UseCursorKeyStore(_ => new SqliteCursorKeyStore(connectionString, storeOptions));
    }
}
