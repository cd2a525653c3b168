using System.Text.Json;
using NodaTime;
using Scheduling.Attendance;
using Scheduling.Json;
using Scheduling.Recurrence;
using Scheduling.Sessions;

namespace Scheduling.Tests.Json;

/// <summary>The wire shapes, as a reader of a request or response body sees them.</summary>
public sealed class SessionJsonTest
{
    private static readonly JsonSerializerOptions Options = new JsonSerializerOptions().ConfigureForScheduling();
    private static readonly DateTimeZone London = DateTimeZoneProviders.Tzdb["Europe/London"];

    private static Session Yoga() => new()
    {
        Id = "s1",
        ScheduleId = "room-1",
        ScheduleOwnerId = "studio",
        Details = new SessionDetails { Title = "Yoga", Tags = ["yoga"] },
        Start = CalendarDateTime.AtLocal(new LocalDateTime(2025, 3, 10, 9, 0), London),
        End = CalendarDateTime.AtInstant(Instant.FromUtc(2025, 3, 10, 10, 0)),
        InstanceOfRecurrence = "FREQ=WEEKLY;BYDAY=MO",
        CreatedAt = Instant.FromUtc(2025, 1, 6, 8, 30),
    };

    [Fact]
    public void Session_is_written_with_camel_case_names_wire_enum_names_and_iso_times()
    {
        var json = JsonSerializer.Serialize(Yoga(), Options);

        json.Should().Contain("\"start\":{\"local\":\"2025-03-10T09:00:00\",\"zone\":\"Europe/London\"}")
            .And.Contain("\"end\":{\"instant\":\"2025-03-10T10:00:00Z\"}")
            .And.Contain("\"status\":\"CONFIRMED\"")
            .And.Contain("\"type\":\"EVENT\"")
            .And.Contain("\"progress\":\"NONE\"")
            .And.Contain("\"tags\":[\"yoga\"]")
            .And.Contain("\"createdAt\":\"2025-01-06T08:30:00Z\"");
    }

    [Fact]
    public void Session_read_back_keeps_its_start_rather_than_falling_to_1970()
    {
        var read = JsonSerializer.Deserialize<Session>(JsonSerializer.Serialize(Yoga(), Options), Options)!;

        read.Start.Should().Be(Yoga().Start);
        read.Start.Timestamp.Should().Be(Instant.FromUtc(2025, 3, 10, 9, 0));
        Structural.Difference(Yoga(), read).Should().BeNull();
    }

    [Fact]
    public void Recurring_session_writes_its_rule_as_rfc_5545_text_and_zone_as_iana_id()
    {
        var series = new RecurringSession
        {
            Id = "r1",
            ScheduleId = "room-1",
            ScheduleOwnerId = "studio",
            Start = new LocalDateTime(2025, 3, 10, 9, 0),
            Zone = London,
            Duration = Duration.FromMinutes(60),
            Rule = RecurrenceRule.Parse("FREQ=WEEKLY;BYDAY=MO"),
            IdentityStart = new LocalDateTime(2025, 3, 10, 9, 0),
        };

        var json = JsonSerializer.Serialize(series, Options);

        json.Should().Contain("\"rule\":\"FREQ=WEEKLY;BYDAY=MO\"")
            .And.Contain("\"zone\":\"Europe/London\"")
            .And.Contain("\"start\":\"2025-03-10T09:00:00\"")
            .And.Contain("\"duration\":\"1:00:00\"");
    }

    [Fact]
    public void New_recurring_session_binds_from_a_request_body()
    {
        const string body = """
            {
              "scheduleId": "room-1",
              "scheduleOwnerId": "studio",
              "type": "EVENT",
              "details": {
                "title": "Yoga",
                "tags": ["yoga"],
                "capacity": 12,
                "fieldValues": [{ "fieldId": "level", "kind": "CHOICE", "value": "beginner" }]
              },
              "start": "2025-03-10T09:00:00",
              "zone": "Europe/London",
              "duration": "1:00:00",
              "rule": "FREQ=WEEKLY;BYDAY=MO"
            }
            """;

        var request = JsonSerializer.Deserialize<NewRecurringSession>(body, Options)!;

        request.ScheduleId.Should().Be("room-1");
        request.Details.Title.Should().Be("Yoga");
        request.Details.Tags.Should().Equal("yoga");
        request.Details.Capacity.Should().Be(12);
        request.Details.FieldValues.Should().Equal(FieldValue.OfChoice("level", "beginner"));
        request.Start.Should().Be(new LocalDateTime(2025, 3, 10, 9, 0));
        request.Zone.Should().BeSameAs(London);
        request.Duration.Should().Be(Duration.FromHours(1));
        request.Rule.Should().Be(RecurrenceRule.Parse("FREQ=WEEKLY;BYDAY=MO"));
    }

    [Fact]
    public void Bad_rule_text_is_a_json_exception_naming_the_part_and_position_with_the_recurrence_exception_inside()
    {
        const string body = """{"scheduleId":"r","scheduleOwnerId":"o","start":"2025-03-10T09:00:00","zone":"Europe/London","duration":"1:00:00","rule":"FREQ=WEEKLY;BYDAY=XX"}""";

        var reading = () => JsonSerializer.Deserialize<NewRecurringSession>(body, Options);

        var exception = reading.Should().Throw<JsonException>().Which;
        exception.Message.Should().Contain("BYDAY").And.Contain("position 18");
        exception.InnerException.Should().BeOfType<RecurrenceException>().Which.Error.Part.Should().Be("BYDAY");
        exception.Path.Should().Be("$.rule");
    }

    [Fact]
    public void Unknown_enum_name_is_a_json_exception_that_lists_the_names_and_says_where()
    {
        var reading = () => JsonSerializer.Deserialize<Session>("""{"id":"s","scheduleId":"r","scheduleOwnerId":"o","status":"CONFIRMD","start":{"instant":"2025-03-10T09:00:00Z"},"end":{"instant":"2025-03-10T10:00:00Z"}}""", Options);

        var exception = reading.Should().Throw<JsonException>().Which;
        exception.Message.Should().Contain("'CONFIRMD' is not a SessionStatus").And.Contain("CONFIRMED, CANCELLED");
        exception.Path.Should().Be("$.status");
    }

    [Fact]
    public void Enum_names_are_not_read_as_numbers_or_in_another_case()
    {
        var number = () => JsonSerializer.Deserialize<SessionStatus>("1", Options);
        var lower = () => JsonSerializer.Deserialize<SessionStatus>("\"cancelled\"", Options);

        number.Should().Throw<JsonException>();
        lower.Should().Throw<JsonException>();
        JsonSerializer.Deserialize<SessionStatus>("\"CANCELLED\"", Options).Should().Be(SessionStatus.Cancelled);
    }

    [Fact]
    public void Unknown_zone_is_a_json_exception()
    {
        var reading = () => JsonSerializer.Deserialize<CalendarDateTime>("""{"local":"2025-03-10T09:00:00","zone":"Mars/Olympus"}""", Options);

        reading.Should().Throw<JsonException>().WithMessage("*Mars/Olympus*");
    }

    [Fact]
    public void Change_request_leaves_out_what_it_does_not_change_and_writes_null_for_what_it_clears()
    {
        var changes = new SessionChanges { Details = new SessionDetailsChanges { Title = "Pilates", Location = null } };

        var json = JsonSerializer.Serialize(changes, Options);
        var read = JsonSerializer.Deserialize<SessionChanges>(json, Options)!;

        json.Should().Be("""{"details":{"title":"Pilates","location":null}}""");
        read.Details.Title.Value.Should().Be("Pilates");
        read.Details.Location.HasValue.Should().BeTrue();
        read.Details.Location.Value.Should().BeNull();
        read.Details.Notes.HasValue.Should().BeFalse();
        read.Start.HasValue.Should().BeFalse();
    }

    [Fact]
    public void Recurring_session_changes_bind_a_new_rule_from_a_request_body()
    {
        var read = JsonSerializer.Deserialize<RecurringSessionChanges>("""{"rule":"FREQ=WEEKLY;BYDAY=TU","details":{"capacity":null}}""", Options)!;

        read.Rule.Value.Should().Be(RecurrenceRule.Parse("FREQ=WEEKLY;BYDAY=TU"));
        read.Details.Capacity.HasValue.Should().BeTrue();
        read.Details.Capacity.Value.Should().BeNull();
        read.Details.Title.HasValue.Should().BeFalse();
    }

    [Fact]
    public void Optional_that_was_not_given_has_no_json_value_of_its_own()
    {
        var writing = () => JsonSerializer.Serialize(default(Optional<string>), Options);

        writing.Should().Throw<JsonException>();
        JsonSerializer.Serialize(new Optional<string>("x"), Options).Should().Be("\"x\"");
    }

    [Fact]
    public void Scheduling_exception_is_written_as_code_field_and_message_and_read_back_equal()
    {
        var error = new SchedulingException(SchedulingErrorCode.InvalidArgument, "The rule is not valid.", "rule");

        var json = JsonSerializer.Serialize(error, Options);
        var read = JsonSerializer.Deserialize<SchedulingException>(json, Options)!;

        json.Should().Be("""{"code":"INVALID_ARGUMENT","field":"rule","message":"The rule is not valid."}""");
        (read.Code, read.Field, read.Message).Should().Be((error.Code, error.Field, error.Message));
    }

    [Fact]
    public void Filters_travel_as_their_query_language_json()
    {
        var query = new SessionQuery
        {
            From = Instant.FromUtc(2025, 3, 1, 0, 0),
            To = Instant.FromUtc(2025, 4, 1, 0, 0),
            Filter = SessionFilter.Parse("""{"tags":{"$hasSome":["yoga"]}}"""),
        };

        var json = JsonSerializer.Serialize(query, Options);
        var read = JsonSerializer.Deserialize<SessionQuery>(json, Options)!;

        json.Should().Contain("\"filter\":{\"tags\":{\"$hasSome\":[\"yoga\"]}}");
        read.Filter.Node.Should().Be(query.Filter.Node);
    }

    [Fact]
    public void Filter_the_query_language_refuses_is_a_json_exception_with_the_path_at_fault()
    {
        var reading = () => JsonSerializer.Deserialize<AttendanceQuery>("""{"filter":{"status":{"$eq":"MAYBE"}}}""", Options);

        var exception = reading.Should().Throw<JsonException>().Which;
        exception.InnerException.Should().BeOfType<SchedulingException>().Which.Field.Should().StartWith("filter.status");
        exception.Path.Should().Be("$.filter");
    }

    [Fact]
    public void Wire_enum_names_are_the_filter_languages_names()
    {
        foreach (var status in Enum.GetValues<SessionStatus>())
        {
            JsonSerializer.Serialize(status, Options).Should().Be($"\"{SessionFilter.StatusName(status)}\"");
        }

        foreach (var type in Enum.GetValues<SessionType>())
        {
            JsonSerializer.Serialize(type, Options).Should().Be($"\"{SessionFilter.TypeName(type)}\"");
        }

        foreach (var mark in Enum.GetValues<ProgressMark>())
        {
            JsonSerializer.Serialize(mark, Options).Should().Be($"\"{SessionFilter.ProgressName(mark)}\"");
        }

        foreach (var status in Enum.GetValues<AttendanceStatus>())
        {
            JsonSerializer.Serialize(status, Options).Should().Be($"\"{AttendanceFilter.StatusName(status)}\"");
        }
    }

    [Fact]
    public void Every_enum_of_the_assembly_is_written_in_screaming_snake_case()
    {
        var enums = typeof(Session).Assembly.GetExportedTypes().Where(t => t.IsEnum).ToList();

        enums.Should().NotBeEmpty();
        foreach (var value in enums.SelectMany(e => Enum.GetValues(e).Cast<object>()))
        {
            JsonSerializer.Serialize(value, value.GetType(), Options).Should().MatchRegex("^\"[A-Z][A-Z0-9]*(_[A-Z0-9]+)*\"$");
        }
    }

    [Fact]
    public void A_value_a_constructor_refuses_is_a_json_exception_that_says_why()
    {
        var reading = () => JsonSerializer.Deserialize<Attachment>("""{"id":" ","fileName":"a.pdf","reference":"blob/1","addedAt":"2025-03-10T09:00:00Z"}""", Options);

        var exception = reading.Should().Throw<JsonException>().Which;
        exception.Message.Should().Contain("Attachment").And.Contain("id");
        exception.InnerException.Should().BeOfType<SchedulingException>().Which.Field.Should().Be("id");
    }

    [Fact]
    public void A_field_value_its_factory_refuses_is_a_json_exception()
    {
        var reading = () => JsonSerializer.Deserialize<FieldValue>("""{"fieldId":"","kind":"TEXT","value":"t"}""", Options);

        reading.Should().Throw<JsonException>().WithInnerException<SchedulingException>();
    }

    [Fact]
    public void Configuring_twice_changes_nothing()
    {
        var options = new JsonSerializerOptions().ConfigureForScheduling();
        var count = options.Converters.Count;

        options.ConfigureForScheduling().Should().BeSameAs(options);
        options.Converters.Should().HaveCount(count);
    }
}
