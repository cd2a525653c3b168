using System.Data.Common;
using Scheduling.Stores.Relational;

namespace Scheduling.Stores.PostgreSql;

/// <summary>
/// PostgreSQL's migration history and lock: a transaction-scoped advisory lock keyed by the target schema, so
/// migrators of one schema wait for each other and those of different schemas do not.
/// </summary>
internal sealed class PostgreSqlMigrationDialect : MigrationDialect
{
    public static readonly PostgreSqlMigrationDialect Instance = new();

    /// <summary>The first half of the advisory lock key; the second half is a hash of the target schema's name.</summary>
    private const int AdvisoryLockClass = 0x53434844;

    public override string HistoryExistsSql => "SELECT to_regclass('scheduling_schema_migrations') IS NOT NULL";

    public override string CreateHistorySql => """
        CREATE TABLE IF NOT EXISTS scheduling_schema_migrations (
            version     integer NOT NULL,
            name        text NOT NULL,
            applied_at  timestamptz NOT NULL DEFAULT now(),
            CONSTRAINT scheduling_schema_migrations_pkey PRIMARY KEY (version)
        );
        """;

    public override string AppliedVersionsSql => "SELECT version FROM scheduling_schema_migrations";

    public override string RecordSql => "INSERT INTO scheduling_schema_migrations (version, name) VALUES (@version, @name)";

    public override async ValueTask<DbTransaction> BeginExclusiveAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = $"SELECT pg_advisory_xact_lock({AdvisoryLockClass}, hashtext(COALESCE(current_schema(), '')))";
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return transaction;
        }
        catch
        {
            await transaction.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
