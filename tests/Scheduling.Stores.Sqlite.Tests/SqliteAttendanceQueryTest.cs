using Scheduling.Stores.InMemory;
using static Scheduling.Stores.Sqlite.Tests.Examples;

namespace Scheduling.Stores.Sqlite.Tests;

// Inside the namespace, so that "Attendance" names the type rather than the namespace Scheduling.Attendance.
using Scheduling.Attendance;

/// <summary>
/// Attendance queries run in SQL: each seek reads the index of its scope and order from the keyset position without a
/// sort, several keys are merged from one seek each, readers are released when the caller stops early, and ids sort
/// as the database stores them.
/// </summary>
public sealed class SqliteAttendanceQueryTest : IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;

    private readonly TemporaryDatabase _database = new();

    /// <summary>Every seek shape but the one by ids, the scope by name (the scopes are internal).</summary>
    public static TheoryData<string, AttendanceSortField, bool, bool> IndexedSeeks
    {
        get
        {
            var data = new TheoryData<string, AttendanceSortField, bool, bool>();
            foreach (var scope in Enum.GetNames<AttendanceSql.SeekScope>().Where(s => s != nameof(AttendanceSql.SeekScope.Ids)))
            {
                foreach (var sortField in Enum.GetValues<AttendanceSortField>())
                {
                    foreach (var descending in new[] { false, true })
                    {
                        data.Add(scope, sortField, descending, false);
                        data.Add(scope, sortField, descending, true);
                    }
                }
            }

            return data;
        }
    }

    public void Dispose() => _database.Dispose();

    [Theory]
    [MemberData(nameof(IndexedSeeks))]
    public async Task Every_seek_starts_at_its_position_in_the_index_of_its_scope_and_order_and_needs_no_sort(
        string scopeName, AttendanceSortField field, bool descending, bool fromPosition)
    {
        var scope = Enum.Parse<AttendanceSql.SeekScope>(scopeName);
        var byNumber = field == AttendanceSortField.NumberOfAttendees;
        var index = (scope, byNumber) switch
        {
            (AttendanceSql.SeekScope.Tenant, false) => "sqlite_autoindex_attendance_1",
            (AttendanceSql.SeekScope.Tenant, true) => "attendance_by_number",
            (AttendanceSql.SeekScope.Booking, _) => "attendance_by_booking",
            (AttendanceSql.SeekScope.Session, _) => "attendance_by_session",
            (AttendanceSql.SeekScope.RecurringSession, _) => "attendance_by_recurring_session",
            _ => "attendance_by_status",
        } + (scope != AttendanceSql.SeekScope.Tenant && byNumber ? "_number" : string.Empty);
        var key = scope switch
        {
            AttendanceSql.SeekScope.Tenant => string.Empty,
            AttendanceSql.SeekScope.Booking => " AND booking_id=?",
            AttendanceSql.SeekScope.Session => " AND session_id=?",
            AttendanceSql.SeekScope.RecurringSession => " AND recurring_session_id=?",
            _ => " AND status=?",
        };
        var comparison = descending ? "<" : ">";
        var range = !fromPosition ? string.Empty : byNumber ? $" AND (number_of_attendees,id){comparison}(?,?)" : $" AND id{comparison}?";

        var plan = await PlanAsync(AttendanceSql.Seek(scope, field, descending, fromPosition));

        plan.Should().Contain($"SEARCH attendance USING INDEX {index} (tenant_id=?{key}{range})");
        plan.Should().NotContain(line => line.Contains("TEMP B-TREE", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(AttendanceSortField.Id)]
    [InlineData(AttendanceSortField.NumberOfAttendees)]
    public async Task A_seek_by_ids_looks_each_up_by_its_primary_key_and_reads_nothing_else(AttendanceSortField field)
    {
        var plan = await PlanAsync(AttendanceSql.Seek(AttendanceSql.SeekScope.Ids, field, descending: false, fromPosition: true));

        plan.Should().Contain("SEARCH attendance USING INDEX sqlite_autoindex_attendance_1 (tenant_id=? AND id=?)");
        plan.Should().NotContain(line => line.Contains("SCAN attendance", StringComparison.Ordinal) || line.Contains("SEARCH attendance USING INDEX attendance_", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Tallies_count_from_the_index_of_their_key_alone()
    {
        (await PlanAsync(AttendanceSql.TallyBySession)).Should().Contain("SEARCH attendance USING COVERING INDEX attendance_by_session_number (tenant_id=? AND session_id=?)");
        (await PlanAsync(AttendanceSql.TallyByBooking)).Should().Contain("SEARCH attendance USING COVERING INDEX attendance_by_booking_number (tenant_id=? AND booking_id=?)");
    }

    [Fact]
    public async Task A_caller_that_stops_reading_a_merge_of_several_keys_early_releases_its_read_snapshot()
    {
        var store = new SqliteAttendanceStore(_database.ConnectionStringWith(b => b.Pooling = false));
        await store.FindAsync(Tenant, "none", None);

        // An idle connection keeps the write-ahead log from being folded away when the store's connections close.
        using var idle = _database.Open(_database.ConnectionStringWith(b => b.Pooling = false));
        using (var attach = idle.CreateCommand())
        {
            attach.CommandText = "SELECT count(*) FROM attendance;";
            attach.ExecuteScalar();
        }

        for (var i = 0; i < 20; i++)
        {
            await store.InsertAsync(Tenant, AttendanceOf($"a{i:00}", $"b{i % 4}", "s1"), None);
        }

        var filter = new AttendanceCandidateFilter { BookingIds = ["b0", "b1", "b2"] };
        await using (var reading = store.FindInOrderAsync(Tenant, filter, AttendanceSort.IdAscending, null, SeekDirection.Forward, None).GetAsyncEnumerator())
        {
            (await reading.MoveNextAsync()).Should().BeTrue();

            // While the readers are open they pin their snapshot: a checkpoint cannot empty the write-ahead log.
            CheckpointIsBlocked().Should().BeTrue();
        }

        CheckpointIsBlocked().Should().BeFalse();
    }

    [Fact]
    public async Task A_merge_of_many_keys_reads_them_in_one_order()
    {
        var store = new SqliteAttendanceStore(_database.ConnectionString);
        var sessions = Enumerable.Range(0, 150).Select(i => $"s{i:000}").ToList();
        await store.SaveManyAsync(Tenant, [.. sessions.Select((s, i) => new AttendanceWrite(AttendanceOf($"a{(i * 37) % 150:000}", "b1", s, AttendanceStatus.Attended, 1 + (i % 4)), 0))], None);

        var found = await ToListAsync(store.FindInOrderAsync(
            Tenant, new AttendanceCandidateFilter { SessionIds = [.. sessions.Take(120)] }, AttendanceSort.NumberOfAttendeesDescending, null, SeekDirection.Forward, None));

        found.Should().HaveCount(120);
        found.Select(a => (a.NumberOfAttendees, a.Id)).Should().BeInDescendingOrder(Comparer<(int, string)>.Create((x, y) =>
            x.Item1 != y.Item1 ? x.Item1.CompareTo(y.Item1) : string.CompareOrdinal(x.Item2, y.Item2)));
    }

    [Fact]
    public async Task Ids_beyond_the_basic_plane_page_in_one_order_whether_merged_or_not()
    {
        // UTF-8 (and so SQLite) puts U+1F600 after U+E000; UTF-16 ordinal order would put it before.
        var store = new SqliteAttendanceStore(_database.ConnectionString);
        var ids = new[] { "z", "\uE000", "\U0001F600", "\uFFFD", "a\U0001F600", "a\uE000" };
        for (var i = 0; i < ids.Length; i++)
        {
            (await store.InsertAsync(Tenant, AttendanceOf(ids[i], $"b{i % 3}", $"s{i}"), None)).Should().BeTrue();
        }

        var merged = new AttendanceCandidateFilter { BookingIds = ["b0", "b1", "b2"] };
        var whole = await SeekIdsAsync(store, AttendanceCandidateFilter.Any, null, SeekDirection.Forward);
        var byBookings = await SeekIdsAsync(store, merged, null, SeekDirection.Forward);

        whole.Should().Equal("a\uE000", "a\U0001F600", "z", "\uE000", "\uFFFD", "\U0001F600");
        byBookings.Should().Equal(whole);
        foreach (var (id, at) in whole.Select((id, at) => (id, at)))
        {
            (await SeekIdsAsync(store, merged, id, SeekDirection.Forward)).Should().Equal(whole.Skip(at + 1));
            (await SeekIdsAsync(store, merged, id, SeekDirection.Backward)).Should().Equal(whole.Take(at).Reverse());
        }
    }

    [Fact]
    public async Task Instants_are_kept_to_the_nanosecond()
    {
        var store = new SqliteAttendanceStore(_database.ConnectionString);
        var attendance = AttendanceOf("a1", "b1", "s1") with { CreatedAt = Created + Duration.FromNanoseconds(123), UpdatedAt = Later + Duration.FromNanoseconds(999_999_999) };

        await store.InsertAsync(Tenant, attendance, None);

        (await store.FindAsync(Tenant, "a1", None)).Should().Be(attendance);
    }

    [Fact]
    public async Task A_batch_is_checked_against_what_was_stored_before_it_as_in_memory()
    {
        // The insert, or the replacement of a3, would take the booking and session a1 holds before the batch; that a1
        // leaves it in the same batch does not count, in any order: each write must succeed on its own.
        var first = AttendanceOf("a1", "b1", "s1");
        var third = AttendanceOf("a3", "b1", "s3");
        var thirdTaking = third with { SessionId = "s1", Revision = 2 };
        var moved = first with { SessionId = "s2", Revision = 2 };
        var taking = AttendanceOf("a2", "b1", "s1");
        foreach (var store in new IAttendanceStore[] { new SqliteAttendanceStore(_database.ConnectionString), new InMemoryAttendanceStore() })
        {
            await store.InsertAsync(Tenant, first, None);
            await store.InsertAsync(Tenant, third, None);

            (await store.SaveManyAsync(Tenant, [new AttendanceWrite(moved, 1), new AttendanceWrite(taking, 0)], None)).Should().BeFalse();
            (await store.SaveManyAsync(Tenant, [new AttendanceWrite(taking, 0), new AttendanceWrite(moved, 1)], None)).Should().BeFalse();
            (await store.SaveManyAsync(Tenant, [new AttendanceWrite(moved, 1), new AttendanceWrite(thirdTaking, 1)], None)).Should().BeFalse();
            (await store.SaveManyAsync(Tenant, [new AttendanceWrite(thirdTaking, 1), new AttendanceWrite(moved, 1)], None)).Should().BeFalse();

            (await store.FindAsync(Tenant, "a1", None)).Should().Be(first);
            (await store.FindAsync(Tenant, "a2", None)).Should().BeNull();
            (await store.FindAsync(Tenant, "a3", None)).Should().Be(third);
        }
    }

    private static async Task<List<string>> SeekIdsAsync(IAttendanceStore store, AttendanceCandidateFilter filter, string? fromId, SeekDirection direction) =>
        [.. (await ToListAsync(store.FindInOrderAsync(Tenant, filter, AttendanceSort.IdAscending, fromId is null ? null : new AttendancePosition(1, fromId), direction, None))).Select(a => a.Id)];

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
