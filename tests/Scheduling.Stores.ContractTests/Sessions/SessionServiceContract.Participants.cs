using Scheduling.Sessions;

namespace Scheduling.Stores.ContractTests.Sessions;

/// <summary>Booking participants, within capacity, also when bookings race for the last seat.</summary>
public abstract partial class SessionServiceContract
{
    [Fact]
    public async Task Booked_participant_is_on_the_session()
    {
        await CreateAsync(OneHour("s1", Time.Utc(2025, 3, 3, 10)) with { Details = new SessionDetails { Capacity = 2 } });
        Clock.Now = Time.Utc(2025, 2, 1);

        var booked = await Service.AddParticipantAsync(Host, "s1", new Participant("p1", "Ada Lovelace", "ada@example.com"));

        booked.Participants.Should().Equal(new Participant("p1", "Ada Lovelace", "ada@example.com"));
        booked.Revision.Should().Be(2);
        booked.UpdatedAt.Should().Be(Time.Utc(2025, 2, 1));
        (await GetAsync("s1")).Participants.Select(p => p.Id).Should().Equal("p1");
    }

    [Fact]
    public async Task Booking_someone_already_booked_changes_nothing()
    {
        await CreateAsync(OneHour("s1", Time.Utc(2025, 3, 3, 10)) with { Details = new SessionDetails { Capacity = 1 } });
        await Service.AddParticipantAsync(Host, "s1", new Participant("p1"));

        var again = await Service.AddParticipantAsync(Host, "s1", new Participant("p1"));

        again.Participants.Should().ContainSingle();
        again.Revision.Should().Be(2);
    }

    [Fact]
    public async Task Booking_a_full_session_is_a_conflict_and_changes_nothing()
    {
        await CreateAsync(OneHour("s1", Time.Utc(2025, 3, 3, 10)) with { Details = new SessionDetails { Capacity = 1 }, Participants = [new Participant("p1")] });

        await FailsAsync(() => Service.AddParticipantAsync(Host, "s1", new Participant("p2")).AsTask(), SchedulingErrorCode.Conflict, "capacity");

        var found = await GetAsync("s1");
        found.Participants.Select(p => p.Id).Should().Equal("p1");
        found.Revision.Should().Be(1);
    }

    [Fact]
    public async Task Two_concurrent_bookings_of_the_last_seat_of_a_session_let_exactly_one_win()
    {
        await CreateAsync(OneHour("s1", Time.Utc(2025, 3, 3, 10)) with { Details = new SessionDetails { Capacity = 2 }, Participants = [new Participant("p0")] });

        var outcomes = await BookConcurrentlyAsync("s1", "p1", "p2");

        outcomes.Count(o => o is null).Should().Be(1);
        outcomes.Should().ContainSingle(o => o != null && o.Code == SchedulingErrorCode.Conflict);
        (await GetAsync("s1")).Participants.Should().HaveCount(2);
    }

    [Fact]
    public async Task Two_concurrent_bookings_of_the_last_seat_of_an_instance_let_exactly_one_win()
    {
        await CreateAsync(WeeklyYoga() with { Details = WeeklyYoga().Details with { Capacity = 1 } });

        var outcomes = await BookConcurrentlyAsync(InstanceId("yoga", 3, 10), "p1", "p2");

        outcomes.Count(o => o is null).Should().Be(1);
        outcomes.Should().ContainSingle(o => o != null && o.Code == SchedulingErrorCode.Conflict);
        (await GetAsync(InstanceId("yoga", 3, 10))).Participants.Should().ContainSingle();
    }

    [Fact]
    public async Task Twenty_concurrent_bookings_fill_an_instance_exactly_to_its_capacity()
    {
        await CreateAsync(WeeklyYoga() with { Details = WeeklyYoga().Details with { Capacity = 5 } });

        var outcomes = await BookConcurrentlyAsync(InstanceId("yoga", 3, 10), [.. Enumerable.Range(0, 20).Select(i => $"p{i}")]);

        outcomes.Count(o => o is null).Should().Be(5);
        outcomes.Where(o => o is not null).Should().HaveCount(15).And.OnlyContain(o => o!.Code == SchedulingErrorCode.Conflict);
        var instance = await GetAsync(InstanceId("yoga", 3, 10));
        instance.Participants.Should().HaveCount(5).And.OnlyHaveUniqueItems(p => p.Id);
    }

    [Fact]
    public async Task Twenty_concurrent_bookings_fill_a_session_exactly_to_its_capacity()
    {
        await CreateAsync(OneHour("s1", Time.Utc(2025, 3, 3, 10)) with { Details = new SessionDetails { Capacity = 5 } });

        var outcomes = await BookConcurrentlyAsync("s1", [.. Enumerable.Range(0, 20).Select(i => $"p{i}")]);

        outcomes.Count(o => o is null).Should().Be(5);
        (await GetAsync("s1")).Participants.Should().HaveCount(5);
    }

    [Fact]
    public async Task Booking_an_instance_books_that_instance_only()
    {
        await CreateAsync(WeeklyYoga() with { Details = WeeklyYoga().Details with { Capacity = 1 } });

        var booked = await Service.AddParticipantAsync(Host, InstanceId("yoga", 3, 10), new Participant("p1"));

        booked.Id.Should().Be(InstanceId("yoga", 3, 10));
        booked.Participants.Select(p => p.Id).Should().Equal("p1");
        booked.IsOverridden.Should().BeFalse();
        (await MarchIdsAsync(SessionFilter.HasParticipant("p1"))).Should().Equal(InstanceId("yoga", 3, 10));
        (await Service.AddParticipantAsync(Host, InstanceId("yoga", 3, 17), new Participant("p2"))).Participants.Should().ContainSingle();
    }

    [Fact]
    public async Task Booked_instance_keeps_its_participants_when_the_series_is_edited()
    {
        var series = await CreateAsync(WeeklyYoga());
        await Service.AddParticipantAsync(Host, InstanceId("yoga", 3, 10), new Participant("p1"));

        await Service.UpdateRecurringSessionAsync(Host, "yoga", new RecurringSessionChanges { Start = Time.Local(2025, 3, 3, 19), Details = new SessionDetailsChanges { Title = "Later yoga" } }, series.Revision);

        var instance = await GetAsync(InstanceId("yoga", 3, 10));
        instance.Participants.Select(p => p.Id).Should().Equal("p1");
        instance.Details.Title.Should().Be("Later yoga");
    }

    [Fact]
    public async Task Booking_an_instance_bumps_its_revision()
    {
        await CreateAsync(WeeklyYoga());
        await Service.AddParticipantAsync(Host, InstanceId("yoga", 3, 10), new Participant("p1"));

        await FailsAsync(
            () => Service.UpdateSessionAsync(Host, InstanceId("yoga", 3, 10), new SessionChanges { Details = new SessionDetailsChanges { Title = "x" } }, expectedRevision: 0).AsTask(),
            SchedulingErrorCode.Conflict);
        (await Service.UpdateSessionAsync(Host, InstanceId("yoga", 3, 10), new SessionChanges { Details = new SessionDetailsChanges { Title = "x" } }, expectedRevision: 1)).Participants.Should().ContainSingle();
    }

    [Fact]
    public async Task Capacity_set_on_an_instance_wins_over_the_series_capacity()
    {
        await CreateAsync(WeeklyYoga() with { Details = WeeklyYoga().Details with { Capacity = 10 } });
        await Service.UpdateSessionAsync(Host, InstanceId("yoga", 3, 10), new SessionChanges { Details = new SessionDetailsChanges { Capacity = 1 } }, 0);
        await Service.AddParticipantAsync(Host, InstanceId("yoga", 3, 10), new Participant("p1"));

        await FailsAsync(() => Service.AddParticipantAsync(Host, InstanceId("yoga", 3, 10), new Participant("p2")).AsTask(), SchedulingErrorCode.Conflict, "capacity");
    }

    [Fact]
    public async Task Booking_a_cancelled_instance_is_a_conflict()
    {
        await CreateAsync(WeeklyYoga());
        await Service.CancelSessionAsync(Host, InstanceId("yoga", 3, 10), 0);

        await FailsAsync(() => Service.AddParticipantAsync(Host, InstanceId("yoga", 3, 10), new Participant("p1")).AsTask(), SchedulingErrorCode.Conflict, "status");

        (await GetAsync(InstanceId("yoga", 3, 10))).Participants.Should().BeEmpty();
    }

    [Fact]
    public async Task Booking_an_instance_of_a_cancelled_series_is_a_conflict()
    {
        var series = await CreateAsync(WeeklyYoga());
        Clock.Now = Time.Utc(2025, 3, 12);
        await Service.CancelRecurringSessionAsync(Host, "yoga", series.Revision);

        await FailsAsync(() => Service.AddParticipantAsync(Host, InstanceId("yoga", 3, 17), new Participant("p1")).AsTask(), SchedulingErrorCode.Conflict, "status");
    }

    [Fact]
    public async Task Booking_a_cancelled_session_is_a_conflict()
    {
        await CreateAsync(OneHour("s1", Time.Utc(2025, 3, 3, 10)));
        await Service.CancelSessionAsync(Host, "s1", 1);

        await FailsAsync(() => Service.AddParticipantAsync(Host, "s1", new Participant("p1")).AsTask(), SchedulingErrorCode.Conflict, "status");
    }

    [Fact]
    public async Task Booking_an_unknown_session_or_instance_is_not_found()
    {
        await CreateAsync(WeeklyYoga());

        await FailsAsync(() => Service.AddParticipantAsync(Host, "nope", new Participant("p1")).AsTask(), SchedulingErrorCode.NotFound);
        await FailsAsync(() => Service.AddParticipantAsync(Host, InstanceId("yoga", 3, 11), new Participant("p1")).AsTask(), SchedulingErrorCode.NotFound);
    }

    /// <summary>Books each participant from its own task, all at once; null for a booking that succeeded.</summary>
    private async Task<SchedulingException?[]> BookConcurrentlyAsync(string sessionId, params string[] participantIds)
    {
        using var start = new ManualResetEventSlim(false);
        var bookings = participantIds.Select(id => Task.Run<SchedulingException?>(async () =>
        {
            start.Wait();
            try
            {
                await Service.AddParticipantAsync(Host, sessionId, new Participant(id));
                return null;
            }
            catch (SchedulingException exception)
            {
                return exception;
            }
        })).ToList();
        start.Set();
        return await Task.WhenAll(bookings);
    }
}
