using System.Collections.Immutable;
using Scheduling.Recurrence;
using Scheduling.Sessions;
using Scheduling.Stores;
using Scheduling.Stores.ContractTests;

namespace Scheduling.Tests.Sessions;

/// <summary>The split rule of "this and following" as a plain function of the stored record (<see cref="Splitting"/>).</summary>
public sealed class SplittingTest
{
    private static readonly LocalDateTime Third = new(2025, 3, 17, 9, 0);

    [Fact]
    public void Overrides_before_the_split_stay_unchanged_and_those_from_it_on_move_keyed_anew()
    {
        var stored = Stored(Own(new(2025, 3, 3, 9, 0), "first"), Own(Third, "third"), Own(new(2025, 3, 24, 9, 0), "fourth"));

        var change = Split(stored, expectedRevision: 1);

        change.Result.Should().BeTrue();
        var split = change.Write!;
        split.Ended.Series.Should().BeSameAs(Ended);
        split.Ended.SpanEnd.Should().Be(Time.Utc(2025, 3, 10, 10));
        split.Ended.Overrides.Values.Should().ContainSingle().Which.Should().BeSameAs(stored.Overrides[new(2025, 3, 3, 9, 0)]);
        split.Following.Series.Should().BeSameAs(Following);
        split.Following.SpanEnd.Should().BeNull();
        split.Following.Overrides.Keys.Should().BeEquivalentTo([Third.PlusHours(1), new LocalDateTime(2025, 3, 24, 10, 0)]);
        split.Following.Overrides.Values.Should().AllSatisfy(o => o.RecurringSessionId.Should().Be("yoga-2"));
        split.Following.Overrides[Third.PlusHours(1)].Should().Be(stored.Overrides[Third] with { RecurringSessionId = "yoga-2", IdentityStart = Third.PlusHours(1) });
        split.OverridesLeaving(stored).Should().Equal(Third, new LocalDateTime(2025, 3, 24, 9, 0));
    }

    [Fact]
    public void A_stale_revision_or_no_stored_series_writes_nothing()
    {
        Split(Stored(Own(Third, "third")), expectedRevision: 2).Should().Be(StoreChange<SeriesSplit, bool>.Nothing(false));
        Split(null, expectedRevision: 1).Should().Be(StoreChange<SeriesSplit, bool>.Nothing(false));
    }

    [Fact]
    public void A_split_with_nothing_to_move_keeps_the_stored_overrides_as_they_are()
    {
        var stored = Stored(Own(new(2025, 3, 3, 9, 0), "first"));

        var split = Split(stored, expectedRevision: 1).Write!;

        split.Ended.Overrides.Should().BeSameAs(stored.Overrides);
        split.Following.Overrides.Should().BeEmpty();
        split.OverridesLeaving(stored).Should().BeEmpty();
    }

    [Fact]
    public void A_split_that_is_not_one_of_the_stored_record_is_refused_when_a_store_checks_it()
    {
        var stored = Stored(Own(Third, "third"));
        var split = Split(stored, expectedRevision: 1).Write!;

        var otherSeries = () => split.OverridesLeaving(Stored() with { Series = Ended with { Id = "pilates" } });
        var changedOverride = () => (split with { Ended = split.Ended with { Overrides = stored.Overrides } }).OverridesLeaving(Stored(Own(Third, "edited meanwhile")));
        var sameId = () => (split with { Following = split.Following with { Series = Following with { Id = "yoga" } } }).OverridesLeaving(stored);

        otherSeries.Should().Throw<InvalidOperationException>();
        changedOverride.Should().Throw<InvalidOperationException>();
        sameId.Should().Throw<InvalidOperationException>();
    }

    private static readonly RecurringSession Ended = Series("yoga") with { Rule = RecurrenceRule.Parse("FREQ=WEEKLY;UNTIL=20250317T085959Z"), Revision = 2 };

    private static readonly RecurringSession Following = Series("yoga-2") with { Start = Third.PlusHours(1), IdentityStart = Third.PlusHours(1) };

    private static StoreChange<SeriesSplit, bool> Split(RecurringSessionRecord? stored, long expectedRevision) =>
        Splitting.Split(stored, expectedRevision, Ended, Time.Utc(2025, 3, 10, 10), Following, null, Third, 3600);

    private static RecurringSessionRecord Stored(params InstanceOverride[] overrides) =>
        new(Series("yoga"), null, overrides.ToImmutableDictionary(o => o.IdentityStart)) { Version = 7 };

    private static InstanceOverride Own(LocalDateTime identityStart, string title) => new()
    {
        RecurringSessionId = "yoga",
        IdentityStart = identityStart,
        Details = new SessionDetailsOverride { Title = title },
        Revision = 1,
    };

    private static RecurringSession Series(string id) => new()
    {
        Id = id,
        ScheduleId = "schedule-1",
        ScheduleOwnerId = "owner-1",
        Start = new LocalDateTime(2025, 3, 3, 9, 0),
        IdentityStart = new LocalDateTime(2025, 3, 3, 9, 0),
        Zone = DateTimeZone.Utc,
        Duration = Duration.FromHours(1),
        Rule = RecurrenceRule.Parse("FREQ=WEEKLY"),
        Revision = 1,
    };
}
