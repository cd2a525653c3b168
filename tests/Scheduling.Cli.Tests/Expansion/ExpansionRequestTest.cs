using Scheduling.Cli.Expansion;
using Scheduling.Recurrence;

namespace Scheduling.Cli.Tests.Expansion;

public class ExpansionRequestTest
{
    private static readonly ExpansionInput Valid = new()
    {
        TimeZone = "America/New_York",
        Start = "2025-01-06T09:00",
        Rule = "FREQ=DAILY",
        From = "2025-01-01T00:00",
        To = "2025-02-01T00:00",
    };

    [Fact]
    public void Window_bounds_are_read_in_the_zone_as_instants()
    {
        var request = Create(Valid);

        request.From.Should().Be(Instant.FromUtc(2025, 1, 1, 5, 0));
        request.To.Should().Be(Instant.FromUtc(2025, 2, 1, 5, 0));
    }

    [Fact]
    public void Window_bound_in_a_spring_forward_gap_takes_the_offset_before_the_gap()
    {
        // 02:30 does not exist in New York on 2025-03-09; read with -05:00 it is 07:30 UTC (03:30 EDT).
        var request = Create(new ExpansionInput { TimeZone = "America/New_York", Start = "2025-03-01T00:00", From = "2025-03-09T02:30", To = "2025-03-10T00:00" });

        request.From.Should().Be(Instant.FromUtc(2025, 3, 9, 7, 30));
    }

    [Fact]
    public void Window_bound_in_a_fall_back_takes_the_earlier_instant()
    {
        var request = Create(new ExpansionInput { TimeZone = "America/New_York", Start = "2025-11-01T00:00", From = "2025-11-02T01:30", To = "2025-11-03T00:00" });

        request.From.Should().Be(Instant.FromUtc(2025, 11, 2, 5, 30));
    }

    [Fact]
    public void Local_times_that_fall_backwards_as_instants_are_a_window_that_ends_before_it_starts()
    {
        // 02:30 in the gap is read as 07:30 UTC, after 03:10 EDT (07:10 UTC): compared as instants, from is after to.
        var error = Fail(new ExpansionInput { TimeZone = "America/New_York", Start = "2025-03-01T00:00", From = "2025-03-09T02:30", To = "2025-03-09T03:10" });

        error.Should().Be("from 2025-03-09T02:30:00 is after to 2025-03-09T03:10:00: the window is [from, to)");
    }

    [Fact]
    public void Window_of_exactly_one_hundred_years_is_allowed()
    {
        var request = Create(Valid with { From = "1950-03-01T00:00", To = "2050-03-01T00:00" });

        (request.To - request.From).Should().Be(Duration.FromDays(36_525));
    }

    [Fact]
    public void Window_one_second_longer_than_one_hundred_years_is_refused()
    {
        var error = Fail(Valid with { From = "1950-03-01T00:00:00", To = "2050-03-01T00:00:01" });

        error.Should().Be("the window from 1950-03-01T00:00:00 to 2050-03-01T00:00:01 is longer than 100 years, the most one request may ask for");
    }

    [Fact]
    public void Date_dtstart_makes_an_all_day_request()
    {
        Create(Valid with { Start = "2025-01-06" }).IsAllDay.Should().BeTrue();
        Create(Valid).IsAllDay.Should().BeFalse();
    }

    [Fact]
    public void All_day_series_refuses_date_time_exdates()
    {
        var error = Fail(Valid with { Start = "2025-01-06", ExceptionDates = ["2025-01-07T00:00"] });

        error.Should().Be("exdate '2025-01-07T00:00' is a date-time, but dtstart is a date (an all-day series): give dates");
    }

    [Fact]
    public void Timed_series_refuses_date_rdates()
    {
        var error = Fail(Valid with { RecurrenceDates = ["2025-01-07"] });

        error.Should().Be("rdate '2025-01-07' is a date, but dtstart is a date-time: give local date-times");
    }

    [Fact]
    public void All_day_series_refuses_an_hourly_rule_with_the_engines_reason()
    {
        var error = Fail(Valid with { Start = "2025-01-06", Rule = "FREQ=HOURLY" });

        error.Should().StartWith("the recurrence set is invalid: An all-day (DATE) series cannot use FREQ=HOURLY");
    }

    [Theory]
    [InlineData(null, "tz is required: an IANA time zone id such as Europe/Berlin")]
    [InlineData("", "tz is required: an IANA time zone id such as Europe/Berlin")]
    [InlineData("europe/berlin", "tz 'europe/berlin' is not a known IANA time zone id (ids are case-sensitive, for example America/New_York)")]
    public void Time_zone_must_be_a_known_id(string? timeZone, string expected)
    {
        Fail(Valid with { TimeZone = timeZone }).Should().Be(expected);
    }

    [Fact]
    public void Bad_rule_names_the_part_and_the_position()
    {
        var error = Fail(Valid with { Rule = "FREQ=MONTHLY;BYMONTHDAY=32" });

        error.Should().StartWith("rrule 'FREQ=MONTHLY;BYMONTHDAY=32' is invalid in BYMONTHDAY at position 24: ");
    }

    [Fact]
    public void Rule_without_freq_is_refused()
    {
        Fail(Valid with { Rule = "COUNT=3" }).Should().StartWith("rrule 'COUNT=3' is invalid");
    }

    [Theory]
    [InlineData("from")]
    [InlineData("to")]
    public void Window_bounds_are_required(string field)
    {
        var input = field == "from" ? Valid with { From = null } : Valid with { To = null };

        Fail(input).Should().Be($"{field} is required: YYYY-MM-DD, YYYY-MM-DDTHH:MM or YYYY-MM-DDTHH:MM:SS");
    }

    [Fact]
    public void Expansion_returns_the_occurrences_in_the_window()
    {
        var occurrences = new List<Occurrence>();

        Create(Valid).TryExpand(occurrences, out var error).Should().BeTrue(error);

        occurrences.Should().HaveCount(26);
        occurrences[0].ToString().Should().Be("2025-01-06T09:00:00-05:00");
    }

    [Fact]
    public void Expansion_of_exactly_the_occurrence_limit_succeeds()
    {
        // 100,000 minutes after 2025-01-06T00:00 UTC.
        var request = Create(new ExpansionInput { TimeZone = "Etc/UTC", Start = "2025-01-06T00:00", Rule = "FREQ=MINUTELY", From = "2025-01-01T00:00", To = "2025-03-16T10:40" });
        var occurrences = new List<Occurrence>();

        request.TryExpand(occurrences, out var error).Should().BeTrue(error);

        occurrences.Should().HaveCount(ExpansionLimits.MaxOccurrences);
    }

    [Fact]
    public void Expansion_of_one_more_than_the_occurrence_limit_fails_and_keeps_nothing()
    {
        var request = Create(new ExpansionInput { TimeZone = "Etc/UTC", Start = "2025-01-06T00:00", Rule = "FREQ=MINUTELY", From = "2025-01-01T00:00", To = "2025-03-16T10:41" });
        var occurrences = new List<Occurrence>();

        request.TryExpand(occurrences, out var error).Should().BeFalse();

        occurrences.Should().BeEmpty();
        error.Should().Be("the window holds more than 100,000 occurrences, the most one request may produce; narrow from and to, or bound the rule with COUNT or UNTIL");
    }

    [Fact]
    public void Rule_that_can_never_match_expands_to_its_start_only()
    {
        // Each minute has one candidate (second 0), so BYSETPOS=2 never selects one; the engine sees it without walking.
        var request = Create(new ExpansionInput { TimeZone = "Etc/UTC", Start = "2025-01-06T00:00", Rule = "FREQ=MINUTELY;BYSECOND=0;BYSETPOS=2", From = "2025-01-06T00:00", To = "2028-01-01T00:00" });
        var occurrences = new List<Occurrence>();

        request.TryExpand(occurrences, out var error).Should().BeTrue(error);

        occurrences.Select(o => o.ToString()).Should().Equal("2025-01-06T00:00:00+00:00");
    }

    private static ExpansionRequest Create(ExpansionInput input)
    {
        ExpansionRequest.TryCreate(input, new TimeZoneCache(), out var request, out var error).Should().BeTrue(error);
        return request!;
    }

    private static string Fail(ExpansionInput input)
    {
        ExpansionRequest.TryCreate(input, new TimeZoneCache(), out var request, out var error).Should().BeFalse();
        request.Should().BeNull();
        return error!;
    }
}
