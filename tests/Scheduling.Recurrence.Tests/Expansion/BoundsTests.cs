namespace Scheduling.Recurrence.Tests.Expansion;

/// <summary>Every expansion ends: at the window, UNTIL, COUNT or year 9999, within a fixed amount of work, and on cancellation.</summary>
public sealed class BoundsTests
{
    [Theory]
    [InlineData("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30")]
    [InlineData("FREQ=MONTHLY;BYMONTH=4;BYMONTHDAY=31")]
    [InlineData("FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30,31")]
    [InlineData("FREQ=SECONDLY;BYMONTH=11;BYMONTHDAY=-31")]
    [InlineData("FREQ=SECONDLY;INTERVAL=2;BYSECOND=1")]
    [InlineData("FREQ=MINUTELY;INTERVAL=2;BYMINUTE=1,3,5")]
    [InlineData("FREQ=HOURLY;INTERVAL=2;BYHOUR=1,3,5")]
    [InlineData("FREQ=MINUTELY;BYSECOND=0;BYSETPOS=2")]
    [InlineData("FREQ=WEEKLY;BYDAY=MO,TU;BYSETPOS=3,-3")]
    public void Rule_that_can_never_match_yields_only_dtstart(string rule)
    {
        Series.Create("UTC", "2025-02-28T10:00:00", rule).All().Select(o => o.ToString())
            .Should().Equal("2025-02-28T10:00:00+00:00");
    }

    [Fact]
    public void Rule_whose_interval_steps_past_every_match_ends_at_the_end_of_the_supported_range()
    {
        // Every fourth year from 2025 is a common year, so February 29th never comes: found out by walking 2,494 years.
        Series.Create("UTC", "2025-01-01T10:00", "FREQ=YEARLY;INTERVAL=4;BYMONTH=2;BYMONTHDAY=29").All().Should().ContainSingle();
    }

    [Fact]
    public void Expansion_runs_to_the_end_of_the_calendar_and_stops()
    {
        Series.Create("UTC", "9990-06-01T12:00", "FREQ=YEARLY").All().Select(o => o.LocalStart.Year)
            .Should().Equal(Enumerable.Range(9990, 10));
    }

    [Fact]
    public void Sparse_rule_is_found_far_ahead()
    {
        var expected = Enumerable.Range(2026, 100)
            .Where(year => CalendarSystem.Iso.IsLeapYear(year) && new LocalDate(year, 2, 29).DayOfWeek == IsoDayOfWeek.Monday)
            .Take(2)
            .Select(year => $"{year}-02-29");

        Series.First(3, "UTC", "2025-01-01T09:00", "FREQ=DAILY;BYMONTH=2;BYMONTHDAY=29;BYDAY=MO").Skip(1).Select(s => s[..10])
            .Should().Equal(expected);
    }

    [Fact]
    public void Expansion_gives_up_with_a_clear_error_after_too_many_empty_periods()
    {
        var set = Series.Create("UTC", "2025-01-01T09:00", "FREQ=YEARLY;INTERVAL=4;BYMONTH=2;BYMONTHDAY=29");

        var act = () => set.All().WithMaxEmptyPeriods(100).Count();

        act.Should().Throw<RecurrenceException>()
            .Where(e => e.Code == RecurrenceErrorCode.ExpansionLimitExceeded)
            .WithMessage("*100*without finding an occurrence*");
    }

    [Fact]
    public void Expansion_honours_cancellation()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();
        var set = Series.Create("UTC", "2000-01-01T09:00", "FREQ=DAILY");

        var act = () => set.Between(Instant.FromUtc(2000, 1, 1, 0, 0), Instant.FromUtc(2100, 1, 1, 0, 0), cancellation.Token).Count();

        act.Should().Throw<OperationCanceledException>();
    }

    [Fact]
    public void A_far_window_of_a_rule_that_started_long_ago_is_expanded_directly()
    {
        var set = Series.Create("America/New_York", "2000-01-01T07:00", "FREQ=DAILY");

        // With a bound of 10 empty periods, walking 30 years from DTSTART would be impossible without the seek,
        // because nothing before the window is generated at all.
        set.Between(Series.Instant(set.Zone, "2030-01-01T00:00"), Series.Instant(set.Zone, "2030-02-01T00:00"))
            .WithMaxEmptyPeriods(10).Count().Should().Be(31);
    }

    public static TheoryData<string> SeekableRules() =>
    [
        "FREQ=DAILY",
        "FREQ=DAILY;INTERVAL=3",
        "FREQ=WEEKLY;BYDAY=MO,WE,FR",
        "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH;WKST=SU",
        "FREQ=MONTHLY;BYDAY=-1FR",
        "FREQ=MONTHLY;BYMONTHDAY=31",
        "FREQ=MONTHLY;INTERVAL=5;BYMONTHDAY=-1,15",
        "FREQ=YEARLY;BYMONTH=3;BYDAY=SU",
        "FREQ=YEARLY;BYWEEKNO=10,11;BYDAY=MO",
        "FREQ=HOURLY;INTERVAL=5",
        "FREQ=MINUTELY;INTERVAL=97",
        "FREQ=DAILY;COUNT=12000",
        "FREQ=WEEKLY;BYDAY=MO,TU;COUNT=3200",
        "FREQ=WEEKLY;INTERVAL=3;BYDAY=SA;COUNT=600",
        "FREQ=MONTHLY;BYMONTHDAY=10,20;COUNT=700",
        "FREQ=MONTHLY;BYDAY=1MO;COUNT=400",
        "FREQ=HOURLY;COUNT=300000",
        "FREQ=DAILY;BYHOUR=9,17;COUNT=25000",
        "FREQ=DAILY;BYHOUR=8,12,16;BYSETPOS=-1;COUNT=11000",
        "FREQ=YEARLY;BYYEARDAY=1,100;COUNT=100",
        "FREQ=YEARLY;BYMONTHDAY=1,15;COUNT=800",
    ];

    [Theory]
    [MemberData(nameof(SeekableRules))]
    public void Window_far_from_dtstart_gives_what_walking_from_dtstart_gives(string rule)
    {
        // The start is a Saturday that the rules mostly do not produce, in a zone with DST.
        var set = Series.Create("America/New_York", "2001-03-10T08:15", rule);
        var from = Series.Instant(set.Zone, "2030-03-01T00:00");
        var to = Series.Instant(set.Zone, "2030-04-15T00:00");

        var walked = set.All().TakeWhile(o => o.Start < to).Where(o => o.Start >= from).ToList();
        var sought = set.Between(from, to).ToList();

        sought.Should().Equal(walked);
    }

    [Fact]
    public void Streaming_a_year_of_daily_occurrences_allocates_less_than_a_kilobyte()
    {
        var set = Series.Create("Europe/Berlin", "2025-01-01T09:00", "FREQ=DAILY");
        var window = set.Between(Series.Instant(set.Zone, "2025-01-01T00:00"), Series.Instant(set.Zone, "2026-01-01T00:00"));
        window.Count().Should().Be(365);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var count = 0;
        foreach (var _ in window)
        {
            count++;
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        count.Should().Be(365);
        allocated.Should().BeLessThan(1024);
    }

    [Fact]
    public void One_set_expands_the_same_on_many_threads_at_once()
    {
        var set = Series.Create("America/New_York", "2025-01-06T18:30", "FREQ=WEEKLY;BYDAY=MO,WE,FR");
        var from = Series.Instant(set.Zone, "2025-01-01T00:00");
        var to = Series.Instant(set.Zone, "2035-01-01T00:00");
        var expected = set.Between(from, to).ToList();

        var results = new List<Occurrence>[8];
        Parallel.For(0, results.Length, i => results[i] = set.Between(from, to).ToList());

        expected.Should().HaveCount(1563);
        results.Should().AllSatisfy(result => result.Should().Equal(expected));
    }
}
