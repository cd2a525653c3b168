using System.Collections.Immutable;
using Scheduling.Recurrence;
using Scheduling.Sessions;
using Scheduling.Stores;
using Scheduling.Stores.ContractTests;
using Scheduling.Stores.InMemory;
using Scheduling.Tests.Stores;

namespace Scheduling.Tests.Sessions;

/// <summary>
/// Instances: on the nights the clocks change (RFC 5545 section 3.3.5), the same validation as single sessions, and
/// "this and following" racing other writes to the series.
/// </summary>
public sealed partial class SessionServiceTest
{
    [Fact]
    public async Task Instance_with_a_negative_capacity_is_invalid_and_changes_nothing()
    {
        await CreateAsync(WeeklyYoga());

        await FailsAsync(
            () => Service.UpdateSessionAsync(Host, InstanceId("yoga", 3, 10), new SessionChanges { Details = new SessionDetailsChanges { Capacity = -1 } }, 0).AsTask(),
            SchedulingErrorCode.InvalidArgument,
            "capacity");

        (await GetAsync(InstanceId("yoga", 3, 10))).Details.Capacity.Should().Be(10);
    }

    [Fact]
    public async Task Instance_with_a_blank_tag_is_invalid_and_changes_nothing()
    {
        await CreateAsync(WeeklyYoga());

        await FailsAsync(
            () => Service.UpdateSessionAsync(Host, InstanceId("yoga", 3, 10), new SessionChanges { Details = new SessionDetailsChanges { Tags = ImmutableArray.Create("yoga", "") } }, 0).AsTask(),
            SchedulingErrorCode.InvalidArgument,
            "tags");

        (await GetAsync(InstanceId("yoga", 3, 10))).Details.Tags.Should().Equal("yoga");
    }

    [Fact]
    public async Task Session_capacity_below_its_participants_is_invalid()
    {
        await CreateAsync(OneHour("s1", Time.Utc(2025, 3, 3, 10)) with { Participants = [new Participant("p1"), new Participant("p2")] });

        await FailsAsync(() => Service.UpdateSessionAsync(Host, "s1", new SessionChanges { Details = new SessionDetailsChanges { Capacity = 1 } }, 1).AsTask(), SchedulingErrorCode.InvalidArgument, "participants");
    }

    [Fact]
    public async Task Instance_capacity_below_its_participants_is_invalid_like_a_session_s()
    {
        await CreateAsync(WeeklyYoga());
        await Service.AddParticipantAsync(Host, InstanceId("yoga", 3, 10), new Participant("p1"));
        await Service.AddParticipantAsync(Host, InstanceId("yoga", 3, 10), new Participant("p2"));

        await FailsAsync(
            () => Service.UpdateSessionAsync(Host, InstanceId("yoga", 3, 10), new SessionChanges { Details = new SessionDetailsChanges { Capacity = 1 } }, 2).AsTask(),
            SchedulingErrorCode.InvalidArgument,
            "participants");
    }

    [Fact]
    public async Task Single_session_cannot_take_the_id_of_an_instance()
    {
        await CreateAsync(WeeklyYoga());
        var create = () => CreateAsync(OneHour(InstanceId("yoga", 3, 10), Time.Utc(2025, 3, 10, 12)));

        var error = (await create.Should().ThrowAsync<SchedulingException>()).Which;

        error.Code.Should().BeOneOf(SchedulingErrorCode.InvalidArgument, SchedulingErrorCode.Conflict);
        (await GetAsync(InstanceId("yoga", 3, 10))).RecurringSessionId.Should().Be("yoga");
        (await MarchIdsAsync()).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public async Task This_and_following_never_loses_a_booking_made_on_a_later_instance_while_it_runs()
    {
        var recurringSessions = new InMemoryRecurringSessionStore();
        var service = new SessionService(new InMemorySessionStore(), new InterposingRecurringSessionStore(recurringSessions)
        {
            // Another call books the 24th after the split read the series and before it writes.
            BeforeSplit = () => BookTheTwentyFourthAsync(recurringSessions),
        }, Clock);
        await service.CreateRecurringSessionAsync(Host, WeeklyYoga());

        await SplitAllowingAConflictAsync(service);

        var instance = (await service.QuerySessionsAsync(Host, new SessionQuery { From = Time.Utc(2025, 3, 24), To = Time.Utc(2025, 3, 25) })).Items.Single();
        instance.Participants.Select(p => p.Id).Should().Equal(["p1"], "a booking that succeeded must not vanish");
    }

    [Fact]
    public async Task This_and_following_never_loses_a_booking_made_on_a_later_edited_instance_while_it_runs()
    {
        var recurringSessions = new InMemoryRecurringSessionStore();
        var service = new SessionService(new InMemorySessionStore(), new InterposingRecurringSessionStore(recurringSessions)
        {
            BeforeSplit = () => BookTheTwentyFourthAsync(recurringSessions),
        }, Clock);
        await service.CreateRecurringSessionAsync(Host, WeeklyYoga());
        await service.UpdateSessionAsync(Host, InstanceId("yoga", 3, 24), new SessionChanges { Details = new SessionDetailsChanges { Title = "Special" } }, 0);

        await SplitAllowingAConflictAsync(service);

        var instance = (await service.QuerySessionsAsync(Host, new SessionQuery { From = Time.Utc(2025, 3, 24), To = Time.Utc(2025, 3, 25) })).Items.Single();
        instance.Details.Title.Should().Be("Special");
        instance.Participants.Select(p => p.Id).Should().Equal(["p1"], "a booking that succeeded must not vanish");
    }

    [Fact]
    public async Task Weekly_class_at_02_30_on_the_night_clocks_go_forward_starts_after_the_gap_and_keeps_its_id()
    {
        // 2025-03-09 02:30 does not exist in New York: the time takes the offset before the gap (EST), so it starts at 03:30 EDT.
        await CreateAsync(WeeklyYoga("night") with { Start = Time.Local(2025, 3, 2, 2, 30), Rule = RecurrenceRule.Parse("FREQ=WEEKLY;COUNT=3") });

        var instances = await QueryAllAsync(MarchStart, MarchEnd);

        instances.Select(i => i.Id).Should().Equal(InstanceId("night", 3, 2, 2, 30), InstanceId("night", 3, 9, 2, 30), InstanceId("night", 3, 16, 2, 30));
        instances.Select(i => i.Start.Timestamp).Should().Equal(Time.Utc(2025, 3, 2, 7, 30), Time.Utc(2025, 3, 9, 7, 30), Time.Utc(2025, 3, 16, 6, 30));
        instances[1].Start.LocalDateTime.Should().Be(Time.Local(2025, 3, 9, 3, 30));
        instances[1].OriginalStart.Should().Be(Time.Local(2025, 3, 9, 2, 30));
        (await GetAsync(InstanceId("night", 3, 9, 2, 30))).Start.Timestamp.Should().Be(Time.Utc(2025, 3, 9, 7, 30));
    }

    [Fact]
    public async Task Weekly_class_at_01_30_on_the_night_clocks_go_back_takes_the_first_01_30()
    {
        await CreateAsync(WeeklyYoga("night") with { Start = Time.Local(2025, 10, 26, 1, 30), Rule = RecurrenceRule.Parse("FREQ=WEEKLY;COUNT=2") });

        var instances = await QueryAllAsync(Time.Utc(2025, 10, 20), Time.Utc(2025, 11, 10));

        instances.Select(i => i.Start.Timestamp).Should().Equal(Time.Utc(2025, 10, 26, 5, 30), Time.Utc(2025, 11, 2, 5, 30));
        instances.Select(i => i.Start.LocalDateTime).Should().Equal(Time.Local(2025, 10, 26, 1, 30), Time.Local(2025, 11, 2, 1, 30));
    }

    [Fact]
    public async Task Instance_lasts_its_elapsed_duration_across_the_change()
    {
        // An hour that starts at 01:30 on the night clocks go forward ends at 03:30 on the wall clock.
        await CreateAsync(WeeklyYoga("night") with { Start = Time.Local(2025, 3, 2, 1, 30), Rule = RecurrenceRule.Parse("FREQ=WEEKLY;COUNT=2") });

        var second = await GetAsync(InstanceId("night", 3, 9, 1, 30));

        second.End.LocalDateTime.Should().Be(Time.Local(2025, 3, 9, 3, 30));
        (second.End.Timestamp - second.Start.Timestamp).Should().Be(Duration.FromHours(1));
    }

    /// <summary>"This and following" from the 17th; a conflict (nothing changed) is an acceptable answer to the race.</summary>
    private static async Task SplitAllowingAConflictAsync(SessionService service)
    {
        try
        {
            await service.UpdateFollowingAsync(Host, InstanceId("yoga", 3, 17), new RecurringSessionChanges { Details = new SessionDetailsChanges { Location = "Hall" } }, 1);
        }
        catch (SchedulingException exception) when (exception.Code == SchedulingErrorCode.Conflict)
        {
        }
    }

    private async Task BookTheTwentyFourthAsync(IRecurringSessionStore store) =>
        (await store.BookAsync(Tenant, "yoga", Time.Local(2025, 3, 24, 18, 30), new Participant("p1"), Clock.Now, default)).Should().Be(BookingOutcome.Booked);
}
