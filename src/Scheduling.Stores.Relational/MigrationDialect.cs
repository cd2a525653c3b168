using System.Data.Common;

namespace Scheduling.Stores.Relational;

/// <summary>What a SQL store tells <see cref="MigrationRunner"/>: how its database keeps the migration history and takes the lock that serialises migrators.</summary>
internal abstract class MigrationDialect
{
    /// <summary>A query whose single value is true (or 1) when the history table exists.</summary>
    public abstract string HistoryExistsSql { get; }

    /// <summary>Creates the history table if it does not exist.</summary>
    public abstract string CreateHistorySql { get; }

    /// <summary>The versions recorded in the history table, one per row.</summary>
    public abstract string AppliedVersionsSql { get; }

    /// <summary>Records a version (<c>@version</c>) with its script's name (<c>@name</c>).</summary>
    public abstract string RecordSql { get; }

    /// <summary>
    /// Begins a transaction that no other migrator can run beside: once it has begun, the history read inside it is
    /// the truth until it ends.
    /// </summary>
    public abstract ValueTask<DbTransaction> BeginExclusiveAsync(DbConnection connection, CancellationToken cancellationToken);
}
