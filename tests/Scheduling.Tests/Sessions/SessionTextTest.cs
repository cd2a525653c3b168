using Scheduling.Recurrence;
using Scheduling.Sessions;

namespace Scheduling.Tests.Sessions;

/// <summary>Rule text and zone ids as a host receives them, read with the API's own error.</summary>
public sealed class SessionTextTest
{
    [Fact]
    public void Rule_text_parses_to_the_engines_rule()
    {
        SessionText.ParseRule("FREQ=WEEKLY;BYDAY=MO,WE").Should().Be(RecurrenceRule.Parse("FREQ=WEEKLY;BYDAY=MO,WE"));
    }

    [Theory]
    [InlineData("FREQ=WEEKLY;BYDAY=XX", "BYDAY", 18)]
    [InlineData("FREQ=MONTHLY;BYMONTHDAY=32", "BYMONTHDAY", 24)]
    [InlineData("FREQ=FORTNIGHTLY", "FREQ", 5)]
    public void Bad_rule_text_is_invalid_argument_on_rule_with_the_part_and_the_position_of_the_bad_value(string text, string part, int position)
    {
        var parse = () => SessionText.ParseRule(text);

        var error = parse.Should().Throw<SchedulingException>().Which;
        error.Code.Should().Be(SchedulingErrorCode.InvalidArgument);
        error.Field.Should().Be("rule");
        error.Part.Should().Be(part);
        error.Position.Should().Be(position);
        var cause = error.InnerException.Should().BeOfType<RecurrenceException>().Which;
        RecurrenceRule.TryParse(text, out _, out var engine).Should().BeFalse();
        cause.Error.Part.Should().Be(engine!.Part);
        cause.Error.Position.Should().Be(engine.Position);
        error.Message.Should().Be(engine.Message);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("COUNT=3")]
    public void Missing_rule_text_is_invalid_argument_on_rule(string? text)
    {
        var parse = () => SessionText.ParseRule(text);

        var error = parse.Should().Throw<SchedulingException>().Which;
        error.Code.Should().Be(SchedulingErrorCode.InvalidArgument);
        error.Field.Should().Be("rule");
        error.Part.Should().Be("FREQ");
    }

    [Fact]
    public void A_zone_id_of_the_tz_database_is_found()
    {
        SessionText.ParseZone("Europe/Zurich").Should().BeSameAs(DateTimeZoneProviders.Tzdb["Europe/Zurich"]);
    }

    [Theory]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("europe/zurich")]
    [InlineData("+01:00")]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData(null)]
    public void Unknown_zone_id_is_invalid_argument_on_zone(string? zoneId)
    {
        var find = () => SessionText.ParseZone(zoneId);

        var error = find.Should().Throw<SchedulingException>().Which;
        error.Code.Should().Be(SchedulingErrorCode.InvalidArgument);
        error.Field.Should().Be("zone");
        error.Part.Should().BeNull();
    }

    [Fact]
    public void An_unknown_zone_id_is_named_in_the_message_but_kept_short()
    {
        var find = () => SessionText.ParseZone(new string('Z', 10_000));

        find.Should().Throw<SchedulingException>().Which.Message.Length.Should().BeLessThan(300);
    }
}
