using Scheduling.Recurrence;
using Scheduling.Sessions;

namespace Scheduling.Stores.ContractTests.Workspaces;

/// <summary>All-day sessions and series in the workspace view: shown as all-day, on their own dates.</summary>
public abstract partial class WorkspaceSessionsContract
{
    [Fact]
    public async Task An_all_day_session_is_shown_as_all_day_on_its_dates()
    {
        var created = await Service.CreateSessionAsync(Host, Clinic, NewSession.AllDay($"{Smith}-calendar", Smith, new LocalDate(2025, 3, 9), new LocalDate(2025, 3, 10), Time.NewYork) with { Id = "leave" });

        var listed = (await ListAllAsync(March())).Single(s => s.Id == "leave");

        created.IsAllDay.Should().BeTrue();
        listed.IsAllDay.Should().BeTrue();
        listed.Date.Should().Be(new LocalDate(2025, 3, 9));
        listed.EndDate.Should().Be(new LocalDate(2025, 3, 10));
        listed.StartTime.Should().Be(LocalTime.Midnight);
        listed.EndTime.Should().Be(LocalTime.Midnight);
        listed.DurationMinutes.Should().Be(23 * 60, "New York loses an hour on 2025-03-09");
    }

    [Fact]
    public async Task Instances_of_an_all_day_series_are_shown_as_all_day()
    {
        await Service.CreateRecurringSessionAsync(Host, Clinic, NewRecurringSession.AllDay($"{Jones}-calendar", Jones, new LocalDate(2025, 3, 7), 1, Time.NewYork, RecurrenceRule.Parse("FREQ=WEEKLY;COUNT=2")) with { Id = "fridays-off" });

        var listed = (await ListAllAsync(March())).Where(s => s.RecurringSessionId == "fridays-off").ToList();

        listed.Select(s => s.Date).Should().Equal(new LocalDate(2025, 3, 7), new LocalDate(2025, 3, 14));
        listed.Should().AllSatisfy(s =>
        {
            s.IsAllDay.Should().BeTrue();
            s.EndDate.Should().Be(s.Date.PlusDays(1));
            s.StartTime.Should().Be(LocalTime.Midnight);
        });
    }

    [Fact]
    public async Task A_timed_session_is_not_shown_as_all_day()
    {
        var booked = await BookAsync("a1", Smith, John, Local(3, 3, 9), 60);

        booked.IsAllDay.Should().BeFalse();
    }
}
