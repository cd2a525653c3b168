using static Scheduling.Cli.Tests.Expansion.JsonLines;

namespace Scheduling.Cli.Tests.Expansion;

/// <summary>Requests at the edges of the supported range get a typed answer, never an overflow.</summary>
public sealed class SupportedRangeRequestTest
{
    [Fact]
    public void Window_ending_at_the_last_second_of_9999_in_a_zone_behind_utc_is_outside_the_supported_range()
    {
        var response = ExpandOne(Request(dtstart: "9999-12-01T09:00:00", rrule: "FREQ=DAILY", from: "9999-12-01T00:00:00", to: "9999-12-31T23:59:59"));

        response.Error().Should().Be(
            "to 9999-12-31T23:59:59 is outside the supported range: the window must lie from 0001-01-02T00:00:00 to 9999-12-31T00:00:00");
    }

    [Fact]
    public void Window_starting_before_the_supported_range_is_refused()
    {
        var response = ExpandOne(Request(dtstart: "0001-01-02T09:00:00", from: "0001-01-01T00:00:00", to: "0001-02-01T00:00:00"));

        response.Error().Should().StartWith("from 0001-01-01T00:00:00 is outside the supported range");
    }

    [Fact]
    public void Window_ending_at_the_end_of_the_supported_range_in_a_zone_behind_utc_holds_the_last_days()
    {
        var response = ExpandOne(Request(dtstart: "9999-12-28T09:00:00", rrule: "FREQ=DAILY", from: "9999-12-01T00:00:00", to: "9999-12-31T00:00:00"));

        response.Occurrences().Should().Equal("9999-12-28T09:00:00-05:00", "9999-12-29T09:00:00-05:00", "9999-12-30T09:00:00-05:00");
    }

    [Fact]
    public void Start_outside_the_supported_range_is_an_invalid_set()
    {
        var response = ExpandOne(Request(dtstart: "9999-12-31T09:00:00", from: "9999-12-01T00:00:00", to: "9999-12-31T00:00:00"));

        response.Error().Should().StartWith("the recurrence set is invalid: DTSTART 9999-12-31T09:00:00 is outside the supported range");
    }
}
