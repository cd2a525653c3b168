using System.Collections.Immutable;
using System.Data.Common;

namespace Scheduling.Stores.Relational;

/// <summary>
/// Applies the checked-in scripts a database has not recorded yet, in version order, in one transaction that
/// serialises migrators (so a racing host waits and then finds everything applied), recording each version in the
/// history table as it goes. A database whose history already has every version is read once and left alone,
/// without taking the lock.
/// </summary>
internal static class MigrationRunner
{
    /// <summary>Applies what is missing; returns the versions applied now (empty when the schema was up to date).</summary>
    public static async ValueTask<IReadOnlyList<int>> ApplyAsync(
        DbConnection connection,
        MigrationDialect dialect,
        ImmutableArray<MigrationScript> scripts,
        CancellationToken cancellationToken)
    {
        var recorded = await RecordedAsync(connection, dialect, null, cancellationToken).ConfigureAwait(false);
        if (scripts.All(s => recorded.Contains(s.Version)))
        {
            return [];
        }

        var transaction = await dialect.BeginExclusiveAsync(connection, cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            await ExecuteAsync(connection, transaction, dialect.CreateHistorySql, cancellationToken).ConfigureAwait(false);
            recorded = await RecordedAsync(connection, dialect, transaction, cancellationToken).ConfigureAwait(false);
            var applied = new List<int>();
            foreach (var script in scripts)
            {
                if (recorded.Contains(script.Version))
                {
                    continue;
                }

                await ExecuteAsync(connection, transaction, script.Sql, cancellationToken).ConfigureAwait(false);
                await using (var record = Command(connection, transaction, dialect.RecordSql))
                {
                    Add(record, "@version", script.Version);
                    Add(record, "@name", script.Name);
                    await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                applied.Add(script.Version);
            }

            // Once the scripts ran, a late cancellation must not undo them.
            await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
            return applied;
        }
    }

    private static async ValueTask<HashSet<int>> RecordedAsync(DbConnection connection, MigrationDialect dialect, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        var versions = new HashSet<int>();
        await using var exists = Command(connection, transaction, dialect.HistoryExistsSql);
        if (await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not (true or 1L or 1))
        {
            return versions;
        }

        await using var read = Command(connection, transaction, dialect.AppliedVersionsSql);
        var reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                versions.Add(reader.GetInt32(0));
            }
        }

        return versions;
    }

    private static async ValueTask ExecuteAsync(DbConnection connection, DbTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, sql);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
