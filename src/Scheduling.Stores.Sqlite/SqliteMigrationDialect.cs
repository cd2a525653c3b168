using System.Data.Common;
using Microsoft.Data.Sqlite;
using Scheduling.Stores.Relational;

namespace Scheduling.Stores.Sqlite;

/// <summary>SQLite's migration history and lock: <c>BEGIN IMMEDIATE</c> takes the file's write lock before the history is read.</summary>
internal sealed class SqliteMigrationDialect : MigrationDialect
{
    public static readonly SqliteMigrationDialect Instance = new();

    public override string HistoryExistsSql => "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'scheduling_schema_migrations');";

    public override string CreateHistorySql => SchemaSql.CreateMigrationsTable;

    public override string AppliedVersionsSql => SchemaSql.AppliedVersions;

    public override string RecordSql => SchemaSql.RecordVersion;

    public override ValueTask<DbTransaction> BeginExclusiveAsync(DbConnection connection, CancellationToken cancellationToken) =>
        ValueTask.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: false));
}
