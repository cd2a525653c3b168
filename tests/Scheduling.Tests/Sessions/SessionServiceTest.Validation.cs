using NodaTime;
using Scheduling.Recurrence;
using Scheduling.Sessions;
using Scheduling.Stores.ContractTests;

namespace Scheduling.Tests.Sessions;

/// <summary>Titles may be left out but not blank; a series' UNTIL may not lie before its start; a start in a DST gap keeps its length.</summary>
public sealed partial class SessionServiceTest
{
    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\n")]
    public async Task Blank_title_is_invalid_on_sessions_series_and_instance_edits(string title)
    {
        await FailsAsync(() => CreateAsync(OneHour("s1", Time.Utc(2025, 3, 3, 10)) with { Details = new SessionDetails { Title = title } }), SchedulingErrorCode.InvalidArgument, "title");
        await FailsAsync(() => CreateAsync(WeeklyYoga("blank") with { Details = WeeklyYoga("blank").Details with { Title = title } }), SchedulingErrorCode.InvalidArgument, "title");

        var series = await CreateAsync(WeeklyYoga());
        await FailsAsync(
            () => Service.UpdateRecurringSessionAsync(Host, "yoga", new RecurringSessionChanges { Details = new SessionDetailsChanges { Title = title } }, series.Revision).AsTask(),
            SchedulingErrorCode.InvalidArgument,
            "title");
        await FailsAsync(
            () => Service.UpdateSessionAsync(Host, InstanceId("yoga", 3, 10), new SessionChanges { Details = new SessionDetailsChanges { Title = title } }, expectedRevision: 0).AsTask(),
            SchedulingErrorCode.InvalidArgument,
            "title");
        (await Service.GetSessionAsync(Host, InstanceId("yoga", 3, 10))).Details.Title.Should().Be("Yoga");
        await FailsAsync(() => GetAsync("s1"), SchedulingErrorCode.NotFound);
    }

    [Fact]
    public async Task A_session_without_a_title_is_allowed()
    {
        var created = await CreateAsync(OneHour("s1", Time.Utc(2025, 3, 3, 10)) with { Details = new SessionDetails { Title = null } });

        created.Details.Title.Should().BeNull();
    }

    [Theory]
    [InlineData("FREQ=WEEKLY;UNTIL=20250302")]
    [InlineData("FREQ=WEEKLY;UNTIL=20250303T182959")]
    [InlineData("FREQ=WEEKLY;UNTIL=20250303T232959Z")]
    public async Task Until_before_the_start_is_invalid_on_rule(string rule)
    {
        // The series starts on 2025-03-03 at 18:30 in New York, 23:30 UTC.
        await FailsAsync(() => CreateAsync(WeeklyYoga(rule: rule)), SchedulingErrorCode.InvalidArgument, "rule");
    }

    [Theory]
    [InlineData("FREQ=WEEKLY;UNTIL=20250303")]
    [InlineData("FREQ=WEEKLY;UNTIL=20250303T183000")]
    [InlineData("FREQ=WEEKLY;UNTIL=20250303T233000Z")]
    public async Task Until_at_the_start_is_a_series_of_one(string rule)
    {
        await CreateAsync(WeeklyYoga(rule: rule));

        var march = await Service.QuerySessionsAsync(Host, new SessionQuery { From = Time.Utc(2025, 3, 1, 0), To = Time.Utc(2025, 4, 1, 0) });
        march.Items.Should().ContainSingle().Which.Id.Should().Be(InstanceId("yoga", 3, 3));
    }

    [Fact]
    public async Task Moving_a_series_start_past_its_until_is_invalid_on_rule()
    {
        var series = await CreateAsync(WeeklyYoga(rule: "FREQ=WEEKLY;UNTIL=20250331T235959Z"));

        await FailsAsync(
            () => Service.UpdateRecurringSessionAsync(Host, "yoga", new RecurringSessionChanges { Start = new LocalDateTime(2025, 4, 7, 18, 30) }, series.Revision).AsTask(),
            SchedulingErrorCode.InvalidArgument,
            "rule");
    }

    [Fact]
    public async Task A_start_in_a_dst_gap_is_shifted_and_keeps_its_wall_clock_length()
    {
        // New York springs forward at 02:00 on 2025-03-09: 02:30 reads as 03:30 EDT (07:30 UTC).
        var created = await CreateAsync(OneHour("gap", Time.Utc(2025, 3, 9, 7)) with
        {
            Start = Time.InNewYork(2025, 3, 9, 2, 30),
            End = Time.InNewYork(2025, 3, 9, 3, 30),
        });

        created.Start.Timestamp.Should().Be(Time.Utc(2025, 3, 9, 7, 30));
        (created.End.Timestamp - created.Start.Timestamp).Should().Be(Duration.FromHours(1));
        created.End.LocalDateTime.Should().Be(Time.Local(2025, 3, 9, 4, 30));
    }

    [Fact]
    public async Task A_start_in_a_dst_gap_with_an_end_given_as_an_instant_ends_at_that_instant()
    {
        var created = await CreateAsync(OneHour("gap", Time.Utc(2025, 3, 9, 7)) with
        {
            Start = Time.InNewYork(2025, 3, 9, 2, 30),
            End = Time.At(Time.Utc(2025, 3, 9, 9)),
        });

        created.End.Should().Be(Time.At(Time.Utc(2025, 3, 9, 9)));
    }

    [Fact]
    public async Task A_start_outside_a_gap_keeps_the_end_as_given()
    {
        // 01:30 to 03:30 on the spring-forward night: one hour of real time, as the clocks say.
        var created = await CreateAsync(OneHour("night", Time.Utc(2025, 3, 9, 6)) with
        {
            Start = Time.InNewYork(2025, 3, 9, 1, 30),
            End = Time.InNewYork(2025, 3, 9, 3, 30),
        });

        (created.End.Timestamp - created.Start.Timestamp).Should().Be(Duration.FromHours(1));
        created.End.LocalDateTime.Should().Be(Time.Local(2025, 3, 9, 3, 30));
    }

    [Fact]
    public async Task Moving_a_session_into_a_dst_gap_keeps_its_wall_clock_length()
    {
        var created = await CreateAsync(OneHour("move", Time.Utc(2025, 3, 8, 7)) with
        {
            Start = Time.InNewYork(2025, 3, 8, 2, 30),
            End = Time.InNewYork(2025, 3, 8, 3, 30),
        });

        var moved = await Service.UpdateSessionAsync(
            Host,
            "move",
            new SessionChanges { Start = Time.InNewYork(2025, 3, 9, 2, 30), End = Time.InNewYork(2025, 3, 9, 3, 30) },
            created.Revision);

        moved.Start.Timestamp.Should().Be(Time.Utc(2025, 3, 9, 7, 30));
        (moved.End.Timestamp - moved.Start.Timestamp).Should().Be(Duration.FromHours(1));
    }
}
