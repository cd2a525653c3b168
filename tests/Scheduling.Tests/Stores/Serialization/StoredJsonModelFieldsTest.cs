using System.Text.Json;
using Scheduling.Recurrence;
using Scheduling.Sessions;
using Scheduling.Stores.Serialization;

namespace Scheduling.Tests.Stores.Serialization;

/// <summary>A series' exception and extra dates and the all-day mark in the stored JSON form: they round-trip, and bodies without them read as before.</summary>
public sealed class StoredJsonModelFieldsTest
{
    /// <summary>A series body as versions before exception and extra dates wrote it.</summary>
    private const string BodyWithoutDates =
        """{"id":"yoga","scheduleId":"s1","scheduleOwnerId":"o1","type":0,"title":"Yoga","tags":[],"start":"2025-03-03T18:30:00","zone":"America/New_York","durationNanoseconds":3600000000000,"rule":"FREQ=WEEKLY","identityStart":"2025-03-03T18:30:00","revision":1,"createdAt":"2025-01-01T00:00:00Z","updatedAt":"2025-01-01T00:00:00Z"}""";

    /// <summary>A session body as versions before all-day sessions wrote it.</summary>
    private const string SessionBodyWithoutAllDay =
        """{"id":"s1","scheduleId":"s1","scheduleOwnerId":"o1","type":0,"tags":[],"status":0,"participants":[],"start":{"at":"2025-03-03T15:00:00Z"},"end":{"at":"2025-03-03T16:00:00Z"},"revision":1,"createdAt":"2025-01-01T00:00:00Z","updatedAt":"2025-01-01T00:00:00Z"}""";

    [Fact]
    public void A_series_body_written_before_dates_reads_with_none()
    {
        var series = StoredJson.ReadRecurringSession(BodyWithoutDates, "yoga");

        series.ExceptionDates.Should().BeEmpty();
        series.ExceptionDates.IsDefault.Should().BeFalse();
        series.ExtraDates.Should().BeEmpty();
        series.ExtraDates.IsDefault.Should().BeFalse();
        series.Rule.Should().Be(RecurrenceRule.Parse("FREQ=WEEKLY"));
    }

    [Fact]
    public void Exception_and_extra_dates_read_back_in_order()
    {
        var series = StoredJson.ReadRecurringSession(BodyWithoutDates, "yoga") with
        {
            ExceptionDates = [new LocalDateTime(2025, 3, 10, 18, 30), new LocalDateTime(2025, 3, 17, 18, 30)],
            ExtraDates = [new LocalDateTime(2025, 3, 5, 9, 0, 15)],
        };

        var read = StoredJson.ReadRecurringSession(StoredJson.Write(series), "yoga");

        read.ExceptionDates.Should().Equal(series.ExceptionDates);
        read.ExtraDates.Should().Equal(series.ExtraDates);
    }

    [Fact]
    public void A_series_without_dates_writes_no_date_members()
    {
        var body = StoredJson.Write(StoredJson.ReadRecurringSession(BodyWithoutDates, "yoga"));

        using var document = JsonDocument.Parse(body);
        document.RootElement.TryGetProperty("exceptionDates", out _).Should().BeFalse();
        document.RootElement.TryGetProperty("extraDates", out _).Should().BeFalse();
    }

    [Fact]
    public void A_stored_date_outside_the_supported_years_is_an_unreadable_record()
    {
        var body = BodyWithoutDates.Replace("\"revision\"", "\"exceptionDates\":[\"0001-01-01T00:00:00\"],\"revision\"", StringComparison.Ordinal);

        var error = FluentActions.Invoking(() => StoredJson.ReadRecurringSession(body, "yoga")).Should().Throw<SchedulingException>().Which;

        error.Code.Should().Be(SchedulingErrorCode.UnreadableRecord);
        error.Message.Should().Contain("exceptionDates");
    }

    [Fact]
    public void A_body_written_before_all_day_reads_as_timed()
    {
        StoredJson.ReadRecurringSession(BodyWithoutDates, "yoga").IsAllDay.Should().BeFalse();
        StoredJson.ReadSession(SessionBodyWithoutAllDay, "s1").IsAllDay.Should().BeFalse();
    }

    [Fact]
    public void An_all_day_session_and_series_read_back_all_day()
    {
        var london = DateTimeZoneProviders.Tzdb["Europe/London"];
        var session = StoredJson.ReadSession(SessionBodyWithoutAllDay, "s1") with
        {
            Start = CalendarDateTime.AtLocal(new LocalDateTime(2025, 3, 30, 0, 0), london),
            End = CalendarDateTime.AtLocal(new LocalDateTime(2025, 3, 31, 0, 0), london),
            IsAllDay = true,
        };
        var series = StoredJson.ReadRecurringSession(BodyWithoutDates, "yoga") with { Start = new LocalDateTime(2025, 3, 3, 0, 0), Duration = Duration.FromDays(1), IsAllDay = true };

        var readSession = StoredJson.ReadSession(StoredJson.Write(session), "s1");
        var readSeries = StoredJson.ReadRecurringSession(StoredJson.Write(series), "yoga");

        readSession.IsAllDay.Should().BeTrue();
        readSession.Start.Should().Be(session.Start);
        readSession.End.Should().Be(session.End);
        readSeries.IsAllDay.Should().BeTrue();
        readSeries.Duration.Should().Be(Duration.FromDays(1));
    }

    [Fact]
    public void An_all_day_session_reads_its_days_from_their_dates()
    {
        // A body whose stored day start no longer is the start of the day (as after a change of the zone's rules) reads on its dates.
        var body = SessionBodyWithoutAllDay
            .Replace("\"start\":{\"at\":\"2025-03-03T15:00:00Z\"}", "\"start\":{\"local\":\"2025-09-07T00:00:00\",\"zone\":\"America/Santiago\",\"at\":\"2025-09-07T04:00:00Z\"}", StringComparison.Ordinal)
            .Replace("\"end\":{\"at\":\"2025-03-03T16:00:00Z\"}", "\"end\":{\"local\":\"2025-09-08T00:00:00\",\"zone\":\"America/Santiago\",\"at\":\"2025-09-08T03:00:00Z\"},\"allDay\":true", StringComparison.Ordinal);

        var read = StoredJson.ReadSession(body, "s1");

        read.IsAllDay.Should().BeTrue();
        read.Start.LocalDateTime.Should().Be(new LocalDateTime(2025, 9, 7, 1, 0));
        read.End.LocalDateTime.Should().Be(new LocalDateTime(2025, 9, 8, 0, 0));
    }
}
