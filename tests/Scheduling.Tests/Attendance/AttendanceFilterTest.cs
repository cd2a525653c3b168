using Scheduling.Querying;

namespace Scheduling.Tests.Attendance;

// Inside the namespace, so that "Attendance" names the type rather than the namespace Scheduling.Attendance.
using Scheduling.Attendance;

/// <summary>
/// The attendance filter: the same query language and builder as sessions, over the attendance fields; what it
/// admits; and what it hands down to a store (only conditions every admitted item meets).
/// </summary>
public sealed class AttendanceFilterTest
{
    private static readonly Attendance Sample = new()
    {
        Id = "a1",
        BookingId = "b1",
        SessionId = "course_20250303T183000",
        RecurringSessionId = "course",
        Status = AttendanceStatus.Attended,
        NumberOfAttendees = 2,
        Revision = 1,
    };

    [Theory]
    [InlineData("""{}""", true)]
    [InlineData("""{"id":"a1"}""", true)]
    [InlineData("""{"bookingId":"b2"}""", false)]
    [InlineData("""{"sessionId":{"$in":["x","course_20250303T183000"]}}""", true)]
    [InlineData("""{"recurringSessionId":"course"}""", true)]
    [InlineData("""{"recurringSessionId":{"$exists":false}}""", false)]
    [InlineData("""{"status":"ATTENDED"}""", true)]
    [InlineData("""{"status":"attended"}""", true)]
    [InlineData("""{"status":{"$nin":["ATTENDED","NOT_SET"]}}""", false)]
    [InlineData("""{"numberOfAttendees":{"$gt":1}}""", true)]
    [InlineData("""{"numberOfAttendees":{"$lt":2}}""", false)]
    [InlineData("""{"bookingId":"b1","status":"NOT_ATTENDED"}""", false)]
    [InlineData("""{"$or":[{"bookingId":"b2"},{"numberOfAttendees":2}]}""", true)]
    [InlineData("""{"$not":{"bookingId":"b1"}}""", false)]
    public void A_parsed_filter_admits_what_its_conditions_say(string json, bool admitted)
    {
        AttendanceFilter.Parse(json).Admits(Sample).Should().Be(admitted);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(15)]
    [InlineData(16)]
    [InlineData(40)]
    [InlineData(900)]
    public void A_long_in_or_nin_admits_exactly_what_it_lists(int length)
    {
        var others = Enumerable.Range(0, length - 1).Select(i => $"\"b{i + 2}\"").ToList();
        var listed = string.Join(",", others.Append("\"b1\""));
        var unlisted = string.Join(",", others.Append("\"B1\""));

        AttendanceFilter.Parse($$$"""{"bookingId":{"$in":[{{{listed}}}]}}""").Admits(Sample).Should().BeTrue();
        AttendanceFilter.Parse($$$"""{"bookingId":{"$in":[{{{unlisted}}}]}}""").Admits(Sample).Should().BeFalse("ids compare by ordinal");
        AttendanceFilter.Parse($$$"""{"bookingId":{"$nin":[{{{listed}}}]}}""").Admits(Sample).Should().BeFalse();
        AttendanceFilter.Parse($$$"""{"bookingId":{"$nin":[{{{unlisted}}}]}}""").Admits(Sample).Should().BeTrue();
        AttendanceFilter.Parse($$$"""{"recurringSessionId":{"$nin":[{{{listed}}}]}}""").Admits(Sample with { RecurringSessionId = null })
            .Should().BeTrue("a missing value is none of the listed ones");
    }

    [Fact]
    public void A_long_in_of_choices_matches_them_in_any_case()
    {
        var statuses = string.Join(",", Enumerable.Repeat("\"not_set\"", 20).Append("\"attended\""));

        AttendanceFilter.Parse($$$"""{"status":{"$in":[{{{statuses}}}]}}""").Admits(Sample).Should().BeTrue();
        AttendanceFilter.Parse($$$"""{"status":{"$nin":[{{{statuses}}}]}}""").Admits(Sample).Should().BeFalse();
    }

    [Fact]
    public void Several_keys_in_one_object_all_apply()
    {
        var filter = AttendanceFilter.Parse("""{"bookingId":"b1","sessionId":"other","status":"ATTENDED"}""");

        filter.Admits(Sample).Should().BeFalse("the session differs, even though the first key matches");
    }

    [Fact]
    public void The_builder_makes_the_same_tree_as_the_json()
    {
        var built = AttendanceFilter.BookingIdIn("b1").And(AttendanceFilter.StatusIn(AttendanceStatus.Attended, AttendanceStatus.NotAttended));
        var parsed = AttendanceFilter.Parse("""{"$and":[{"bookingId":{"$in":["b1"]}},{"status":{"$in":["ATTENDED","NOT_ATTENDED"]}}]}""");

        built.ToJson().Should().Be(parsed.ToJson());
        built.Node.Should().BeEquivalentTo(parsed.Node, options => options.RespectingRuntimeTypes());
    }

    [Fact]
    public void Canonical_json_parses_back_to_the_same_filter()
    {
        var filter = AttendanceFilter.SessionIdIn("s1").Or(AttendanceFilter.NumberOfAttendeesAtLeast(3).And(AttendanceFilter.NumberOfAttendeesAtMost(5))).Not();

        AttendanceFilter.Parse(filter.ToJson()).ToJson().Should().Be(filter.ToJson());
        filter.ToString().Should().Be(filter.ToJson());
        AttendanceFilter.All.ToJson().Should().Be("{}");
    }

    [Fact]
    public void Number_of_attendees_builders_compare_as_they_say()
    {
        AttendanceFilter.NumberOfAttendeesAtLeast(2).Admits(Sample).Should().BeTrue();
        AttendanceFilter.NumberOfAttendeesAtLeast(3).Admits(Sample).Should().BeFalse();
        AttendanceFilter.NumberOfAttendeesAtMost(2).Admits(Sample).Should().BeTrue();
        AttendanceFilter.NumberOfAttendeesIn(1, 3).Admits(Sample).Should().BeFalse();
        AttendanceFilter.IdIn("a1").Admits(Sample).Should().BeTrue();
        AttendanceFilter.RecurringSessionIdIn("course").Admits(Sample).Should().BeTrue();
    }

    [Theory]
    [InlineData("""{"eventId":"e1"}""", "filter.eventId")]
    [InlineData("""{"status":"MAYBE"}""", "filter.status")]
    [InlineData("""{"status":{"$gt":"ATTENDED"}}""", "filter.status.$gt")]
    [InlineData("""{"numberOfAttendees":"two"}""", "filter.numberOfAttendees")]
    [InlineData("""{"bookingId":{"$hasSome":["b1"]}}""", "filter.bookingId.$hasSome")]
    [InlineData("""{"$or":[]}""", "filter.$or")]
    [InlineData("""not json""", "filter")]
    public void A_filter_the_language_does_not_allow_is_invalid_and_names_the_path(string json, string path)
    {
        var error = ((Action)(() => AttendanceFilter.Parse(json))).Should().Throw<SchedulingException>().Which;

        error.Code.Should().Be(SchedulingErrorCode.InvalidArgument);
        error.Field.Should().Be(path);
    }

    [Fact]
    public void Builders_refuse_empty_values()
    {
        ((Action)(() => AttendanceFilter.BookingIdIn())).Should().Throw<SchedulingException>().Which.Field.Should().Be("filter.bookingId");
        ((Action)(() => AttendanceFilter.SessionIdIn(""))).Should().Throw<SchedulingException>().Which.Field.Should().Be("filter.sessionId");
        ((Action)(() => AttendanceFilter.StatusIn())).Should().Throw<SchedulingException>().Which.Field.Should().Be("filter.status");
        ((Action)(() => AttendanceFilter.StatusIn((AttendanceStatus)5))).Should().Throw<SchedulingException>().Which.Field.Should().Be("filter.status");
        ((Action)(() => AttendanceFilter.NumberOfAttendeesIn())).Should().Throw<SchedulingException>().Which.Field.Should().Be("filter.numberOfAttendees");
    }

    [Fact]
    public void A_tree_built_in_code_is_checked_against_the_fields()
    {
        var error = ((Action)(() => AttendanceFilter.FromNode(new FilterNode.Condition("status", FilterOperator.Gt, [FilterValue.Of("ATTENDED")]))))
            .Should().Throw<SchedulingException>().Which;

        error.Field.Should().Be("filter.status");
    }

    [Fact]
    public void Equality_conditions_on_indexed_fields_are_pushed_down_even_inside_nested_ands()
    {
        var filter = AttendanceFilter.BookingIdIn("b1", "b2")
            .And(AttendanceFilter.SessionIdIn("s1"))
            .And(AttendanceFilter.Parse("""{"recurringSessionId":"course","status":{"$in":["ATTENDED","NOT_SET"]},"id":"a1","numberOfAttendees":2}"""));

        var pushed = filter.PushDown();

        pushed.BookingIds.Should().BeEquivalentTo("b1", "b2");
        pushed.SessionIds.Should().BeEquivalentTo("s1");
        pushed.RecurringSessionIds.Should().BeEquivalentTo("course");
        pushed.Statuses.Should().BeEquivalentTo([AttendanceStatus.Attended, AttendanceStatus.NotSet]);
        pushed.Ids.Should().BeEquivalentTo("a1");
    }

    [Theory]
    [InlineData("""{"$or":[{"bookingId":"b1"},{"sessionId":"s1"}]}""")]
    [InlineData("""{"$not":{"bookingId":"b1"}}""")]
    [InlineData("""{"bookingId":{"$ne":"b1"}}""")]
    [InlineData("""{"bookingId":{"$nin":["b1"]}}""")]
    [InlineData("""{"recurringSessionId":{"$exists":true}}""")]
    [InlineData("""{"$and":[{"bookingId":"b1"},{"bookingId":{"$in":["b1","b2"]}}]}""")]
    [InlineData("""{}""")]
    public void Conditions_that_do_not_bind_every_admitted_item_once_are_left_to_the_core(string json)
    {
        AttendanceFilter.Parse(json).PushDown().Should().BeEquivalentTo(Scheduling.Stores.AttendanceCandidateFilter.Any);
    }
}
