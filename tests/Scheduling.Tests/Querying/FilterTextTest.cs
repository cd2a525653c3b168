using System.Collections.Immutable;
using System.Text;
using Scheduling.Attendance;
using Scheduling.Querying;
using Scheduling.Sessions;

namespace Scheduling.Tests.Querying;

/// <summary>
/// Malformed filter text and malformed trees built in code are invalid arguments on <c>filter</c> that say where,
/// never an untyped exception.
/// </summary>
public sealed class FilterTextTest
{
    [Fact]
    public void Lone_surrogate_in_the_text_is_an_invalid_argument_at_its_character()
    {
        // Not theory data: a lone surrogate does not survive the test runner's serialization of it.
        (string Json, int At)[] cases = [("\uD800", 0), ("{\"title\":\"a\uDC00\"}", 11), ("{\"title\":\"\uD83D\uDE00\uD83D\"}", 12)];
        foreach (var (json, at) in cases)
        {
            var error = Invalid(() => SessionFilter.Parse(json), "filter");

            error.Message.Should().Contain($"character {at}");
        }
    }

    [Theory]
    [InlineData("""{"\udc00":"a"}""")]
    [InlineData("""{"title":"\udc00"}""")]
    [InlineData("""{"title":"\ud800x"}""")]
    [InlineData("""{"tags":{"\ud800":["a"]}}""")]
    public void Escaped_lone_surrogate_is_an_invalid_argument_at_its_byte(string json)
    {
        var error = Invalid(() => SessionFilter.Parse(json), "filter");

        error.Message.Should().Contain("byte");
    }

    [Fact]
    public void Escaped_surrogate_pair_is_read()
    {
        SessionFilter.Parse("""{"title":"\ud83d\ude00"}""").Node.Should().Be(SessionFilter.Parse("{\"title\":\"\uD83D\uDE00\"}").Node);
    }

    [Theory]
    [InlineData(new byte[] { 0x7B, 0xFF, 0x7D }, 1)]
    [InlineData(new byte[] { 0x7B, 0x22, 0x74, 0x69, 0x74, 0x6C, 0x65, 0x22, 0x3A, 0x22, 0xC3, 0x22, 0x7D }, 10)]
    [InlineData(new byte[] { 0x7B, 0x22, 0x74, 0x69, 0x74, 0x6C, 0x65, 0x22, 0x3A, 0x22, 0xED, 0xA0, 0x80, 0x22, 0x7D }, 10)]
    public void Invalid_utf8_is_an_invalid_argument_at_its_byte(byte[] utf8, int at)
    {
        var error = Invalid(() => SessionFilter.Parse(utf8), "filter");

        error.Message.Should().Contain($"byte {at}");
    }

    [Fact]
    public void Utf8_and_text_make_the_same_filter()
    {
        const string json = """{"title":"Café","$or":[{"tags":{"$hasAll":["a","b"]}},{"capacity":{"$lt":3}}]}""";

        SessionFilter.Parse(Encoding.UTF8.GetBytes(json)).Node.Should().Be(SessionFilter.Parse(json).Node);
        SessionFilter.Parse([.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(json)]).Node.Should().Be(SessionFilter.Parse(json).Node);
        AttendanceFilter.Parse("""{"status":"attended"}"""u8).Node.Should().Be(AttendanceFilter.Parse("""{"status":"ATTENDED"}""").Node);
    }

    [Theory]
    [InlineData("""{"title":"a"} {}""")]
    [InlineData("""{"title":"a"}x""")]
    [InlineData("""{"title":"a",}""")]
    [InlineData("""{"title":"\q"}""")]
    [InlineData("{\"title\":\"a\"")]
    [InlineData("""{"title" "a"}""")]
    [InlineData("""{/* note */"title":"a"}""")]
    [InlineData("")]
    public void Text_that_is_not_one_json_object_is_an_invalid_argument_with_the_position(string json)
    {
        var error = Invalid(() => SessionFilter.Parse(json), "filter");

        error.Message.Should().MatchRegex("line \\d+, byte \\d+");
    }

    [Fact]
    public void Object_that_mixes_operators_and_other_keys_is_an_invalid_argument_naming_the_field()
    {
        Invalid(() => SessionFilter.Parse("""{"title":{"$eq":"a","b":1}}"""), "filter.title");
        Invalid(() => SessionFilter.Parse("""{"title":{"b":1,"$eq":"a"}}"""), "filter.title");
        Invalid(() => SessionFilter.Parse("""{"title":{}}"""), "filter.title");
    }

    [Fact]
    public void Condition_without_a_field_is_an_invalid_argument()
    {
        Invalid(() => SessionFilter.FromNode(new FilterNode.Condition(null!, FilterOperator.Eq, [FilterValue.Of("a")])), "filter");
        Invalid(() => SessionFilter.FromNode(new FilterNode.Condition("", FilterOperator.Eq, [FilterValue.Of("a")])), "filter");
    }

    [Fact]
    public void Default_arrays_are_an_invalid_argument()
    {
        Invalid(() => SessionFilter.FromNode(new FilterNode.Condition("title", FilterOperator.Eq, default)), "filter");
        Invalid(() => SessionFilter.FromNode(new FilterNode.AllOf(default)), "filter");
        Invalid(() => SessionFilter.FromNode(new FilterNode.AnyOf(default)), "filter");
        Invalid(() => AttendanceFilter.FromNode(new FilterNode.AllOf(default)), "filter");
    }

    [Fact]
    public void Null_parts_are_an_invalid_argument()
    {
        Invalid(() => SessionFilter.FromNode(null!), "filter");
        Invalid(() => SessionFilter.FromNode(new FilterNode.Not(null!)), "filter");
        Invalid(() => SessionFilter.FromNode(new FilterNode.AllOf([null!])), "filter");
        Invalid(() => SessionFilter.All.And(null!), "filter");
        Invalid(() => SessionFilter.All.Or(null!), "filter");
        Invalid(() => AttendanceFilter.FromNode(null!), "filter");
        Invalid(() => AttendanceFilter.All.And(null!), "filter");
    }

    [Fact]
    public void Condition_with_an_undefined_operator_is_an_invalid_argument()
    {
        Invalid(() => new FilterNode.Condition("title", (FilterOperator)99, [FilterValue.Of("a")]), "filter");
    }

    [Fact]
    public void Text_built_in_code_must_be_valid_utf16()
    {
        Invalid(() => SessionFilter.FromNode(new FilterNode.Condition("title", FilterOperator.Eq, [FilterValue.Of("a\uD800")])), "filter");
        Invalid(() => SessionFilter.FromNode(new FilterNode.Condition("ti\uDC00tle", FilterOperator.Eq, [FilterValue.Of("a")])), "filter");
    }

    [Fact]
    public void Earliest_and_latest_instants_parse_back_from_their_text()
    {
        var earliest = SessionFilter.FromNode(new FilterNode.Condition("start", FilterOperator.Gt, [FilterValue.Of(Instant.MinValue)]));
        var latest = SessionFilter.FromNode(new FilterNode.Condition("start", FilterOperator.Lt, [FilterValue.Of(Instant.MaxValue)]));
        SessionFilter.Parse(earliest.ToJson()).Node.Should().Be(earliest.Node);
        SessionFilter.Parse(latest.ToJson()).Node.Should().Be(latest.Node);
    }

    [Fact]
    public void Field_name_longer_than_any_field_is_an_invalid_argument_without_echoing_it()
    {
        var name = new string('x', 100_000);

        var built = Invalid(() => new FilterNode.Condition(name, FilterOperator.Eq, [FilterValue.Of("a")]), "filter");
        var parsed = Invalid(() => SessionFilter.Parse($$"""{"{{name}}":"a"}"""), null);

        built.Message.Length.Should().BeLessThan(500);
        parsed.Message.Length.Should().BeLessThan(1_000);
        parsed.Field!.Length.Should().BeLessThan(100);
    }

    [Fact]
    public void Schema_field_names_are_short_plain_ascii()
    {
        var spaced = () => FilterField<string>.Text("a b", s => s);
        var escaped = () => FilterField<string>.Text("caf\u00e9", s => s);
        var tooLong = () => FilterField<string>.Text(new string('a', FilterLimits.MaxFieldNameLength + 1), s => s);

        spaced.Should().Throw<ArgumentException>();
        escaped.Should().Throw<ArgumentException>();
        tooLong.Should().Throw<ArgumentException>();
        FilterField<string>.Text("participants.id", s => s).Name.Should().Be("participants.id");
    }

    private static SchedulingException Invalid(Func<object> call, string? field)
    {
        var error = call.Should().Throw<SchedulingException>().Which;
        error.Code.Should().Be(SchedulingErrorCode.InvalidArgument);
        if (field is not null)
        {
            error.Field.Should().Be(field);
        }

        return error;
    }
}
