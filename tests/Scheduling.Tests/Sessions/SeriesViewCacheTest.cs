using System.Collections.Immutable;
using Scheduling.Recurrence;
using Scheduling.Sessions;
using Scheduling.Stores;
using Scheduling.Stores.ContractTests;

namespace Scheduling.Tests.Sessions;

/// <summary>Series views are remembered by series id and record version (<see cref="SeriesViewCache"/>), never handed out for a record they were not made from.</summary>
public sealed class SeriesViewCacheTest
{
    [Fact]
    public void A_record_read_again_at_its_version_finds_the_view_made_before()
    {
        var series = Series(NewId(), "FREQ=WEEKLY");
        var overrides = ImmutableDictionary<LocalDateTime, InstanceOverride>.Empty;

        var first = SeriesView.Of(new RecurringSessionRecord(series, null, overrides) { Version = 3 });
        var again = SeriesView.Of(new RecurringSessionRecord(series, null, overrides) { Version = 3 });

        again.Should().BeSameAs(first);
    }

    [Fact]
    public void Records_of_two_stores_with_one_id_and_version_each_get_the_view_of_their_own()
    {
        var id = NewId();
        var weekly = new RecurringSessionRecord(Series(id, "FREQ=WEEKLY"), null, ImmutableDictionary<LocalDateTime, InstanceOverride>.Empty) { Version = 1 };
        var daily = new RecurringSessionRecord(Series(id, "FREQ=DAILY"), null, ImmutableDictionary<LocalDateTime, InstanceOverride>.Empty) { Version = 1 };

        var ofWeekly = SeriesView.Of(weekly);
        var ofDaily = SeriesView.Of(daily);

        ofDaily.Record.Should().BeSameAs(daily);
        ofDaily.RuleText.Should().Be("FREQ=DAILY");
        SeriesView.Of(weekly).Record.Should().BeSameAs(weekly);
        ofWeekly.RuleText.Should().Be("FREQ=WEEKLY");
    }

    [Fact]
    public void A_record_changed_by_the_core_at_the_same_version_gets_a_view_of_the_change()
    {
        var stored = new RecurringSessionRecord(Series(NewId(), "FREQ=WEEKLY"), null, ImmutableDictionary<LocalDateTime, InstanceOverride>.Empty) { Version = 5 };
        var identity = stored.Series.IdentityStart.PlusWeeks(1);
        var moved = stored with
        {
            Overrides = stored.Overrides.Add(identity, new InstanceOverride { RecurringSessionId = stored.Series.Id, IdentityStart = identity, Start = CalendarDateTime.FromInstantInZone(Time.Utc(2025, 3, 11, 9), DateTimeZone.Utc) }),
        };

        SeriesView.Of(stored).IsMoved(identity).Should().BeFalse();
        SeriesView.Of(moved).IsMoved(identity).Should().BeTrue();
    }

    [Fact]
    public void A_record_of_version_0_is_never_remembered()
    {
        var record = new RecurringSessionRecord(Series(NewId(), "FREQ=WEEKLY"), null, ImmutableDictionary<LocalDateTime, InstanceOverride>.Empty);

        SeriesView.Of(record).Should().NotBeSameAs(SeriesView.Of(record));
    }

    private static string NewId() => "series-" + Guid.NewGuid().ToString("N");

    private static RecurringSession Series(string id, string rule) => new()
    {
        Id = id,
        ScheduleId = "schedule-1",
        ScheduleOwnerId = "owner-1",
        Start = new LocalDateTime(2025, 3, 3, 9, 0),
        IdentityStart = new LocalDateTime(2025, 3, 3, 9, 0),
        Zone = DateTimeZone.Utc,
        Duration = Duration.FromHours(1),
        Rule = RecurrenceRule.Parse(rule),
        Revision = 1,
    };
}
