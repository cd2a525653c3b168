using System.Text.Json;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;

namespace Scheduling.Json;

/// <summary>
/// System.Text.Json support for the Scheduling types: one call configures a <see cref="JsonSerializerOptions"/> so that
/// every public model, request, page and error type round-trips exactly, in the wire shapes <c>docs/json.md</c> lists.
/// </summary>
public static class JsonSerializerOptionsExtensions
{
    /// <summary>
    /// Configures <paramref name="options"/> for the Scheduling types and returns it: NodaTime's converters
    /// (<see cref="Extensions.ConfigureForNodaTime(JsonSerializerOptions, IDateTimeZoneProvider)"/> with the TZDB
    /// provider: instants, local dates and times, durations in ISO 8601, time zones by IANA id), camelCase property
    /// names, every Scheduling enum by its wire name (<c>CONFIRMED</c>, <c>WORKING_HOURS</c>, <c>NOT_ATTENDED</c>),
    /// recurrence rules as their RFC 5545 text, filters and sorts in their query-language JSON, change requests that
    /// leave out what they do not change, and <see cref="SchedulingException"/> as its code, field and message.
    /// </summary>
    /// <remarks>
    /// <para>Calling it again on the same options changes nothing. It adds converters and sets
    /// <see cref="JsonSerializerOptions.PropertyNamingPolicy"/>; it sets no type-info resolver, so the same options
    /// work with reflection and with a host's source-generated <c>JsonSerializerContext</c> built over them
    /// (<c>new AppJsonContext(options)</c>), which then writes the same JSON.</para>
    /// <para>Reading refuses a value that is not one of the Scheduling types' valid forms with a
    /// <see cref="JsonException"/> (with <see cref="JsonException.Path"/> set), never with another exception: an
    /// unknown enum name, a rule that does not parse (the <see cref="Recurrence.RecurrenceException"/> is its inner
    /// exception), an unknown time zone, a filter the query language refuses, a value a type's constructor refuses.
    /// Checks that need more than the value itself (permissions, limits, references) stay with the services.</para>
    /// </remarks>
    /// <param name="options">The options to configure; not yet used for serialization (options become read-only once used).</param>
    /// <returns><paramref name="options"/>, configured.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="InvalidOperationException"><paramref name="options"/> has already been used for serialization.</exception>
    public static JsonSerializerOptions ConfigureForScheduling(this JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Converters.Any(c => c is SchedulingExceptionConverter))
        {
            return options;
        }

        options.ConfigureForNodaTime(DateTimeZoneProviders.Tzdb);
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;

        // Order matters: the first converter that can convert a type wins, so the value converters come before the
        // general record converter.
        options.Converters.Add(new SchedulingExceptionConverter());
        options.Converters.Add(new RecurrenceRuleConverter());
        options.Converters.Add(new CalendarDateTimeConverter());
        options.Converters.Add(new DateBoundConverter());
        options.Converters.Add(new FieldValueConverter());
        options.Converters.Add(new NameMapConverter());
        options.Converters.Add(new SessionFilterConverter());
        options.Converters.Add(new AttendanceFilterConverter());
        options.Converters.Add(new AttendanceSortConverter());
        options.Converters.Add(new FilterNodeConverterFactory());
        options.Converters.Add(new WireEnumConverterFactory());
        options.Converters.Add(new OptionalConverterFactory());
        options.Converters.Add(new RecordConverterFactory());
        return options;
    }
}
