using Scheduling.Recurrence;
using Scheduling.Sessions;

namespace Scheduling.Stores.ContractTests.Sessions;

/// <summary>
/// All-day sessions and series: dates in a zone, from the start of a day to the start of the day after the last, so a
/// day across a DST change lasts 23 or 25 hours; stored and read back as all-day by every store.
/// </summary>
public abstract partial class SessionServiceContract
{
    /// <summary>Europe/London: clocks go forward on 2025-03-30 at 01:00 and back on 2025-10-26 at 02:00.</summary>
    private static readonly DateTimeZone London = DateTimeZoneProviders.Tzdb["Europe/London"];

    /// <summary>America/Santiago: clocks go forward at midnight on 2025-09-07, so that day starts at 01:00.</summary>
    private static readonly DateTimeZone Santiago = DateTimeZoneProviders.Tzdb["America/Santiago"];

    private static NewSession Holiday(string id, LocalDate first, LocalDate end, DateTimeZone zone) =>
        NewSession.AllDay("schedule-1", "owner-1", first, end, zone) with { Id = id, Details = NewSession.AllDay("schedule-1", "owner-1", first, end, zone).Details with { Title = "Closed" } };

    private static NewRecurringSession SundayMarket(string id = "market", string rule = "FREQ=WEEKLY", int days = 1) =>
        NewRecurringSession.AllDay("schedule-1", "owner-1", new LocalDate(2025, 3, 23), days, London, RecurrenceRule.Parse(rule)) with { Id = id, Details = NewRecurringSession.AllDay("schedule-1", "owner-1", new LocalDate(2025, 3, 23), days, London, RecurrenceRule.Parse(rule)).Details with { Title = "Market" } };

    [Fact]
    public async Task All_day_session_on_the_spring_change_in_London_lasts_23_hours()
    {
        await CreateAsync(Holiday("closed", new LocalDate(2025, 3, 30), new LocalDate(2025, 3, 31), London));

        var found = await GetAsync("closed");

        found.IsAllDay.Should().BeTrue();
        found.Start.Should().Be(CalendarDateTime.AtLocal(new LocalDateTime(2025, 3, 30, 0, 0), London));
        found.End.Should().Be(CalendarDateTime.AtLocal(new LocalDateTime(2025, 3, 31, 0, 0), London));
        (found.End.Timestamp - found.Start.Timestamp).Should().Be(Duration.FromHours(23));
    }

    [Fact]
    public async Task All_day_session_of_three_days_across_the_autumn_change_lasts_73_hours()
    {
        await CreateAsync(Holiday("closed", new LocalDate(2025, 10, 25), new LocalDate(2025, 10, 28), London));

        var found = (await QueryAllAsync(Time.Utc(2025, 10, 1), Time.Utc(2025, 11, 1))).Single();

        found.IsAllDay.Should().BeTrue();
        (found.End.Timestamp - found.Start.Timestamp).Should().Be(Duration.FromHours(73));
    }

    [Fact]
    public async Task All_day_session_on_a_day_whose_midnight_is_skipped_starts_at_its_first_instant()
    {
        var day = new LocalDate(2025, 9, 7);
        Santiago.AtStartOfDay(day).LocalDateTime.Should().Be(day.At(new LocalTime(1, 0)), "the example needs a midnight in a gap");

        await CreateAsync(Holiday("closed", day, day.PlusDays(1), Santiago));

        var found = await GetAsync("closed");
        found.Start.LocalDateTime.Should().Be(day.At(new LocalTime(1, 0)));
        found.Start.Timestamp.Should().Be(Instant.FromUtc(2025, 9, 7, 4, 0));
        (found.End.Timestamp - found.Start.Timestamp).Should().Be(Duration.FromHours(23));
    }

    [Fact]
    public async Task All_day_session_ending_on_or_before_its_first_day_is_refused()
    {
        await FailsAsync(() => CreateAsync(Holiday("closed", new LocalDate(2025, 3, 30), new LocalDate(2025, 3, 30), London)), SchedulingErrorCode.InvalidArgument, "end");
        await FailsAsync(() => CreateAsync(Holiday("closed", new LocalDate(2025, 3, 30), new LocalDate(2025, 3, 29), London)), SchedulingErrorCode.InvalidArgument, "end");
    }

    [Fact]
    public async Task All_day_session_that_starts_during_a_day_is_refused()
    {
        var request = Holiday("closed", new LocalDate(2025, 3, 30), new LocalDate(2025, 3, 31), London) with
        {
            Start = CalendarDateTime.AtLocal(new LocalDateTime(2025, 3, 30, 9, 0), London),
        };

        await FailsAsync(() => CreateAsync(request), SchedulingErrorCode.InvalidArgument, "start");
        await FailsAsync(() => CreateAsync(request with { Start = Time.At(Time.Utc(2025, 3, 30)) }), SchedulingErrorCode.InvalidArgument, "start");
    }

    [Fact]
    public async Task All_day_session_moved_to_other_dates_stays_all_day()
    {
        var created = await CreateAsync(Holiday("closed", new LocalDate(2025, 3, 3), new LocalDate(2025, 3, 4), London));

        var moved = await Service.UpdateSessionAsync(
            Host,
            "closed",
            new SessionChanges
            {
                Start = CalendarDateTime.AtLocal(new LocalDateTime(2025, 3, 30, 0, 0), London),
                End = CalendarDateTime.AtLocal(new LocalDateTime(2025, 4, 1, 0, 0), London),
            },
            created.Revision);

        moved.IsAllDay.Should().BeTrue();
        (moved.End.Timestamp - moved.Start.Timestamp).Should().Be(Duration.FromHours(47));
        (await GetAsync("closed")).IsAllDay.Should().BeTrue();
    }

    [Fact]
    public async Task Timed_sessions_are_not_all_day()
    {
        await CreateAsync(OneHour("s1", Time.Utc(2025, 3, 3, 10)));

        (await GetAsync("s1")).IsAllDay.Should().BeFalse();
    }

    [Fact]
    public async Task All_day_series_instances_are_whole_days_in_the_zone()
    {
        var series = await CreateAsync(SundayMarket());

        series.IsAllDay.Should().BeTrue();
        (await Service.GetRecurringSessionAsync(Host, "market")).IsAllDay.Should().BeTrue();
        var instances = await QueryAllAsync(Time.Utc(2025, 3, 20), Time.Utc(2025, 4, 10));
        instances.Select(i => i.Id).Should().Equal(
            SessionInstanceId.Format("market", new LocalDateTime(2025, 3, 23, 0, 0)),
            SessionInstanceId.Format("market", new LocalDateTime(2025, 3, 30, 0, 0)),
            SessionInstanceId.Format("market", new LocalDateTime(2025, 4, 6, 0, 0)));
        instances.Should().AllSatisfy(i => i.IsAllDay.Should().BeTrue());
        instances.Select(i => (i.End.Timestamp - i.Start.Timestamp).TotalHours).Should().Equal(24, 23, 24);
        instances.Select(i => i.End.LocalDateTime).Should().Equal(
            new LocalDateTime(2025, 3, 24, 0, 0), new LocalDateTime(2025, 3, 31, 0, 0), new LocalDateTime(2025, 4, 7, 0, 0));
        (await GetAsync(instances[1].Id)).IsAllDay.Should().BeTrue();
    }

    [Fact]
    public async Task All_day_series_of_several_days_ends_at_the_start_of_the_day_after_the_last()
    {
        await CreateAsync(SundayMarket(days: 2));

        var instance = await GetAsync(SessionInstanceId.Format("market", new LocalDateTime(2025, 3, 30, 0, 0)));

        instance.End.LocalDateTime.Should().Be(new LocalDateTime(2025, 4, 1, 0, 0));
        (instance.End.Timestamp - instance.Start.Timestamp).Should().Be(Duration.FromHours(47));
    }

    [Fact]
    public async Task All_day_series_on_a_day_whose_midnight_is_skipped_starts_that_instance_at_its_first_instant()
    {
        await CreateAsync(NewRecurringSession.AllDay("schedule-1", "owner-1", new LocalDate(2025, 8, 31), 1, Santiago, RecurrenceRule.Parse("FREQ=WEEKLY;COUNT=3")) with { Id = "feria" });

        var instances = await QueryAllAsync(Time.Utc(2025, 8, 30), Time.Utc(2025, 9, 30));

        instances.Select(i => i.Start.LocalDateTime).Should().Equal(
            new LocalDateTime(2025, 8, 31, 0, 0), new LocalDateTime(2025, 9, 7, 1, 0), new LocalDateTime(2025, 9, 14, 0, 0));
        instances.Select(i => (i.End.Timestamp - i.Start.Timestamp).TotalHours).Should().Equal(24, 23, 24);
        instances[1].Id.Should().Be(SessionInstanceId.Format("feria", new LocalDateTime(2025, 9, 7, 0, 0)));
    }

    [Fact]
    public async Task All_day_series_with_an_exception_date_skips_that_day()
    {
        await CreateAsync(SundayMarket() with { ExceptionDates = [new LocalDateTime(2025, 3, 30, 0, 0)] });

        (await QueryAllAsync(Time.Utc(2025, 3, 20), Time.Utc(2025, 4, 10))).Select(i => i.Start.LocalDateTime!.Value.Date)
            .Should().Equal(new LocalDate(2025, 3, 23), new LocalDate(2025, 4, 6));
    }

    [Fact]
    public async Task All_day_series_that_is_not_whole_days_is_refused()
    {
        await FailsAsync(() => CreateAsync(SundayMarket() with { Start = new LocalDateTime(2025, 3, 23, 9, 0) }), SchedulingErrorCode.InvalidArgument, "start");
        await FailsAsync(() => CreateAsync(SundayMarket() with { Duration = Duration.FromHours(12) }), SchedulingErrorCode.InvalidArgument, "duration");
        await FailsAsync(() => CreateAsync(SundayMarket(days: 0)), SchedulingErrorCode.InvalidArgument, "duration");
        await FailsAsync(() => CreateAsync(SundayMarket(rule: "FREQ=WEEKLY;BYHOUR=9")), SchedulingErrorCode.InvalidArgument, "rule");
        await FailsAsync(() => CreateAsync(SundayMarket(rule: "FREQ=HOURLY")), SchedulingErrorCode.InvalidArgument, "rule");
        await FailsAsync(() => CreateAsync(SundayMarket() with { ExceptionDates = [new LocalDateTime(2025, 3, 30, 9, 0)] }), SchedulingErrorCode.InvalidArgument, "exceptionDates");
    }

    [Fact]
    public async Task All_day_instance_moved_to_another_day_stays_one_day_long()
    {
        await CreateAsync(SundayMarket());
        var id = SessionInstanceId.Format("market", new LocalDateTime(2025, 3, 23, 0, 0));

        var moved = await Service.UpdateSessionAsync(Host, id, new SessionChanges { Start = CalendarDateTime.AtLocal(new LocalDateTime(2025, 3, 29, 0, 0), London) }, 0);

        moved.Id.Should().Be(id);
        moved.IsAllDay.Should().BeTrue();
        moved.End.LocalDateTime.Should().Be(new LocalDateTime(2025, 3, 30, 0, 0));
        var reread = await GetAsync(id);
        reread.Start.LocalDateTime.Should().Be(new LocalDateTime(2025, 3, 29, 0, 0));
        reread.End.LocalDateTime.Should().Be(new LocalDateTime(2025, 3, 30, 0, 0));
    }

    [Fact]
    public async Task This_and_following_on_an_all_day_series_keeps_both_parts_all_day()
    {
        var series = await CreateAsync(SundayMarket());

        var following = await Service.UpdateFollowingAsync(Host, SessionInstanceId.Format("market", new LocalDateTime(2025, 4, 6, 0, 0)), new RecurringSessionChanges { Details = new SessionDetailsChanges { Title = "Spring market" } }, series.Revision);

        following.IsAllDay.Should().BeTrue();
        following.Start.Should().Be(new LocalDateTime(2025, 4, 6, 0, 0));
        var instances = await QueryAllAsync(Time.Utc(2025, 3, 20), Time.Utc(2025, 4, 19));
        instances.Select(i => i.Details.Title).Should().Equal("Market", "Market", "Spring market", "Spring market");
        instances.Should().AllSatisfy(i => i.IsAllDay.Should().BeTrue());
    }
}
