using System.Collections.Immutable;
using Scheduling.Recurrence;
using Scheduling.Sessions;
using Scheduling.Stores;

namespace Scheduling.Tests.Stores;

/// <summary>Which series a window query keeps: <see cref="RecurringSessionRecord.CanOverlap(SessionWindow)"/>.</summary>
public sealed class RecurringSessionRecordTest
{
    private static readonly LocalDateTime FirstStart = new(2025, 3, 3, 9, 0);

    private static readonly RecurringSession Series = new()
    {
        Id = "yoga",
        ScheduleId = "schedule-1",
        ScheduleOwnerId = "owner-1",
        Start = FirstStart,
        IdentityStart = FirstStart,
        Zone = DateTimeZone.Utc,
        Duration = Duration.FromHours(1),
        Rule = RecurrenceRule.Parse("FREQ=DAILY;COUNT=3"),
        Revision = 1,
    };

    private static readonly Instant SpanEnd = Instant.FromUtc(2025, 3, 5, 10, 0);

    [Fact]
    public void Window_inside_the_span_keeps_the_series() =>
        Record().CanOverlap(Window(new(2025, 3, 4, 0, 0), new(2025, 3, 4, 1, 0))).Should().BeTrue();

    [Fact]
    public void Window_ending_at_the_first_start_drops_the_series() =>
        Record().CanOverlap(Window(new(2025, 3, 3, 8, 0), FirstStart)).Should().BeFalse();

    [Fact]
    public void Window_starting_at_the_span_end_drops_the_series() =>
        Record().CanOverlap(Window(new(2025, 3, 5, 10, 0), new(2025, 3, 5, 11, 0))).Should().BeFalse();

    [Fact]
    public void Series_without_an_end_reaches_every_later_window() =>
        Endless().CanOverlap(Window(new(9000, 1, 1, 0, 0), new(9000, 1, 2, 0, 0))).Should().BeTrue();

    [Fact]
    public void Instance_made_longer_on_its_own_widens_the_span()
    {
        var longer = Override(new(2025, 3, 5, 9, 0)) with { Duration = Duration.FromHours(3) };

        Record(overrides: [longer]).CanOverlap(Window(new(2025, 3, 5, 11, 0), new(2025, 3, 5, 12, 0))).Should().BeTrue();
    }

    [Fact]
    public void Instance_moved_outside_the_span_keeps_the_series_for_a_window_it_reaches_into()
    {
        var moved = Override(new(2025, 3, 4, 9, 0)) with
        {
            Start = CalendarDateTime.AtInstant(Instant.FromUtc(2025, 4, 1, 9, 0)),
            Duration = Duration.FromMinutes(90),
        };

        Record(overrides: [moved]).CanOverlap(Window(new(2025, 4, 1, 10, 0), new(2025, 4, 1, 11, 0))).Should().BeTrue();
        Record(overrides: [moved]).CanOverlap(Window(new(2025, 4, 1, 10, 30), new(2025, 4, 1, 11, 0))).Should().BeFalse();
    }

    private static RecurringSessionRecord Record(IEnumerable<InstanceOverride>? overrides = null) =>
        new(Series, SpanEnd, (overrides ?? []).ToImmutableDictionary(o => o.IdentityStart));

    private static RecurringSessionRecord Endless() =>
        new(Series with { Rule = RecurrenceRule.Parse("FREQ=DAILY") }, null, ImmutableDictionary<LocalDateTime, InstanceOverride>.Empty);

    private static InstanceOverride Override(LocalDateTime identity) => new() { RecurringSessionId = Series.Id, IdentityStart = identity, Revision = 1 };

    private static SessionWindow Window(LocalDateTime from, LocalDateTime to) =>
        new(from.InUtc().ToInstant(), to.InUtc().ToInstant());
}
