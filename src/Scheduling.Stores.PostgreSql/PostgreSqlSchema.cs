using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using System.Reflection;
using Npgsql;

namespace Scheduling.Stores.PostgreSql;

/// <summary>
/// The schema the PostgreSQL stores need, as versioned migrations: the checked-in SQL files under <c>Migrations/</c>
/// (<c>0001_sessions.sql</c>, ...), applied in order into the first schema of the connection's search path. The
/// table <c>scheduling_schema_migrations(version, name, applied_at)</c> records what ran.
/// </summary>
/// <remarks>
/// <para>Each migration runs in its own transaction, serialized across processes by a transaction-level advisory
/// lock on the target schema, so any number of hosts may start at once: one applies a migration, the others wait and
/// then find it recorded. Running the migrations again applies nothing.</para>
/// <para>The stores migrate on first use (once per connection string per process) unless
/// <see cref="PostgreSqlStoreOptions.MigrateOnFirstUse"/> is turned off; a host that runs schema changes as a
/// separate deployment step calls <see cref="MigrateAsync(string, CancellationToken)"/> itself. To keep the tables
/// apart from a host's own, put them in a schema of their own (<c>Search Path=scheduling</c> in the connection
/// string). Thread-safe.</para>
/// </remarks>
public static class PostgreSqlSchema
{
    /// <summary>The first half of the advisory lock key; the second half is a hash of the target schema's name.</summary>
    private const int AdvisoryLockClass = 0x53434844;

    private const string ResourcePrefix = "Scheduling.Stores.PostgreSql.Migrations.";

    private static readonly ImmutableArray<Migration> Migrations = LoadMigrations();

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
    /// <exception cref="NpgsqlException">The database refused a migration; nothing of that migration was applied.</exception>
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
    /// <exception cref="NpgsqlException">The database refused a migration; nothing of that migration was applied.</exception>
    public static async Task<IReadOnlyList<int>> MigrateAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            // Without a lock first: when every migration is recorded (every start-up but the first), nothing waits.
            var recorded = await RecordedVersionsAsync(connection, cancellationToken).ConfigureAwait(false);
            var applied = new List<int>();
            foreach (var migration in Migrations)
            {
                if (!recorded.Contains(migration.Version) && await ApplyAsync(connection, migration, cancellationToken).ConfigureAwait(false))
                {
                    applied.Add(migration.Version);
                }
            }

            return applied;
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

    private static async Task<HashSet<int>> RecordedVersionsAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var versions = new HashSet<int>();
        await using var command = new NpgsqlCommand(
            "SELECT to_regclass('scheduling_schema_migrations') IS NOT NULL",
            connection);
        if (await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not true)
        {
            return versions;
        }

        command.CommandText = "SELECT version FROM scheduling_schema_migrations";
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                versions.Add(reader.GetInt32(0));
            }
        }

        return versions;
    }

    /// <summary>Applies one migration under the lock unless another process recorded it first; returns whether this call applied it.</summary>
    private static async Task<bool> ApplyAsync(NpgsqlConnection connection, Migration migration, CancellationToken cancellationToken)
    {
        var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            await using var command = new NpgsqlCommand(
                $"""
                SELECT pg_advisory_xact_lock({AdvisoryLockClass}, hashtext(COALESCE(current_schema(), '')));
                CREATE TABLE IF NOT EXISTS scheduling_schema_migrations (
                    version     integer NOT NULL,
                    name        text NOT NULL,
                    applied_at  timestamptz NOT NULL DEFAULT now(),
                    CONSTRAINT scheduling_schema_migrations_pkey PRIMARY KEY (version)
                );
                """,
                connection,
                transaction);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);

            command.CommandText = "SELECT EXISTS (SELECT 1 FROM scheduling_schema_migrations WHERE version = @version)";
            command.Parameters.Add(new NpgsqlParameter<int>("version", migration.Version));
            if (await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is true)
            {
                return false;
            }

            command.Parameters.Clear();
            command.CommandText = migration.Sql;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);

            command.CommandText = "INSERT INTO scheduling_schema_migrations (version, name) VALUES (@version, @name)";
            command.Parameters.Add(new NpgsqlParameter<int>("version", migration.Version));
            command.Parameters.Add(new NpgsqlParameter<string>("name", migration.Name));
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
    }

    /// <summary>Reads the embedded migration scripts, ordered by the version their file name starts with.</summary>
    private static ImmutableArray<Migration> LoadMigrations()
    {
        var assembly = typeof(PostgreSqlSchema).Assembly;
        var migrations = assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(ResourcePrefix, StringComparison.Ordinal) && name.EndsWith(".sql", StringComparison.Ordinal))
            .Select(name => Load(assembly, name))
            .OrderBy(migration => migration.Version)
            .ToImmutableArray();
        if (migrations.IsEmpty || migrations.Select(m => m.Version).Distinct().Count() != migrations.Length)
        {
            throw new InvalidOperationException("The embedded migrations are missing or two share a version.");
        }

        return migrations;
    }

    private static Migration Load(Assembly assembly, string resourceName)
    {
        var name = resourceName[ResourcePrefix.Length..^".sql".Length];
        var digits = name.TakeWhile(char.IsAsciiDigit).Count();
        if (digits == 0)
        {
            throw new InvalidOperationException($"Migration '{name}' does not start with its version number.");
        }

        using var stream = assembly.GetManifestResourceStream(resourceName)!;
        using var reader = new StreamReader(stream);
        return new Migration(int.Parse(name[..digits], NumberStyles.None, CultureInfo.InvariantCulture), name, reader.ReadToEnd());
    }

    private sealed record Migration(int Version, string Name, string Sql);
}
