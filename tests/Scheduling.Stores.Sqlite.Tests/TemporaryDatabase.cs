using Microsoft.Data.Sqlite;

namespace Scheduling.Stores.Sqlite.Tests;

/// <summary>
/// A SQLite file in a fresh temporary directory, for one test. Disposing it drops the pooled connections to the file
/// and deletes the directory.
/// </summary>
public sealed class TemporaryDatabase : IDisposable
{
    private readonly List<string> _connectionStrings = [];

    public TemporaryDatabase()
    {
        Directory = Path.Combine(Path.GetTempPath(), "scheduling-sqlite-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        FilePath = Path.Combine(Directory, "scheduling.db");
        ConnectionString = ConnectionStringWith(_ => { });
    }

    /// <summary>Gets the directory the file lives in.</summary>
    public string Directory { get; }

    /// <summary>Gets the database file.</summary>
    public string FilePath { get; }

    /// <summary>Gets the usual connection string: pooled.</summary>
    public string ConnectionString { get; }

    /// <summary>Another connection string to the same file (another pool), changed by <paramref name="change"/>.</summary>
    public string ConnectionStringWith(Action<SqliteConnectionStringBuilder> change)
    {
        var builder = new SqliteConnectionStringBuilder { DataSource = FilePath };
        change(builder);
        var connectionString = builder.ToString();
        lock (_connectionStrings)
        {
            _connectionStrings.Add(connectionString);
        }

        return connectionString;
    }

    /// <summary>Closes every pooled connection to the file, as a process that exits would.</summary>
    public void ClosePools()
    {
        lock (_connectionStrings)
        {
            foreach (var connectionString in _connectionStrings)
            {
                using var connection = new SqliteConnection(connectionString);
                SqliteConnection.ClearPool(connection);
            }
        }
    }

    /// <summary>Opens a plain connection to the file, outside any store.</summary>
    public SqliteConnection Open(string? connectionString = null)
    {
        var connection = new SqliteConnection(connectionString ?? ConnectionString);
        connection.Open();
        return connection;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        ClosePools();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A connection the test leaked still holds the file; the temporary directory is cleaned up by the OS.
        }
    }
}
