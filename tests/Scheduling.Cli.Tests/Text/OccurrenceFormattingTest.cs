using System.Text;
using Scheduling.Cli.Text;
using Scheduling.Recurrence;

namespace Scheduling.Cli.Tests.Text;

public class OccurrenceFormattingTest
{
    [Theory]
    [InlineData("America/New_York", "2025-03-05T02:30:00", "FREQ=DAILY;COUNT=10")]
    [InlineData("Europe/London", "2025-01-01T00:00:00", "FREQ=HOURLY;INTERVAL=5;COUNT=500")]
    [InlineData("Asia/Kolkata", "2025-01-01T23:59:59", "FREQ=MONTHLY;COUNT=12")]
    [InlineData("Asia/Kathmandu", "2025-01-01T00:00:00", "FREQ=DAILY;COUNT=3")]
    [InlineData("America/St_Johns", "2025-03-01T12:00:00", "FREQ=WEEKLY;COUNT=20")]
    [InlineData("Pacific/Chatham", "2025-01-01T03:45:00", "FREQ=MONTHLY;COUNT=12")]
    [InlineData("Etc/UTC", "0001-01-02T00:00:00", "FREQ=YEARLY;COUNT=2")]
    [InlineData("America/New_York", "1850-01-01T12:00:00", "FREQ=YEARLY;COUNT=60")]
    [InlineData("Europe/Amsterdam", "1930-01-01T12:00:00", "FREQ=MONTHLY;COUNT=200")]
    public void Date_time_text_is_exactly_the_engines(string zoneId, string start, string rule)
    {
        var set = new RecurrenceSet(
            NodaTime.Text.LocalDateTimePattern.ExtendedIso.Parse(start).Value, DateTimeZoneProviders.Tzdb[zoneId], RecurrenceRule.Parse(rule));
        var buffer = new byte[OccurrenceFormatting.MaxLength];

        foreach (var occurrence in set.All())
        {
            var length = OccurrenceFormatting.WriteDateTime(occurrence, buffer);

            Encoding.UTF8.GetString(buffer, 0, length).Should().Be(occurrence.ToString());
        }
    }

    [Fact]
    public void All_day_text_is_the_date_the_recurrence_produced()
    {
        var set = RecurrenceSet.ForAllDay(new LocalDate(2025, 1, 6), DateTimeZoneProviders.Tzdb["Europe/Berlin"], RecurrenceRule.Parse("FREQ=MONTHLY;COUNT=2"));
        var buffer = new byte[OccurrenceFormatting.MaxLength];

        var texts = set.All().Select(occurrence => Encoding.UTF8.GetString(buffer, 0, OccurrenceFormatting.WriteDate(occurrence, buffer)));

        texts.Should().Equal("2025-01-06", "2025-02-06");
    }

    [Fact]
    public void All_day_text_is_the_day_even_where_midnight_is_skipped()
    {
        // Sao Paulo sprang forward at midnight on 2018-11-04: that day starts at 01:00.
        var set = RecurrenceSet.ForAllDay(new LocalDate(2018, 11, 3), DateTimeZoneProviders.Tzdb["America/Sao_Paulo"], RecurrenceRule.Parse("FREQ=DAILY;COUNT=3"));
        var buffer = new byte[OccurrenceFormatting.MaxLength];

        var texts = set.All().Select(occurrence => Encoding.UTF8.GetString(buffer, 0, OccurrenceFormatting.WriteDate(occurrence, buffer)));

        texts.Should().Equal("2018-11-03", "2018-11-04", "2018-11-05");
    }
}
