using Scheduling.Querying;
using Scheduling.Sessions;

namespace Scheduling.Tests.Querying;

/// <summary>
/// The filter language of session queries: what it accepts, the canonical JSON it writes back, and errors that name
/// the path at fault. What a filter admits is tested end to end in the service contract.
/// </summary>
public sealed class FilterParsingTest
{
    [Theory]
    [InlineData("""{"nope":1}""", "filter.nope")]
    [InlineData("""{"tags":{"$gt":"a"}}""", "filter.tags.$gt")]
    [InlineData("""{"title":{"$hasSome":["a"]}}""", "filter.title.$hasSome")]
    [InlineData("""{"status":{"$exists":true}}""", "filter.status.$exists")]
    [InlineData("""{"start":{"$in":["2025-01-01T00:00:00Z"]}}""", "filter.start.$in")]
    [InlineData("""{"participants.id":{"$in":["p1"]}}""", "filter.participants.id.$in")]
    [InlineData("""{"capacity":{"$hasAll":[1]}}""", "filter.capacity.$hasAll")]
    [InlineData("""{"title":{"$regex":"a"}}""", "filter.title.$regex")]
    [InlineData("""{"capacity":{"$gt":"three"}}""", "filter.capacity.$gt")]
    [InlineData("""{"capacity":{"$in":[1,"two"]}}""", "filter.capacity.$in[1]")]
    [InlineData("""{"capacity":1.5}""", "filter.capacity")]
    [InlineData("""{"start":{"$gte":"yesterday"}}""", "filter.start.$gte")]
    [InlineData("""{"start":{"$gte":1735689600}}""", "filter.start.$gte")]
    [InlineData("""{"type":"MEETING"}""", "filter.type")]
    [InlineData("""{"status":{"$in":["CONFIRMED","MAYBE"]}}""", "filter.status.$in[1]")]
    [InlineData("""{"title":42}""", "filter.title")]
    [InlineData("""{"title":null}""", "filter.title")]
    [InlineData("""{"tags":{"$hasSome":"yoga"}}""", "filter.tags.$hasSome")]
    [InlineData("""{"tags":{"$hasAll":[]}}""", "filter.tags.$hasAll")]
    [InlineData("""{"location":{"$exists":"yes"}}""", "filter.location.$exists")]
    [InlineData("""{"$nor":[{"title":"a"}]}""", "filter.$nor")]
    [InlineData("""{"$or":[]}""", "filter.$or")]
    [InlineData("""{"$and":{"title":"a"}}""", "filter.$and")]
    [InlineData("""{"$not":["title"]}""", "filter.$not")]
    [InlineData("""{"$or":[{"nope":1}]}""", "filter.$or[0].nope")]
    [InlineData("""{"$and":[{"title":"a"},{"tags":{"$lt":"b"}}]}""", "filter.$and[1].tags.$lt")]
    [InlineData("""{"$not":{"capacity":{"$gt":true}}}""", "filter.$not.capacity.$gt")]
    [InlineData("""[]""", "filter")]
    [InlineData("""not json""", "filter")]
    public void Invalid_filter_is_an_invalid_argument_naming_the_path(string json, string path)
    {
        var parse = () => SessionFilter.Parse(json);

        var error = parse.Should().Throw<SchedulingException>().Which;
        error.Code.Should().Be(SchedulingErrorCode.InvalidArgument);
        error.Field.Should().Be(path);
    }

    [Fact]
    public void Unknown_field_error_names_the_field_and_lists_the_known_ones()
    {
        var parse = () => SessionFilter.Parse("""{"teacher":"Ada"}""");

        parse.Should().Throw<SchedulingException>().WithMessage("*'teacher'*scheduleId*tags*");
    }

    [Fact]
    public void Operator_error_names_the_field_and_the_operator()
    {
        var parse = () => SessionFilter.Parse("""{"tags":{"$gt":"a"}}""");

        parse.Should().Throw<SchedulingException>().WithMessage("*'tags'*$gt*");
    }

    [Fact]
    public void Wrong_value_type_error_says_what_the_field_takes()
    {
        var parse = () => SessionFilter.Parse("""{"capacity":{"$gt":"three"}}""");

        parse.Should().Throw<SchedulingException>().WithMessage("*'capacity'*whole number*");
    }

    [Theory]
    [InlineData("""{"id":"a"}""")]
    [InlineData("""{"scheduleId":{"$in":["s1","s2"]}}""")]
    [InlineData("""{"scheduleOwnerId":{"$nin":["o1"]}}""")]
    [InlineData("""{"recurringSessionId":{"$exists":true}}""")]
    [InlineData("""{"title":{"$ne":"Yoga"}}""")]
    [InlineData("""{"location":{"$exists":false}}""")]
    [InlineData("""{"type":{"$in":["EVENT","working_hours"]}}""")]
    [InlineData("""{"status":{"$ne":"cancelled"}}""")]
    [InlineData("""{"tags":{"$hasSome":["a","b"]}}""")]
    [InlineData("""{"tags":{"$hasAll":["a","b"]}}""")]
    [InlineData("""{"tags":{"$eq":"a"}}""")]
    [InlineData("""{"participants.id":{"$ne":"p1"}}""")]
    [InlineData("""{"capacity":{"$gte":1,"$lte":10}}""")]
    [InlineData("""{"capacity":{"$in":[1,2]}}""")]
    [InlineData("""{"capacity":{"$exists":false}}""")]
    [InlineData("""{"start":{"$gt":"2025-01-06T09:00:00Z"}}""")]
    [InlineData("""{"end":{"$lt":"2025-01-06T09:00:00.5Z"}}""")]
    [InlineData("""{"$or":[{"title":"a"},{"$not":{"tags":"b"}}]}""")]
    [InlineData("""{"$and":[{"title":"a"}],"tags":"b"}""")]
    [InlineData("""{}""")]
    public void Every_field_and_operator_family_parses(string json)
    {
        var parse = () => SessionFilter.Parse(json);

        parse.Should().NotThrow();
    }

    [Fact]
    public void Plain_value_means_eq()
    {
        SessionFilter.Parse("""{"title":"Yoga"}""").ToJson().Should().Be("""{"title":{"$eq":"Yoga"}}""");
    }

    [Fact]
    public void Choice_values_are_read_case_insensitively_and_written_in_upper_case()
    {
        SessionFilter.Parse("""{"type":{"$in":["event","Working_Hours"]}}""").ToJson().Should().Be("""{"type":{"$in":["EVENT","WORKING_HOURS"]}}""");
    }

    [Fact]
    public void Several_keys_in_one_object_all_apply()
    {
        SessionFilter.Parse("""{"title":"Yoga","capacity":{"$gt":1,"$lt":9}}""").Node.Should().BeOfType<FilterNode.AllOf>()
            .Which.Children.Should().HaveCount(3);
    }

    [Fact]
    public void Builder_writes_the_canonical_json()
    {
        var filter = SessionFilter.ScheduleIdIn("s1").And(SessionFilter.HasAnyTag("yoga").Or(SessionFilter.TypeIs(SessionType.WorkingHours)).Not());

        filter.ToJson().Should().Be("""{"$and":[{"scheduleId":{"$in":["s1"]}},{"$not":{"$or":[{"tags":{"$hasSome":["yoga"]}},{"type":{"$eq":"WORKING_HOURS"}}]}}]}""");
    }

    [Fact]
    public void Builder_and_json_make_the_same_filter()
    {
        var built = SessionFilter.StatusIn(SessionStatus.Cancelled).And(SessionFilter.HasParticipant("p1")).And(SessionFilter.RecurringSessionIdIs("yoga"));

        var parsed = SessionFilter.Parse("""{"$and":[{"$and":[{"status":{"$in":["cancelled"]}},{"participants.id":"p1"}]},{"recurringSessionId":"yoga"}]}""");

        parsed.ToJson().Should().Be(built.ToJson());
    }

    [Theory]
    [InlineData("""{"title":"Yoga"}""")]
    [InlineData("""{"title":"Yoga","tags":{"$hasAll":["a","b"]}}""")]
    [InlineData("""{"$or":[{"capacity":{"$gt":3}},{"start":{"$lte":"2025-01-06T09:00:00Z"}}]}""")]
    [InlineData("""{"$not":{"status":"CANCELLED"}}""")]
    [InlineData("""{}""")]
    public void Canonical_json_parses_back_to_itself(string json)
    {
        var canonical = SessionFilter.Parse(json).ToJson();

        SessionFilter.Parse(canonical).ToJson().Should().Be(canonical);
    }

    [Fact]
    public void Filter_that_admits_everything_parses_back_from_its_json()
    {
        // Cursors carry the filter as its canonical JSON and parse it again for the next page.
        var json = SessionFilter.All.ToJson();

        var parse = () => SessionFilter.Parse(json);

        parse.Should().NotThrow();
        parse().ToJson().Should().Be(json);
    }

    [Fact]
    public void Filter_names_status_wherever_status_appears()
    {
        SessionFilter.All.NamesStatus.Should().BeFalse();
        SessionFilter.Parse("""{"title":"a"}""").NamesStatus.Should().BeFalse();
        SessionFilter.Parse("""{"$or":[{"title":"a"},{"$not":{"status":"CONFIRMED"}}]}""").NamesStatus.Should().BeTrue();
        SessionFilter.StatusIn(SessionStatus.Confirmed).NamesStatus.Should().BeTrue();
    }

    [Fact]
    public void Nesting_deeper_than_16_levels_exceeds_the_limit()
    {
        static string Nested(int depth) => depth == 0 ? """{"title":"a"}""" : """{"$not":""" + Nested(depth - 1) + "}";

        var deepest = () => SessionFilter.Parse(Nested(16));
        var tooDeep = () => SessionFilter.Parse(Nested(17));

        deepest.Should().NotThrow();
        tooDeep.Should().Throw<SchedulingException>().Which.Code.Should().Be(SchedulingErrorCode.LimitExceeded);
    }

    [Fact]
    public void Filter_with_more_than_1000_values_exceeds_the_limit()
    {
        var ids = string.Join(",", Enumerable.Range(0, 1_001).Select(i => $"\"s{i}\""));

        var parse = () => SessionFilter.Parse("""{"id":{"$in":[""" + ids + "]}}");

        parse.Should().Throw<SchedulingException>().Which.Code.Should().Be(SchedulingErrorCode.LimitExceeded);
    }

    [Fact]
    public void Builder_without_values_is_an_invalid_argument_naming_the_field()
    {
        var build = () => SessionFilter.HasAnyTag();

        build.Should().Throw<SchedulingException>().Which.Field.Should().Be("filter.tags");
    }

    [Fact]
    public void Builder_with_an_empty_value_is_an_invalid_argument_naming_the_field()
    {
        var build = () => SessionFilter.ScheduleIdIn("s1", "");

        build.Should().Throw<SchedulingException>().Which.Field.Should().Be("filter.scheduleId");
    }

    [Fact]
    public void Tree_built_in_code_with_an_unknown_field_is_an_invalid_argument()
    {
        var build = () => SessionFilter.FromNode(new FilterNode.Condition("teacher", FilterOperator.Eq, [FilterValue.Of("Ada")]));

        ShouldBeInvalid(build, "filter.teacher");
    }

    [Fact]
    public void Tree_built_in_code_with_an_operator_the_field_does_not_take_is_an_invalid_argument()
    {
        var build = () => SessionFilter.FromNode(new FilterNode.Condition("tags", FilterOperator.Gt, [FilterValue.Of("a")]));

        ShouldBeInvalid(build, "filter.tags");
    }

    [Fact]
    public void Tree_built_in_code_with_two_values_for_eq_is_an_invalid_argument()
    {
        var build = () => SessionFilter.FromNode(new FilterNode.Condition("title", FilterOperator.Eq, [FilterValue.Of("a"), FilterValue.Of("b")]));

        ShouldBeInvalid(build, "filter.title");
    }

    [Fact]
    public void Tree_built_in_code_with_an_empty_or_is_an_invalid_argument()
    {
        var build = () => SessionFilter.FromNode(new FilterNode.AnyOf([]));

        ShouldBeInvalid(build, "filter.$or");
    }

    [Fact]
    public void Tree_built_in_code_with_a_value_of_the_wrong_type_is_an_invalid_argument()
    {
        var build = () => SessionFilter.FromNode(new FilterNode.Condition("capacity", FilterOperator.Gt, [FilterValue.Of("three")]));

        ShouldBeInvalid(build, "filter.capacity");
    }

    [Fact]
    public void Tree_built_in_code_with_an_instant_for_a_text_field_is_an_invalid_argument()
    {
        var build = () => SessionFilter.FromNode(new FilterNode.Condition("title", FilterOperator.Eq, [FilterValue.Of(Instant.FromUtc(2025, 1, 1, 0, 0))]));

        ShouldBeInvalid(build, "filter.title");
    }

    [Fact]
    public void Tree_built_in_code_with_a_value_outside_a_choice_is_an_invalid_argument()
    {
        var build = () => SessionFilter.FromNode(new FilterNode.Condition("type", FilterOperator.Eq, [FilterValue.Of("MEETING")]));

        ShouldBeInvalid(build, "filter.type");
    }

    private static void ShouldBeInvalid(Func<SessionFilter> build, string fieldPrefix)
    {
        var error = build.Should().Throw<SchedulingException>().Which;
        error.Code.Should().Be(SchedulingErrorCode.InvalidArgument);
        error.Field.Should().StartWith(fieldPrefix);
    }
}
