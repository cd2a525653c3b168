using System.Collections.Concurrent;
using Scheduling.Attendance;
using Scheduling.Security;
using Scheduling.Sessions;
using Scheduling.Stores.ContractTests;
using static Scheduling.Stores.PostgreSql.Tests.Samples;

namespace Scheduling.Stores.PostgreSql.Tests;

/// <summary>
/// Several hosts on one database: each store here has a data source (a connection pool) of its own, as separate
/// processes would, so nothing but the database keeps them from stepping on each other.
/// </summary>
public sealed class MultipleHostsTest : IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;

    private readonly FakeClock _clock = new(Later);

    private TestSchema _schema = null!;

    /// <inheritdoc />
    public async Task InitializeAsync() => _schema = await TestSchema.CreateMigratedAsync();

    /// <inheritdoc />
    public async Task DisposeAsync() => await _schema.DisposeAsync();

    [Fact]
    public async Task Two_hosts_booking_the_last_seat_of_a_session_let_exactly_one_win()
    {
        var (hostA, hostB) = (SessionHost(), SessionHost());

        for (var round = 0; round < 20; round++)
        {
            var id = $"s{round}";
            await hostA.InsertAsync(Tenant, Session(id) with { Details = new SessionDetails { Capacity = 2 }, Participants = [new Participant("p0")] }, None);

            var outcomes = await AllAtOnceAsync(
                () => hostA.BookAsync(Tenant, id, new Participant("a"), Later, None).AsTask(),
                () => hostB.BookAsync(Tenant, id, new Participant("b"), Later, None).AsTask());

            outcomes.Should().BeEquivalentTo([BookingOutcome.Booked, BookingOutcome.Full]);
            var stored = await hostB.FindAsync(Tenant, id, None);
            stored!.Participants.Should().HaveCount(2);
            stored.Revision.Should().Be(2);
        }
    }

    [Fact]
    public async Task Two_hosts_booking_the_last_seat_of_an_instance_let_exactly_one_win()
    {
        var (hostA, hostB) = (SeriesHost(), SeriesHost());
        await hostA.InsertAsync(Tenant, Series("yoga") with { Details = new SessionDetails { Capacity = 1 } }, null, None);

        for (var week = 0; week < 20; week++)
        {
            var instance = Week(week);

            var outcomes = await AllAtOnceAsync(
                () => hostA.BookAsync(Tenant, "yoga", instance, new Participant("a"), Later, None).AsTask(),
                () => hostB.BookAsync(Tenant, "yoga", instance, new Participant("b"), Later, None).AsTask());

            outcomes.Should().BeEquivalentTo([BookingOutcome.Booked, BookingOutcome.Full]);
            (await hostB.FindAsync(Tenant, "yoga", None))!.Overrides[instance].Participants.Should().ContainSingle();
        }
    }

    [Fact]
    public async Task Four_hosts_updating_one_session_lose_no_update()
    {
        var hosts = Enumerable.Range(0, 4).Select(_ => SessionHost()).ToList();
        await hosts[0].InsertAsync(Tenant, Session("s1"), None);
        var conflicts = 0;

        await Task.WhenAll(hosts.Select((host, h) => Task.Run(async () =>
        {
            for (var i = 0; i < 10; i++)
            {
                // Read, change, write back with the revision read; on a conflict read again, as a client would.
                while (true)
                {
                    var stored = (await host.FindAsync(Tenant, "s1", None))!;
                    var changed = stored with { Details = stored.Details with { Tags = stored.Details.Tags.Add($"host{h}-{i}") }, Revision = stored.Revision + 1 };
                    if (await host.ReplaceAsync(Tenant, changed, stored.Revision, None))
                    {
                        break;
                    }

                    Interlocked.Increment(ref conflicts);
                }
            }
        })));

        var final = (await hosts[0].FindAsync(Tenant, "s1", None))!;
        final.Details.Tags.Should().HaveCount(40).And.OnlyHaveUniqueItems();
        final.Revision.Should().Be(41);
    }

    [Fact]
    public async Task Four_hosts_editing_and_booking_one_instance_lose_neither_an_edit_nor_a_booking()
    {
        var hosts = Enumerable.Range(0, 4).Select(_ => SeriesHost()).ToList();
        await hosts[0].InsertAsync(Tenant, Series("yoga"), null, None);
        var instance = Week(2);

        // Two hosts edit the instance (read, change, save with the revision read); two book into it.
        var editors = hosts.Take(2).Select((host, h) => Task.Run(async () =>
        {
            for (var i = 0; i < 10; i++)
            {
                while (true)
                {
                    var stored = (await host.FindAsync(Tenant, "yoga", None))!.Overrides.GetValueOrDefault(instance);
                    var current = stored ?? Override("yoga", instance, revision: 0) with { Details = Override("yoga", instance, revision: 0).Details with { Title = null } };
                    var edited = current with { Details = current.Details with { Tags = (current.Details.Tags ?? []).Add($"editor{h}-{i}") }, Revision = current.Revision + 1 };
                    if (await host.SaveOverrideAsync(Tenant, edited, current.Revision, None))
                    {
                        break;
                    }
                }
            }
        }));
        var bookers = hosts.Skip(2).Select((host, h) => Task.Run(async () =>
        {
            for (var i = 0; i < 10; i++)
            {
                (await host.BookAsync(Tenant, "yoga", instance, new Participant($"booker{h}-{i}"), Later, None))
                    .Should().Be(BookingOutcome.Booked);
            }
        }));
        await Task.WhenAll(editors.Concat(bookers));

        var final = (await hosts[0].FindAsync(Tenant, "yoga", None))!.Overrides[instance];
        final.Details.Tags!.Value.Should().HaveCount(20).And.OnlyHaveUniqueItems();
        final.Participants.Should().HaveCount(20).And.OnlyHaveUniqueItems();
        final.Revision.Should().Be(40);
    }

    [Fact]
    public async Task Bookings_racing_a_split_on_another_host_are_kept_in_one_series_or_the_other()
    {
        var (booker, splitter) = (SeriesHost(), SeriesHost());
        await booker.InsertAsync(Tenant, Series("yoga"), null, None);
        var booked = new ConcurrentBag<(LocalDateTime Instance, string Participant)>();
        using var stop = new CancellationTokenSource();

        var booking = Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested || i < 20; i++)
            {
                var instance = Week(i % 8);
                if (await booker.BookAsync(Tenant, "yoga", instance, new Participant($"p{i}"), Later, None) == BookingOutcome.Booked)
                {
                    booked.Add((instance, $"p{i}"));
                }
            }
        });
        // Split while the booker is past the split instance, so some bookings are moved and others race the split
        // (waiting a fixed time left the booker short of it on a busy machine, and then nothing moved).
        for (var waited = 0; !booked.Any(b => b.Instance >= Week(2)) && waited < 10_000; waited += 5)
        {
            await Task.Delay(5);
        }

        var ended = Series("yoga") with { Rule = Recurrence.RecurrenceRule.Parse("FREQ=WEEKLY;UNTIL=20250317T085959Z"), Revision = 2, UpdatedAt = Later };
        var following = Series("yoga-2") with { Start = Week(2).PlusHours(1), IdentityStart = Week(2).PlusHours(1) };
        (await splitter.SplitAsync(Tenant, ended, Utc(2025, 3, 10, 10), 1, following, null, Week(2), 3600, None)).Should().BeTrue();
        await stop.CancelAsync();
        await booking;

        var old = (await splitter.FindAsync(Tenant, "yoga", None))!.Overrides;
        var moved = (await splitter.FindAsync(Tenant, "yoga-2", None))!.Overrides;
        booked.Should().NotBeEmpty();
        foreach (var (instance, participant) in booked)
        {
            var inOld = old.GetValueOrDefault(instance)?.Participants.Any(p => p.Id == participant) ?? false;
            var inMoved = moved.GetValueOrDefault(instance.PlusHours(1))?.Participants.Any(p => p.Id == participant) ?? false;
            (inOld ^ inMoved).Should().BeTrue($"{participant}, booked into {instance}, is kept exactly once");
        }

        moved.Keys.Should().OnlyContain(key => key >= Week(2).PlusHours(1));
    }

    [Fact]
    public async Task A_write_on_one_host_changes_the_version_every_host_reads()
    {
        var (sessionsA, sessionsB) = (SessionHost(), SessionHost());
        var (seriesA, seriesB) = (SeriesHost(), SeriesHost());
        var sessionsBefore = await sessionsB.GetChangeVersionAsync(Tenant, None);
        var seriesBefore = await seriesB.GetChangeVersionAsync(Tenant, None);

        await sessionsA.InsertAsync(Tenant, Session("s1"), None);
        await seriesA.InsertAsync(Tenant, Series("yoga"), null, None);

        (await sessionsB.GetChangeVersionAsync(Tenant, None)).Should().NotBe(sessionsBefore);
        (await seriesB.GetChangeVersionAsync(Tenant, None)).Should().NotBe(seriesBefore);
    }

    [Fact]
    public async Task Two_hosts_setting_the_same_attendance_without_expected_revisions_apply_every_write_to_one_record()
    {
        var (hostA, hostB) = (AttendanceHost(), AttendanceHost());
        await hostA.Sessions.CreateSessionAsync(CallerContext.Host(Tenant), NewClass("yoga"));
        var written = new ConcurrentBag<Scheduling.Attendance.Attendance>();

        // Twelve writes from each host at once, each saying "whatever is stored, make it this".
        await AllAtOnceAsync(
            () => SetManyAsync(hostA.Attendance, 1),
            () => SetManyAsync(hostB.Attendance, 101));

        written.Select(a => a.Revision).Should().BeEquivalentTo(Enumerable.Range(1, 24).Select(r => (long)r), "every write got its own revision: none was lost or merged");
        written.Select(a => a.Id).Distinct().Should().ContainSingle("the first write created the attendance, every other replaced it");
        var stored = (await hostB.Attendance.QueryAttendanceAsync(CallerContext.Host(Tenant), new AttendanceQuery())).Items.Should().ContainSingle().Subject;
        stored.Revision.Should().Be(24);
        stored.NumberOfAttendees.Should().Be(written.Single(a => a.Revision == 24).NumberOfAttendees, "the last write is the one stored");

        async Task<bool> SetManyAsync(AttendanceService host, int firstNumber)
        {
            for (var n = firstNumber; n < firstNumber + 12; n++)
            {
                written.Add(await host.SetAttendanceAsync(CallerContext.Host(Tenant), Mark("booking-1", "yoga", n)));
            }

            return true;
        }
    }

    [Fact]
    public async Task Two_hosts_setting_the_same_attendance_with_the_same_expected_revision_let_one_win_and_report_a_conflict_to_the_other()
    {
        var (hostA, hostB) = (AttendanceHost(), AttendanceHost());
        var host = CallerContext.Host(Tenant);
        await hostA.Sessions.CreateSessionAsync(host, NewClass("yoga"));

        for (var round = 0; round < 15; round++)
        {
            // Both read the same revision (0: not set yet, in the first round), then both write with it.
            var revision = (await hostA.Attendance.QueryAttendanceAsync(host, new AttendanceQuery())).Items.SingleOrDefault()?.Revision ?? 0;

            var outcomes = await AllAtOnceAsync(
                () => TrySetAsync(hostA.Attendance, Mark("booking-1", "yoga", 10 + round) with { ExpectedRevision = revision }),
                () => TrySetAsync(hostB.Attendance, Mark("booking-1", "yoga", 50 + round) with { ExpectedRevision = revision }));

            var winner = outcomes.Should().ContainSingle(o => o.Written != null, "round {0}", round).Subject.Written!;
            var loser = outcomes.Single(o => o.Written is null).Error!;
            loser.Code.Should().Be(SchedulingErrorCode.Conflict);
            loser.Field.Should().Be("expectedRevision");
            var stored = (await hostB.Attendance.QueryAttendanceAsync(host, new AttendanceQuery())).Items.Should().ContainSingle().Subject;
            stored.Should().Be(winner);
            stored.Revision.Should().Be(revision + 1);
        }
    }

    [Fact]
    public async Task Two_hosts_adding_attendees_with_expected_revisions_lose_no_update()
    {
        var (hostA, hostB) = (AttendanceHost(), AttendanceHost());
        var host = CallerContext.Host(Tenant);
        await hostA.Sessions.CreateSessionAsync(host, NewClass("yoga"));
        var first = await hostA.Attendance.SetAttendanceAsync(host, Mark("booking-1", "yoga", 1));
        var conflicts = 0;

        // Read, add one attendee, write with the revision read; on a conflict read again, as a client would.
        await AllAtOnceAsync(() => AddAsync(hostA.Attendance), () => AddAsync(hostB.Attendance));

        var stored = await hostA.Attendance.GetAttendanceAsync(host, first.Id);
        stored.NumberOfAttendees.Should().Be(1 + (2 * 15));
        stored.Revision.Should().Be(1 + (2 * 15));
        (await hostB.Attendance.QueryAttendanceAsync(host, new AttendanceQuery())).Items.Should().ContainSingle();

        async Task<bool> AddAsync(AttendanceService service)
        {
            for (var added = 0; added < 15;)
            {
                var current = await service.GetAttendanceAsync(host, first.Id);
                try
                {
                    await service.SetAttendanceAsync(host, Mark("booking-1", "yoga", current.NumberOfAttendees + 1) with { ExpectedRevision = current.Revision });
                    added++;
                }
                catch (SchedulingException error) when (error.Code == SchedulingErrorCode.Conflict)
                {
                    Interlocked.Increment(ref conflicts);
                }
            }

            return true;
        }
    }

    [Fact]
    public async Task Two_hosts_inserting_attendance_of_the_same_booking_and_session_let_exactly_one_in()
    {
        var (hostA, hostB) = (new PostgreSqlAttendanceStore(_schema.NewDataSource()), new PostgreSqlAttendanceStore(_schema.NewDataSource()));

        for (var round = 0; round < 20; round++)
        {
            var session = $"s{round}";

            // One host inserts alone, the other in a batch with another booking.
            var outcomes = await AllAtOnceAsync(
                () => hostA.InsertAsync(Tenant, AttendanceAt($"a{round}", "b1", session), None).AsTask(),
                () => hostB.SaveManyAsync(Tenant, [new AttendanceWrite(AttendanceAt($"b{round}", "b1", session), 0), new AttendanceWrite(AttendanceAt($"c{round}", "b2", session), 0)], None).AsTask());

            outcomes.Should().ContainSingle(inserted => inserted, "round {0}", round);
            var stored = await ToListAsync(hostB.FindInOrderAsync(Tenant, new AttendanceCandidateFilter { SessionIds = [session] }, AttendanceSort.IdAscending, null, SeekDirection.Forward, None));
            stored.Select(a => a.Id).Should().BeEquivalentTo(outcomes[0] ? [$"a{round}"] : new[] { $"b{round}", $"c{round}" }, "the batch is all or nothing");
        }
    }

    [Fact]
    public async Task Two_hosts_replacing_the_same_attendance_in_batches_listed_in_opposite_orders_neither_deadlock_nor_mix()
    {
        var (hostA, hostB) = (new PostgreSqlAttendanceStore(_schema.NewDataSource()), new PostgreSqlAttendanceStore(_schema.NewDataSource()));
        var ids = Enumerable.Range(0, 30).Select(i => $"a{i:00}").ToList();
        (await hostA.SaveManyAsync(Tenant, [.. ids.Select(id => new AttendanceWrite(AttendanceAt(id, "b-" + id, "s1"), 0))], None)).Should().BeTrue();

        for (var round = 1; round <= 10; round++)
        {
            var stored = await ToListAsync(hostA.FindInOrderAsync(Tenant, AttendanceCandidateFilter.Any, AttendanceSort.IdAscending, null, SeekDirection.Forward, None));
            IReadOnlyList<AttendanceWrite> Batch(int attendees, bool reversed) =>
                [.. (reversed ? Enumerable.Reverse(stored) : stored).Select(a => new AttendanceWrite(a with { NumberOfAttendees = attendees, Revision = a.Revision + 1 }, a.Revision))];

            var outcomes = await AllAtOnceAsync(
                () => hostA.SaveManyAsync(Tenant, Batch(round * 10, reversed: false), None).AsTask(),
                () => hostB.SaveManyAsync(Tenant, Batch((round * 10) + 1, reversed: true), None).AsTask());

            outcomes.Should().ContainSingle(saved => saved, "round {0}: the batch that waited finds every revision changed", round);
            var after = await ToListAsync(hostB.FindInOrderAsync(Tenant, AttendanceCandidateFilter.Any, AttendanceSort.IdAscending, null, SeekDirection.Forward, None));
            after.Select(a => a.NumberOfAttendees).Distinct().Should().Equal(outcomes[0] ? round * 10 : (round * 10) + 1);
            after.Should().AllSatisfy(a => a.Revision.Should().Be(round + 1));
        }
    }

    private static Instant Utc(int year, int month, int day, int hour) => Instant.FromUtc(year, month, day, hour, 0);

    private static NewSession NewClass(string id) => new()
    {
        Id = id,
        ScheduleId = "room-1",
        ScheduleOwnerId = "teacher-1",
        Start = Time.At(Utc(2025, 3, 3, 10)),
        End = Time.At(Utc(2025, 3, 3, 11)),
    };

    private static AttendanceMark Mark(string bookingId, string sessionId, int attendees) => new()
    {
        BookingId = bookingId,
        SessionId = sessionId,
        Status = AttendanceStatus.Attended,
        NumberOfAttendees = attendees,
    };

    private static Scheduling.Attendance.Attendance AttendanceAt(string id, string bookingId, string sessionId) => new()
    {
        Id = id,
        BookingId = bookingId,
        SessionId = sessionId,
        Status = AttendanceStatus.Attended,
        NumberOfAttendees = 1,
        Revision = 1,
        CreatedAt = Created,
        UpdatedAt = Created,
    };

    private static async Task<(Scheduling.Attendance.Attendance? Written, SchedulingException? Error)> TrySetAsync(AttendanceService service, AttendanceMark mark)
    {
        try
        {
            return (await service.SetAttendanceAsync(CallerContext.Host(Tenant), mark), null);
        }
        catch (SchedulingException error)
        {
            return (null, error);
        }
    }

    /// <summary>Starts every call at once, each on its own task, and waits for all of them.</summary>
    private static async Task<T[]> AllAtOnceAsync<T>(params Func<Task<T>>[] calls)
    {
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = calls.Select(call => Task.Run(async () =>
        {
            await start.Task;
            return await call();
        })).ToList();
        start.SetResult();
        return await Task.WhenAll(running);
    }

    private PostgreSqlSessionStore SessionHost() => new(_schema.NewDataSource());

    /// <summary>The services of one host: its own data source for all three stores, the same clock as every other host.</summary>
    private (SessionService Sessions, AttendanceService Attendance) AttendanceHost()
    {
        var dataSource = _schema.NewDataSource();
        var sessions = new SessionService(new PostgreSqlSessionStore(dataSource), new PostgreSqlRecurringSessionStore(dataSource), _clock);
        return (sessions, new AttendanceService(new PostgreSqlAttendanceStore(dataSource), sessions, _clock));
    }

    private PostgreSqlRecurringSessionStore SeriesHost() => new(_schema.NewDataSource());
}
