using Microsoft.Data.Sqlite;
using Scheduling.Sessions;
using Scheduling.Stores.ContractTests;
using static Scheduling.Stores.Sqlite.Tests.Examples;

namespace Scheduling.Stores.Sqlite.Tests;

/// <summary>
/// Window queries run in SQL: they seek the indexes the schema made for them, stream in result order without a sort,
/// release their connection when the caller stops early, and keep the exact overlap rule where columns are rounded.
/// </summary>
public sealed class SqliteQueryTest : IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;

    private readonly TemporaryDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Session_window_query_seeks_the_start_index_and_needs_no_sort()
    {
        var plan = await PlanAsync(SessionSql.FindOverlapping);

        plan.Should().Contain(line => line.Contains("SEARCH sessions USING INDEX sessions_by_start (tenant_id=? AND start_ticks>? AND start_ticks<?)", StringComparison.Ordinal));
        plan.Should().NotContain(line => line.Contains("TEMP B-TREE", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Series_window_query_seeks_the_span_and_moved_start_indexes_and_needs_no_sort()
    {
        var plan = await PlanAsync(RecurringSessionSql.FindOverlapping);

        plan.Should().Contain(line => line.Contains("USING COVERING INDEX recurring_sessions_by_span (tenant_id=? AND first_start_ticks<?)", StringComparison.Ordinal));
        plan.Should().Contain(line => line.Contains("USING INDEX instance_overrides_by_moved_start (tenant_id=? AND moved_start_ticks>? AND moved_start_ticks<?)", StringComparison.Ordinal));
        plan.Should().NotContain(line => line.Contains("FOR ORDER BY", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Instance_read_looks_its_series_and_its_own_override_up_by_primary_key_and_reads_no_other_override()
    {
        // An instance edit reads through this statement: however many overrides its series has, it reads one.
        var plan = await PlanAsync(RecurringSessionSql.FindWithOverride);

        plan.Should().HaveCount(2);
        plan.Should().Contain(line => line.StartsWith("SEARCH r USING INDEX", StringComparison.Ordinal) && line.EndsWith("(tenant_id=? AND id=?)", StringComparison.Ordinal));
        plan.Should().Contain(line => line.StartsWith("SEARCH o USING INDEX", StringComparison.Ordinal) && line.EndsWith("(tenant_id=? AND recurring_session_id=? AND identity_start=?) LEFT-JOIN", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_caller_that_stops_reading_early_releases_its_read_snapshot()
    {
        var store = new SqliteSessionStore(_database.ConnectionStringWith(b => b.Pooling = false));
        await store.FindAsync(Tenant, "none", None);

        // An idle connection keeps the write-ahead log from being folded away when the store's connections close.
        using var idle = _database.Open(_database.ConnectionStringWith(b => b.Pooling = false));
        using (var attach = idle.CreateCommand())
        {
            attach.CommandText = "SELECT count(*) FROM sessions;";
            attach.ExecuteScalar();
        }

        for (var i = 0; i < 20; i++)
        {
            await store.InsertAsync(Tenant, Session($"s{i:00}", Time.Utc(2025, 3, 3, 10) + Duration.FromHours(i)), None);
        }

        await using (var reading = store.FindOverlappingAsync(Tenant, SessionCandidateFilter.Any, Time.Utc(2025, 3, 1), Time.Utc(2025, 4, 1), null, None).GetAsyncEnumerator())
        {
            (await reading.MoveNextAsync()).Should().BeTrue();

            // While the reader is open it pins its snapshot: a checkpoint cannot empty the write-ahead log.
            CheckpointIsBlocked().Should().BeTrue();
        }

        CheckpointIsBlocked().Should().BeFalse();
    }

    [Fact]
    public async Task Session_starting_part_way_into_a_tick_before_the_window_and_ending_inside_it_is_found()
    {
        var store = new SqliteSessionStore(_database.ConnectionString);
        var from = Time.Utc(2025, 3, 3, 10);
        await store.InsertAsync(Tenant, Session("s1", from - Duration.FromNanoseconds(50), from + Duration.FromNanoseconds(50)), None);
        await store.InsertAsync(Tenant, Session("s2", from - Duration.FromNanoseconds(80), from - Duration.FromNanoseconds(30)), None);

        var found = await ToListAsync(store.FindOverlappingAsync(Tenant, SessionCandidateFilter.Any, from, from + Duration.FromHours(1), null, None));

        found.Select(s => s.Id).Should().Equal("s1");
    }

    [Fact]
    public async Task Keyset_position_part_way_into_a_tick_is_compared_exactly()
    {
        var store = new SqliteSessionStore(_database.ConnectionString);
        var start = Time.Utc(2025, 3, 3, 10) + Duration.FromNanoseconds(30);
        await store.InsertAsync(Tenant, Session("a", start), None);
        await store.InsertAsync(Tenant, Session("b", start), None);
        await store.InsertAsync(Tenant, Session("c", start + Duration.FromNanoseconds(40)), None);

        var found = await ToListAsync(store.FindOverlappingAsync(
            Tenant, SessionCandidateFilter.Any, Time.Utc(2025, 3, 3), Time.Utc(2025, 3, 4), new SessionPosition(start, "a"), None));

        found.Select(s => s.Id).Should().Equal("b", "c");
    }

    [Fact]
    public async Task Series_whose_span_ends_a_nanosecond_after_its_last_instant_long_instance_is_found_from_that_instant()
    {
        // The core ends the span of an instant-long series one nanosecond after its last start, inside a tick.
        var store = new SqliteRecurringSessionStore(_database.ConnectionString);
        var lastStart = Time.Utc(2025, 3, 17, 9);
        await store.InsertAsync(Tenant, Series("ping", "FREQ=WEEKLY;COUNT=3") with { Duration = Duration.Zero }, lastStart + Duration.Epsilon, None);

        var found = await ToListAsync(store.FindOverlappingAsync(Tenant, SessionCandidateFilter.Any, lastStart, lastStart + Duration.FromHours(1), None));
        var after = await ToListAsync(store.FindOverlappingAsync(Tenant, SessionCandidateFilter.Any, lastStart + Duration.Epsilon, lastStart + Duration.FromHours(1), None));

        found.Should().ContainSingle();
        after.Should().BeEmpty();
    }

    [Fact]
    public async Task Lengthening_an_instance_widens_the_span_and_shortening_it_again_narrows_it()
    {
        var store = new SqliteRecurringSessionStore(_database.ConnectionString);
        var lastInstance = Time.Local(2025, 3, 17, 9);
        await store.InsertAsync(Tenant, Series("yoga", "FREQ=WEEKLY;COUNT=3"), Time.Utc(2025, 3, 17, 10), None);
        var window = (From: Time.Utc(2025, 3, 17, 11), To: Time.Utc(2025, 3, 18));

        await store.SaveOverrideAsync(Tenant, Override("yoga", lastInstance) with { Duration = Duration.FromHours(4) }, 0, None);
        var whileLong = await ToListAsync(store.FindOverlappingAsync(Tenant, SessionCandidateFilter.Any, window.From, window.To, None));
        await store.SaveOverrideAsync(Tenant, Override("yoga", lastInstance, revision: 2) with { Duration = Duration.FromMinutes(30) }, 1, None);
        var afterShortening = await ToListAsync(store.FindOverlappingAsync(Tenant, SessionCandidateFilter.Any, window.From, window.To, None));

        whileLong.Should().ContainSingle();
        afterShortening.Should().BeEmpty();
    }

    [Fact]
    public async Task Moved_instance_that_follows_the_series_duration_is_found_by_the_series_current_duration()
    {
        var store = new SqliteRecurringSessionStore(_database.ConnectionString);
        await store.InsertAsync(Tenant, Series("yoga", "FREQ=WEEKLY;COUNT=2"), Time.Utc(2025, 3, 10, 10), None);
        await store.SaveOverrideAsync(Tenant, Override("yoga", Time.Local(2025, 3, 10, 9)) with { Start = CalendarDateTime.AtLocal(Time.Local(2025, 5, 1, 9), Utc) }, 0, None);
        var window = (From: Time.Utc(2025, 5, 1, 12), To: Time.Utc(2025, 5, 2));
        var whileShort = await ToListAsync(store.FindOverlappingAsync(Tenant, SessionCandidateFilter.Any, window.From, window.To, None));

        await store.ReplaceAsync(Tenant, Series("yoga", "FREQ=WEEKLY;COUNT=2") with { Duration = Duration.FromHours(5), Revision = 2 }, Time.Utc(2025, 3, 10, 14), 1, None);
        var afterLengthening = await ToListAsync(store.FindOverlappingAsync(Tenant, SessionCandidateFilter.Any, window.From, window.To, None));

        whileShort.Should().BeEmpty();
        afterLengthening.Should().ContainSingle();
    }

    [Fact]
    public async Task Split_moves_overrides_by_identity_start_including_fractions_of_a_second()
    {
        var store = new SqliteRecurringSessionStore(_database.ConnectionString);
        await store.InsertAsync(Tenant, Series("yoga"), null, None);
        var keys = new[] { Time.Local(2025, 3, 17, 8).PlusNanoseconds(999_999_999), Time.Local(2025, 3, 17, 9), Time.Local(2025, 3, 17, 9).PlusNanoseconds(500_000_000), Time.Local(2025, 3, 24, 9) };
        foreach (var key in keys)
        {
            await store.SaveOverrideAsync(Tenant, Override("yoga", key), 0, None);
        }

        (await store.SplitAsync(Tenant, Series("yoga") with { Revision = 2 }, Time.Utc(2025, 3, 17, 9), 1, Series("yoga-2"), null, Time.Local(2025, 3, 17, 9), 60, None)).Should().BeTrue();

        (await store.FindAsync(Tenant, "yoga", None))!.Overrides.Keys.Should().BeEquivalentTo([keys[0]]);
        var moved = (await store.FindAsync(Tenant, "yoga-2", None))!.Overrides;
        moved.Keys.Should().BeEquivalentTo(keys[1..].Select(k => k.PlusSeconds(60)));
        moved.Values.Should().OnlyContain(o => o.RecurringSessionId == "yoga-2");
    }

    /// <summary>Whether a full checkpoint of the write-ahead log is blocked by a reader.</summary>
    private bool CheckpointIsBlocked()
    {
        using var connection = _database.Open(_database.ConnectionStringWith(b => b.Pooling = false));
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
        using var reader = command.ExecuteReader();
        reader.Read().Should().BeTrue();
        return reader.GetInt32(0) != 0;
    }

    private async Task<List<string>> PlanAsync(string sql)
    {
        await SqliteSchema.MigrateAsync(_database.ConnectionString, None);
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        foreach (var name in System.Text.RegularExpressions.Regex.Matches(sql, "@[a-z_]+").Select(m => m.Value).Distinct())
        {
            command.Parameters.AddWithValue(name, 0);
        }

        using var reader = command.ExecuteReader();
        var plan = new List<string>();
        while (reader.Read())
        {
            plan.Add(reader.GetString(3));
        }

        return plan;
    }
}
