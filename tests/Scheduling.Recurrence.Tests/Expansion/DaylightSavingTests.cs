namespace Scheduling.Recurrence.Tests.Expansion;

/// <summary>
/// RFC 5545 section 3.3.5: a local time that does not exist is read with the offset before the gap; one that occurs
/// twice means its first occurrence. Recurrence arithmetic steps in wall-clock time. Expected values were checked
/// against Python's zoneinfo (PEP 495, fold=0), an independent implementation of the same reading.
/// </summary>
public sealed class DaylightSavingTests
{
    [Fact]
    public void New_York_daily_series_moves_into_the_gap_by_its_size_and_comes_back_the_next_day()
    {
        Series.First(10, "America/New_York", "2025-03-05T02:30", "FREQ=DAILY;COUNT=10").Should().Equal(
            "2025-03-05T02:30:00-05:00",
            "2025-03-06T02:30:00-05:00",
            "2025-03-07T02:30:00-05:00",
            "2025-03-08T02:30:00-05:00",
            "2025-03-09T03:30:00-04:00",
            "2025-03-10T02:30:00-04:00",
            "2025-03-11T02:30:00-04:00",
            "2025-03-12T02:30:00-04:00",
            "2025-03-13T02:30:00-04:00",
            "2025-03-14T02:30:00-04:00");
    }

    [Fact]
    public void Shifted_occurrence_keeps_the_local_time_the_rule_produced_as_its_recurrence_id()
    {
        var shifted = Series.Create("America/New_York", "2025-03-05T02:30", "FREQ=DAILY;COUNT=10").All().ToList()[4];

        shifted.IsShifted.Should().BeTrue();
        shifted.RecurrenceId.Should().Be(Series.Local("2025-03-09T02:30"));
        shifted.LocalStart.Should().Be(Series.Local("2025-03-09T03:30"));
        shifted.Start.Should().Be(NodaTime.Instant.FromUtc(2025, 3, 9, 7, 30));
    }

    [Fact]
    public void New_York_ambiguous_time_takes_its_first_occurrence()
    {
        Series.First(3, "America/New_York", "2025-11-01T01:30", "FREQ=DAILY").Should().Equal(
            "2025-11-01T01:30:00-04:00",
            "2025-11-02T01:30:00-04:00",
            "2025-11-03T01:30:00-05:00");
    }

    [Fact]
    public void Hourly_series_does_not_repeat_the_hour_a_fall_back_repeats()
    {
        Series.First(4, "America/New_York", "2025-11-02T00:00", "FREQ=HOURLY").Should().Equal(
            "2025-11-02T00:00:00-04:00",
            "2025-11-02T01:00:00-04:00",
            "2025-11-02T02:00:00-05:00",
            "2025-11-02T03:00:00-05:00");
    }

    [Fact]
    public void Hourly_series_across_a_gap_yields_the_shared_instant_once()
    {
        // 02:00 does not exist; read with the offset before the gap it is 03:00-04:00, the same instant as the
        // rule's own 03:00. COUNT counts the four local times the rule produced.
        Series.First(10, "America/New_York", "2025-03-09T00:00", "FREQ=HOURLY;COUNT=4").Should().Equal(
            "2025-03-09T00:00:00-05:00",
            "2025-03-09T01:00:00-05:00",
            "2025-03-09T03:00:00-04:00");
    }

    [Fact]
    public void Minutely_series_across_a_gap_stays_in_ascending_order_of_instant()
    {
        Series.First(7, "America/New_York", "2025-03-09T01:20", "FREQ=MINUTELY;INTERVAL=20").Should().Equal(
            "2025-03-09T01:20:00-05:00",
            "2025-03-09T01:40:00-05:00",
            "2025-03-09T03:00:00-04:00",
            "2025-03-09T03:20:00-04:00",
            "2025-03-09T03:40:00-04:00",
            "2025-03-09T04:00:00-04:00",
            "2025-03-09T04:20:00-04:00");
    }

    [Fact]
    public void London_weekly_series_in_the_spring_gap_reads_with_the_winter_offset()
    {
        Series.First(3, "Europe/London", "2025-03-23T01:30", "FREQ=WEEKLY").Should().Equal(
            "2025-03-23T01:30:00+00:00",
            "2025-03-30T02:30:00+01:00",
            "2025-04-06T01:30:00+01:00");
    }

    [Fact]
    public void London_autumn_overlap_takes_summer_time()
    {
        Series.First(2, "Europe/London", "2025-10-26T01:30", "FREQ=YEARLY").Should().Equal(
            "2025-10-26T01:30:00+01:00",
            "2026-10-26T01:30:00+00:00");
    }

    [Fact]
    public void Sydney_spring_gap_in_october()
    {
        Series.First(4, "Australia/Sydney", "2025-10-03T02:30", "FREQ=DAILY").Should().Equal(
            "2025-10-03T02:30:00+10:00",
            "2025-10-04T02:30:00+10:00",
            "2025-10-05T03:30:00+11:00",
            "2025-10-06T02:30:00+11:00");
    }

    [Fact]
    public void Sydney_april_overlap_takes_daylight_time()
    {
        Series.First(2, "Australia/Sydney", "2025-04-05T02:30", "FREQ=DAILY").Should().Equal(
            "2025-04-05T02:30:00+11:00",
            "2025-04-06T02:30:00+11:00");
    }

    [Fact]
    public void Auckland_gap_and_overlap()
    {
        Series.First(2, "Pacific/Auckland", "2025-09-27T02:15", "FREQ=DAILY").Should().Equal(
            "2025-09-27T02:15:00+12:00",
            "2025-09-28T03:15:00+13:00");
        Series.First(2, "Pacific/Auckland", "2025-04-05T02:15", "FREQ=DAILY").Should().Equal(
            "2025-04-05T02:15:00+13:00",
            "2025-04-06T02:15:00+13:00");
    }

    [Fact]
    public void Tehran_midnight_gap_and_midnight_overlap_in_its_last_year_of_daylight_time()
    {
        Series.First(2, "Asia/Tehran", "2022-03-21T00:30", "FREQ=DAILY").Should().Equal(
            "2022-03-21T00:30:00+03:30",
            "2022-03-22T01:30:00+04:30");
        Series.First(2, "Asia/Tehran", "2022-09-20T23:30", "FREQ=DAILY").Should().Equal(
            "2022-09-20T23:30:00+04:30",
            "2022-09-21T23:30:00+04:30");
    }

    [Fact]
    public void Tehran_has_no_gap_after_daylight_time_was_abolished()
    {
        Series.First(1, "Asia/Tehran", "2023-03-22T00:30", "FREQ=DAILY").Should().Equal("2023-03-22T00:30:00+03:30");
    }

    [Fact]
    public void Sao_Paulo_midnight_gap_and_overlap()
    {
        Series.First(2, "America/Sao_Paulo", "2018-11-03T00:30", "FREQ=DAILY").Should().Equal(
            "2018-11-03T00:30:00-03:00",
            "2018-11-04T01:30:00-02:00");
        Series.First(2, "America/Sao_Paulo", "2019-02-15T23:30", "FREQ=DAILY").Should().Equal(
            "2019-02-15T23:30:00-02:00",
            "2019-02-16T23:30:00-02:00");
    }

    [Fact]
    public void Lord_Howe_half_hour_gap_shifts_by_half_an_hour()
    {
        Series.First(2, "Australia/Lord_Howe", "2025-10-04T02:15", "FREQ=DAILY").Should().Equal(
            "2025-10-04T02:15:00+10:30",
            "2025-10-05T02:45:00+11:00");
    }

    [Fact]
    public void All_day_series_starts_at_the_start_of_a_day_whose_midnight_does_not_exist()
    {
        var set = RecurrenceSet.ForAllDay(new LocalDate(2018, 11, 3), DateTimeZoneProviders.Tzdb["America/Sao_Paulo"], RecurrenceRule.Parse("FREQ=DAILY;COUNT=2"));

        set.All().Select(o => o.ToString()).Should().Equal("2018-11-03T00:00:00-03:00", "2018-11-04T01:00:00-02:00");
    }

    [Fact]
    public void Window_is_compared_by_instant_so_a_shifted_occurrence_counts_where_it_really_starts()
    {
        var set = Series.Create("America/New_York", "2025-03-05T02:30", "FREQ=DAILY");

        Series.Between(set, "2025-03-09T03:00", "2025-03-09T04:00").Should().Equal("2025-03-09T03:30:00-04:00");
        Series.Between(set, "2025-03-09T00:00", "2025-03-09T03:30").Should().BeEmpty();
    }

    [Fact]
    public void Utc_until_is_compared_as_an_instant_across_a_gap()
    {
        // The shifted occurrence starts at 07:30Z; an UNTIL at 07:29:59Z leaves it out and ends the series.
        Series.First(10, "America/New_York", "2025-03-07T02:30", "FREQ=DAILY;UNTIL=20250309T072959Z").Should().Equal(
            "2025-03-07T02:30:00-05:00",
            "2025-03-08T02:30:00-05:00");
        Series.First(10, "America/New_York", "2025-03-07T02:30", "FREQ=DAILY;UNTIL=20250309T073000Z").Should().Equal(
            "2025-03-07T02:30:00-05:00",
            "2025-03-08T02:30:00-05:00",
            "2025-03-09T03:30:00-04:00");
    }

    [Theory]
    [InlineData("Pacific/Kiritimati", "1994-12-29T20:00")]
    [InlineData("Pacific/Apia", "2011-12-28T20:00")]
    [InlineData("America/New_York", "2025-03-08T20:00")]
    [InlineData("Australia/Lord_Howe", "2025-04-05T20:00")]
    public void Windows_around_an_offset_change_give_what_walking_gives(string zone, string start)
    {
        // Kiritimati and Apia skipped a whole day moving across the date line; seeks start from the offsets in force
        // near the window, not the zone's whole historical spread, and must still find every occurrence.
        var set = Series.Create(zone, start, "FREQ=MINUTELY;INTERVAL=7;COUNT=2000");
        var occurrences = set.All().ToList();

        for (var minutes = 0; minutes < 14_000; minutes += 599)
        {
            var from = occurrences[0].Start + Duration.FromMinutes(minutes);
            var to = from + Duration.FromMinutes(901);
            set.Between(from, to).ToList().Should().Equal(occurrences.Where(o => o.Start >= from && o.Start < to), $"window [{from}, {to})");
        }
    }
}
