using Scheduling.Sessions;
using Scheduling.Stores;
using Scheduling.Testing;

namespace Scheduling.Tests.Stores;

public sealed class SessionPositionTest
{
    private static readonly Instant Nine = Instant.FromUtc(2025, 3, 3, 9, 0);

    [Fact]
    public void Earlier_start_comes_first_whatever_the_ids() =>
        new SessionPosition(Nine, "z").Should().BeLessThan(new SessionPosition(Nine + Duration.FromNanoseconds(1), "a"));

    [Fact]
    public void Equal_starts_are_ordered_by_id_in_ordinal_order()
    {
        // Ordinal, not culture: "B" (U+0042) comes before "a" (U+0061).
        (new SessionPosition(Nine, "B") < new SessionPosition(Nine, "a")).Should().BeTrue();
        (new SessionPosition(Nine, "a") > new SessionPosition(Nine, "B")).Should().BeTrue();
    }

    [Fact]
    public void Same_start_and_id_is_the_same_position()
    {
        var position = new SessionPosition(Nine, "yoga_20250303T090000");

        position.CompareTo(new SessionPosition(Nine, "yoga_20250303T090000")).Should().Be(0);
        (position <= new SessionPosition(Nine, "yoga_20250303T090000")).Should().BeTrue();
        (position >= new SessionPosition(Nine, "yoga_20250303T090000")).Should().BeTrue();
    }

    [Fact]
    public void A_position_precedes_exactly_the_sessions_after_it()
    {
        var position = new SessionPosition(Nine, "m");

        position.Precedes(SessionAt(Nine, "n")).Should().BeTrue();
        position.Precedes(SessionAt(Nine, "m")).Should().BeFalse();
        position.Precedes(SessionAt(Nine, "l")).Should().BeFalse();
        position.Precedes(SessionAt(Nine - Duration.FromSeconds(1), "z")).Should().BeFalse();
    }

    [Fact]
    public void Order_is_total_and_agrees_with_equality()
    {
        var random = PropertyRuns.RandomSource(salt: 72);
        string[] ids = ["a", "B", "a_1", "ä", "\uE000", "\U0001F600", ""];
        for (var i = 0; i < PropertyRuns.Cases(2_000); i++)
        {
            var left = new SessionPosition(Nine + Duration.FromSeconds(random.Next(0, 3)), ids[random.Next(ids.Length)]);
            var right = new SessionPosition(Nine + Duration.FromSeconds(random.Next(0, 3)), ids[random.Next(ids.Length)]);
            var third = new SessionPosition(Nine + Duration.FromSeconds(random.Next(0, 3)), ids[random.Next(ids.Length)]);

            Math.Sign(left.CompareTo(right)).Should().Be(-Math.Sign(right.CompareTo(left)));
            (left.CompareTo(right) == 0).Should().Be(left == right);
            if (left <= right && right <= third)
            {
                (left <= third).Should().BeTrue();
            }
        }
    }

    private static Session SessionAt(Instant start, string id) => new()
    {
        Id = id,
        ScheduleId = "schedule-1",
        ScheduleOwnerId = "owner-1",
        Start = CalendarDateTime.AtInstant(start),
        End = CalendarDateTime.AtInstant(start + Duration.FromHours(1)),
        Revision = 1,
    };
}
