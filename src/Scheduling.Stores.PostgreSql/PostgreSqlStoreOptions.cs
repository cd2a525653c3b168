namespace Scheduling.Stores.PostgreSql;

/// <summary>How a PostgreSQL store connects its schema. Immutable and thread-safe.</summary>
public sealed record PostgreSqlStoreOptions
{
    /// <summary>The defaults: migrate on first use.</summary>
    public static readonly PostgreSqlStoreOptions Default = new();

    /// <summary>
    /// Gets a value indicating whether the store applies <see cref="PostgreSqlSchema"/>'s migrations before its first
    /// call (once per connection string per process). Turn it off when a deployment step runs
    /// <see cref="PostgreSqlSchema.MigrateAsync(string, CancellationToken)"/> and the application's database user may
    /// not change the schema. Defaults to true.
    /// </summary>
    public bool MigrateOnFirstUse { get; init; } = true;
}
