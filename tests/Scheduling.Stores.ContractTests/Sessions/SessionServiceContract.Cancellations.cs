using Scheduling.Security;
using Scheduling.Sessions;

namespace Scheduling.Stores.ContractTests.Sessions;

/// <summary>Cancelling a booking (<see cref="SessionService.RemoveParticipantAsync"/>): the seat is free again, atomically.</summary>
public abstract partial class SessionServiceContract
{
    [Fact]
    public async Task Removed_participant_is_off_the_session_and_its_seat_is_free()
    {
        await CreateAsync(OneHour("s1", Time.Utc(2025, 3, 3, 10)) with { Details = new SessionDetails { Capacity = 1 } });
        await Service.AddParticipantAsync(Host, "s1", new Participant("p1"));
        Clock.Now = Time.Utc(2025, 2, 1);

        var removed = await Service.RemoveParticipantAsync(Host, "s1", "p1");

        removed.Participants.Should().BeEmpty();
        removed.Revision.Should().Be(3);
        removed.UpdatedAt.Should().Be(Time.Utc(2025, 2, 1));
        (await Service.AddParticipantAsync(Host, "s1", new Participant("p2"))).Participants.Select(p => p.Id).Should().Equal("p2");
    }

    [Fact]
    public async Task Removed_participant_is_off_the_instance_which_keeps_its_other_edits()
    {
        await CreateAsync(WeeklyYoga() with { Details = WeeklyYoga().Details with { Capacity = 1 } });
        var instance = InstanceId("yoga", 3, 10);
        await Service.UpdateSessionAsync(Host, instance, new SessionChanges { Details = new SessionDetailsChanges { Title = "Special", Location = "Hall" } }, 0);
        await Service.AddParticipantAsync(Host, instance, new Participant("p1"));

        var removed = await Service.RemoveParticipantAsync(Host, instance, "p1");

        removed.Participants.Should().BeEmpty();
        removed.Details.Title.Should().Be("Special");
        removed.Details.Location.Should().Be("Hall");
        removed.Revision.Should().Be(3);
        var found = await GetAsync(instance);
        found.Should().BeEquivalentTo(removed);
        (await Service.AddParticipantAsync(Host, instance, new Participant("p2"))).Participants.Select(p => p.Id).Should().Equal("p2");
    }

    [Fact]
    public async Task Removing_someone_not_booked_changes_nothing_and_returns_the_session()
    {
        await CreateAsync(OneHour("s1", Time.Utc(2025, 3, 3, 10)) with { Participants = [new Participant("p1")] });
        await CreateAsync(WeeklyYoga());

        var single = await Service.RemoveParticipantAsync(Host, "s1", "p2");
        var instance = await Service.RemoveParticipantAsync(Host, InstanceId("yoga", 3, 10), "p2");

        single.Should().BeEquivalentTo(await GetAsync("s1"));
        single.Revision.Should().Be(1);
        instance.Should().BeEquivalentTo(await GetAsync(InstanceId("yoga", 3, 10)));
        instance.Revision.Should().Be(0);
        instance.IsOverridden.Should().BeFalse();
    }

    [Fact]
    public async Task Removing_a_participant_twice_succeeds_both_times()
    {
        await CreateAsync(WeeklyYoga());
        await Service.AddParticipantAsync(Host, InstanceId("yoga", 3, 10), new Participant("p1"));

        await Service.RemoveParticipantAsync(Host, InstanceId("yoga", 3, 10), "p1");
        var again = await Service.RemoveParticipantAsync(Host, InstanceId("yoga", 3, 10), "p1");

        again.Participants.Should().BeEmpty();
        again.Revision.Should().Be(2);
    }

    [Fact]
    public async Task Removing_from_a_cancelled_session_or_instance_is_a_conflict_and_keeps_the_booking()
    {
        await CreateAsync(OneHour("s1", Time.Utc(2025, 3, 3, 10)) with { Participants = [new Participant("p1")] });
        await CreateAsync(WeeklyYoga());
        await Service.AddParticipantAsync(Host, InstanceId("yoga", 3, 10), new Participant("p1"));
        await Service.CancelSessionAsync(Host, "s1", 1);
        await Service.CancelSessionAsync(Host, InstanceId("yoga", 3, 10), 1);

        await FailsAsync(() => Service.RemoveParticipantAsync(Host, "s1", "p1").AsTask(), SchedulingErrorCode.Conflict, "status");
        await FailsAsync(() => Service.RemoveParticipantAsync(Host, InstanceId("yoga", 3, 10), "p1").AsTask(), SchedulingErrorCode.Conflict, "status");

        (await GetAsync("s1")).Participants.Select(p => p.Id).Should().Equal("p1");
        (await GetAsync(InstanceId("yoga", 3, 10))).Participants.Select(p => p.Id).Should().Equal("p1");
    }

    [Fact]
    public async Task Removing_from_a_session_marked_completed_is_a_conflict()
    {
        await CreateAsync(OneHour("s1", Time.Utc(2025, 3, 3, 10)) with { Participants = [new Participant("p1")] });
        Clock.Now = Time.Utc(2025, 3, 3, 12);
        await Service.ChangeLifecycleStatusAsync(Host, "s1", LifecycleStatus.Completed, 1);

        await FailsAsync(() => Service.RemoveParticipantAsync(Host, "s1", "p1").AsTask(), SchedulingErrorCode.Conflict, "status");

        (await GetAsync("s1")).Participants.Select(p => p.Id).Should().Equal("p1");
    }

    [Fact]
    public async Task Removing_the_client_of_a_single_session_is_a_conflict()
    {
        await CreateAsync(OneHour("s1", Time.Utc(2025, 3, 3, 10)) with { Details = new SessionDetails { ClientId = "client-1" } });

        await FailsAsync(() => Service.RemoveParticipantAsync(Host, "s1", "client-1").AsTask(), SchedulingErrorCode.Conflict, "participantId");

        (await GetAsync("s1")).Participants.Select(p => p.Id).Should().Equal("client-1");
    }

    [Fact]
    public async Task Removing_from_an_unknown_session_instance_or_tenant_is_not_found()
    {
        await CreateAsync(OneHour("s1", Time.Utc(2025, 3, 3, 10)) with { Participants = [new Participant("p1")] });
        await CreateAsync(WeeklyYoga());

        await FailsAsync(() => Service.RemoveParticipantAsync(Host, "nope", "p1").AsTask(), SchedulingErrorCode.NotFound);
        await FailsAsync(() => Service.RemoveParticipantAsync(Host, InstanceId("yoga", 3, 11), "p1").AsTask(), SchedulingErrorCode.NotFound);
        await FailsAsync(() => Service.RemoveParticipantAsync(OtherHost, "s1", "p1").AsTask(), SchedulingErrorCode.NotFound);

        (await GetAsync("s1")).Participants.Select(p => p.Id).Should().Equal("p1");
    }

    [Fact]
    public async Task Removing_needs_the_permission_to_manage_sessions_and_a_participant_id()
    {
        await CreateAsync(OneHour("s1", Time.Utc(2025, 3, 3, 10)) with { Participants = [new Participant("p1")] });
        var viewer = CallerContext.Staff(Tenant, "staff-1", Permissions.SessionsView);

        await FailsAsync(() => Service.RemoveParticipantAsync(viewer, "s1", "p1").AsTask(), SchedulingErrorCode.PermissionDenied);
        await FailsAsync(() => Service.RemoveParticipantAsync(Host, "s1", " ").AsTask(), SchedulingErrorCode.InvalidArgument, "participantId");

        (await GetAsync("s1")).Participants.Select(p => p.Id).Should().Equal("p1");
    }

    [Fact]
    public async Task Concurrent_removals_and_bookings_of_an_instance_never_overfill_it()
    {
        await CreateAsync(WeeklyYoga() with { Details = WeeklyYoga().Details with { Capacity = 2 } });
        var instance = InstanceId("yoga", 3, 10);
        await Service.AddParticipantAsync(Host, instance, new Participant("old1"));
        await Service.AddParticipantAsync(Host, instance, new Participant("old2"));

        using var start = new ManualResetEventSlim(false);
        var removals = new[] { "old1", "old2" }.Select(id => Task.Run(async () =>
        {
            start.Wait();
            await Service.RemoveParticipantAsync(Host, instance, id);
        })).ToList();
        var bookings = Enumerable.Range(0, 6).Select(i => Task.Run(async () =>
        {
            start.Wait();
            try
            {
                await Service.AddParticipantAsync(Host, instance, new Participant($"new{i}"));
                return true;
            }
            catch (SchedulingException exception) when (exception.Code == SchedulingErrorCode.Conflict)
            {
                return false;
            }
        })).ToList();
        start.Set();
        await Task.WhenAll(removals);
        var booked = await Task.WhenAll(bookings);

        var found = await GetAsync(instance);
        found.Participants.Select(p => p.Id).Should().BeEquivalentTo(Enumerable.Range(0, 6).Where(i => booked[i]).Select(i => $"new{i}"));
        found.Participants.Should().HaveCountLessThanOrEqualTo(2);
    }
}
