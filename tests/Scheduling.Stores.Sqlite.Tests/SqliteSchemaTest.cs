using Microsoft.Data.Sqlite;

namespace Scheduling.Stores.Sqlite.Tests;

/// <summary>The checked-in migrations: applied in order, recorded, idempotent, safe to race, tenant-first.</summary>
public sealed class SqliteSchemaTest : IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;

    private readonly TemporaryDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Migrating_a_new_file_applies_every_script_in_order_and_records_it()
    {
        var applied = await SqliteSchema.MigrateAsync(_database.ConnectionString, None);

        applied.Should().Equal(Enumerable.Range(1, SqliteSchema.LatestVersion));
        var recorded = RecordedMigrations();
        recorded.Select(m => m.Version).Should().Equal(applied);
        foreach (var (_, appliedAt) in recorded)
        {
            DateTimeOffset.TryParse(appliedAt, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var at).Should().BeTrue();
            at.Year.Should().BeGreaterThanOrEqualTo(2025);
        }
    }

    [Fact]
    public async Task Migrating_again_applies_nothing_and_keeps_the_record()
    {
        await SqliteSchema.MigrateAsync(_database.ConnectionString, None);
        var before = RecordedMigrations();

        var applied = await SqliteSchema.MigrateAsync(_database.ConnectionString, None);

        applied.Should().BeEmpty();
        RecordedMigrations().Should().Equal(before);
    }

    [Fact]
    public async Task Migrators_that_race_on_one_file_apply_each_script_once()
    {
        var connectionStrings = Enumerable.Range(0, 8).Select(i => _database.ConnectionStringWith(b => b.DefaultTimeout = 30 + i)).ToList();

        var results = await Task.WhenAll(connectionStrings.Select(cs => Task.Run(async () => await SqliteSchema.MigrateAsync(cs, None))));

        results.SelectMany(r => r).Should().Equal(Enumerable.Range(1, SqliteSchema.LatestVersion));
        RecordedMigrations().Should().HaveCount(SqliteSchema.LatestVersion);
    }

    [Fact]
    public async Task A_file_at_version_1_gains_attendance_and_keeps_its_sessions()
    {
        using (var connection = _database.Open())
        {
            Execute(connection, SchemaSql.CreateMigrationsTable);
            Execute(connection, EmbeddedScript("0001_sessions.sql"));
            using var record = connection.CreateCommand();
            record.CommandText = SchemaSql.RecordVersion;
            record.Parameters.AddWithValue("@version", 1);
            record.ExecuteNonQuery();
        }

        var atVersion1 = new SqliteSessionStore(_database.ConnectionString, new SqliteStoreOptions { ApplyMigrations = false });
        await atVersion1.InsertAsync("tenant-a", Examples.Session("s1"), None);

        var applied = await SqliteSchema.MigrateAsync(_database.ConnectionString, None);

        applied.Should().Equal(Enumerable.Range(2, SqliteSchema.LatestVersion - 1));
        (await atVersion1.FindAsync("tenant-a", "s1", None)).Should().NotBeNull();
        var attendance = new SqliteAttendanceStore(_database.ConnectionString, new SqliteStoreOptions { ApplyMigrations = false });
        (await attendance.InsertAsync("tenant-a", Examples.AttendanceOf("a1", "b1", "s1"), None)).Should().BeTrue();
    }

    [Fact]
    public async Task Migrated_file_uses_write_ahead_logging()
    {
        await SqliteSchema.MigrateAsync(_database.ConnectionString, None);

        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        ((string)command.ExecuteScalar()!).Should().Be("wal");
    }

    [Fact]
    public async Task A_store_migrates_the_file_on_first_use()
    {
        var store = new SqliteSessionStore(_database.ConnectionString);

        (await store.FindAsync("tenant-a", "nope", None)).Should().BeNull();

        RecordedMigrations().Should().HaveCount(SqliteSchema.LatestVersion);
    }

    [Fact]
    public async Task A_store_told_not_to_migrate_leaves_that_to_the_host()
    {
        var store = new SqliteSessionStore(_database.ConnectionString, new SqliteStoreOptions { ApplyMigrations = false });

        await store.Invoking(s => s.FindAsync("tenant-a", "nope", None).AsTask()).Should().ThrowAsync<SqliteException>();

        await SqliteSchema.MigrateAsync(_database.ConnectionString, None);
        (await store.FindAsync("tenant-a", "nope", None)).Should().BeNull();
    }

    [Fact]
    public async Task Tenant_leads_every_primary_key_and_every_index()
    {
        await SqliteSchema.MigrateAsync(_database.ConnectionString, None);
        using var connection = _database.Open();

        var tables = Strings(connection, "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT IN ('scheduling_schema_migrations', 'scheduling_cursor_keys') ORDER BY name;");
        tables.Should().Contain(["sessions", "recurring_sessions", "instance_overrides", "tenant_store_state", "attendance"]);
        foreach (var table in tables)
        {
            var primaryKey = Strings(connection, $"SELECT name FROM pragma_table_info('{table}') WHERE pk > 0 ORDER BY pk;");
            primaryKey.Should().NotBeEmpty().And.Subject.First().Should().Be("tenant_id", "the primary key of {0} must lead with the tenant", table);

            foreach (var index in Strings(connection, $"SELECT name FROM pragma_index_list('{table}');"))
            {
                var columns = Strings(connection, $"SELECT name FROM pragma_index_info('{index}') ORDER BY seqno;");
                columns.First().Should().Be("tenant_id", "index {0} of {1} must lead with the tenant", index, table);
            }
        }
    }

    [Fact]
    public async Task The_cursor_key_table_refuses_a_key_shorter_than_32_bytes()
    {
        await SqliteSchema.MigrateAsync(_database.ConnectionString, None);
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO scheduling_cursor_keys (slot, key_bytes, created_at) VALUES (1, @key, 'now');";
        command.Parameters.AddWithValue("@key", new byte[31]);

        command.Invoking(c => c.ExecuteNonQuery()).Should().Throw<SqliteException>().WithMessage("*CHECK constraint*");
    }

    [Fact]
    public async Task The_cursor_key_store_keeps_its_key_in_slot_1_of_the_file()
    {
        var keys = new SqliteCursorKeyStore(_database.ConnectionString);
        var key = (await keys.GetOrCreateAsync(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32), None)).ToArray();
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT key_bytes FROM scheduling_cursor_keys WHERE slot = 1;";

        ((byte[])command.ExecuteScalar()!).Should().Equal(key);
    }

    [Fact]
    public void Options_out_of_range_are_refused_when_a_store_is_made()
    {
        var negative = () => new SqliteSessionStore(_database.ConnectionString, new SqliteStoreOptions { BusyTimeout = TimeSpan.FromSeconds(-1) });
        var blank = () => new SqliteRecurringSessionStore(" ");

        negative.Should().Throw<ArgumentException>().WithParameterName("BusyTimeout");
        blank.Should().Throw<ArgumentException>();
    }

    private List<(int Version, string AppliedAt)> RecordedMigrations()
    {
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT version, applied_at FROM scheduling_schema_migrations ORDER BY version;";
        using var reader = command.ExecuteReader();
        var rows = new List<(int, string)>();
        while (reader.Read())
        {
            rows.Add((reader.GetInt32(0), reader.GetString(1)));
        }

        return rows;
    }

    private static string EmbeddedScript(string file)
    {
        using var stream = typeof(SqliteSchema).Assembly.GetManifestResourceStream("Scheduling.Stores.Sqlite.Migrations." + file)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static List<string> Strings(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }
}
