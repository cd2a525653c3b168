namespace Scheduling.Recurrence.Tests.Expansion;

/// <summary>
/// A window inside one long period (a year, a month, a week) starts at its own day: the candidate days of the period
/// before it are skipped, not generated, so a yearly rule with every second of the year costs the same in December as
/// in January. Each case is checked against a rule that yields the same occurrences with short periods.
/// </summary>
public sealed class SeekInsidePeriodTests
{
    [Theory]
    [InlineData("UTC", "2025-12-30T00:00", "2025-12-30T00:10")]
    [InlineData("America/New_York", "2025-03-09T06:55", "2025-03-09T07:05")]
    [InlineData("America/New_York", "2025-11-02T05:55", "2025-11-02T06:05")]
    [InlineData("Pacific/Kiritimati", "2025-07-01T10:00", "2025-07-01T10:05")]
    public void Every_second_of_the_year_late_in_the_year_is_every_second(string zone, string from, string to)
    {
        var yearly = Series.Create(zone, "2025-01-01T00:00", Series.EverySecondOfTheYear);
        var secondly = Series.Create(zone, "2025-01-01T00:00", "FREQ=SECONDLY");
        var (start, end) = (Series.Instant(yearly.Zone, from), Series.Instant(yearly.Zone, to));

        var seconds = yearly.Between(start, end).ToList();

        seconds.Should().Equal(secondly.Between(start, end).ToList());
        seconds.Should().NotBeEmpty();
    }

    [Theory]
    [InlineData("FREQ=YEARLY;BYMONTH=3,11;BYDAY=SU;BYHOUR=1,2,3", "FREQ=DAILY;BYMONTH=3,11;BYDAY=SU;BYHOUR=1,2,3", "2031-11-02T00:00", "2031-11-10T00:00")]
    [InlineData("FREQ=YEARLY;BYYEARDAY=-1,-2,-3;BYHOUR=12", "FREQ=DAILY;BYMONTH=12;BYMONTHDAY=29,30,31;BYHOUR=12", "2030-12-30T00:00", "2032-01-01T00:00")]
    [InlineData("FREQ=MONTHLY;BYMONTHDAY=1,15,-1;BYHOUR=9,21", "FREQ=DAILY;BYMONTHDAY=1,15,-1;BYHOUR=9,21", "2030-05-15T10:00", "2030-06-16T00:00")]
    [InlineData("FREQ=WEEKLY;BYDAY=MO,WE,SA;BYHOUR=8", "FREQ=DAILY;BYDAY=MO,WE,SA;BYHOUR=8", "2030-05-15T09:00", "2030-05-26T00:00")]
    [InlineData("FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=24,25;COUNT=20", "FREQ=DAILY;BYMONTH=12;BYMONTHDAY=24,25;COUNT=20", "2031-12-25T00:00", "2036-01-01T00:00")]
    public void A_window_inside_a_long_period_holds_what_short_periods_give(string longRule, string shortRule, string from, string to)
    {
        foreach (var zone in new[] { "UTC", "America/New_York", "Europe/London", "Australia/Lord_Howe" })
        {
            var wide = Series.Create(zone, "2025-01-01T09:00", longRule);
            var narrow = Series.Create(zone, "2025-01-01T09:00", shortRule);
            var (start, end) = (Series.Instant(wide.Zone, from), Series.Instant(wide.Zone, to));

            wide.Between(start, end).ToList().Should().Equal(narrow.Between(start, end).ToList(), $"{longRule} in {zone}");
        }
    }
}
