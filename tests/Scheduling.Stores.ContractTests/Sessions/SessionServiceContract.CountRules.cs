using Scheduling.Recurrence;
using Scheduling.Sessions;

namespace Scheduling.Stores.ContractTests.Sessions;

/// <summary>
/// Series whose COUNT runs out long before the window a query asks for: a page costs the same wherever the window
/// is, because the engine seeks by the series' last occurrence instead of counting from its start.
/// </summary>
public abstract partial class SessionServiceContract
{
    /// <summary>A second-long class every second of the 31st of each month from 2000, a million times (the most COUNT allows).</summary>
    private static NewRecurringSession EverySecondOnThe31st(string id, string rule) => new()
    {
        Id = id,
        ScheduleId = "schedule-1",
        ScheduleOwnerId = "owner-1",
        Details = new SessionDetails { Title = "Dense" },
        Start = Time.Local(2000, 1, 1, 0, 0),
        Zone = Time.NewYork,
        Duration = Duration.FromSeconds(1),
        Rule = RecurrenceRule.Parse(rule),
    };

    [Fact]
    public async Task Count_series_far_from_its_start_gives_an_empty_page_past_its_last_occurrence()
    {
        await CreateAsync(EverySecondOnThe31st("dense", "FREQ=SECONDLY;BYMONTHDAY=31;COUNT=1000000"));

        var in2100 = await QueryAsync(Time.Utc(2100, 1, 31), Time.Utc(2100, 2, 1), pageSize: 10);
        var in3000 = await QueryAsync(Time.Utc(3000, 1, 31), Time.Utc(3000, 2, 1), pageSize: 10);

        in2100.Items.Should().BeEmpty();
        in3000.Items.Should().BeEmpty();
    }

    [Fact]
    public async Task Count_series_pages_through_its_last_day_up_to_its_count()
    {
        await CreateAsync(EverySecondOnThe31st("dense", "FREQ=SECONDLY;BYMONTHDAY=31;COUNT=1000000"));

        // DTSTART and eleven whole 31sts make 950,401 occurrences; the last 49,599 fall on 2001-08-31 (New York, UTC-4).
        var first = await QueryAsync(Time.Utc(2001, 8, 31, 4, 0), Time.Utc(2001, 9, 1, 4, 0), pageSize: 10);
        var last = await QueryAsync(Instant.FromUtc(2001, 8, 31, 17, 46, 30), Time.Utc(2001, 9, 1, 4, 0), pageSize: 100);

        first.Items.Should().HaveCount(10);
        first.NextCursor.Should().NotBeNull();
        last.Items.Select(s => s.Start.Timestamp).Should().Equal(
            Enumerable.Range(30, 9).Select(second => Instant.FromUtc(2001, 8, 31, 17, 46, second)));
        last.NextCursor.Should().BeNull();
    }

    [Fact]
    public async Task Minutely_count_series_gives_an_empty_page_at_the_end_of_the_supported_range()
    {
        await CreateAsync(EverySecondOnThe31st("minutely", "FREQ=MINUTELY;COUNT=1000000;BYMONTH=1,2,3"));

        var page = await QueryAsync(Time.Utc(9999, 12, 1), SupportedRange.End, pageSize: 100);

        page.Items.Should().BeEmpty();
    }
}
