namespace Scheduling.Stores.Sqlite;

/// <summary>The SQL of <see cref="SqliteSchema"/>: the record of applied migrations.</summary>
internal static class SchemaSql
{
    public const string WriteAheadLog = "PRAGMA journal_mode = WAL;";

    public const string CreateMigrationsTable = """
        CREATE TABLE IF NOT EXISTS scheduling_schema_migrations (
            version    INTEGER NOT NULL PRIMARY KEY,
            applied_at TEXT    NOT NULL
        );
        """;

    public const string AppliedVersions = "SELECT version FROM scheduling_schema_migrations ORDER BY version;";

    public const string RecordVersion = """
        INSERT INTO scheduling_schema_migrations (version, applied_at)
        VALUES (@version, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
        """;
}
