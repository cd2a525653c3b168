using System.Globalization;
using System.Text;
using Scheduling.Cli.Expansion;
using Scheduling.Recurrence;
using static Scheduling.Cli.Tests.Expansion.JsonLines;

namespace Scheduling.Cli.Tests.Expansion;

public class JsonLinesExpanderThroughputTest
{
    private const int LineCount = 5_000;

    private static readonly string[] Zones = ["America/New_York", "Europe/Berlin", "Asia/Tokyo", "Australia/Sydney", "Etc/UTC", "America/Sao_Paulo"];

    private static readonly string[] Rules =
    [
        "FREQ=DAILY;COUNT=20",
        "FREQ=WEEKLY;BYDAY=MO,WE,FR;COUNT=15",
        "FREQ=MONTHLY;BYMONTHDAY=-1;COUNT=12",
        "FREQ=MONTHLY;BYDAY=2TU",
        "FREQ=YEARLY;BYMONTH=3,11;BYDAY=1SU",
        "FREQ=HOURLY;INTERVAL=7;COUNT=30",
    ];

    [Fact]
    public void Five_thousand_varied_lines_all_get_their_own_correct_response_in_order()
    {
        var requests = new StringBuilder();
        for (var i = 0; i < LineCount; i++)
        {
            requests.Append(LineFor(i)).Append('\n');
        }

        using var output = new MemoryStream();
        var responseCount = new JsonLinesExpander().Run(new StringReader(requests.ToString()), output);

        var responses = Encoding.UTF8.GetString(output.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        responseCount.Should().Be(LineCount);
        responses.Should().HaveCount(LineCount);
        for (var i = 0; i < LineCount; i++)
        {
            var response = Parse(responses[i]);
            response.GetProperty("id").GetInt32().Should().Be(i);
            response.Occurrences().Should().Equal(ExpectedFor(i), $"line {i} is {LineFor(i)}");
        }
    }

    private static string LineFor(int i) => Request(
        id: i,
        tz: Zones[i % Zones.Length],
        dtstart: Start(i).ToString("uuuu'-'MM'-'dd'T'HH':'mm':'ss", CultureInfo.InvariantCulture),
        rrule: Rules[i % Rules.Length],
        from: "2025-01-01T00:00:00",
        to: "2026-01-01T00:00:00");

    private static LocalDateTime Start(int i) =>
        new LocalDateTime(2025, 1, 1, 0, 30).PlusDays(i % 200).PlusHours(i % 24);

    /// <summary>The expected text, computed straight from the engine and formatted by its own ToString.</summary>
    private static IEnumerable<string> ExpectedFor(int i)
    {
        var zone = DateTimeZoneProviders.Tzdb[Zones[i % Zones.Length]];
        var set = new RecurrenceSet(Start(i), zone, RecurrenceRule.Parse(Rules[i % Rules.Length]));
        var from = new LocalDateTime(2025, 1, 1, 0, 0).InZoneLeniently(zone).ToInstant();
        var to = new LocalDateTime(2026, 1, 1, 0, 0).InZoneLeniently(zone).ToInstant();
        return set.Between(from, to).Select(occurrence => occurrence.ToString());
    }
}
