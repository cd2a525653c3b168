namespace Scheduling.Recurrence.Tests.Validity;

/// <summary>A set's values lie inside <see cref="SupportedRange"/>, and so does everything it yields.</summary>
public sealed class SupportedRangeTests
{
    [Theory]
    [InlineData("0001-01-01T23:59:59")]
    [InlineData("9999-12-31T00:00:00")]
    [InlineData("9999-12-31T23:59:59")]
    public void Start_outside_the_supported_range_is_a_typed_error(string start)
    {
        var create = () => Series.Create("America/New_York", start, "FREQ=DAILY");

        create.Should().Throw<RecurrenceException>().Where(e => e.Code == RecurrenceErrorCode.OutOfRange).WithMessage("DTSTART*supported range*");
    }

    [Fact]
    public void Recurrence_and_exception_dates_outside_the_supported_range_are_typed_errors()
    {
        var recurrenceDate = () => Series.Create("UTC", "2025-01-01T09:00", null, rdates: ["9999-12-31T12:00"]);
        var exceptionDate = () => Series.Create("UTC", "2025-01-01T09:00", "FREQ=DAILY", exdates: ["0001-01-01T09:00"]);
        var allDay = () => RecurrenceSet.ForAllDay(new LocalDate(9999, 12, 31), DateTimeZone.Utc);

        recurrenceDate.Should().Throw<RecurrenceException>().Where(e => e.Code == RecurrenceErrorCode.OutOfRange).WithMessage("RDATE*");
        exceptionDate.Should().Throw<RecurrenceException>().Where(e => e.Code == RecurrenceErrorCode.OutOfRange).WithMessage("EXDATE*");
        allDay.Should().Throw<RecurrenceException>().Where(e => e.Code == RecurrenceErrorCode.OutOfRange);
    }

    [Theory]
    [InlineData("Pacific/Kiritimati")]
    [InlineData("Etc/GMT+12")]
    [InlineData("America/New_York")]
    public void All_stops_at_the_end_of_the_supported_range_with_every_start_readable(string zone)
    {
        var set = Series.Create(zone, "9999-12-20T23:00", "FREQ=HOURLY");

        var occurrences = set.All().ToList();

        occurrences.Should().NotBeEmpty();
        occurrences.Should().OnlyContain(o => SupportedRange.Contains(o.Start) && o.LocalStart < SupportedRange.LocalEnd);
        occurrences.Select(o => o.OffsetStart.ToString()).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public void First_occurrence_at_the_start_of_the_supported_range_in_a_zone_ahead_of_utc_is_left_out()
    {
        // 0001-01-02T00:00 at +14:00 is an instant before the supported range, so the set starts with the next day.
        var set = Series.Create("Etc/GMT-14", "0001-01-02T00:00", "FREQ=DAILY;COUNT=3");

        set.All().Select(o => o.Start).Should().OnlyContain(start => SupportedRange.Contains(start)).And.HaveCount(2);
    }

    [Fact]
    public void Window_reaching_past_the_supported_range_holds_what_its_inside_holds()
    {
        var set = Series.Create("America/Santiago", "9999-12-01T10:00", "FREQ=DAILY");

        var beyond = set.Between(Instant.FromUtc(9999, 12, 1, 0, 0), Instant.MaxValue).ToList();
        var inside = set.Between(Instant.FromUtc(9999, 12, 1, 0, 0), SupportedRange.End).ToList();

        beyond.Should().Equal(inside);
        beyond.Should().HaveCount(30);
        set.Between(Instant.MinValue, Instant.FromUtc(9999, 12, 2, 0, 0)).Should().ContainSingle();
    }
}
