using Npgsql;
using Scheduling.Stores.InMemory;
using static Scheduling.Stores.PostgreSql.Tests.Samples;

namespace Scheduling.Stores.PostgreSql.Tests.Attendance;

// Inside the namespace, so that "Attendance" names the type rather than the namespace Scheduling.Attendance.
using Scheduling.Attendance;

/// <summary>
/// Attendance seeks pushed down to SQL: the chunks a long walk is read in, checked against the in-memory store; a
/// walk stopped early; and the index each ordered seek walks, read from the plans.
/// </summary>
public sealed class AttendanceSeekTest : IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;

    private static readonly AttendanceSort[] Sorts =
    [
        AttendanceSort.IdAscending,
        AttendanceSort.IdDescending,
        AttendanceSort.NumberOfAttendeesAscending,
        AttendanceSort.NumberOfAttendeesDescending,
    ];

    private TestSchema _schema = null!;

    /// <inheritdoc />
    public async Task InitializeAsync() => _schema = await TestSchema.CreateMigratedAsync();

    /// <inheritdoc />
    public async Task DisposeAsync() => await _schema.DisposeAsync();

    [Fact]
    public async Task Walks_longer_than_a_chunk_match_the_in_memory_store_for_every_order_direction_filter_and_position()
    {
        var store = new PostgreSqlAttendanceStore(_schema.NewDataSource());
        var reference = new InMemoryAttendanceStore();
        var all = RandomAttendance(seed: 3, count: 1200);
        (await store.SaveManyAsync(Tenant, [.. all.Select(a => new AttendanceWrite(a, 0))], None)).Should().BeTrue();
        (await reference.SaveManyAsync(Tenant, [.. all.Select(a => new AttendanceWrite(a, 0))], None)).Should().BeTrue();

        var filters = new[]
        {
            AttendanceCandidateFilter.Any,
            new AttendanceCandidateFilter { Statuses = [AttendanceStatus.Attended, AttendanceStatus.NotSet] },
            new AttendanceCandidateFilter { RecurringSessionIds = ["series-1", "series-2"] },
            new AttendanceCandidateFilter { BookingIds = ["booking-3", "booking-7", "booking-8"], Statuses = [AttendanceStatus.Attended] },
        };
        var random = new Random(5);
        foreach (var sort in Sorts)
        {
            foreach (var direction in new[] { SeekDirection.Forward, SeekDirection.Backward })
            {
                foreach (var filter in filters)
                {
                    var from = random.Next(4) == 0 ? null : (AttendancePosition?)Position(all[random.Next(all.Count)]);
                    var expected = await ToListAsync(reference.FindInOrderAsync(Tenant, filter, sort, from, direction, None));

                    var found = await ToListAsync(store.FindInOrderAsync(Tenant, filter, sort, from, direction, None));

                    found.Where(filter.Admits).Should().Equal(expected.Where(filter.Admits), "{0} {1} from {2}", sort, direction, from);
                }
            }
        }
    }

    [Fact]
    public async Task A_seek_stopped_early_gives_its_connection_back_to_the_pool()
    {
        // One connection in the pool: a seek that kept it would make the next call wait and time out.
        var store = new PostgreSqlAttendanceStore(_schema.NewDataSource(builder => (builder.MaxPoolSize, builder.Timeout) = (1, 3)));
        (await store.SaveManyAsync(Tenant, [.. Enumerable.Range(0, 600).Select(i => new AttendanceWrite(Sample($"a{i:000}", $"b{i}", "s1"), 0))], None)).Should().BeTrue();

        for (var seek = 0; seek < 3; seek++)
        {
            var firstFive = new List<string>();
            await foreach (var attendance in store.FindInOrderAsync(Tenant, AttendanceCandidateFilter.Any, AttendanceSort.IdAscending, null, SeekDirection.Forward, None))
            {
                firstFive.Add(attendance.Id);
                if (firstFive.Count == 5)
                {
                    break;
                }
            }

            firstFive.Should().Equal("a000", "a001", "a002", "a003", "a004");
        }

        (await store.FindAsync(Tenant, "a599", None)).Should().NotBeNull();
    }

    [Fact]
    public async Task A_seek_reads_every_chunk_from_the_snapshot_it_started_with()
    {
        var store = new PostgreSqlAttendanceStore(_schema.NewDataSource());
        var writer = new PostgreSqlAttendanceStore(_schema.NewDataSource());
        var all = Enumerable.Range(0, 300).Select(i => Sample($"a{i:000}", $"b{i}", "s1")).ToList();
        (await store.SaveManyAsync(Tenant, [.. all.Select(a => new AttendanceWrite(a, 0))], None)).Should().BeTrue();

        // While the first chunk is read, another host moves an attendance already read to the end of the order and deletes one
        // the next chunk would read.
        var read = new List<string>();
        await foreach (var attendance in store.FindInOrderAsync(Tenant, AttendanceCandidateFilter.Any, AttendanceSort.NumberOfAttendeesAscending, null, SeekDirection.Forward, None))
        {
            read.Add(attendance.Id);
            if (read.Count == 100)
            {
                (await writer.ReplaceAsync(Tenant, all[0] with { NumberOfAttendees = 9, Revision = 2 }, 1, None)).Should().BeTrue();
                (await writer.DeleteAsync(Tenant, "a250", 1, None)).Should().BeTrue();
            }
        }

        read.Should().Equal(all.Select(a => a.Id), "the seek reads what was stored when it started: nothing twice, nothing left out");
    }

    [Theory]
    [InlineData("the tenant", "attendance_pkey", "attendance_by_number")]
    [InlineData("a booking", "attendance_by_booking", "attendance_by_booking_number")]
    [InlineData("a session", "attendance_by_session", "attendance_by_session_number")]
    [InlineData("a recurring session", "attendance_by_recurring_session", "attendance_by_recurring_session_number")]
    public async Task Every_ordered_seek_walks_an_index_in_its_order_from_the_position(string scope, string byId, string byNumber)
    {
        var store = new PostgreSqlAttendanceStore(_schema.NewDataSource());
        var all = RandomAttendance(seed: 9, count: 4000);
        (await store.SaveManyAsync(Tenant, [.. all.Select(a => new AttendanceWrite(a, 0))], None)).Should().BeTrue();
        await _schema.ExecuteScalarAsync("ANALYZE attendance");
        var filter = scope switch
        {
            "a booking" => new AttendanceCandidateFilter { BookingIds = ["booking-4"] },
            "a session" => new AttendanceCandidateFilter { SessionIds = ["session-12"] },
            "a recurring session" => new AttendanceCandidateFilter { RecurringSessionIds = ["series-2"] },
            _ => AttendanceCandidateFilter.Any,
        };

        // A scope that fits in one chunk is rightly read and sorted; without sorts the planner shows which index gives the order.
        await using var connection = await _schema.NewDataSource().OpenConnectionAsync();
        await using (var settings = new NpgsqlCommand("SET enable_sort = off; SET enable_bitmapscan = off", connection))
        {
            await settings.ExecuteNonQueryAsync();
        }

        foreach (var sort in Sorts)
        {
            foreach (var position in new AttendancePosition?[] { null, new AttendancePosition(2, "m") })
            {
                await using var query = PostgreSqlAttendanceStore.SeekQuery(connection, Tenant, filter, sort.Field, sort.IsDescending, position, 128);
                query.CommandText = "EXPLAIN " + query.CommandText;

                var plan = await ReadPlanAsync(query);

                var index = sort.Field == AttendanceSortField.Id ? byId : byNumber;
                plan.Should().Contain($" using {index} on attendance", "{0} in {1} order from {2} walks that index:\n{3}", scope, sort, position, plan)
                    .And.NotContain("Sort", "the index gives the order");
                if (position is not null)
                {
                    plan.Should().MatchRegex(
                        sort.Field == AttendanceSortField.Id ? @"Index Cond: .*\(id [<>] '" : @"Index Cond: .*\(ROW\(number_of_attendees, id\) [<>] ROW\(2, 'm'",
                        "the index scan starts at the position:\n{0}",
                        plan);
                }
            }
        }
    }

    [Fact]
    public async Task A_seek_by_several_bookings_reads_only_their_rows()
    {
        var store = new PostgreSqlAttendanceStore(_schema.NewDataSource());
        var all = RandomAttendance(seed: 9, count: 4000);
        (await store.SaveManyAsync(Tenant, [.. all.Select(a => new AttendanceWrite(a, 0))], None)).Should().BeTrue();
        await _schema.ExecuteScalarAsync("ANALYZE attendance");
        await using var connection = await _schema.NewDataSource().OpenConnectionAsync();
        var filter = new AttendanceCandidateFilter { BookingIds = ["booking-4", "booking-9"] };

        await using var query = PostgreSqlAttendanceStore.SeekQuery(connection, Tenant, filter, AttendanceSortField.NumberOfAttendees, descending: true, null, 128);
        query.CommandText = "EXPLAIN " + query.CommandText;
        var plan = await ReadPlanAsync(query);

        plan.Should().MatchRegex("using attendance_by_booking(_number)? on attendance", "an index scan per booking:\n{0}", plan);
    }

    private static AttendancePosition Position(Attendance attendance) => new(attendance.NumberOfAttendees, attendance.Id);

    private static async Task<string> ReadPlanAsync(NpgsqlCommand query)
    {
        var lines = new List<string>();
        await using var reader = await query.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(0));
        }

        return string.Join('\n', lines);
    }

    private static Attendance Sample(string id, string bookingId, string sessionId, AttendanceStatus status = AttendanceStatus.Attended, int numberOfAttendees = 1) => new()
    {
        Id = id,
        BookingId = bookingId,
        SessionId = sessionId,
        Status = status,
        NumberOfAttendees = numberOfAttendees,
        Revision = 1,
        CreatedAt = Created,
        UpdatedAt = Created,
    };

    /// <summary>
    /// Attendance of 200 bookings at 60 sessions (the first 20 single, then four series of ten instances), one per pair
    /// at most, with numbers of attendees that tie often and ids whose ordinal order differs from a culture's.
    /// </summary>
    private static List<Attendance> RandomAttendance(int seed, int count)
    {
        var random = new Random(seed);
        string[] prefixes = ["a", "B", "b", "Z", "_", "0", "m"];
        var pairs = new HashSet<(int, int)>();
        var all = new List<Attendance>(count);
        while (all.Count < count)
        {
            var (booking, session) = (random.Next(200), random.Next(60));
            if (!pairs.Add((booking, session)))
            {
                continue;
            }

            var status = (AttendanceStatus)random.Next(3);
            all.Add(Sample($"{prefixes[random.Next(prefixes.Length)]}{all.Count}", $"booking-{booking}", $"session-{session}", status, status == AttendanceStatus.Attended ? random.Next(1, 5) : 0)
                with { RecurringSessionId = session < 20 ? null : $"series-{(session - 20) / 10}" });
        }

        return all;
    }
}
