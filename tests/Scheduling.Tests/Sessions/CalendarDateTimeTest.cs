using Scheduling.Sessions;

namespace Scheduling.Tests.Sessions;

/// <summary>Calendar date-times: wall-clock times in a zone read by RFC 5545 section 3.3.5, or instants.</summary>
public sealed class CalendarDateTimeTest
{
    private static readonly DateTimeZone NewYork = DateTimeZoneProviders.Tzdb["America/New_York"];

    [Fact]
    public void Local_time_in_the_spring_gap_takes_the_offset_before_the_gap()
    {
        var value = CalendarDateTime.AtLocal(new LocalDateTime(2025, 3, 9, 2, 30), NewYork);

        value.Timestamp.Should().Be(Instant.FromUtc(2025, 3, 9, 7, 30));
        value.LocalDateTime.Should().Be(new LocalDateTime(2025, 3, 9, 2, 30));
    }

    [Fact]
    public void Local_time_repeated_in_the_autumn_takes_its_first_occurrence()
    {
        CalendarDateTime.AtLocal(new LocalDateTime(2025, 11, 2, 1, 30), NewYork).Timestamp.Should().Be(Instant.FromUtc(2025, 11, 2, 5, 30));
    }

    [Fact]
    public void Moving_a_local_time_keeps_its_zone_and_counts_elapsed_time()
    {
        var moved = CalendarDateTime.AtLocal(new LocalDateTime(2025, 3, 9, 1, 30), NewYork).Plus(Duration.FromHours(1));

        moved.LocalDateTime.Should().Be(new LocalDateTime(2025, 3, 9, 3, 30));
        moved.Zone.Should().BeSameAs(NewYork);
    }

    [Fact]
    public void Instant_and_local_time_at_the_same_moment_are_not_equal()
    {
        var local = CalendarDateTime.AtLocal(new LocalDateTime(2025, 3, 10, 18, 30), NewYork);
        var instant = CalendarDateTime.AtInstant(local.Timestamp);

        (local == instant).Should().BeFalse();
        local.Should().Be(CalendarDateTime.AtLocal(new LocalDateTime(2025, 3, 10, 18, 30), NewYork));
        instant.LocalDateTime.Should().BeNull();
        instant.IsLocal.Should().BeFalse();
    }

    [Fact]
    public void Text_shows_the_local_time_the_zone_and_the_instant()
    {
        CalendarDateTime.AtLocal(new LocalDateTime(2025, 3, 10, 18, 30), NewYork).ToString().Should().Be("2025-03-10T18:30:00 America/New_York (2025-03-10T22:30:00Z)");
        CalendarDateTime.AtInstant(Instant.FromUtc(2025, 3, 10, 22, 30)).ToString().Should().Be("2025-03-10T22:30:00Z");
    }
}
