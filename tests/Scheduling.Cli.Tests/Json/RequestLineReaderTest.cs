using System.Text;
using Scheduling.Cli.Expansion;
using Scheduling.Cli.Json;

namespace Scheduling.Cli.Tests.Json;

public class RequestLineReaderTest
{
    [Fact]
    public void Every_field_is_read()
    {
        var input = Read("""{"id":"c1","tz":"America/New_York","dtstart":"2025-01-06T18:30:00","rrule":"FREQ=DAILY","exdate":["a","b"],"rdate":["c"],"from":"f","to":"t"}""", out var id);

        id.Should().Be(RequestId.FromString("c1"));
        input.Should().BeEquivalentTo(new ExpansionInput
        {
            TimeZone = "America/New_York",
            Start = "2025-01-06T18:30:00",
            Rule = "FREQ=DAILY",
            ExceptionDates = ["a", "b"],
            RecurrenceDates = ["c"],
            From = "f",
            To = "t",
        });
    }

    [Fact]
    public void Null_fields_count_as_absent()
    {
        var input = Read("""{"id":null,"tz":null,"rrule":null,"exdate":null,"rdate":null}""", out var id);

        id.IsNull.Should().BeTrue();
        input.TimeZone.Should().BeNull();
        input.Rule.Should().BeNull();
        input.ExceptionDates.Should().BeEmpty();
        input.RecurrenceDates.Should().BeEmpty();
    }

    [Fact]
    public void Escaped_property_names_and_values_are_read_as_text()
    {
        var input = Read("""{"\u0074z":"Europe\/Berlin"}""", out _);

        input.TimeZone.Should().Be("Europe/Berlin");
    }

    [Fact]
    public void Property_names_are_case_sensitive()
    {
        var input = Read("""{"TZ":"Europe/Berlin"}""", out _);

        input.TimeZone.Should().BeNull();
    }

    [Fact]
    public void Number_id_keeps_its_text()
    {
        Read("""{"id":1e3}""", out var id);

        id.ToString().Should().Be("1e3");
    }

    [Theory]
    [InlineData("""{"id":true}""", "id must be a string, a number or null")]
    [InlineData("""{"id":{"a":1}}""", "id must be a string, a number or null")]
    [InlineData("""{"tz":1}""", "tz must be a string")]
    [InlineData("""{"dtstart":["2025-01-01"]}""", "dtstart must be a string")]
    [InlineData("""{"exdate":"2025-01-01T00:00"}""", "exdate must be an array of strings")]
    [InlineData("""{"rdate":["2025-01-01T00:00",5]}""", "rdate must be an array of strings")]
    [InlineData("""{"tz":"UTC","tz":"UTC"}""", "tz appears more than once")]
    [InlineData("""{"tz":1,"from":2}""", "tz must be a string")]
    public void Field_of_the_wrong_type_is_refused_with_its_name(string line, string expected)
    {
        Fail(line, out _).Should().Be(expected);
    }

    [Fact]
    public void Field_of_the_wrong_type_keeps_the_id()
    {
        Fail("""{"tz":1,"id":"x"}""", out var id);

        id.Should().Be(RequestId.FromString("x"));
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("\"text\"")]
    [InlineData("42")]
    [InlineData("null")]
    public void Line_that_is_not_an_object_is_refused(string line)
    {
        Fail(line, out _).Should().Be("the line is not a JSON object");
    }

    [Theory]
    [InlineData("{")]
    [InlineData("""{"id":"a",}""")]
    [InlineData("""{"id":"a"} {"id":"b"}""")]
    [InlineData("""{'id':'a'}""")]
    [InlineData("""{"id":"\ud800"}""")]
    [InlineData("""{"a":[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]}""")]
    public void Line_that_is_not_valid_json_is_refused_with_a_null_id(string line)
    {
        Fail(line, out var id).Should().StartWith("the line is not valid JSON: ");

        id.IsNull.Should().BeTrue();
    }

    private static ExpansionInput Read(string line, out RequestId id)
    {
        RequestLineReader.TryRead(Encoding.UTF8.GetBytes(line), out id, out var input, out var error).Should().BeTrue(error);
        return input!;
    }

    private static string Fail(string line, out RequestId id)
    {
        RequestLineReader.TryRead(Encoding.UTF8.GetBytes(line), out id, out var input, out var error).Should().BeFalse();
        input.Should().BeNull();
        return error!;
    }
}
