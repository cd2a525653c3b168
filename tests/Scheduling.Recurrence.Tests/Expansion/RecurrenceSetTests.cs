namespace Scheduling.Recurrence.Tests.Expansion;

/// <summary>DTSTART, RRULE, RDATE and EXDATE together (RFC 5545 sections 3.8.5.1 to 3.8.5.3).</summary>
public sealed class RecurrenceSetTests
{
    [Fact]
    public void Dtstart_the_rule_does_not_produce_is_still_the_first_occurrence_and_counts()
    {
        // 2025-01-07 is a Tuesday; the rule produces Mondays.
        Series.First(10, "UTC", "2025-01-07T09:00", "FREQ=WEEKLY;BYDAY=MO;COUNT=3").Should().Equal(
            "2025-01-07T09:00:00+00:00",
            "2025-01-13T09:00:00+00:00",
            "2025-01-20T09:00:00+00:00");
    }

    [Fact]
    public void Count_counts_occurrences_before_exdates_remove_any()
    {
        var set = Series.Create("UTC", "2025-01-01T09:00", "FREQ=DAILY;COUNT=5", exdates: ["2025-01-02T09:00"]);

        set.All().Select(o => o.LocalStart.Day).Should().Equal(1, 3, 4, 5);
    }

    [Fact]
    public void Exdate_removes_the_occurrence_with_that_local_start_only()
    {
        var set = Series.Create("Europe/Berlin", "2025-01-01T09:00", "FREQ=DAILY;COUNT=3", exdates: ["2025-01-02T09:00", "2025-01-03T10:00"]);

        set.All().Select(o => o.ToString()).Should().Equal("2025-01-01T09:00:00+01:00", "2025-01-03T09:00:00+01:00");
    }

    [Fact]
    public void Exdate_can_remove_dtstart()
    {
        var set = Series.Create("UTC", "2025-01-01T09:00", "FREQ=DAILY;COUNT=3", exdates: ["2025-01-01T09:00"]);

        set.All().Select(o => o.LocalStart.Day).Should().Equal(2, 3);
    }

    [Fact]
    public void Rdates_merge_in_order_and_one_equal_to_a_rule_occurrence_appears_once()
    {
        var set = Series.Create("UTC", "2025-01-01T09:00", "FREQ=DAILY;COUNT=3", rdates: ["2025-01-02T09:00", "2025-01-01T12:00", "2025-01-10T08:00"]);

        set.All().Select(o => o.ToString()).Should().Equal(
            "2025-01-01T09:00:00+00:00",
            "2025-01-01T12:00:00+00:00",
            "2025-01-02T09:00:00+00:00",
            "2025-01-03T09:00:00+00:00",
            "2025-01-10T08:00:00+00:00");
    }

    [Fact]
    public void Exdate_also_removes_an_rdate()
    {
        var set = Series.Create("UTC", "2025-01-01T09:00", "FREQ=DAILY;COUNT=1", exdates: ["2025-01-05T09:00"], rdates: ["2025-01-05T09:00"]);

        set.All().Should().ContainSingle();
    }

    [Fact]
    public void Set_without_a_rule_is_dtstart_and_its_rdates()
    {
        var set = Series.Create("UTC", "2025-01-01T09:00", rule: null, rdates: ["2025-02-01T09:00"]);

        set.IsFinite.Should().BeTrue();
        set.All().Select(o => o.ToString()).Should().Equal("2025-01-01T09:00:00+00:00", "2025-02-01T09:00:00+00:00");
    }

    [Fact]
    public void Until_is_inclusive()
    {
        Series.First(10, "UTC", "2025-01-01T09:00", "FREQ=DAILY;UNTIL=20250103T090000Z").Should().HaveCount(3);
        Series.First(10, "UTC", "2025-01-01T09:00", "FREQ=DAILY;UNTIL=20250103T085959Z").Should().HaveCount(2);
    }

    [Fact]
    public void Floating_until_is_read_in_the_series_zone()
    {
        Series.First(10, "America/New_York", "2025-01-01T09:00", "FREQ=DAILY;UNTIL=20250103T090000").Should().HaveCount(3);
    }

    [Fact]
    public void Date_until_includes_that_whole_local_day()
    {
        Series.First(10, "America/New_York", "2025-01-01T23:00", "FREQ=DAILY;UNTIL=20250103").Should().HaveCount(3);
    }

    [Fact]
    public void Invalid_dates_are_skipped_not_moved()
    {
        Series.First(5, "Asia/Tokyo", "2025-01-31T12:00", "FREQ=MONTHLY").Select(s => s[..10]).Should().Equal(
            "2025-01-31", "2025-03-31", "2025-05-31", "2025-07-31", "2025-08-31");
        Series.First(3, "UTC", "2024-02-29T00:00", "FREQ=YEARLY").Select(s => s[..10]).Should().Equal(
            "2024-02-29", "2028-02-29", "2032-02-29");
        Series.First(5, "UTC", "2007-01-15T09:00", "FREQ=MONTHLY;BYMONTHDAY=15,30;COUNT=5").Select(s => s[..10]).Should().Equal(
            "2007-01-15", "2007-01-30", "2007-02-15", "2007-03-15", "2007-03-30");
    }

    [Fact]
    public void All_day_set_yields_each_day_from_its_start_in_the_zone()
    {
        var set = RecurrenceSet.ForAllDay(
            new LocalDate(2025, 12, 24),
            DateTimeZoneProviders.Tzdb["Europe/Berlin"],
            RecurrenceRule.Parse("FREQ=DAILY;COUNT=3"),
            exceptionDates: [new LocalDate(2025, 12, 25)]);

        set.IsAllDay.Should().BeTrue();
        set.All().Select(o => o.ToString()).Should().Equal("2025-12-24T00:00:00+01:00", "2025-12-26T00:00:00+01:00");
    }

    [Theory]
    [InlineData("FREQ=HOURLY")]
    [InlineData("FREQ=DAILY;BYHOUR=9")]
    public void All_day_set_rejects_rules_with_times_of_day(string rule)
    {
        var act = () => RecurrenceSet.ForAllDay(new LocalDate(2025, 1, 1), DateTimeZone.Utc, RecurrenceRule.Parse(rule));

        act.Should().Throw<RecurrenceException>().Where(e => e.Code == RecurrenceErrorCode.InvalidSet);
    }

    [Fact]
    public void Start_with_a_fraction_of_a_second_is_rejected()
    {
        var act = () => new RecurrenceSet(new LocalDateTime(2025, 1, 1, 9, 0).PlusMilliseconds(5), DateTimeZone.Utc, RecurrenceRule.Parse("FREQ=DAILY"));

        act.Should().Throw<RecurrenceException>().Where(e => e.Code == RecurrenceErrorCode.InvalidSet).WithMessage("*DTSTART*fraction*");
    }

    [Fact]
    public void Window_that_ends_before_it_starts_is_rejected()
    {
        var set = Series.Create("UTC", "2025-01-01T09:00", "FREQ=DAILY");

        var act = () => set.Between(Instant.FromUtc(2025, 2, 1, 0, 0), Instant.FromUtc(2025, 1, 1, 0, 0));

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("to");
    }

    [Fact]
    public void Window_is_half_open()
    {
        var set = Series.Create("UTC", "2025-01-01T09:00", "FREQ=DAILY");

        Series.Between(set, "2025-01-02T09:00", "2025-01-04T09:00").Should().Equal("2025-01-02T09:00:00+00:00", "2025-01-03T09:00:00+00:00");
    }

    [Fact]
    public void Yearly_rule_with_weekno_and_wkst_follows_week_numbering_from_the_week_start()
    {
        // RFC 5545 3.3.10: week 1 is the first week (from WKST) with at least four days of the year.
        // 2026 starts on a Thursday, so with WKST=MO week 1 starts on Monday 2025-12-29.
        Series.First(2, "UTC", "2025-12-29T09:00", "FREQ=YEARLY;BYWEEKNO=1;BYDAY=MO").Select(s => s[..10]).Should().Equal(
            "2025-12-29", "2027-01-04");
    }

    [Fact]
    public void Bysetpos_picks_from_all_candidates_of_a_period_in_order()
    {
        // The last weekday of each month.
        Series.First(4, "Australia/Sydney", "2025-01-31T17:00", "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1").Select(s => s[..10]).Should().Equal(
            "2025-01-31", "2025-02-28", "2025-03-31", "2025-04-30");
        // The second and second-to-last of six candidates per day (two hours by three minutes).
        Series.First(4, "UTC", "2025-01-01T08:20", "FREQ=DAILY;BYHOUR=8,9;BYMINUTE=0,20,40;BYSETPOS=2,-2").Should().Equal(
            "2025-01-01T08:20:00+00:00", "2025-01-01T09:20:00+00:00", "2025-01-02T08:20:00+00:00", "2025-01-02T09:20:00+00:00");
    }

    [Fact]
    public void Leap_second_in_bysecond_never_matches()
    {
        Series.First(3, "UTC", "2025-01-01T09:00:00", "FREQ=MINUTELY;BYSECOND=0,60").Should().Equal(
            "2025-01-01T09:00:00+00:00", "2025-01-01T09:01:00+00:00", "2025-01-01T09:02:00+00:00");
    }
}
