using Microsoft.Data.Sqlite;
using Scheduling.Stores.Sqlite;

// In the namespace of SchedulingBuilder (the one folder whose namespace is not its path), so that the usual
// `using Microsoft.Extensions.DependencyInjection;` finds UseSqlite wherever it finds AddScheduling.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the SQLite stores: <c>services.AddScheduling(s => s.UseSqlite("calendar.db"))</c>.</summary>
public static class SqliteSchedulingBuilderExtensions
{
    /// <summary>
    /// Keeps sessions, recurring sessions, attendance and the cursor key in one SQLite file, created and migrated on
    /// first use.
    /// </summary>
    /// <param name="builder">The Scheduling builder.</param>
    /// <param name="pathOrConnectionString">
    /// The database file (<c>calendar.db</c>), or a SQLite connection string that names one
    /// (<c>Data Source=calendar.db;Cache=Shared</c>): a text that reads as a connection string with a data source is
    /// one, anything else is a path. The file's folder must exist.
    /// </param>
    /// <param name="options">Store options, or null for <see cref="SqliteStoreOptions.Default"/>.</param>
    /// <returns>The builder.</returns>
    /// <remarks>
    /// Two registrations use the same stores when they name the same file (by its full path, whatever else the
    /// connection strings say) with equal store options.
    /// </remarks>
    /// <exception cref="ArgumentException">The text is empty, the file's folder does not exist, or the options are invalid.</exception>
    public static SchedulingBuilder UseSqlite(this SchedulingBuilder builder, string pathOrConnectionString, SqliteStoreOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (string.IsNullOrWhiteSpace(pathOrConnectionString))
        {
            throw new ArgumentException("UseSqlite needs the path of the database file, or a connection string that names it.", nameof(pathOrConnectionString));
        }

        var connection = ReadConnectionString(pathOrConnectionString) ?? new SqliteConnectionStringBuilder { DataSource = pathOrConnectionString };
        var folder = Path.GetDirectoryName(Path.GetFullPath(connection.DataSource));
        if (folder is not null && !Directory.Exists(folder))
        {
            throw new ArgumentException($"UseSqlite: the folder '{folder}' of the database file does not exist.", nameof(pathOrConnectionString));
        }

        var storeOptions = options ?? SqliteStoreOptions.Default;
        storeOptions.Validate();
        var connectionString = connection.ToString();
        var file = Path.GetFullPath(connection.DataSource);
        return builder
            .UseStores(
                _ => new SqliteSessionStore(connectionString, storeOptions),
                _ => new SqliteRecurringSessionStore(connectionString, storeOptions),
                _ => new SqliteAttendanceStore(connectionString, storeOptions))
            .UseCursorKeyStore(_ => new SqliteCursorKeyStore(connectionString, storeOptions))
            .DescribeStores(
                $"SQLite file '{file}'",
                ("SQLite", file, storeOptions.ApplyMigrations, storeOptions.BusyTimeout, storeOptions.FlushEachCommit));
    }

    /// <summary>The text as a connection string when it reads as one with a data source; null when it is a path.</summary>
    private static SqliteConnectionStringBuilder? ReadConnectionString(string text)
    {
        if (!text.Contains('=', StringComparison.Ordinal))
        {
            return null;
        }

        try
        {
            var connection = new SqliteConnectionStringBuilder(text);
            return string.IsNullOrWhiteSpace(connection.DataSource) ? null : connection;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
