using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.Data.Sqlite;
using Scheduling.Stores.Relational;

namespace Scheduling.Stores.Sqlite;

/// <summary>
/// The schema of the SQLite stores: the checked-in scripts in <c>Migrations/</c> (<c>0001_sessions.sql</c>, ...),
/// applied in order of their number. The table <c>scheduling_schema_migrations(version, applied_at)</c> records
/// which ran, so running the migrations again applies only what is new.
/// </summary>
/// <remarks>
/// The stores migrate on first use unless <see cref="SqliteStoreOptions.ApplyMigrations"/> is off; a host that
/// prefers to migrate at deployment calls <see cref="MigrateAsync"/> itself. Migrating takes the database's write lock
/// (<c>BEGIN IMMEDIATE</c>) and runs every pending script in that one transaction, so two processes that race to
/// migrate apply each script once, and a failed script leaves nothing behind. Thread-safe.
/// </remarks>
public static class SqliteSchema
{
    private const string ResourcePrefix = "Scheduling.Stores.Sqlite.Migrations.";

    private static readonly Lazy<ImmutableArray<MigrationScript>> Scripts = new(() => MigrationScript.LoadEmbedded(typeof(SqliteSchema).Assembly, ResourcePrefix));
    private static readonly ConcurrentDictionary<string, Lazy<Task>> Ready = new(StringComparer.Ordinal);

    /// <summary>Gets the version of the newest migration this assembly holds.</summary>
    public static int LatestVersion => Scripts.Value[^1].Version;

    /// <summary>
    /// Brings the database of <paramref name="connectionString"/> up to <see cref="LatestVersion"/>, and switches it
    /// to write-ahead logging so readers and a writer do not block each other.
    /// </summary>
    /// <param name="connectionString">A Microsoft.Data.Sqlite connection string; the file is created when missing.</param>
    /// <param name="cancellationToken">Stops waiting; a migration that already began finishes or rolls back whole.</param>
    /// <returns>The versions this call applied, in order; empty when the schema was already up to date.</returns>
    /// <exception cref="ArgumentException"><paramref name="connectionString"/> is null or blank.</exception>
    /// <exception cref="SqliteException">The database could not be opened or a script failed; nothing was applied.</exception>
    public static ValueTask<IReadOnlyList<int>> MigrateAsync(string connectionString, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return ApplyAsync(connectionString, BusyMilliseconds(SqliteStoreOptions.Default), cancellationToken);
    }

    /// <summary>The busy timeout of <paramref name="options"/> in whole milliseconds.</summary>
    internal static int BusyMilliseconds(SqliteStoreOptions options) => (int)Math.Ceiling(options.BusyTimeout.TotalMilliseconds);

    /// <summary>
    /// Makes the database ready for a store, once per connection string per process: write-ahead logging, and the
    /// migrations when <paramref name="applyMigrations"/> is set. A failure is not remembered, so the next call tries again.
    /// </summary>
    internal static Task EnsureReadyAsync(string connectionString, bool applyMigrations, int busyTimeoutMilliseconds, CancellationToken cancellationToken)
    {
        var key = (applyMigrations ? "migrate|" : "wal|") + connectionString;
        var ready = Ready.GetOrAdd(key, _ => new Lazy<Task>(() => PrepareAsync(connectionString, applyMigrations, busyTimeoutMilliseconds)));
        var task = ready.Value;
        return task.IsCompletedSuccessfully ? Task.CompletedTask : AwaitReadyAsync(key, ready, task, cancellationToken);
    }

    private static async Task AwaitReadyAsync(string key, Lazy<Task> ready, Task task, CancellationToken cancellationToken)
    {
        try
        {
            // The shared preparation runs without the caller's token: one caller giving up must not fail the others.
            await task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch when (task.IsFaulted || task.IsCanceled)
        {
            Ready.TryRemove(new KeyValuePair<string, Lazy<Task>>(key, ready));
            throw;
        }
    }

    private static async Task PrepareAsync(string connectionString, bool applyMigrations, int busyTimeoutMilliseconds)
    {
        if (applyMigrations)
        {
            await ApplyAsync(connectionString, busyTimeoutMilliseconds, CancellationToken.None).ConfigureAwait(false);
            return;
        }

        await using var connection = await SqliteConnections.OpenAsync(connectionString, busyTimeoutMilliseconds, flushEachCommit: true, CancellationToken.None).ConfigureAwait(false);
        await UseWriteAheadLogAsync(connection, CancellationToken.None).ConfigureAwait(false);
    }

    private static async ValueTask<IReadOnlyList<int>> ApplyAsync(string connectionString, int busyTimeoutMilliseconds, CancellationToken cancellationToken)
    {
        await using var connection = await SqliteConnections.OpenAsync(connectionString, busyTimeoutMilliseconds, flushEachCommit: true, cancellationToken).ConfigureAwait(false);
        await UseWriteAheadLogAsync(connection, cancellationToken).ConfigureAwait(false);
        return await MigrationRunner.ApplyAsync(connection, SqliteMigrationDialect.Instance, Scripts.Value, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Switches the file to write-ahead logging (a persistent setting; a no-op when it is already on).</summary>
    private static async ValueTask UseWriteAheadLogAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.Command(SchemaSql.WriteAheadLog);
        await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
    }
}
