using static Scheduling.Cli.Tests.Expansion.JsonLines;

namespace Scheduling.Cli.Tests.Expansion;

public class JsonLinesExpanderTest
{
    private const string IssueExample =
        """{"id":"c1","tz":"America/New_York","dtstart":"2025-01-06T18:30:00","rrule":"FREQ=WEEKLY;BYDAY=MO,WE,FR;COUNT=10","exdate":["2025-01-08T18:30:00"],"rdate":[],"from":"2025-01-01T00:00:00","to":"2026-01-01T00:00:00"}""";

    [Fact]
    public void Issue_example_gives_the_ten_counted_occurrences_less_the_exdate_in_ascending_order()
    {
        var responses = Expand(IssueExample);

        responses.Should().Equal(
            """{"id":"c1","occurrences":["2025-01-06T18:30:00-05:00","2025-01-10T18:30:00-05:00","2025-01-13T18:30:00-05:00","2025-01-15T18:30:00-05:00","2025-01-17T18:30:00-05:00","2025-01-20T18:30:00-05:00","2025-01-22T18:30:00-05:00","2025-01-24T18:30:00-05:00","2025-01-27T18:30:00-05:00"]}""");
    }

    [Fact]
    public void Daily_rule_through_a_spring_forward_gap_starts_an_hour_later_that_day_only()
    {
        var response = ExpandOne(Request(dtstart: "2025-03-05T02:30:00", rrule: "FREQ=DAILY;COUNT=10"));

        response.Occurrences().Should().Equal(
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
    public void Daily_rule_through_a_fall_back_takes_the_first_of_the_repeated_hour()
    {
        var response = ExpandOne(Request(dtstart: "2025-11-01T01:30:00", rrule: "FREQ=DAILY;COUNT=3"));

        response.Occurrences().Should().Equal("2025-11-01T01:30:00-04:00", "2025-11-02T01:30:00-04:00", "2025-11-03T01:30:00-05:00");
    }

    [Fact]
    public void Rdate_equal_to_a_rule_occurrence_appears_once()
    {
        var response = ExpandOne(Request(rrule: "FREQ=DAILY;COUNT=3", rdate: ["2025-01-07T09:00:00", "2025-01-20T12:00"]));

        response.Occurrences().Should().Equal(
            "2025-01-06T09:00:00-05:00", "2025-01-07T09:00:00-05:00", "2025-01-08T09:00:00-05:00", "2025-01-20T12:00:00-05:00");
    }

    [Fact]
    public void Until_is_inclusive()
    {
        var response = ExpandOne(Request(rrule: "FREQ=WEEKLY;UNTIL=20250120T140000Z"));

        response.Occurrences().Should().Equal("2025-01-06T09:00:00-05:00", "2025-01-13T09:00:00-05:00", "2025-01-20T09:00:00-05:00");
    }

    [Fact]
    public void Weekly_rule_with_until_in_utc_stops_at_the_instant()
    {
        // 09:00 New York is 14:00 UTC; an UNTIL one second earlier leaves out that day.
        var response = ExpandOne(Request(rrule: "FREQ=WEEKLY;UNTIL=20250120T135959Z"));

        response.Occurrences().Should().Equal("2025-01-06T09:00:00-05:00", "2025-01-13T09:00:00-05:00");
    }

    [Fact]
    public void Window_includes_an_occurrence_at_from_and_excludes_one_at_to()
    {
        var response = ExpandOne(Request(rrule: "FREQ=DAILY", from: "2025-01-07T09:00", to: "2025-01-09T09:00"));

        response.Occurrences().Should().Equal("2025-01-07T09:00:00-05:00", "2025-01-08T09:00:00-05:00");
    }

    [Fact]
    public void Window_bounds_are_local_times_in_the_zone()
    {
        // 09:00 in Tokyo is 00:00 UTC: a window from 09:00 Tokyo time starts with it.
        var response = ExpandOne(Request(tz: "Asia/Tokyo", rrule: "FREQ=DAILY;COUNT=3", from: "2025-01-07T09:00:00"));

        response.Occurrences().Should().Equal("2025-01-07T09:00:00+09:00", "2025-01-08T09:00:00+09:00");
    }

    [Fact]
    public void Utc_offsets_are_written_as_plus_zero_not_z()
    {
        var response = ExpandOne(Request(tz: "Etc/UTC", rrule: "FREQ=DAILY;COUNT=1"));

        response.Occurrences().Should().Equal("2025-01-06T09:00:00+00:00");
    }

    [Fact]
    public void Without_a_rule_the_set_is_dtstart_and_the_rdates()
    {
        var response = ExpandOne(Request(rdate: ["2025-02-01T10:00:00"]));

        response.Occurrences().Should().Equal("2025-01-06T09:00:00-05:00", "2025-02-01T10:00:00-05:00");
    }

    [Fact]
    public void Date_dtstart_makes_an_all_day_series_written_as_dates()
    {
        var response = ExpandOne(Request(dtstart: "2025-01-06", rrule: "FREQ=DAILY;COUNT=4", exdate: ["2025-01-07"], rdate: ["2025-02-01"]));

        response.Occurrences().Should().Equal("2025-01-06", "2025-01-08", "2025-01-09", "2025-02-01");
    }

    [Fact]
    public void Empty_window_gives_no_occurrences()
    {
        var response = ExpandOne(Request(rrule: "FREQ=DAILY", from: "2025-01-07T00:00", to: "2025-01-07T00:00"));

        response.Occurrences().Should().BeEmpty();
    }

    [Theory]
    [InlineData("\"c1\"")]
    [InlineData("42")]
    [InlineData("-1.5e3")]
    [InlineData("\"quote \\\" and \\u00e9\"")]
    public void Id_is_echoed_as_given(string id)
    {
        var response = Expand($$"""{"id":{{id}},"tz":"UTC","dtstart":"2025-01-06T09:00","from":"2025-01-01T00:00","to":"2025-02-01T00:00"}""");

        var echoed = Parse(response[0]).GetProperty("id");
        System.Text.Json.JsonElement.DeepEquals(echoed, Parse(id)).Should().BeTrue($"{echoed.GetRawText()} should be {id}");
    }

    [Fact]
    public void Number_id_keeps_its_exact_text()
    {
        var response = Expand("""{"id":1.50,"tz":"UTC","dtstart":"2025-01-06T09:00","from":"2025-01-01T00:00","to":"2025-02-01T00:00"}""");

        response.Should().Equal("""{"id":1.50,"occurrences":["2025-01-06T09:00:00+00:00"]}""");
    }

    [Fact]
    public void Absent_or_null_id_is_written_as_null()
    {
        var responses = Expand(Request(id: null), """{"id":null,"tz":"UTC","dtstart":"2025-01-06T09:00","from":"2025-01-01T00:00","to":"2025-02-01T00:00"}""");

        responses.Should().AllSatisfy(response => response.Should().StartWith("""{"id":null,"occurrences":["""));
    }

    [Fact]
    public void Blank_lines_get_no_response()
    {
        var responses = Expand(string.Empty, Request(id: "a"), "   ", "\t", Request(id: "b"), string.Empty);

        responses.Select(response => Parse(response).GetProperty("id").GetString()).Should().Equal("a", "b");
    }

    [Fact]
    public void Windows_line_endings_and_a_byte_order_mark_are_accepted()
    {
        using var output = new MemoryStream();
        new Scheduling.Cli.Expansion.JsonLinesExpander().Run(new StringReader("\uFEFF" + Request(id: "a") + "\r\n" + Request(id: "b") + "\r\n"), output);

        var responses = System.Text.Encoding.UTF8.GetString(output.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        responses.Select(response => Parse(response).GetProperty("id").GetString()).Should().Equal("a", "b");
    }

    [Fact]
    public void Unknown_fields_are_ignored()
    {
        var response = ExpandOne("""{"id":"x","tz":"UTC","dtstart":"2025-01-06T09:00","from":"2025-01-01T00:00","to":"2025-02-01T00:00","note":{"a":[1,2]},"summary":"Standup"}""");

        response.Occurrences().Should().Equal("2025-01-06T09:00:00+00:00");
    }

    [Fact]
    public void Bad_lines_of_every_kind_get_error_responses_in_order_and_the_stream_goes_on()
    {
        string[] requests =
        [
            Request(id: "good-1", rrule: "FREQ=DAILY;COUNT=2"),
            "{not json",
            Request(id: "missing-dtstart", dtstart: null),
            Request(id: 3, tz: "Mars/Olympus_Mons"),
            Request(id: "bad-rule", rrule: "FREQ=WEEKLY;BYDAY=XX"),
            Request(id: "from-after-to", from: "2025-06-01T00:00", to: "2025-01-01T00:00"),
            Request(id: "too-many", rrule: "FREQ=MINUTELY"),
            Request(id: "too-long", from: "1900-01-01T00:00", to: "2025-01-01T00:00"),
            Request(id: "bad-date", dtstart: "2025-02-30T09:00"),
            Request(id: "kind-mismatch", exdate: ["2025-01-06"]),
            """{"id":"wrong-type","tz":7}""",
            "[1,2,3]",
            Request(id: "good-2", rrule: "FREQ=DAILY;COUNT=1"),
        ];

        var responses = Expand(requests).Select(Parse).ToList();

        responses.Should().HaveCount(requests.Length);
        responses.Select(response => response.GetProperty("id").ToString()).Should().Equal(
            "good-1", string.Empty, "missing-dtstart", "3", "bad-rule", "from-after-to", "too-many", "too-long", "bad-date",
            "kind-mismatch", "wrong-type", string.Empty, "good-2");
        responses[0].Occurrences().Should().Equal("2025-01-06T09:00:00-05:00", "2025-01-07T09:00:00-05:00");
        responses[1].Error().Should().StartWith("the line is not valid JSON");
        responses[2].Error().Should().Be("dtstart is required: YYYY-MM-DD, YYYY-MM-DDTHH:MM or YYYY-MM-DDTHH:MM:SS");
        responses[3].Error().Should().StartWith("tz 'Mars/Olympus_Mons' is not a known IANA time zone id");
        responses[4].Error().Should().StartWith("rrule 'FREQ=WEEKLY;BYDAY=XX' is invalid in BYDAY at position 18: ");
        responses[5].Error().Should().Be("from 2025-06-01T00:00:00 is after to 2025-01-01T00:00:00: the window is [from, to)");
        responses[6].Error().Should().StartWith("the window holds more than 100,000 occurrences");
        responses[7].Error().Should().Contain("longer than 100 years");
        responses[8].Error().Should().Be("dtstart '2025-02-30T09:00' is not a valid date or local date-time: day 30 is out of range 1-28 for 2025-02");
        responses[9].Error().Should().Be("exdate '2025-01-06' is a date, but dtstart is a date-time: give local date-times");
        responses[10].Error().Should().Be("tz must be a string");
        responses[11].Error().Should().Be("the line is not a JSON object");
        responses[12].Occurrences().Should().Equal("2025-01-06T09:00:00-05:00");
    }

    [Fact]
    public void Wrong_type_error_still_echoes_an_id_that_comes_after_it()
    {
        var response = ExpandOne("""{"rrule":["FREQ=DAILY"],"id":"late"}""");

        response.GetProperty("id").GetString().Should().Be("late");
        response.Error().Should().Be("rrule must be a string");
    }

    [Fact]
    public void Invalid_json_leaves_the_id_null_even_when_it_was_read()
    {
        var response = ExpandOne("""{"id":"early","tz":"UTC",}""");

        response.GetProperty("id").ValueKind.Should().Be(System.Text.Json.JsonValueKind.Null);
        response.Error().Should().StartWith("the line is not valid JSON");
    }

    [Fact]
    public void A_second_value_on_a_line_is_invalid_json()
    {
        var response = ExpandOne(Request(id: "a") + " {}");

        response.Error().Should().StartWith("the line is not valid JSON");
    }

    [Fact]
    public void Rule_that_can_never_match_answers_at_once_and_the_stream_goes_on()
    {
        // Each minute has one candidate (second 0), so BYSETPOS=2 never selects one: only DTSTART recurs, and it is
        // before the window.
        var responses = Expand(
            Request(id: "never", dtstart: "2025-01-06T00:00:00", rrule: "FREQ=MINUTELY;BYSECOND=0;BYSETPOS=2", from: "2025-01-07T00:00", to: "2028-01-01T00:00"),
            Request(id: "after"));

        Parse(responses[0]).Occurrences().Should().BeEmpty();
        Parse(responses[1]).Occurrences().Should().Equal("2025-01-06T09:00:00-05:00");
    }

    [Fact]
    public void Each_response_is_flushed_before_the_next_line_is_read()
    {
        using var output = new FlushCountingStream();
        var input = new StringReader(string.Join('\n', Request(id: "a"), Request(id: "b"), Request(id: "c")));

        new Scheduling.Cli.Expansion.JsonLinesExpander().Run(input, output);

        output.LinesAtEachFlush.Should().Equal(1, 2, 3);
    }

    private sealed class FlushCountingStream : MemoryStream
    {
        public List<int> LinesAtEachFlush { get; } = [];

        public override void Flush()
        {
            LinesAtEachFlush.Add(ToArray().Count(b => b == (byte)'\n'));
            base.Flush();
        }
    }
}
