using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;
using Scheduling.Recurrence;
using Scheduling.Sessions;

namespace Scheduling.Stores.Serialization;

/// <summary>
/// The JSON form durable stores keep an aggregate in (a session, a recurring session, an instance override), beside
/// the columns they index. One format for every store, so a database written by one version reads in the next.
/// </summary>
/// <remarks>
/// Local times are kept as ISO local date-times with their IANA zone id and read back through the current tz
/// database; instants as ISO instants; rules as their canonical RRULE text. Thread-safe.
/// </remarks>
public static class StoredJson
{
    private static readonly LocalDateTimePattern LocalText = LocalDateTimePattern.ExtendedIso;
    private static readonly InstantPattern InstantText = InstantPattern.ExtendedIso;

    /// <summary>Writes a session.</summary>
    public static string Write(Session session) => Json(writer =>
    {
        writer.WriteString("id", session.Id);
        WriteShared(writer, session.ScheduleId, session.ScheduleOwnerId, session.Type, session.Title, session.Tags, session.Notes, session.Location, session.Capacity);
        writer.WriteNumber("status", (int)session.Status);
        WriteParticipants(writer, session.Participants);
        WriteCalendar(writer, "start", session.Start);
        WriteCalendar(writer, "end", session.End);
        WriteStamps(writer, session.Revision, session.CreatedAt, session.UpdatedAt);
    });

    /// <summary>Reads a session.</summary>
    public static Session ReadSession(string json) => Read(json, root => new Session
    {
        Id = root.GetProperty("id").GetString()!,
        ScheduleId = root.GetProperty("scheduleId").GetString()!,
        ScheduleOwnerId = root.GetProperty("scheduleOwnerId").GetString()!,
        Type = (SessionType)root.GetProperty("type").GetInt32(),
        Status = (SessionStatus)root.GetProperty("status").GetInt32(),
        Title = OptionalString(root, "title"),
        Tags = Strings(root, "tags"),
        Notes = OptionalString(root, "notes"),
        Location = OptionalString(root, "location"),
        Capacity = OptionalInt(root, "capacity"),
        Participants = Participants(root),
        Start = Calendar(root.GetProperty("start")),
        End = Calendar(root.GetProperty("end")),
        Revision = root.GetProperty("revision").GetInt64(),
        CreatedAt = Instant(root, "createdAt"),
        UpdatedAt = Instant(root, "updatedAt"),
    });

    /// <summary>Writes a recurring session.</summary>
    public static string Write(RecurringSession series) => Json(writer =>
    {
        writer.WriteString("id", series.Id);
        WriteShared(writer, series.ScheduleId, series.ScheduleOwnerId, series.Type, series.Title, series.Tags, series.Notes, series.Location, series.Capacity);
        writer.WriteString("start", LocalText.Format(series.Start));
        writer.WriteString("zone", series.Zone.Id);
        writer.WriteNumber("durationNanoseconds", series.Duration.ToInt64Nanoseconds());
        writer.WriteString("rule", series.Rule.ToString());
        writer.WriteString("identityStart", LocalText.Format(series.IdentityStart));
        if (series.CancelledFrom is Instant cancelledFrom)
        {
            writer.WriteString("cancelledFrom", InstantText.Format(cancelledFrom));
        }

        WriteStamps(writer, series.Revision, series.CreatedAt, series.UpdatedAt);
    });

    /// <summary>Reads a recurring session.</summary>
    public static RecurringSession ReadRecurringSession(string json) => Read(json, root => new RecurringSession
    {
        Id = root.GetProperty("id").GetString()!,
        ScheduleId = root.GetProperty("scheduleId").GetString()!,
        ScheduleOwnerId = root.GetProperty("scheduleOwnerId").GetString()!,
        Type = (SessionType)root.GetProperty("type").GetInt32(),
        Title = OptionalString(root, "title"),
        Tags = Strings(root, "tags"),
        Notes = OptionalString(root, "notes"),
        Location = OptionalString(root, "location"),
        Capacity = OptionalInt(root, "capacity"),
        Start = LocalText.Parse(root.GetProperty("start").GetString()!).GetValueOrThrow(),
        Zone = Zone(root.GetProperty("zone").GetString()!),
        Duration = Duration.FromNanoseconds(root.GetProperty("durationNanoseconds").GetInt64()),
        Rule = RecurrenceRule.Parse(root.GetProperty("rule").GetString()!),
        IdentityStart = LocalText.Parse(root.GetProperty("identityStart").GetString()!).GetValueOrThrow(),
        CancelledFrom = root.TryGetProperty("cancelledFrom", out _) ? Instant(root, "cancelledFrom") : null,
        Revision = root.GetProperty("revision").GetInt64(),
        CreatedAt = Instant(root, "createdAt"),
        UpdatedAt = Instant(root, "updatedAt"),
    });

    /// <summary>Writes an instance override.</summary>
    public static string Write(InstanceOverride value) => Json(writer =>
    {
        writer.WriteString("recurringSessionId", value.RecurringSessionId);
        writer.WriteString("identityStart", LocalText.Format(value.IdentityStart));
        writer.WriteBoolean("isCancelled", value.IsCancelled);
        if (value.Start is CalendarDateTime start)
        {
            WriteCalendar(writer, "start", start);
        }

        if (value.Duration is Duration duration)
        {
            writer.WriteNumber("durationNanoseconds", duration.ToInt64Nanoseconds());
        }

        WriteOptional(writer, "title", value.Title);
        if (value.Tags is { } tags)
        {
            WriteStrings(writer, "tags", tags);
        }

        WriteOptional(writer, "notes", value.Notes);
        WriteOptional(writer, "location", value.Location);
        if (value.Capacity is int capacity)
        {
            writer.WriteNumber("capacity", capacity);
        }

        WriteParticipants(writer, value.Participants);
        WriteStamps(writer, value.Revision, value.CreatedAt, value.UpdatedAt);
    });

    /// <summary>Reads an instance override.</summary>
    public static InstanceOverride ReadOverride(string json) => Read(json, root => new InstanceOverride
    {
        RecurringSessionId = root.GetProperty("recurringSessionId").GetString()!,
        IdentityStart = LocalText.Parse(root.GetProperty("identityStart").GetString()!).GetValueOrThrow(),
        IsCancelled = root.GetProperty("isCancelled").GetBoolean(),
        Start = root.TryGetProperty("start", out var start) ? Calendar(start) : null,
        Duration = root.TryGetProperty("durationNanoseconds", out var duration) ? NodaTime.Duration.FromNanoseconds(duration.GetInt64()) : null,
        Title = OptionalString(root, "title"),
        Tags = root.TryGetProperty("tags", out _) ? Strings(root, "tags") : null,
        Notes = OptionalString(root, "notes"),
        Location = OptionalString(root, "location"),
        Capacity = OptionalInt(root, "capacity"),
        Participants = Participants(root),
        Revision = root.GetProperty("revision").GetInt64(),
        CreatedAt = Instant(root, "createdAt"),
        UpdatedAt = Instant(root, "updatedAt"),
    });

    private static string Json(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            write(writer);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static T Read<T>(string json, Func<JsonElement, T> read)
    {
        using var document = JsonDocument.Parse(json);
        return read(document.RootElement);
    }

    private static void WriteShared(Utf8JsonWriter writer, string scheduleId, string ownerId, SessionType type, string? title, ImmutableArray<string> tags, string? notes, string? location, int? capacity)
    {
        writer.WriteString("scheduleId", scheduleId);
        writer.WriteString("scheduleOwnerId", ownerId);
        writer.WriteNumber("type", (int)type);
        WriteOptional(writer, "title", title);
        WriteStrings(writer, "tags", tags);
        WriteOptional(writer, "notes", notes);
        WriteOptional(writer, "location", location);
        if (capacity is int value)
        {
            writer.WriteNumber("capacity", value);
        }
    }

    private static void WriteStamps(Utf8JsonWriter writer, long revision, Instant createdAt, Instant updatedAt)
    {
        writer.WriteNumber("revision", revision);
        writer.WriteString("createdAt", InstantText.Format(createdAt));
        writer.WriteString("updatedAt", InstantText.Format(updatedAt));
    }

    private static void WriteOptional(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    private static void WriteStrings(Utf8JsonWriter writer, string name, ImmutableArray<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values.IsDefault ? [] : values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }

    private static void WriteParticipants(Utf8JsonWriter writer, ImmutableArray<Participant> participants)
    {
        writer.WriteStartArray("participants");
        foreach (var participant in participants.IsDefault ? [] : participants)
        {
            writer.WriteStartObject();
            writer.WriteString("id", participant.Id);
            WriteOptional(writer, "name", participant.Name);
            WriteOptional(writer, "email", participant.Email);
            WriteOptional(writer, "phone", participant.Phone);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteCalendar(Utf8JsonWriter writer, string name, CalendarDateTime value)
    {
        writer.WriteStartObject(name);
        if (value.LocalDateTime is LocalDateTime local)
        {
            writer.WriteString("local", LocalText.Format(local));
            writer.WriteString("zone", value.Zone!.Id);
        }

        writer.WriteString("at", InstantText.Format(value.Timestamp));
        writer.WriteEndObject();
    }

    private static CalendarDateTime Calendar(JsonElement element) =>
        element.TryGetProperty("local", out var local)
            ? CalendarDateTime.AtLocal(LocalText.Parse(local.GetString()!).GetValueOrThrow(), Zone(element.GetProperty("zone").GetString()!))
            : CalendarDateTime.AtInstant(InstantText.Parse(element.GetProperty("at").GetString()!).GetValueOrThrow());

    private static DateTimeZone Zone(string id) =>
        DateTimeZoneProviders.Tzdb.GetZoneOrNull(id) ?? throw new InvalidOperationException($"Stored time zone '{id}' is not in this tz database.");

    private static ImmutableArray<Participant> Participants(JsonElement root) =>
        [.. root.GetProperty("participants").EnumerateArray().Select(p => new Participant(
            p.GetProperty("id").GetString()!,
            OptionalString(p, "name"),
            OptionalString(p, "email"),
            OptionalString(p, "phone")))];

    private static ImmutableArray<string> Strings(JsonElement root, string name) =>
        [.. root.GetProperty(name).EnumerateArray().Select(e => e.GetString()!)];

    private static string? OptionalString(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) ? value.GetString() : null;

    private static int? OptionalInt(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) ? value.GetInt32() : null;

    private static Instant Instant(JsonElement root, string name) =>
        InstantText.Parse(root.GetProperty(name).GetString()!).GetValueOrThrow();
}
