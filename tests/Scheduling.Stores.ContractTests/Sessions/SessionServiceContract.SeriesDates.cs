using System.Collections.Immutable;
using Scheduling.Recurrence;
using Scheduling.Sessions;

namespace Scheduling.Stores.ContractTests.Sessions;

/// <summary>Exception dates (EXDATE) and extra dates (RDATE) of a series: created, read, queried, edited and split.</summary>
public abstract partial class SessionServiceContract
{
    private static readonly LocalDateTime March17 = Time.Local(2025, 3, 17, 18, 30);

    [Fact]
    public async Task Weekly_series_with_one_exception_date_skips_exactly_that_date()
    {
        await CreateAsync(WeeklyYoga() with { ExceptionDates = [March17] });

        (await QueryAllAsync(MarchStart, MarchEnd)).Select(i => i.Start.LocalDateTime!.Value.Day).Should().Equal(3, 10, 24, 31);
        await FailsAsync(() => GetAsync(InstanceId("yoga", 3, 17)), SchedulingErrorCode.NotFound);
    }

    [Fact]
    public async Task Extra_date_appears_as_an_instance_with_its_own_id()
    {
        await CreateAsync(WeeklyYoga() with { ExtraDates = [Time.Local(2025, 3, 5, 18, 30)] });

        var instances = await QueryAllAsync(MarchStart, Time.Utc(2025, 3, 11));

        instances.Select(i => i.Id).Should().Equal(InstanceId("yoga", 3, 3), InstanceId("yoga", 3, 5), InstanceId("yoga", 3, 10));
        var extra = await GetAsync(InstanceId("yoga", 3, 5));
        extra.Start.Should().Be(Time.InNewYork(2025, 3, 5, 18, 30));
        extra.End.Should().Be(Time.InNewYork(2025, 3, 5, 19, 30));
        extra.OriginalStart.Should().Be(Time.Local(2025, 3, 5, 18, 30));
        extra.Details.Title.Should().Be("Yoga");
    }

    [Fact]
    public async Task Extra_date_keeps_its_id_when_the_series_moves()
    {
        var series = await CreateAsync(WeeklyYoga() with { ExtraDates = [Time.Local(2025, 3, 5, 18, 30)], ExceptionDates = [March17] });

        var moved = await Service.UpdateRecurringSessionAsync(Host, "yoga", new RecurringSessionChanges { Start = Time.Local(2025, 3, 3, 19, 30) }, series.Revision);

        moved.ExtraDates.Should().Equal(Time.Local(2025, 3, 5, 19, 30));
        moved.ExceptionDates.Should().Equal(Time.Local(2025, 3, 17, 19, 30));
        var instances = await QueryAllAsync(MarchStart, MarchEnd);
        instances.Select(i => i.Id).Should().Equal(
            InstanceId("yoga", 3, 3), InstanceId("yoga", 3, 5), InstanceId("yoga", 3, 10), InstanceId("yoga", 3, 24), InstanceId("yoga", 3, 31));
        instances[1].Start.Should().Be(Time.InNewYork(2025, 3, 5, 19, 30));
    }

    [Fact]
    public async Task Extra_date_after_the_rule_ends_is_found_by_a_query()
    {
        await CreateAsync(WeeklyYoga(rule: "FREQ=WEEKLY;COUNT=2") with { ExtraDates = [Time.Local(2025, 6, 2, 18, 30)] });

        var june = await QueryAllAsync(Time.Utc(2025, 6, 1), Time.Utc(2025, 7, 1));

        june.Select(i => i.Id).Should().Equal(SessionInstanceId.Format("yoga", Time.Local(2025, 6, 2, 18, 30)));
    }

    [Fact]
    public async Task Extra_date_after_an_until_is_found_by_a_query()
    {
        await CreateAsync(WeeklyYoga(rule: "FREQ=WEEKLY;UNTIL=20250311T000000Z") with { ExtraDates = [Time.Local(2026, 1, 5, 9, 0)] });

        (await QueryAllAsync(Time.Utc(2026, 1, 1), Time.Utc(2026, 2, 1))).Select(i => i.Start.LocalDateTime)
            .Should().Equal(Time.Local(2026, 1, 5, 9, 0));
    }

    [Fact]
    public async Task Series_dates_read_back_sorted_without_duplicates()
    {
        await CreateAsync(WeeklyYoga() with
        {
            ExceptionDates = [Time.Local(2025, 3, 24, 18, 30), March17, March17],
            ExtraDates = [Time.Local(2025, 3, 7, 9, 0), Time.Local(2025, 3, 5, 9, 0), Time.Local(2025, 3, 7, 9, 0)],
        });

        var found = await Service.GetRecurringSessionAsync(Host, "yoga");

        found.ExceptionDates.Should().Equal(March17, Time.Local(2025, 3, 24, 18, 30));
        found.ExtraDates.Should().Equal(Time.Local(2025, 3, 5, 9, 0), Time.Local(2025, 3, 7, 9, 0));
    }

    [Fact]
    public async Task Series_edit_replaces_the_exception_dates_it_is_given()
    {
        var series = await CreateAsync(WeeklyYoga() with { ExceptionDates = [March17] });

        var edited = await Service.UpdateRecurringSessionAsync(Host, "yoga", new RecurringSessionChanges { ExceptionDates = ImmutableArray.Create(Time.Local(2025, 3, 10, 18, 30)) }, series.Revision);

        edited.ExceptionDates.Should().Equal(Time.Local(2025, 3, 10, 18, 30));
        (await QueryAllAsync(MarchStart, MarchEnd)).Select(i => i.Start.LocalDateTime!.Value.Day).Should().Equal(3, 17, 24, 31);
    }

    [Fact]
    public async Task Series_edit_without_dates_keeps_them()
    {
        var series = await CreateAsync(WeeklyYoga() with { ExceptionDates = [March17], ExtraDates = [Time.Local(2025, 3, 5, 18, 30)] });

        var edited = await Service.UpdateRecurringSessionAsync(Host, "yoga", new RecurringSessionChanges { Details = new SessionDetailsChanges { Title = "Power yoga" } }, series.Revision);

        edited.ExceptionDates.Should().Equal(March17);
        edited.ExtraDates.Should().Equal(Time.Local(2025, 3, 5, 18, 30));
        (await QueryAllAsync(MarchStart, MarchEnd)).Select(i => i.Start.LocalDateTime!.Value.Day).Should().Equal(3, 5, 10, 24, 31);
    }

    [Fact]
    public async Task This_and_following_leaves_earlier_dates_on_the_ended_series_and_takes_the_later_ones()
    {
        var series = await CreateAsync(WeeklyYoga() with
        {
            ExceptionDates = [Time.Local(2025, 3, 10, 18, 30), Time.Local(2025, 3, 24, 18, 30)],
            ExtraDates = [Time.Local(2025, 3, 5, 18, 30), Time.Local(2025, 3, 26, 18, 30)],
        });

        var following = await Service.UpdateFollowingAsync(Host, InstanceId("yoga", 3, 17), new RecurringSessionChanges { Details = new SessionDetailsChanges { Title = "Power yoga" } }, series.Revision);

        var ended = await Service.GetRecurringSessionAsync(Host, "yoga");
        ended.ExceptionDates.Should().Equal(Time.Local(2025, 3, 10, 18, 30));
        ended.ExtraDates.Should().Equal(Time.Local(2025, 3, 5, 18, 30));
        following.ExceptionDates.Should().Equal(Time.Local(2025, 3, 24, 18, 30));
        following.ExtraDates.Should().Equal(Time.Local(2025, 3, 26, 18, 30));
        var instances = await QueryAllAsync(MarchStart, MarchEnd);
        instances.Select(i => i.Start.LocalDateTime!.Value.Day).Should().Equal(3, 5, 17, 26, 31);
        instances.Select(i => i.Details.Title).Should().Equal("Yoga", "Yoga", "Power yoga", "Power yoga", "Power yoga");
    }

    [Fact]
    public async Task This_and_following_at_another_time_moves_the_later_dates_with_the_instances()
    {
        var series = await CreateAsync(WeeklyYoga() with
        {
            ExceptionDates = [Time.Local(2025, 3, 24, 18, 30)],
            ExtraDates = [Time.Local(2025, 3, 26, 18, 30)],
        });
        await Service.UpdateSessionAsync(Host, SessionInstanceId.Format("yoga", Time.Local(2025, 3, 26, 18, 30)), new SessionChanges { Details = new SessionDetailsChanges { Title = "Extra" } }, 0);

        var following = await Service.UpdateFollowingAsync(Host, InstanceId("yoga", 3, 17), new RecurringSessionChanges { Start = Time.Local(2025, 3, 17, 19, 15) }, series.Revision);

        following.ExceptionDates.Should().Equal(Time.Local(2025, 3, 24, 19, 15));
        following.ExtraDates.Should().Equal(Time.Local(2025, 3, 26, 19, 15));
        var instances = await QueryAllAsync(MarchStart, MarchEnd);
        instances.Select(i => i.Start.LocalDateTime).Should().Equal(
            Time.Local(2025, 3, 3, 18, 30),
            Time.Local(2025, 3, 10, 18, 30),
            Time.Local(2025, 3, 17, 19, 15),
            Time.Local(2025, 3, 26, 19, 15),
            Time.Local(2025, 3, 31, 19, 15));
        instances[3].Details.Title.Should().Be("Extra", "the extra instance's own edit moves with it, keyed as its date is");
        instances[3].Id.Should().Be(SessionInstanceId.Format(following.Id, Time.Local(2025, 3, 26, 19, 15)));
    }

    [Fact]
    public async Task This_and_following_with_dates_given_puts_them_on_the_new_series_only()
    {
        var series = await CreateAsync(WeeklyYoga() with { ExceptionDates = [Time.Local(2025, 3, 10, 18, 30), Time.Local(2025, 3, 24, 18, 30)] });

        var following = await Service.UpdateFollowingAsync(
            Host,
            InstanceId("yoga", 3, 17),
            new RecurringSessionChanges { ExceptionDates = ImmutableArray.Create(Time.Local(2025, 3, 31, 18, 30)) },
            series.Revision);

        following.ExceptionDates.Should().Equal(Time.Local(2025, 3, 31, 18, 30));
        (await Service.GetRecurringSessionAsync(Host, "yoga")).ExceptionDates.Should().Equal(Time.Local(2025, 3, 10, 18, 30));
        (await QueryAllAsync(MarchStart, MarchEnd)).Select(i => i.Start.LocalDateTime!.Value.Day).Should().Equal(3, 17, 24);
    }

    [Fact]
    public async Task This_and_following_on_a_count_rule_counts_the_left_out_occurrences()
    {
        var series = await CreateAsync(WeeklyYoga(rule: "FREQ=WEEKLY;COUNT=5") with { ExceptionDates = [Time.Local(2025, 3, 10, 18, 30)] });

        var following = await Service.UpdateFollowingAsync(Host, InstanceId("yoga", 3, 24), new RecurringSessionChanges { Details = new SessionDetailsChanges { Title = "Power yoga" } }, series.Revision);

        (await Service.GetRecurringSessionAsync(Host, "yoga")).Rule.Count.Should().Be(3);
        following.Rule.Count.Should().Be(2);
        (await QueryAllAsync(MarchStart, Time.Utc(2025, 6, 1))).Select(i => i.Start.LocalDateTime!.Value.Day).Should().Equal(3, 17, 24, 31);
    }

    [Fact]
    public async Task This_and_following_from_an_extra_date_is_refused()
    {
        var series = await CreateAsync(WeeklyYoga() with { ExtraDates = [Time.Local(2025, 3, 5, 18, 30)] });

        await FailsAsync(
            () => Service.UpdateFollowingAsync(Host, InstanceId("yoga", 3, 5), new RecurringSessionChanges { Details = new SessionDetailsChanges { Title = "Power yoga" } }, series.Revision).AsTask(),
            SchedulingErrorCode.InvalidArgument,
            "instanceId");
    }

    [Fact]
    public async Task Extra_date_before_the_series_start_is_refused()
    {
        await FailsAsync(() => CreateAsync(WeeklyYoga() with { ExtraDates = [Time.Local(2025, 3, 1, 9, 0)] }), SchedulingErrorCode.InvalidArgument, "extraDates");
    }

    [Fact]
    public async Task Series_dates_outside_the_supported_years_or_with_a_fraction_of_a_second_are_refused()
    {
        await FailsAsync(() => CreateAsync(WeeklyYoga() with { ExceptionDates = [new LocalDateTime(1, 1, 1, 0, 0)] }), SchedulingErrorCode.InvalidArgument, "exceptionDates");
        await FailsAsync(() => CreateAsync(WeeklyYoga() with { ExtraDates = [new LocalDateTime(9999, 12, 31, 0, 0)] }), SchedulingErrorCode.InvalidArgument, "extraDates");
        await FailsAsync(() => CreateAsync(WeeklyYoga() with { ExceptionDates = [March17.PlusMilliseconds(1)] }), SchedulingErrorCode.InvalidArgument, "exceptionDates");
    }

    [Fact]
    public async Task More_exception_dates_than_the_limit_are_refused()
    {
        var dates = Enumerable.Range(0, PayloadLimits.Default.MaxExceptionDates + 1).Select(day => Time.Local(2025, 3, 3, 18, 30).PlusDays(day)).ToImmutableArray();

        await FailsAsync(() => CreateAsync(WeeklyYoga() with { ExceptionDates = dates }), SchedulingErrorCode.LimitExceeded, "exceptionDates");
        await CreateAsync(WeeklyYoga() with { ExceptionDates = dates.RemoveAt(0) });
    }
}
