namespace Scheduling.Recurrence.Tests.Expansion;

/// <summary>
/// A COUNT rule whose periods yield different numbers of occurrences is expanded far from DTSTART by its last
/// occurrence, found once, instead of counting from DTSTART on every window.
/// </summary>
public sealed class CountEndTests
{
    [Fact]
    public void Count_beyond_the_maximum_in_the_dense_repro_is_refused()
    {
        RecurrenceRule.TryParse("FREQ=SECONDLY;BYMONTHDAY=31;COUNT=999999999", out _, out var error).Should().BeFalse();

        error!.Code.Should().Be(RecurrenceErrorCode.OutOfRange);
        error.Part.Should().Be("COUNT");
    }

    [Fact]
    public void Dense_count_rule_far_from_its_start_is_empty_past_its_last_occurrence()
    {
        // A million seconds on the 31st of months: the rule is used up on 2001-08-31 (the 12th such day from 2000-01-31).
        var set = Series.Create("America/New_York", "2000-01-01T00:00", "FREQ=SECONDLY;BYMONTHDAY=31;COUNT=1000000");

        set.Between(Series.Instant(set.Zone, "2100-01-31T00:00"), Series.Instant(set.Zone, "2100-02-01T00:00")).WithMaxEmptyPeriods(1).Should().BeEmpty();
        set.Between(Series.Instant(set.Zone, "3000-01-31T00:00"), Series.Instant(set.Zone, "3000-02-01T00:00")).WithMaxEmptyPeriods(1).Should().BeEmpty();
    }

    [Fact]
    public void Dense_count_rule_ends_exactly_at_its_count()
    {
        var set = Series.Create("America/New_York", "2000-01-01T00:00", "FREQ=SECONDLY;BYMONTHDAY=31;COUNT=1000000");

        // DTSTART counts first, 11 whole days of 86,400 seconds make 950,400 more; 2001-08-31 holds the remaining 49,599.
        var lastDay = set.Between(Series.Instant(set.Zone, "2001-08-31T00:00"), Series.Instant(set.Zone, "2001-09-01T00:00")).ToList();

        lastDay.Should().HaveCount(49_599);
        lastDay[^1].LocalStart.Should().Be(new LocalDateTime(2001, 8, 31, 13, 46, 38));
    }

    [Fact]
    public void Minutely_count_rule_has_nothing_at_the_end_of_the_supported_range()
    {
        var set = Series.Create("America/New_York", "2000-01-01T00:00", "FREQ=MINUTELY;COUNT=1000000;BYMONTH=1,2,3");

        set.Between(Instant.FromUtc(9999, 12, 1, 0, 0), SupportedRange.End).WithMaxEmptyPeriods(1).Should().BeEmpty();
    }

    public static TheoryData<string> VaryingCountRules() =>
    [
        "FREQ=SECONDLY;BYMONTHDAY=31;COUNT=200000",
        "FREQ=MINUTELY;BYMONTH=1,2,3;COUNT=300000",
        "FREQ=HOURLY;BYDAY=MO,FR;BYHOUR=9,10;COUNT=5000",
        "FREQ=DAILY;BYMONTHDAY=31;COUNT=300",
        "FREQ=WEEKLY;BYMONTH=2;BYDAY=MO;COUNT=100",
        "FREQ=MONTHLY;BYDAY=MO;COUNT=2000",
        "FREQ=YEARLY;BYDAY=MO;BYSETPOS=1,-1;COUNT=80",
        "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29;COUNT=10",
    ];

    [Theory]
    [MemberData(nameof(VaryingCountRules))]
    public void Window_far_from_the_start_gives_what_walking_from_the_start_gives(string rule)
    {
        var set = Series.Create("Europe/London", "2001-03-10T08:15", rule);
        var occurrences = set.All().ToList();
        var middle = occurrences[occurrences.Count * 2 / 3].Start;
        var from = middle - Duration.FromDays(3);
        var to = middle + Duration.FromDays(40);

        var walked = occurrences.Where(o => o.Start >= from && o.Start < to).ToList();

        // Seeking to the window needs no empty periods before the first occurrence that matters.
        set.Between(from, to).ToList().Should().Equal(walked);
        set.Between(occurrences[^1].Start + Duration.FromSeconds(1), Instant.FromUtc(9000, 1, 1, 0, 0)).WithMaxEmptyPeriods(1).Should().BeEmpty();
    }

    [Fact]
    public void Count_end_is_found_once_for_every_set_of_the_same_rule_and_start()
    {
        var rule = RecurrenceRule.Parse("FREQ=SECONDLY;BYMONTHDAY=31;COUNT=999000");
        var start = new LocalDateTime(2003, 1, 1, 0, 0);
        var first = new RecurrenceSet(start, DateTimeZoneProviders.Tzdb["Asia/Tehran"], rule);
        first.Between(Instant.FromUtc(2200, 1, 1, 0, 0), Instant.FromUtc(2200, 2, 1, 0, 0)).Count().Should().Be(0);

        // A second set (as a store builds on every read) finds the end remembered: a cancelled token is never looked at.
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var second = new RecurrenceSet(start, DateTimeZoneProviders.Tzdb["Pacific/Apia"], rule);
        second.Between(Instant.FromUtc(2200, 1, 1, 0, 0), Instant.FromUtc(2200, 2, 1, 0, 0), cancelled.Token).Count().Should().Be(0);
    }

    [Fact]
    public void Count_rule_whose_times_of_day_never_meet_its_interval_is_only_its_start()
    {
        // An INTERVAL of 82 seconds from an even second of the day visits only even seconds; BYSECOND=5 is odd.
        var set = Series.Create("Australia/Lord_Howe", "2036-08-19T20:14:24", "FREQ=SECONDLY;INTERVAL=82;COUNT=211;BYSECOND=5;BYHOUR=1,14");

        set.RuleNeverRecurs.Should().BeTrue();
        set.Between(Instant.FromUtc(2036, 8, 19, 12, 35, 14), Instant.FromUtc(2036, 8, 19, 16, 1, 36)).Should().BeEmpty();
        set.Between(Instant.FromUtc(2036, 8, 19, 0, 0), Instant.FromUtc(2036, 8, 20, 0, 0)).Select(o => o.LocalStart).Should().Equal(set.Start);
        set.Between(Instant.FromUtc(2037, 1, 1, 0, 0), Instant.FromUtc(9999, 1, 1, 0, 0)).Should().BeEmpty();
    }

    public static TheoryData<string> IntervalsThatDoNotDivideADay() =>
    [
        "FREQ=SECONDLY;INTERVAL=82;COUNT=211;BYSECOND=4;BYHOUR=1,14",
        "FREQ=SECONDLY;INTERVAL=82;COUNT=3000;BYSECOND=4,9;BYMINUTE=0,30;BYHOUR=1,14",
        "FREQ=SECONDLY;INTERVAL=7;COUNT=5000;BYSECOND=5;BYMONTHDAY=31",
        "FREQ=SECONDLY;INTERVAL=86399;COUNT=400;BYMONTH=1,2,3,4,5,6,7,8,9,10,11,12",
        "FREQ=SECONDLY;INTERVAL=86399;COUNT=40;BYHOUR=0,12;BYMINUTE=0,1,2,3,4,5",
        "FREQ=MINUTELY;INTERVAL=1439;COUNT=300;BYHOUR=0,6;BYMONTH=2,3",
        "FREQ=MINUTELY;INTERVAL=7;COUNT=4000;BYSECOND=1,2,3;BYSETPOS=2;BYMONTHDAY=31",
        "FREQ=HOURLY;INTERVAL=5;COUNT=900;BYHOUR=0,1,2,3;BYDAY=MO,FR",
        "FREQ=SECONDLY;INTERVAL=90000;COUNT=60;BYHOUR=0,12",
        "FREQ=HOURLY;INTERVAL=25;COUNT=40;BYHOUR=0,9;BYDAY=MO",
        "FREQ=MINUTELY;INTERVAL=1441;COUNT=50;BYMINUTE=0,1,2;BYMONTHDAY=1,15,31;BYSECOND=7,8;BYSETPOS=-1",
        "FREQ=HOURLY;INTERVAL=49;COUNT=30;BYMONTH=2;BYMONTHDAY=29;BYMINUTE=10,20",
    ];

    [Theory]
    [MemberData(nameof(IntervalsThatDoNotDivideADay))]
    public void Count_rule_whose_interval_does_not_divide_a_day_seeks_what_walking_gives(string rule)
    {
        var set = Series.Create("Australia/Lord_Howe", "2036-08-19T20:14:24", rule);
        var occurrences = set.All().ToList();
        occurrences.Should().HaveCount(set.Rule!.Count!.Value);

        foreach (var fraction in new[] { 0.0, 0.5, 0.9 })
        {
            var middle = occurrences[(int)(occurrences.Count * fraction)].Start;
            var from = middle - Duration.FromHours(3);
            var to = middle + Duration.FromDays(2);
            set.Between(from, to).ToList().Should().Equal(occurrences.Where(o => o.Start >= from && o.Start < to), $"window [{from}, {to})");
        }

        // A day past the last occurrence (further than any zone offset) the count end alone answers: nothing is walked.
        set.Between(occurrences[^1].Start + Duration.FromDays(1), Instant.FromUtc(9999, 1, 1, 0, 0)).WithMaxEmptyPeriods(1).Should().BeEmpty();
        set.Between(occurrences[^1].Start + Duration.FromSeconds(1), occurrences[^1].Start + Duration.FromDays(1)).Should().BeEmpty();
    }

    [Fact]
    public void Finding_the_count_end_honours_cancellation()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var set = Series.Create("UTC", "2004-01-01T00:00", "FREQ=SECONDLY;BYMONTHDAY=31;COUNT=998000");

        var act = () => set.Between(Instant.FromUtc(2200, 1, 1, 0, 0), Instant.FromUtc(2200, 2, 1, 0, 0), cancelled.Token).Count();

        act.Should().Throw<OperationCanceledException>();
    }

    [Fact]
    public void Cancellation_is_honoured_inside_one_period_of_millions_of_candidates()
    {
        var set = Series.Create("UTC", "2025-01-01T00:00", Series.EverySecondOfTheYear);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        // Every second of 2025 is a candidate of its one yearly period: December alone holds 2,678,400 of them.
        var act = () => set.Between(Instant.FromUtc(2025, 12, 1, 0, 0), Instant.FromUtc(2026, 1, 1, 0, 0), cancelled.Token).Count();

        act.Should().Throw<OperationCanceledException>();
    }
}
