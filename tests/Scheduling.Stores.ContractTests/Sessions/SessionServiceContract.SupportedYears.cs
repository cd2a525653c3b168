using Scheduling.Recurrence;
using Scheduling.Sessions;

namespace Scheduling.Stores.ContractTests.Sessions;

/// <summary>
/// The edges of <see cref="SupportedRange"/> (0001-01-02 to 9999-12-31, end exclusive): starts, ends, durations,
/// windows and splits at or beyond them are <see cref="SchedulingErrorCode.InvalidArgument"/> naming the field, never
/// an overflow; what lies inside works up to the edge; and the rules a split writes read back.
/// </summary>
public abstract partial class SessionServiceContract
{
    private static readonly DateTimeZone Utc = DateTimeZoneProviders.Tzdb["UTC"];

    [Fact]
    public async Task A_session_starting_before_the_supported_years_is_invalid_on_start()
    {
        var start = Time.Utc(1, 1, 1, 12);

        await FailsAsync(() => CreateAsync(OneHour("s1", start)), SchedulingErrorCode.InvalidArgument, "start");
    }

    [Fact]
    public async Task A_session_ending_after_the_supported_years_is_invalid_on_end()
    {
        var request = OneHour("s1", Time.Utc(9999, 12, 30, 12)) with { End = CalendarDateTime.AtInstant(Time.Utc(9999, 12, 31, 12)) };

        await FailsAsync(() => CreateAsync(request), SchedulingErrorCode.InvalidArgument, "end");
    }

    [Fact]
    public async Task A_session_may_end_exactly_where_the_supported_years_end_and_is_found_there()
    {
        await CreateAsync(OneHour("last", SupportedRange.End - Duration.FromHours(1)));

        var found = await QueryAllAsync(Time.Utc(9999, 12, 30), SupportedRange.End);

        found.Single().End.Timestamp.Should().Be(SupportedRange.End);
    }

    [Fact]
    public async Task Moving_a_session_past_the_supported_years_is_invalid_on_end_and_changes_nothing()
    {
        var session = await CreateAsync(OneHour("s1", Time.Utc(2025, 3, 3, 10)));

        await FailsAsync(
            () => Service.UpdateSessionAsync(Host, "s1", new SessionChanges { End = CalendarDateTime.AtInstant(Time.Utc(9999, 12, 31, 1)) }, session.Revision).AsTask(),
            SchedulingErrorCode.InvalidArgument,
            "end");

        (await GetAsync("s1")).Revision.Should().Be(session.Revision);
    }

    [Theory]
    [InlineData(9999, 12, 31)]
    [InlineData(1, 1, 1)]
    public async Task A_series_starting_outside_the_supported_years_is_invalid_on_start(int year, int month, int day)
    {
        var request = WeeklyYoga() with { Start = new LocalDateTime(year, month, day, 12, 0), Zone = Utc };

        await FailsAsync(() => CreateAsync(request), SchedulingErrorCode.InvalidArgument, "start");
    }

    [Fact]
    public async Task A_series_lasting_longer_than_the_supported_years_is_invalid_on_duration()
    {
        var request = WeeklyYoga() with { Duration = Duration.FromDays(4_000_000) };

        await FailsAsync(() => CreateAsync(request), SchedulingErrorCode.InvalidArgument, "duration");
    }

    [Fact]
    public async Task Moving_a_series_outside_the_supported_years_is_invalid_on_start()
    {
        var series = await CreateAsync(WeeklyYoga());

        await FailsAsync(
            () => Service.UpdateRecurringSessionAsync(Host, "yoga", new RecurringSessionChanges { Start = new LocalDateTime(9999, 12, 31, 18, 30) }, series.Revision).AsTask(),
            SchedulingErrorCode.InvalidArgument,
            "start");
    }

    [Fact]
    public async Task Instances_at_the_end_of_the_supported_years_end_with_it_instead_of_overflowing()
    {
        await CreateAsync(WeeklyYoga("late", "FREQ=DAILY") with { Start = new LocalDateTime(9999, 12, 25, 12, 0), Zone = Utc, Duration = Duration.FromDays(3) });

        var found = await QueryAllAsync(Time.Utc(9999, 12, 29), SupportedRange.End);

        found.Select(s => s.Start.Timestamp).Should().Equal(
            Time.Utc(9999, 12, 26, 12), Time.Utc(9999, 12, 27, 12), Time.Utc(9999, 12, 28, 12), Time.Utc(9999, 12, 29, 12), Time.Utc(9999, 12, 30, 12));
        found.Select(s => s.End.Timestamp).Should().Equal(
            Time.Utc(9999, 12, 29, 12), Time.Utc(9999, 12, 30, 12), SupportedRange.End, SupportedRange.End, SupportedRange.End);
        (await GetAsync(SessionInstanceId.Format("late", new LocalDateTime(9999, 12, 30, 12, 0)))).End.Timestamp.Should().Be(SupportedRange.End);
    }

    [Fact]
    public async Task Moving_an_instance_outside_the_supported_years_is_invalid_on_its_field()
    {
        await CreateAsync(WeeklyYoga());

        await FailsAsync(
            () => Service.UpdateSessionAsync(Host, InstanceId("yoga", 3, 10), new SessionChanges { Start = CalendarDateTime.AtInstant(Time.Utc(1, 1, 1, 12)) }, 0).AsTask(),
            SchedulingErrorCode.InvalidArgument,
            "start");
        await FailsAsync(
            () => Service.UpdateSessionAsync(Host, InstanceId("yoga", 3, 10), new SessionChanges { End = CalendarDateTime.AtInstant(Time.Utc(9999, 12, 31, 1)) }, 0).AsTask(),
            SchedulingErrorCode.InvalidArgument,
            "end");
    }

    [Theory]
    [InlineData("yoga_99991231T230000")]
    [InlineData("yoga_99991230T235959")]
    [InlineData("yoga_00010101T000000")]
    [InlineData("yoga_00000101T000000")]
    public async Task An_instance_id_outside_the_supported_years_names_no_instance(string id)
    {
        await CreateAsync(WeeklyYoga("yoga", "FREQ=DAILY"));

        await FailsAsync(() => GetAsync(id), SchedulingErrorCode.NotFound);
    }

    [Fact]
    public async Task A_window_reaching_past_the_end_of_the_supported_years_is_invalid_on_to()
    {
        await FailsAsync(() => QueryAsync(Time.Utc(9999, 12, 30), Time.Utc(9999, 12, 31, 23, 59)), SchedulingErrorCode.InvalidArgument, "to");
    }

    [Fact]
    public async Task A_window_starting_before_the_supported_years_is_invalid_on_from()
    {
        await FailsAsync(() => QueryAsync(Time.Utc(1, 1, 1), Time.Utc(1, 1, 10)), SchedulingErrorCode.InvalidArgument, "from");
    }

    [Fact]
    public async Task This_and_following_at_the_first_instance_of_the_supported_years_changes_the_whole_series_and_writes_no_end()
    {
        var series = await CreateAsync(WeeklyYoga("dawn", "FREQ=DAILY;COUNT=3") with { Start = SupportedRange.LocalStart, Zone = Utc });

        var edited = await Service.UpdateFollowingAsync(Host, SessionInstanceId.Format("dawn", SupportedRange.LocalStart), new RecurringSessionChanges { Details = new SessionDetailsChanges { Title = "First light" } }, series.Revision);

        edited.Id.Should().Be("dawn");
        edited.Revision.Should().Be(2);
        edited.Rule.Should().Be(RecurrenceRule.Parse("FREQ=DAILY;COUNT=3"));
        (await QueryAllAsync(SupportedRange.Start, Time.Utc(1, 1, 10))).Select(s => s.Details.Title).Should().Equal("First light", "First light", "First light");
    }

    [Fact]
    public async Task This_and_following_at_the_first_instance_of_an_open_series_of_the_supported_years_writes_no_until_before_them()
    {
        // An open rule ends by UNTIL when it is split; at the first instance there is nothing before the split to end.
        var series = await CreateAsync(WeeklyYoga("dawn", "FREQ=DAILY") with { Start = SupportedRange.LocalStart, Zone = Utc });

        var edited = await Service.UpdateFollowingAsync(Host, SessionInstanceId.Format("dawn", SupportedRange.LocalStart), new RecurringSessionChanges { Details = new SessionDetailsChanges { Title = "First light" } }, series.Revision);

        edited.Id.Should().Be("dawn");
        edited.Rule.Should().Be(RecurrenceRule.Parse("FREQ=DAILY"));
        (await Service.GetRecurringSessionAsync(Host, "dawn")).Rule.Until.Should().BeNull();
        (await QueryAllAsync(SupportedRange.Start, Time.Utc(1, 1, 5))).Select(s => s.Details.Title).Should().Equal("First light", "First light", "First light");
    }

    [Fact]
    public async Task This_and_following_at_the_second_instance_of_the_supported_years_ends_the_old_series_inside_them()
    {
        var series = await CreateAsync(WeeklyYoga("dawn", "FREQ=DAILY") with { Start = SupportedRange.LocalStart, Zone = Utc });
        var second = SupportedRange.LocalStart.PlusDays(1);

        var following = await Service.UpdateFollowingAsync(Host, SessionInstanceId.Format("dawn", second), new RecurringSessionChanges { Details = new SessionDetailsChanges { Title = "Later" } }, series.Revision);

        var ended = await Service.GetRecurringSessionAsync(Host, "dawn");
        ended.Rule.Until!.Value.Instant.Should().Be(SupportedRange.Start + Duration.FromDays(1) - Duration.FromSeconds(1));
        RecurrenceRule.Parse(ended.Rule.ToString()).Should().Be(ended.Rule);
        following.Start.Should().Be(second);
        (await QueryAllAsync(SupportedRange.Start, Time.Utc(1, 1, 5))).Select(s => s.Details.Title).Should().Equal("Yoga", "Later", "Later");
    }

    [Fact]
    public async Task This_and_following_near_the_end_of_the_supported_years_writes_rules_that_read_back()
    {
        var series = await CreateAsync(WeeklyYoga("dusk", "FREQ=DAILY;COUNT=5") with { Start = new LocalDateTime(9999, 12, 26, 12, 0), Zone = Utc });
        var fourth = new LocalDateTime(9999, 12, 29, 12, 0);

        var following = await Service.UpdateFollowingAsync(Host, SessionInstanceId.Format("dusk", fourth), new RecurringSessionChanges { Details = new SessionDetailsChanges { Title = "Last" } }, series.Revision);

        var ended = await Service.GetRecurringSessionAsync(Host, "dusk");
        ended.Rule.Count.Should().Be(3);
        following.Rule.Count.Should().Be(2);
        RecurrenceRule.Parse(following.Rule.ToString()).Should().Be(following.Rule);
        (await QueryAllAsync(Time.Utc(9999, 12, 26), SupportedRange.End)).Select(s => s.Details.Title).Should().Equal("Yoga", "Yoga", "Yoga", "Last", "Last");
    }

    [Fact]
    public async Task This_and_following_moved_outside_the_supported_years_is_invalid_on_start_and_splits_nothing()
    {
        var series = await CreateAsync(WeeklyYoga());

        await FailsAsync(
            () => Service.UpdateFollowingAsync(Host, InstanceId("yoga", 3, 17), new RecurringSessionChanges { Start = new LocalDateTime(9999, 12, 31, 18, 30) }, series.Revision).AsTask(),
            SchedulingErrorCode.InvalidArgument,
            "start");

        (await Service.GetRecurringSessionAsync(Host, "yoga")).Revision.Should().Be(series.Revision);
    }
}
