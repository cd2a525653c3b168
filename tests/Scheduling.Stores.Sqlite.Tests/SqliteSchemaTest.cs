using Microsoft.Data.Sqlite;
using NodaTime.Text;
using Scheduling.Stores.ContractTests;

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
    public async Task A_file_at_version_3_moves_to_ticks_and_change_tables_and_keeps_every_row()
    {
        // What the stores write today, into a file at the latest version: a session, a series whose span ends
        // between two ticks, an override with a length of its own, and an attendance stamped between two ticks.
        using var latest = new TemporaryDatabase();
        var spanEnd = Time.Utc(2025, 6, 30, 10).PlusNanoseconds(123_456_789);
        var stamped = Examples.Created.PlusNanoseconds(987_654_321);
        var ownLength = Duration.FromMinutes(90) + Duration.FromNanoseconds(50);
        var own = Examples.Override("r1", Time.Local(2025, 3, 10, 9)) with { Duration = ownLength, Revision = 1 };
        var attendance = Examples.AttendanceOf("a1", "b1", "s1") with { CreatedAt = stamped, UpdatedAt = stamped + Duration.FromHours(1) };
        var storesNow = Stores(latest.ConnectionString);
        await storesNow.Sessions.InsertAsync("tenant-a", Examples.Session("s1"), None);
        await storesNow.Series.InsertAsync("tenant-a", Examples.Series("r1", "FREQ=WEEKLY;COUNT=10"), spanEnd, None);
        (await storesNow.Series.SaveOverrideAsync("tenant-a", own, 0, None)).Should().BeTrue();
        (await storesNow.Attendance.InsertAsync("tenant-a", attendance, None)).Should().BeTrue();

        // The same rows as version 3 kept them: ISO text for exact instants, nanoseconds for durations, one state table.
        using (var connection = _database.Open())
        {
            Execute(connection, SchemaSql.CreateMigrationsTable);
            foreach (var (version, script) in new[] { (1, "0001_sessions.sql"), (2, "0002_attendance.sql"), (3, "0003_cursor_keys.sql") })
            {
                Execute(connection, EmbeddedScript(script));
                using var record = connection.CreateCommand();
                record.CommandText = SchemaSql.RecordVersion;
                record.Parameters.AddWithValue("@version", version);
                record.ExecuteNonQuery();
            }

            Execute(connection, $"""
                ATTACH DATABASE '{latest.FilePath}' AS now;
                INSERT INTO sessions SELECT * FROM now.sessions;
                INSERT INTO recurring_sessions (tenant_id, id, schedule_id, schedule_owner_id, type, first_start_ticks, span_end,
                    span_end_ticks, duration_ns, longest_override_ns, effective_span_end_ticks, revision, body)
                SELECT tenant_id, id, schedule_id, schedule_owner_id, type, first_start_ticks, '{InstantPattern.ExtendedIso.Format(spanEnd)}',
                    {spanEnd.ToUnixTimeTicks() + 1}, {Duration.FromHours(1).ToInt64Nanoseconds()}, {ownLength.ToInt64Nanoseconds()},
                    {spanEnd.ToUnixTimeTicks() + 1 + ((ownLength - Duration.FromHours(1)).ToInt64Nanoseconds() + 99) / 100}, revision, body
                FROM now.recurring_sessions;
                INSERT INTO instance_overrides (tenant_id, recurring_session_id, identity_start, revision, moved_start_ticks, duration_ns, body)
                SELECT tenant_id, recurring_session_id, identity_start, revision, moved_start_ticks, {ownLength.ToInt64Nanoseconds()}, body
                FROM now.instance_overrides;
                INSERT INTO tenant_store_state (tenant_id, store, change_version, longest_ticks)
                SELECT tenant_id, 'sessions', version, longest_session_ticks FROM now.session_changes
                UNION ALL SELECT tenant_id, 'recurring_sessions', version, longest_instance_ticks FROM now.recurring_session_changes;
                INSERT INTO attendance (tenant_id, id, booking_id, session_id, recurring_session_id, status, number_of_attendees, revision,
                    created_at, updated_at)
                SELECT tenant_id, id, booking_id, session_id, recurring_session_id, status, number_of_attendees, revision,
                    '{InstantPattern.ExtendedIso.Format(attendance.CreatedAt)}', '{InstantPattern.ExtendedIso.Format(attendance.UpdatedAt)}'
                FROM now.attendance;
                DETACH DATABASE now;
                """);
        }

        var applied = await SqliteSchema.MigrateAsync(_database.ConnectionString, None);

        applied.Should().Equal(Enumerable.Range(4, SqliteSchema.LatestVersion - 3));
        var migrated = Stores(_database.ConnectionString);
        (await migrated.Sessions.FindAsync("tenant-a", "s1", None)).Should().Be(await storesNow.Sessions.FindAsync("tenant-a", "s1", None));
        var series = await migrated.Series.FindAsync("tenant-a", "r1", None);
        series!.SpanEnd.Should().Be(spanEnd);
        series.Series.Should().Be((await storesNow.Series.FindAsync("tenant-a", "r1", None))!.Series);
        series.Overrides.Values.Should().ContainSingle().Which.Duration.Should().Be(ownLength);
        (await migrated.Series.GetChangeVersionAsync("tenant-a", None)).Should().Be(await storesNow.Series.GetChangeVersionAsync("tenant-a", None));
        (await migrated.Sessions.GetChangeVersionAsync("tenant-a", None)).Should().Be(await storesNow.Sessions.GetChangeVersionAsync("tenant-a", None));
        (await migrated.Attendance.FindAsync("tenant-a", "a1", None)).Should().Be(attendance);

        // The columns the queries seek on hold what today's stores write.
        const string Columns = """
            SELECT r.duration_ticks, r.longest_override_ticks, r.span_end_ticks, r.span_end_nanos, r.effective_span_end_ticks, o.duration_ticks,
                   (SELECT longest_session_ticks FROM session_changes), (SELECT longest_instance_ticks FROM recurring_session_changes)
            FROM recurring_sessions AS r JOIN instance_overrides AS o ON o.recurring_session_id = r.id;
            """;
        using var migratedFile = _database.Open();
        using var latestFile = latest.Open();
        Row(migratedFile, Columns).Should().Equal(Row(latestFile, Columns));
    }

    [Fact]
    public async Task A_file_at_version_4_gives_every_series_a_version_and_keeps_every_row()
    {
        // What the stores write today, into a file at the latest version: two series, one with an override.
        using var latest = new TemporaryDatabase();
        var storesNow = Stores(latest.ConnectionString);
        await storesNow.Series.InsertAsync("tenant-a", Examples.Series("r1", "FREQ=WEEKLY;COUNT=10"), Time.Utc(2025, 6, 30, 10), None);
        await storesNow.Series.InsertAsync("tenant-a", Examples.Series("r2", "FREQ=DAILY"), null, None);
        (await storesNow.Series.SaveOverrideAsync("tenant-a", Examples.Override("r1", Time.Local(2025, 3, 10, 9)) with { Revision = 1 }, 0, None)).Should().BeTrue();

        // The same rows in a file at version 4, which had no version column.
        using (var connection = _database.Open())
        {
            Execute(connection, SchemaSql.CreateMigrationsTable);
            foreach (var (version, script) in new[] { (1, "0001_sessions.sql"), (2, "0002_attendance.sql"), (3, "0003_cursor_keys.sql"), (4, "0004_shared_names_and_units.sql") })
            {
                Execute(connection, EmbeddedScript(script));
                using var record = connection.CreateCommand();
                record.CommandText = SchemaSql.RecordVersion;
                record.Parameters.AddWithValue("@version", version);
                record.ExecuteNonQuery();
            }

            Execute(connection, $"""
                ATTACH DATABASE '{latest.FilePath}' AS now;
                INSERT INTO recurring_sessions (tenant_id, id, schedule_id, schedule_owner_id, type, first_start_ticks, span_end_ticks,
                    span_end_nanos, duration_ticks, longest_override_ticks, effective_span_end_ticks, revision, body)
                SELECT tenant_id, id, schedule_id, schedule_owner_id, type, first_start_ticks, span_end_ticks,
                    span_end_nanos, duration_ticks, longest_override_ticks, effective_span_end_ticks, revision, body
                FROM now.recurring_sessions;
                INSERT INTO instance_overrides SELECT * FROM now.instance_overrides;
                INSERT INTO recurring_session_changes SELECT * FROM now.recurring_session_changes;
                DETACH DATABASE now;
                """);
        }

        var applied = await SqliteSchema.MigrateAsync(_database.ConnectionString, None);

        applied.Should().Equal(Enumerable.Range(5, SqliteSchema.LatestVersion - 4));
        var migrated = Stores(_database.ConnectionString).Series;
        var changeVersion = (await migrated.GetChangeVersionAsync("tenant-a", None))!.Value;
        foreach (var id in new[] { "r1", "r2" })
        {
            var record = await migrated.FindAsync("tenant-a", id, None);
            var now = await storesNow.Series.FindAsync("tenant-a", id, None);
            record!.Series.Should().Be(now!.Series);
            record.SpanEnd.Should().Be(now.SpanEnd);
            record.Overrides.Values.Should().Equal(now.Overrides.Values);
            record.Version.Should().Be(changeVersion, "a row written before versions takes the tenant's change version");
        }

        // The next write of a series or its override gives it a version no row had.
        (await migrated.SaveOverrideAsync("tenant-a", Examples.Override("r2", Time.Local(2025, 3, 11, 9)) with { Revision = 1 }, 0, None)).Should().BeTrue();
        (await migrated.FindAsync("tenant-a", "r2", None))!.Version.Should().BeGreaterThan(changeVersion);
        (await migrated.FindAsync("tenant-a", "r1", None))!.Version.Should().Be(changeVersion);
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
        tables.Should().Contain(["sessions", "recurring_sessions", "instance_overrides", "session_changes", "recurring_session_changes", "attendance"]);
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

    private static (SqliteSessionStore Sessions, SqliteRecurringSessionStore Series, SqliteAttendanceStore Attendance) Stores(string connectionString)
    {
        return (new SqliteSessionStore(connectionString), new SqliteRecurringSessionStore(connectionString), new SqliteAttendanceStore(connectionString));
    }

    private static List<object?> Row(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        reader.Read().Should().BeTrue();
        return [.. Enumerable.Range(0, reader.FieldCount).Select(reader.GetValue)];
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
