using NodaTime;
using Scheduling.Recurrence;
using Scheduling.Sessions;
using Scheduling.Stores.ContractTests;

namespace Scheduling.Tests.Sessions;

/// <summary>Titles may be left out but not blank; a series' UNTIL may not lie before its start.</summary>
public sealed partial class SessionServiceTest
{
    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\n")]
    public async Task Blank_title_is_invalid_on_sessions_series_and_instance_edits(string title)
    {
        await FailsAsync(() => CreateAsync(OneHour("s1", Time.Utc(2025, 3, 3, 10)) with { Title = title }), SchedulingErrorCode.InvalidArgument, "title");
        await FailsAsync(() => CreateAsync(WeeklyYoga("blank") with { Title = title }), SchedulingErrorCode.InvalidArgument, "title");

        var series = await CreateAsync(WeeklyYoga());
        await FailsAsync(
            () => Service.UpdateRecurringSessionAsync(Host, "yoga", new RecurringSessionChanges { Title = title }, series.Revision).AsTask(),
            SchedulingErrorCode.InvalidArgument,
            "title");
        await FailsAsync(
            () => Service.UpdateSessionAsync(Host, InstanceId("yoga", 3, 10), new SessionChanges { Title = title }, expectedRevision: 0).AsTask(),
            SchedulingErrorCode.InvalidArgument,
            "title");
        (await Service.GetSessionAsync(Host, InstanceId("yoga", 3, 10))).Title.Should().Be("Yoga");
        await FailsAsync(() => GetAsync("s1"), SchedulingErrorCode.NotFound);
    }

    [Fact]
    public async Task A_session_without_a_title_is_allowed()
    {
        var created = await CreateAsync(OneHour("s1", Time.Utc(2025, 3, 3, 10)) with { Title = null });

        created.Title.Should().BeNull();
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
}
