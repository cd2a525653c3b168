using Npgsql;
using Scheduling.Sessions;

namespace Scheduling.Stores.PostgreSql.Tests;

/// <summary>Migrations: applied once, in order, recorded, safe to race from several hosts; the schema's shape.</summary>
public sealed class PostgreSqlSchemaTest : IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;

    private TestSchema _schema = null!;

    private static IEnumerable<int> EveryVersion => Enumerable.Range(1, PostgreSqlSchema.LatestVersion);

    /// <inheritdoc />
    public async Task InitializeAsync() => _schema = await TestSchema.CreateAsync();

    /// <inheritdoc />
    public async Task DisposeAsync() => await _schema.DisposeAsync();

    [Fact]
    public async Task Migrating_an_empty_schema_applies_every_migration_in_order_and_records_it()
    {
        var applied = await PostgreSqlSchema.MigrateAsync(_schema.ConnectionString);

        applied.Should().Equal(EveryVersion);
        (await RecordedVersionsAsync()).Should().Equal(EveryVersion);
    }

    [Fact]
    public async Task Migrating_again_applies_nothing_and_keeps_the_data()
    {
        await PostgreSqlSchema.MigrateAsync(_schema.ConnectionString);
        await using var store = new PostgreSqlSessionStore(_schema.ConnectionString);
        await store.InsertAsync(Samples.Tenant, Samples.Session("s1"), None);

        var applied = await PostgreSqlSchema.MigrateAsync(_schema.ConnectionString);

        applied.Should().BeEmpty();
        (await RecordedVersionsAsync()).Should().Equal(EveryVersion);
        (await store.FindAsync(Samples.Tenant, "s1", None)).Should().NotBeNull();
    }

    [Fact]
    public async Task Migrations_raced_from_eight_hosts_are_applied_exactly_once()
    {
        var hosts = Enumerable.Range(0, 8).Select(_ => _schema.NewDataSource()).ToList();
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var racing = hosts.Select(host => Task.Run(async () =>
        {
            await start.Task;
            return await PostgreSqlSchema.MigrateAsync(host);
        })).ToList();
        start.SetResult();
        var applied = await Task.WhenAll(racing);

        applied.SelectMany(versions => versions).Should().BeEquivalentTo(EveryVersion, "each migration runs on one host only");
        (await RecordedVersionsAsync()).Should().Equal(EveryVersion);
    }

    [Fact]
    public async Task Store_migrates_an_empty_schema_on_first_use()
    {
        await using var store = new PostgreSqlRecurringSessionStore(_schema.ConnectionString);

        (await store.FindAsync(Samples.Tenant, "nope", None)).Should().BeNull();

        (await RecordedVersionsAsync()).Should().Equal(EveryVersion);
    }

    [Fact]
    public async Task Store_told_not_to_migrate_leaves_the_schema_alone()
    {
        await using var store = new PostgreSqlSessionStore(_schema.ConnectionString, new PostgreSqlStoreOptions { MigrateOnFirstUse = false });

        var find = () => store.FindAsync(Samples.Tenant, "s1", None).AsTask();

        (await find.Should().ThrowAsync<PostgresException>()).Which.SqlState.Should().Be(PostgresErrorCodes.UndefinedTable);
        (await _schema.ExecuteScalarAsync("SELECT to_regclass('scheduling_schema_migrations') IS NULL")).Should().Be(true);
    }

    [Fact]
    public async Task A_schema_at_version_3_gives_every_series_a_version_of_its_own_and_keeps_every_row()
    {
        // A schema as version 3 left it, with two series and an override written as the stores wrote them then.
        var dialect = PostgreSqlMigrationDialect.Instance;
        await _schema.ExecuteScalarAsync(dialect.CreateHistorySql);
        foreach (var name in new[] { "0001_sessions", "0002_attendance", "0003_cursor_keys" })
        {
            await _schema.ExecuteScalarAsync(EmbeddedScript(name));
            await _schema.ExecuteScalarAsync(dialect.RecordSql, ("version", int.Parse(name[..4], System.Globalization.CultureInfo.InvariantCulture)), ("name", name));
        }

        var (r1, r2) = (Samples.Series("r1"), Samples.Series("r2") with { Details = new SessionDetails { Title = "second" } });
        var own = Samples.Override("r1", Samples.Week(1));
        foreach (var series in new[] { r1, r2 })
        {
            await _schema.ExecuteScalarAsync(
                """
                INSERT INTO recurring_sessions (tenant_id, id, schedule_id, schedule_owner_id, type, first_start_ticks, duration_ticks, span_end_ticks, span_end_nanos, revision, body)
                VALUES (@tenant, @id, 'schedule-1', 'owner-1', 0, @first, 36000000000, NULL, 0, 1, @body)
                """,
                ("tenant", Samples.Tenant),
                ("id", series.Id),
                ("first", series.FirstStart.ToUnixTimeTicks()),
                ("body", Serialization.StoredJson.Write(series)));
        }

        await _schema.ExecuteScalarAsync(
            "INSERT INTO instance_overrides (tenant_id, recurring_session_id, identity_start, revision, body) VALUES (@tenant, 'r1', @key, 1, @body)",
            ("tenant", Samples.Tenant),
            ("key", NodaTime.Text.LocalDateTimePattern.ExtendedIso.Format(own.IdentityStart)),
            ("body", Serialization.StoredJson.Write(own)));

        var applied = await PostgreSqlSchema.MigrateAsync(_schema.ConnectionString);

        applied.Should().Equal(Enumerable.Range(4, PostgreSqlSchema.LatestVersion - 3));
        await using var store = new PostgreSqlRecurringSessionStore(_schema.ConnectionString);
        var (first, second) = ((await store.FindAsync(Samples.Tenant, "r1", None))!, (await store.FindAsync(Samples.Tenant, "r2", None))!);
        Serialization.StoredJson.Write(first.Series).Should().Be(Serialization.StoredJson.Write(r1));
        first.Overrides.Values.Select(o => Serialization.StoredJson.Write(o)).Should().Equal(Serialization.StoredJson.Write(own));
        Serialization.StoredJson.Write(second.Series).Should().Be(Serialization.StoredJson.Write(r2));
        new[] { first.Version, second.Version }.Should().OnlyHaveUniqueItems().And.NotContain(0);

        // Later writes take versions no row had.
        await store.InsertAsync(Samples.Tenant, Samples.Series("r3"), null, None);
        await store.SaveOverrideAsync(Samples.Tenant, Samples.Override("r2", Samples.Week(2)), 0, None);
        var third = (await store.FindAsync(Samples.Tenant, "r3", None))!.Version;
        var rewritten = (await store.FindAsync(Samples.Tenant, "r2", None))!.Version;
        new[] { first.Version, second.Version, third, rewritten }.Should().OnlyHaveUniqueItems();
        (await store.FindAsync(Samples.Tenant, "r1", None))!.Version.Should().Be(first.Version);
    }

    [Fact]
    public async Task Tenant_leads_every_primary_key_foreign_key_and_index()
    {
        await PostgreSqlSchema.MigrateAsync(_schema.ConnectionString);

        var leading = await ListAsync(
            """
            SELECT t.relname || '.' || c.relname || ' starts with ' || COALESCE(a.attname, 'an expression')
            FROM pg_index i
            JOIN pg_class c ON c.oid = i.indexrelid
            JOIN pg_class t ON t.oid = i.indrelid
            LEFT JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = i.indkey[0]
            WHERE t.relnamespace = current_schema()::regnamespace AND t.relname NOT IN ('scheduling_schema_migrations', 'scheduling_cursor_keys')
            UNION ALL
            SELECT t.relname || '.' || k.conname || ' starts with ' || a.attname
            FROM pg_constraint k
            JOIN pg_class t ON t.oid = k.conrelid
            JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.conkey[1]
            WHERE t.relnamespace = current_schema()::regnamespace AND k.contype = 'f'
            """);

        leading.Should().NotBeEmpty().And.OnlyContain(line => line.EndsWith(" starts with tenant_id", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_table_but_the_migration_record_and_the_cursor_key_carries_the_tenant()
    {
        await PostgreSqlSchema.MigrateAsync(_schema.ConnectionString);

        var withoutTenant = await ListAsync(
            """
            SELECT t.relname FROM pg_class t
            WHERE t.relnamespace = current_schema()::regnamespace AND t.relkind = 'r' AND t.relname NOT IN ('scheduling_schema_migrations', 'scheduling_cursor_keys')
              AND NOT EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = t.oid AND a.attname = 'tenant_id')
            """);

        withoutTenant.Should().BeEmpty();
    }

    [Fact]
    public async Task The_cursor_key_table_refuses_a_key_shorter_than_32_bytes()
    {
        await PostgreSqlSchema.MigrateAsync(_schema.ConnectionString);

        var insert = () => _schema.ExecuteScalarAsync("INSERT INTO scheduling_cursor_keys (slot, key_bytes) VALUES (1, @key)", ("key", new byte[31]));

        (await insert.Should().ThrowAsync<PostgresException>()).Which.SqlState.Should().Be(PostgresErrorCodes.CheckViolation);
    }

    private async Task<List<int>> RecordedVersionsAsync() =>
        [.. (await ListAsync("SELECT version::text FROM scheduling_schema_migrations ORDER BY version")).Select(v => int.Parse(v, System.Globalization.CultureInfo.InvariantCulture))];

    private async Task<List<string>> ListAsync(string sql)
    {
        await using var dataSource = NpgsqlDataSource.Create(_schema.ConnectionString);
        await using var command = dataSource.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync();
        var lines = new List<string>();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(0));
        }

        return lines;
    }

    private static string EmbeddedScript(string name)
    {
        using var stream = typeof(PostgreSqlSchema).Assembly.GetManifestResourceStream($"Scheduling.Stores.PostgreSql.Migrations.{name}.sql")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
