using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Text;
using Scheduling.Sessions;

namespace Scheduling.Json;

/// <summary>
/// A <see cref="CalendarDateTime"/> as one of two objects: a wall-clock time in a zone,
/// <c>{"local":"2025-03-10T09:00:00","zone":"Europe/London"}</c>, or an instant,
/// <c>{"instant":"2025-03-10T09:00:00Z"}</c>. Text is ISO 8601 with up to nine decimals, as NodaTime's converters
/// write it; the zone is an IANA id of the TZDB. The instant of a local value is not written: it follows from the
/// local time and the zone (RFC 5545 section 3.3.5), and reading computes it again.
/// </summary>
internal sealed class CalendarDateTimeConverter : JsonConverter<CalendarDateTime>
{
    private const string Shape = "{\"local\":...,\"zone\":...} or {\"instant\":...}";

    public override CalendarDateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        JsonFailure.ExpectToken(ref reader, JsonTokenType.StartObject, $"a date-time: {Shape}");
        string? local = null, zone = null, instant = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case "local":
                    local = JsonFailure.ReadString(ref reader, "a local date-time (\"2025-03-10T09:00:00\")");
                    break;
                case "zone":
                    zone = JsonFailure.ReadString(ref reader, "an IANA time zone id (\"Europe/London\")");
                    break;
                case "instant":
                    instant = JsonFailure.ReadString(ref reader, "an instant (\"2025-03-10T09:00:00Z\")");
                    break;
                default:
                    throw JsonFailure.Because($"A date-time has no '{name}': it is {Shape}.");
            }
        }

        return (local, zone, instant) switch
        {
            ({ } l, { } z, null) => AtLocal(l, z),
            (null, null, { } i) => CalendarDateTime.AtInstant(Parse(InstantPattern.ExtendedIso, i, "instant")),
            _ => throw JsonFailure.Because($"A date-time is {Shape}."),
        };
    }

    public override void Write(Utf8JsonWriter writer, CalendarDateTime value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        if (value.LocalDateTime is { } local)
        {
            writer.WriteString("local", LocalDateTimePattern.ExtendedIso.Format(local));
            writer.WriteString("zone", value.Zone!.Id);
        }
        else
        {
            writer.WriteString("instant", InstantPattern.ExtendedIso.Format(value.Timestamp));
        }

        writer.WriteEndObject();
    }

    private static CalendarDateTime AtLocal(string local, string zoneId)
    {
        var time = Parse(LocalDateTimePattern.ExtendedIso, local, "local date-time");
        var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(zoneId)
            ?? throw JsonFailure.Because($"'{zoneId}' is not an IANA time zone id the TZDB knows.");
        try
        {
            return CalendarDateTime.AtLocal(time, zone);
        }
        catch (Exception exception) when (exception is ArgumentException or OverflowException or SchedulingException)
        {
            // A local time at the very end of the calendar whose instant in the zone lies beyond what NodaTime holds.
            throw JsonFailure.Because($"{local} in {zoneId} has no instant: {exception.Message}", exception);
        }
    }

    private static T Parse<T>(IPattern<T> pattern, string text, string what)
    {
        var result = pattern.Parse(text);
        return result.Success ? result.Value : throw JsonFailure.Because($"'{text}' is not an ISO 8601 {what}: {result.Exception.Message}", result.Exception);
    }
}
