using System.Collections.Concurrent;
using Scheduling.Sessions;
using static Scheduling.Stores.PostgreSql.Tests.Samples;

namespace Scheduling.Stores.PostgreSql.Tests;

/// <summary>
/// Several hosts on one database: each store here has a data source (a connection pool) of its own, as separate
/// processes would, so nothing but the database keeps them from stepping on each other.
/// </summary>
public sealed class MultipleHostsTest : IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;

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
            await hostA.InsertAsync(Tenant, Session(id) with { Capacity = 2, Participants = [new Participant("p0")] }, None);

            var outcomes = await AllAtOnceAsync(
                () => hostA.AddParticipantAsync(Tenant, id, new Participant("a"), Later, None).AsTask(),
                () => hostB.AddParticipantAsync(Tenant, id, new Participant("b"), Later, None).AsTask());

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
        await hostA.InsertAsync(Tenant, Series("yoga"), null, None);

        for (var week = 0; week < 20; week++)
        {
            var instance = Week(week);

            var outcomes = await AllAtOnceAsync(
                () => hostA.AddParticipantAsync(Tenant, "yoga", instance, new Participant("a"), seriesCapacity: 1, Later, None).AsTask(),
                () => hostB.AddParticipantAsync(Tenant, "yoga", instance, new Participant("b"), seriesCapacity: 1, Later, None).AsTask());

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
                    var changed = stored with { Tags = stored.Tags.Add($"host{h}-{i}"), Revision = stored.Revision + 1 };
                    if (await host.ReplaceAsync(Tenant, changed, stored.Revision, None))
                    {
                        break;
                    }

                    Interlocked.Increment(ref conflicts);
                }
            }
        })));

        var final = (await hosts[0].FindAsync(Tenant, "s1", None))!;
        final.Tags.Should().HaveCount(40).And.OnlyHaveUniqueItems();
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
                    var current = stored ?? Override("yoga", instance, revision: 0) with { Title = null };
                    var edited = current with { Tags = (current.Tags ?? []).Add($"editor{h}-{i}"), Revision = current.Revision + 1 };
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
                (await host.AddParticipantAsync(Tenant, "yoga", instance, new Participant($"booker{h}-{i}"), seriesCapacity: null, Later, None))
                    .Should().Be(BookingOutcome.Booked);
            }
        }));
        await Task.WhenAll(editors.Concat(bookers));

        var final = (await hosts[0].FindAsync(Tenant, "yoga", None))!.Overrides[instance];
        final.Tags!.Value.Should().HaveCount(20).And.OnlyHaveUniqueItems();
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
                if (await booker.AddParticipantAsync(Tenant, "yoga", instance, new Participant($"p{i}"), seriesCapacity: null, Later, None) == BookingOutcome.Booked)
                {
                    booked.Add((instance, $"p{i}"));
                }
            }
        });
        await Task.Delay(50);
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

    private static Instant Utc(int year, int month, int day, int hour) => Instant.FromUtc(year, month, day, hour, 0);

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

    private PostgreSqlRecurringSessionStore SeriesHost() => new(_schema.NewDataSource());
}
