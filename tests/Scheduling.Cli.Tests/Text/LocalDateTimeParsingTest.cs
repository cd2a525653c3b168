using Scheduling.Cli.Text;

namespace Scheduling.Cli.Tests.Text;

public class LocalDateTimeParsingTest
{
    [Fact]
    public void Date_time_without_seconds_has_zero_seconds()
    {
        Parse("2025-01-06T09:00").Should().Be(LocalDateOrDateTime.FromDateTime(new LocalDateTime(2025, 1, 6, 9, 0, 0)));
    }

    [Fact]
    public void Date_time_with_seconds_keeps_them()
    {
        Parse("2025-01-06T09:00:59").Should().Be(LocalDateOrDateTime.FromDateTime(new LocalDateTime(2025, 1, 6, 9, 0, 59)));
    }

    [Fact]
    public void Date_is_a_date_at_midnight()
    {
        var value = Parse("2024-02-29");

        value.IsDate.Should().BeTrue();
        value.Date.Should().Be(new LocalDate(2024, 2, 29));
        value.Value.Should().Be(new LocalDateTime(2024, 2, 29, 0, 0));
    }

    [Fact]
    public void Date_and_midnight_date_time_are_different_values()
    {
        Parse("2025-01-06").Should().NotBe(Parse("2025-01-06T00:00"));
    }

    [Theory]
    [InlineData("0001-01-01T00:00:00")]
    [InlineData("9999-12-31T23:59:59")]
    public void Years_one_to_9999_are_accepted(string text)
    {
        Parse(text).ToString().Should().Be(text);
    }

    [Theory]
    [InlineData("", "it is empty; expected YYYY-MM-DD, YYYY-MM-DDTHH:MM or YYYY-MM-DDTHH:MM:SS")]
    [InlineData("tomorrow", "expected YYYY-MM-DD, YYYY-MM-DDTHH:MM or YYYY-MM-DDTHH:MM:SS")]
    [InlineData("2025-1-6", "expected YYYY-MM-DD, YYYY-MM-DDTHH:MM or YYYY-MM-DDTHH:MM:SS")]
    [InlineData("20250106T090000", "expected YYYY-MM-DD, YYYY-MM-DDTHH:MM or YYYY-MM-DDTHH:MM:SS")]
    [InlineData("2025-01-06 09:00", "expected YYYY-MM-DD, YYYY-MM-DDTHH:MM or YYYY-MM-DDTHH:MM:SS")]
    [InlineData("2025-01-06T9:00", "expected YYYY-MM-DD, YYYY-MM-DDTHH:MM or YYYY-MM-DDTHH:MM:SS")]
    [InlineData("2025-01-06T09", "expected YYYY-MM-DD, YYYY-MM-DDTHH:MM or YYYY-MM-DDTHH:MM:SS")]
    [InlineData("2025-01-06T09:00:", "expected YYYY-MM-DD, YYYY-MM-DDTHH:MM or YYYY-MM-DDTHH:MM:SS")]
    [InlineData("0000-01-01", "year 0 is out of range 1-9999")]
    [InlineData("2025-13-01", "month 13 is out of range 1-12")]
    [InlineData("2025-00-01", "month 0 is out of range 1-12")]
    [InlineData("2025-02-29", "day 29 is out of range 1-28 for 2025-02")]
    [InlineData("2025-04-31T09:00", "day 31 is out of range 1-30 for 2025-04")]
    [InlineData("2025-01-06T24:00", "hour 24 is out of range 0-23")]
    [InlineData("2025-01-06T09:60", "minute 60 is out of range 0-59")]
    [InlineData("2025-01-06T09:00:60", "second 60 is out of range 0-59")]
    [InlineData("2025-01-06T09:00Z", "it has a UTC offset; give the local time in the time zone instead")]
    [InlineData("2025-01-06T09:00:00Z", "it has a UTC offset; give the local time in the time zone instead")]
    [InlineData("2025-01-06T09:00:00+01:00", "it has a UTC offset; give the local time in the time zone instead")]
    [InlineData("2025-01-06T09:00-05:00", "it has a UTC offset; give the local time in the time zone instead")]
    [InlineData("2025-01-06T09:00:00.5", "fractions of a second are not supported; RFC 5545 date-times are whole seconds")]
    public void Invalid_text_is_refused_with_the_reason(string text, string problem)
    {
        LocalDateTimeParsing.TryParse(text, out _, out var actual).Should().BeFalse();

        actual.Should().Be(problem);
    }

    private static LocalDateOrDateTime Parse(string text)
    {
        LocalDateTimeParsing.TryParse(text, out var value, out var problem).Should().BeTrue(problem);
        return value;
    }
}
