using System.Collections.Concurrent;
using System.Collections.Immutable;
using Npgsql;
using Scheduling.Stores.Relational;

namespace Scheduling.Stores.PostgreSql;

/// <summary>
/// The schema the PostgreSQL stores need, as versioned migrations: the checked-in SQL files under <c>Migrations/</c>
/// (<c>0001_sessions.sql</c>, ...), applied in order into the first schema of the connection's search path. The
/// table <c>scheduling_schema_migrations(version, name, applied_at)</c> records what ran.
/// </summary>
/// <remarks>
/// <para>The pending migrations run in one transaction, serialized across processes by a transaction-level advisory
/// lock on the target schema, so any number of hosts may start at once: one applies them, the others wait and then
/// find them recorded. Running the migrations again applies nothing and takes no lock.</para>
/// <para>The stores migrate on first use (once per connection string per process) unless
/// <see cref="PostgreSqlStoreOptions.MigrateOnFirstUse"/> is turned off; a host that runs schema changes as a
/// separate deployment step calls <see cref="MigrateAsync(string, CancellationToken)"/> itself. To keep the tables
/// apart from a host's own, put them in a schema of their own (<c>Search Path=scheduling</c> in the connection
/// string). Thread-safe.</para>
/// </remarks>
public static class PostgreSqlSchema
{
    private const string ResourcePrefix = "Scheduling.Stores.PostgreSql.Migrations.";

    private static readonly ImmutableArray<MigrationScript> Migrations = MigrationScript.LoadEmbedded(typeof(PostgreSqlSchema).Assembly, ResourcePrefix);

    private static readonly ConcurrentDictionary<string, Lazy<Task>> Migrated = new(StringComparer.Ordinal);

    /// <summary>Gets the version of the newest migration this assembly carries.</summary>
    public static int LatestVersion => Migrations[^1].Version;

    /// <summary>
    /// Applies the migrations the database does not have yet, in order, and returns the versions this call applied
    /// (empty when the schema was up to date, or another process applied them first).
    /// </summary>
    /// <param name="connectionString">An Npgsql connection string; its search path names the target schema.</param>
    /// <param name="cancellationToken">Cancels the call; a migration that was running is rolled back.</param>
    /// <exception cref="ArgumentException"><paramref name="connectionString"/> is null or empty.</exception>
    /// <exception cref="NpgsqlException">The database refused a migration; nothing of this run was applied (the pending migrations run in one transaction).</exception>
    public static async Task<IReadOnlyList<int>> MigrateAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        return await MigrateAsync(dataSource, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Applies the migrations the database does not have yet, in order, through <paramref name="dataSource"/>, and
    /// returns the versions this call applied.
    /// </summary>
    /// <param name="dataSource">The data source; its search path names the target schema.</param>
    /// <param name="cancellationToken">Cancels the call; a migration that was running is rolled back.</param>
    /// <exception cref="ArgumentNullException"><paramref name="dataSource"/> is null.</exception>
    /// <exception cref="NpgsqlException">The database refused a migration; nothing of this run was applied (the pending migrations run in one transaction).</exception>
    public static async Task<IReadOnlyList<int>> MigrateAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            return await MigrationRunner.ApplyAsync(connection, PostgreSqlMigrationDialect.Instance, Migrations, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Migrates through <paramref name="dataSource"/> once per connection string in this process; a failure is retried by the next call.</summary>
    internal static async ValueTask EnsureMigratedAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var key = dataSource.ConnectionString;

        // The migration itself is not cancelled by one waiting caller: others may be waiting for it too.
        var migration = Migrated.GetOrAdd(key, _ => new Lazy<Task>(() => MigrateAsync(dataSource, CancellationToken.None)));
        try
        {
            await migration.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception) when (migration.Value.IsFaulted || migration.Value.IsCanceled)
        {
            Migrated.TryRemove(new KeyValuePair<string, Lazy<Task>>(key, migration));
            throw;
        }
    }
}
