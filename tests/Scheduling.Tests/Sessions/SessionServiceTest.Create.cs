using Scheduling.Sessions;
using Scheduling.Stores.ContractTests;

namespace Scheduling.Tests.Sessions;

/// <summary>Validation of what a caller asks to create, and the list-by-ids limit.</summary>
public sealed partial class SessionServiceTest
{
    [Fact]
    public async Task Session_that_ends_before_it_starts_is_invalid_and_not_created()
    {
        var request = OneHour("s1", Time.Utc(2025, 3, 3, 10)) with { End = Time.At(Time.Utc(2025, 3, 3, 9, 59)) };

        await FailsAsync(() => CreateAsync(request), SchedulingErrorCode.InvalidArgument, "end");

        await FailsAsync(() => GetAsync("s1"), SchedulingErrorCode.NotFound);
    }

    [Fact]
    public async Task Session_that_ends_as_it_starts_is_allowed()
    {
        var created = await CreateAsync(OneHour("s1", Time.Utc(2025, 3, 3, 10)) with { End = Time.At(Time.Utc(2025, 3, 3, 10)) });

        created.End.Should().Be(created.Start);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public async Task Session_without_a_schedule_is_invalid(string scheduleId)
    {
        await FailsAsync(() => CreateAsync(OneHour("s1", Time.Utc(2025, 3, 3, 10)) with { ScheduleId = scheduleId }), SchedulingErrorCode.InvalidArgument, "scheduleId");
    }

    [Fact]
    public async Task Session_without_a_schedule_owner_is_invalid()
    {
        await FailsAsync(() => CreateAsync(OneHour("s1", Time.Utc(2025, 3, 3, 10)) with { ScheduleOwnerId = "" }), SchedulingErrorCode.InvalidArgument, "scheduleOwnerId");
    }

    [Fact]
    public async Task Session_with_a_negative_capacity_is_invalid()
    {
        await FailsAsync(() => CreateAsync(OneHour("s1", Time.Utc(2025, 3, 3, 10)) with { Details = new SessionDetails { Capacity = -1 } }), SchedulingErrorCode.InvalidArgument, "capacity");
    }

    [Fact]
    public async Task Session_with_more_participants_than_seats_is_invalid()
    {
        var request = OneHour("s1", Time.Utc(2025, 3, 3, 10)) with { Details = new SessionDetails { Capacity = 1 }, Participants = [new Participant("p1"), new Participant("p2")] };

        await FailsAsync(() => CreateAsync(request), SchedulingErrorCode.InvalidArgument, "participants");
    }

    [Fact]
    public async Task Session_with_the_same_participant_twice_is_invalid()
    {
        var request = OneHour("s1", Time.Utc(2025, 3, 3, 10)) with { Participants = [new Participant("p1"), new Participant("p1", "Ada")] };

        await FailsAsync(() => CreateAsync(request), SchedulingErrorCode.InvalidArgument, "participants");
    }

    [Fact]
    public async Task Session_with_a_blank_tag_is_invalid()
    {
        await FailsAsync(() => CreateAsync(OneHour("s1", Time.Utc(2025, 3, 3, 10)) with { Details = new SessionDetails { Tags = ["yoga", " "] } }), SchedulingErrorCode.InvalidArgument, "tags");
    }

    [Fact]
    public async Task Series_with_a_negative_duration_is_invalid()
    {
        await FailsAsync(() => CreateAsync(WeeklyYoga() with { Duration = Duration.FromMinutes(-1) }), SchedulingErrorCode.InvalidArgument, "duration");
    }

    [Fact]
    public async Task Series_that_starts_at_a_fraction_of_a_second_is_invalid()
    {
        await FailsAsync(() => CreateAsync(WeeklyYoga() with { Start = Time.Local(2025, 3, 3, 18, 30).PlusMilliseconds(500) }), SchedulingErrorCode.InvalidArgument, "start");

        await FailsAsync(() => Service.GetRecurringSessionAsync(Host, "yoga").AsTask(), SchedulingErrorCode.NotFound);
    }

    [Fact]
    public async Task Series_edit_with_a_negative_duration_is_invalid_and_changes_nothing()
    {
        await CreateAsync(WeeklyYoga());

        await FailsAsync(
            () => Service.UpdateRecurringSessionAsync(Host, "yoga", new RecurringSessionChanges { Duration = Duration.FromHours(-1) }, 1).AsTask(),
            SchedulingErrorCode.InvalidArgument,
            "duration");

        (await Service.GetRecurringSessionAsync(Host, "yoga")).Revision.Should().Be(1);
    }

    [Fact]
    public async Task Listing_more_than_100_ids_exceeds_the_limit()
    {
        var ids = Enumerable.Range(0, 101).Select(i => $"s{i}").ToList();

        await FailsAsync(() => Service.ListSessionsAsync(Host, ids).AsTask(), SchedulingErrorCode.LimitExceeded, "ids");
    }

    [Fact]
    public async Task Listing_100_ids_is_allowed()
    {
        await CreateAsync(OneHour("s7", Time.Utc(2025, 3, 3, 10)));

        var listed = await Service.ListSessionsAsync(Host, [.. Enumerable.Range(0, 100).Select(i => $"s{i}")]);

        listed.Select(s => s.Id).Should().Equal("s7");
    }

    [Fact]
    public async Task List_limit_is_configurable()
    {
        var service = ServiceWith(new SchedulingOptions { MaxIdsPerList = 2 });

        await FailsAsync(() => service.ListSessionsAsync(Host, ["a", "b", "c"]).AsTask(), SchedulingErrorCode.LimitExceeded, "ids");
    }
}
