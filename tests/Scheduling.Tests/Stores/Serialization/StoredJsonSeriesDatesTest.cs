using System.Text.Json;
using Scheduling.Recurrence;
using Scheduling.Sessions;
using Scheduling.Stores.Serialization;

namespace Scheduling.Tests.Stores.Serialization;

/// <summary>A series' exception and extra dates in the stored JSON form: they round-trip, and bodies without them read as empty.</summary>
public sealed class StoredJsonSeriesDatesTest
{
    /// <summary>A series body as versions before exception and extra dates wrote it.</summary>
    private const string BodyWithoutDates =
        """{"id":"yoga","scheduleId":"s1","scheduleOwnerId":"o1","type":0,"title":"Yoga","tags":[],"start":"2025-03-03T18:30:00","zone":"America/New_York","durationNanoseconds":3600000000000,"rule":"FREQ=WEEKLY","identityStart":"2025-03-03T18:30:00","revision":1,"createdAt":"2025-01-01T00:00:00Z","updatedAt":"2025-01-01T00:00:00Z"}""";

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
}
