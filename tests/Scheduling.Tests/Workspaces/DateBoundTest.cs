using Scheduling.Workspaces;

namespace Scheduling.Tests.Workspaces;

/// <summary>
/// The ends of a workspace list's date range: ISO 8601 text read as an instant, a wall-clock time in the workspace's
/// zone (RFC 5545 section 3.3.5) or a whole local day.
/// </summary>
public sealed class DateBoundTest
{
    private static readonly DateTimeZone NewYork = DateTimeZoneProviders.Tzdb["America/New_York"];

    [Theory]
    [InlineData("2025-03-09T10:00:00Z", "2025-03-09T10:00:00Z")]
    [InlineData("2024-01-20T00:00:00.000Z", "2024-01-20T00:00:00Z")]
    [InlineData("2025-03-09T10:00:00.250Z", "2025-03-09T10:00:00.25Z")]
    [InlineData("2025-03-09T10:00:00-05:00", "2025-03-09T15:00:00Z")]
    [InlineData("2025-03-09T10:00:00+01:00", "2025-03-09T09:00:00Z")]
    [InlineData("2025-03-09T10:00-05:00", "2025-03-09T15:00:00Z")]
    [InlineData("2025-03-09T10:00Z", "2025-03-09T10:00:00Z")]
    public void Text_with_an_offset_or_Z_is_an_instant(string text, string instant)
    {
        DateBound.TryParse(text, out var bound).Should().BeTrue();

        bound.Instant.Should().Be(NodaTime.Text.InstantPattern.ExtendedIso.Parse(instant).Value);
        bound.LocalDateTime.Should().BeNull();
        bound.Date.Should().BeNull();
    }

    [Theory]
    [InlineData("2025-03-09T10:00:00", 10, 0, 0)]
    [InlineData("2025-03-09T10:00", 10, 0, 0)]
    [InlineData("2025-03-09T10:15:30", 10, 15, 30)]
    [InlineData("2025-03-09T02:30", 2, 30, 0)]
    public void Text_without_an_offset_is_a_local_date_time(string text, int hour, int minute, int second)
    {
        DateBound.TryParse(text, out var bound).Should().BeTrue();

        bound.LocalDateTime.Should().Be(new LocalDateTime(2025, 3, 9, hour, minute, second));
        bound.Instant.Should().BeNull();
        bound.Date.Should().BeNull();
    }

    [Fact]
    public void A_local_date_time_keeps_its_fraction_of_a_second()
    {
        DateBound.TryParse("2025-03-09T10:00:00.500", out var bound).Should().BeTrue();

        bound.LocalDateTime.Should().Be(new LocalDateTime(2025, 3, 9, 10, 0, 0, 500));
    }

    [Fact]
    public void A_date_alone_is_a_whole_local_day()
    {
        DateBound.TryParse("2025-03-09", out var bound).Should().BeTrue();

        bound.Date.Should().Be(new LocalDate(2025, 3, 9));
        bound.Instant.Should().BeNull();
        bound.LocalDateTime.Should().BeNull();
    }

    [Fact]
    public void Blanks_around_the_text_are_ignored()
    {
        DateBound.TryParse("  2025-03-09 ", out var bound).Should().BeTrue();

        bound.Should().Be(DateBound.OnDate(new LocalDate(2025, 3, 9)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("yesterday")]
    [InlineData("2025-02-30")]
    [InlineData("2025-13-01")]
    [InlineData("2025-3-9")]
    [InlineData("20250309")]
    [InlineData("2025-03-09T25:00:00")]
    [InlineData("2025-03-09T10")]
    [InlineData("2025-03-09 10:00:00")]
    [InlineData("2025-03-09T10:00:00 America/New_York")]
    [InlineData("2025-03-09T10:00:00ZZ")]
    [InlineData("1741514400")]
    public void Other_text_is_rejected_with_the_default_bound(string? text)
    {
        DateBound.TryParse(text, out var bound).Should().BeFalse();

        bound.Should().Be(default(DateBound));
    }

    [Fact]
    public void An_instant_starts_and_ends_a_range_at_itself_in_any_zone()
    {
        var instant = Instant.FromUtc(2025, 3, 9, 15, 0);
        var bound = DateBound.AtInstant(instant);

        bound.AsStart(NewYork).Should().Be(instant);
        bound.AsEnd(NewYork).Should().Be(instant);
        bound.AsStart(DateTimeZone.Utc).Should().Be(instant);
    }

    [Fact]
    public void A_local_date_time_is_read_in_the_workspace_zone_for_both_ends()
    {
        var bound = DateBound.AtLocal(new LocalDateTime(2025, 3, 10, 9, 0));

        bound.AsStart(NewYork).Should().Be(Instant.FromUtc(2025, 3, 10, 13, 0));
        bound.AsEnd(NewYork).Should().Be(Instant.FromUtc(2025, 3, 10, 13, 0));
    }

    [Fact]
    public void A_local_time_a_spring_forward_skips_takes_the_offset_before_the_gap()
    {
        // RFC 5545 section 3.3.5: 02:30 does not exist on 2025-03-09 in New York; read with the offset before the
        // gap (-05:00) it is 07:30Z, which the clocks show as 03:30 EDT.
        var bound = DateBound.AtLocal(new LocalDateTime(2025, 3, 9, 2, 30));

        bound.AsStart(NewYork).Should().Be(Instant.FromUtc(2025, 3, 9, 7, 30));
        bound.AsEnd(NewYork).Should().Be(Instant.FromUtc(2025, 3, 9, 7, 30));
    }

    [Fact]
    public void A_local_time_a_fall_back_repeats_takes_its_first_occurrence()
    {
        var bound = DateBound.AtLocal(new LocalDateTime(2025, 11, 2, 1, 30));

        bound.AsStart(NewYork).Should().Be(Instant.FromUtc(2025, 11, 2, 5, 30));
        bound.AsEnd(NewYork).Should().Be(Instant.FromUtc(2025, 11, 2, 5, 30));
    }

    [Fact]
    public void A_date_alone_as_dateFrom_starts_at_the_first_instant_of_the_local_day()
    {
        DateBound.OnDate(new LocalDate(2025, 3, 10)).AsStart(NewYork).Should().Be(Instant.FromUtc(2025, 3, 10, 4, 0));
    }

    [Fact]
    public void A_date_alone_as_dateTo_ends_after_the_whole_local_day()
    {
        DateBound.OnDate(new LocalDate(2025, 3, 10)).AsEnd(NewYork).Should().Be(Instant.FromUtc(2025, 3, 11, 4, 0));
    }

    [Fact]
    public void A_date_alone_on_the_spring_forward_day_is_23_hours_long()
    {
        var day = DateBound.OnDate(new LocalDate(2025, 3, 9));

        day.AsStart(NewYork).Should().Be(Instant.FromUtc(2025, 3, 9, 5, 0));
        day.AsEnd(NewYork).Should().Be(Instant.FromUtc(2025, 3, 10, 4, 0));
        (day.AsEnd(NewYork) - day.AsStart(NewYork)).Should().Be(Duration.FromHours(23));
    }

    [Fact]
    public void A_date_alone_on_the_fall_back_day_is_25_hours_long()
    {
        var day = DateBound.OnDate(new LocalDate(2025, 11, 2));

        (day.AsEnd(NewYork) - day.AsStart(NewYork)).Should().Be(Duration.FromHours(25));
    }

    [Fact]
    public void A_date_whose_midnight_is_skipped_starts_at_the_first_instant_that_exists()
    {
        // Sao Paulo sprang forward at midnight on 2018-11-04: the day began at 01:00 (-02:00).
        var saoPaulo = DateTimeZoneProviders.Tzdb["America/Sao_Paulo"];

        DateBound.OnDate(new LocalDate(2018, 11, 4)).AsStart(saoPaulo).Should().Be(Instant.FromUtc(2018, 11, 4, 3, 0));
    }

    [Fact]
    public void Bounds_of_the_same_form_and_value_are_equal()
    {
        var parsed = Parse("2025-03-09T10:00:00");
        var built = DateBound.AtLocal(new LocalDateTime(2025, 3, 9, 10, 0));

        (parsed == built).Should().BeTrue();
        (parsed != built).Should().BeFalse();
        parsed.Equals(built).Should().BeTrue();
        parsed.Equals((object)built).Should().BeTrue();
        parsed.GetHashCode().Should().Be(built.GetHashCode());
    }

    [Fact]
    public void Offset_forms_of_one_instant_are_equal()
    {
        Parse("2025-03-09T10:00-05:00").Should().Be(Parse("2025-03-09T15:00:00.000Z"));
    }

    [Fact]
    public void Bounds_of_different_forms_are_not_equal_even_when_they_meet_in_some_zone()
    {
        var date = DateBound.OnDate(new LocalDate(2025, 3, 10));
        var midnight = DateBound.AtLocal(new LocalDateTime(2025, 3, 10, 0, 0));
        var instant = DateBound.AtInstant(Instant.FromUtc(2025, 3, 10, 0, 0));

        (date == midnight).Should().BeFalse();
        (midnight == instant).Should().BeFalse();
        (date == instant).Should().BeFalse();
        date.Equals((object)"2025-03-10").Should().BeFalse();
    }

    [Fact]
    public void Bounds_with_different_values_are_not_equal()
    {
        (DateBound.OnDate(new LocalDate(2025, 3, 10)) != DateBound.OnDate(new LocalDate(2025, 3, 11))).Should().BeTrue();
    }

    [Theory]
    [InlineData("2025-03-09T10:00-05:00", "2025-03-09T15:00:00Z")]
    [InlineData("2024-01-20T00:00:00.000Z", "2024-01-20T00:00:00Z")]
    [InlineData("2025-03-09T10:00", "2025-03-09T10:00:00")]
    [InlineData("2025-03-09", "2025-03-09")]
    public void Text_is_iso_8601_in_the_bound_form(string text, string expected)
    {
        Parse(text).ToString().Should().Be(expected);
    }

    [Fact]
    public void The_text_of_a_bound_reads_back_as_the_same_bound()
    {
        foreach (var bound in new[] { Parse("2025-03-09T10:00:00.125+02:00"), Parse("2025-03-09T10:00:00.125"), Parse("2025-03-09") })
        {
            Parse(bound.ToString()).Should().Be(bound);
        }
    }

    [Fact]
    public void The_default_bound_says_it_is_none()
    {
        default(DateBound).ToString().Should().Be("(none)");
    }

    private static DateBound Parse(string text)
    {
        DateBound.TryParse(text, out var bound).Should().BeTrue(text);
        return bound;
    }
}
