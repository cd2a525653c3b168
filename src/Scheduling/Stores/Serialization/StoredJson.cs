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
/// <para>Local times are kept as ISO local date-times with their IANA zone id and read back through the current tz
/// database; instants as ISO instants; rules as their canonical RRULE text. Thread-safe.</para>
/// <para>Fields added after the first release (client, services, field values, attachments, the note log, the
/// invoice, the names at booking, the lifecycle mark) are written only when they hold something and read as empty
/// when absent, so bodies written before them read unchanged and need no migration. On an instance override a
/// present list (even empty) is the instance's own, an absent one inherits.</para>
/// <para>A body that does not read back (broken JSON, a field missing or of another type, a version's value this one
/// does not know, a rule the parser refuses, a zone the tz database no longer has, a start outside
/// <see cref="SupportedRange"/>) is a <see cref="SchedulingException"/> with
/// <see cref="SchedulingErrorCode.UnreadableRecord"/> that names the record by the id the store gives: only what
/// needs that record fails, and a store deletes it by its key without reading it.</para>
/// </remarks>
public static class StoredJson
{
    private static readonly LocalDateTimePattern LocalText = LocalDateTimePattern.ExtendedIso;
    private static readonly InstantPattern InstantText = InstantPattern.ExtendedIso;
    private static readonly LocalDatePattern DateText = LocalDatePattern.Iso;

    /// <summary>Writes a session.</summary>
    public static string Write(Session session) => Json(writer =>
    {
        writer.WriteString("id", session.Id);
        WriteShared(writer, session.ScheduleId, session.ScheduleOwnerId, session.Type, session.Details);
        writer.WriteNumber("status", (int)session.Status);
        WriteParticipants(writer, session.Participants);
        WriteDetails(writer, session.Details);
        if (session.Progress != ProgressMark.None)
        {
            writer.WriteNumber("progress", (int)session.Progress);
        }

        WriteCalendar(writer, "start", session.Start);
        WriteCalendar(writer, "end", session.End);
        if (session.IsAllDay)
        {
            writer.WriteBoolean("allDay", true);
        }

        WriteStamps(writer, session.Revision, session.CreatedAt, session.UpdatedAt);
    });

    /// <summary>Reads a session.</summary>
    /// <param name="json">The stored body.</param>
    /// <param name="id">The id the store keeps the session under, which names it when the body does not read.</param>
    /// <exception cref="SchedulingException"><see cref="SchedulingErrorCode.UnreadableRecord"/>: the body does not read back.</exception>
    public static Session ReadSession(string json, string id) => Read(json, "Session", () => id, root => Checked(AllDays(root, new Session
    {
        Id = Required(root, "id"),
        ScheduleId = Required(root, "scheduleId"),
        ScheduleOwnerId = Required(root, "scheduleOwnerId"),
        Type = (SessionType)root.GetProperty("type").GetInt32(),
        Status = (SessionStatus)root.GetProperty("status").GetInt32(),
        Details = ReadDetails(root),
        Participants = Participants(root),
        Progress = OptionalInt(root, "progress") is int progress ? (ProgressMark)progress : ProgressMark.None,
        Start = Calendar(root.GetProperty("start")),
        End = Calendar(root.GetProperty("end")),
        IsAllDay = OptionalBoolean(root, "allDay"),
        Revision = root.GetProperty("revision").GetInt64(),
        CreatedAt = Instant(root, "createdAt"),
        UpdatedAt = Instant(root, "updatedAt"),
    })));

    /// <summary>Writes a recurring session.</summary>
    public static string Write(RecurringSession series) => Json(writer =>
    {
        writer.WriteString("id", series.Id);
        WriteShared(writer, series.ScheduleId, series.ScheduleOwnerId, series.Type, series.Details);
        writer.WriteString("start", LocalText.Format(series.Start));
        writer.WriteString("zone", series.Zone.Id);
        writer.WriteNumber("durationNanoseconds", series.Duration.ToInt64Nanoseconds());
        writer.WriteString("rule", series.Rule.ToString());
        writer.WriteString("identityStart", LocalText.Format(series.IdentityStart));
        if (series.IsAllDay)
        {
            writer.WriteBoolean("allDay", true);
        }

        WriteLocals(writer, "exceptionDates", series.ExceptionDates);
        WriteLocals(writer, "extraDates", series.ExtraDates);
        WriteDetails(writer, series.Details);
        if (series.CancelledFrom is Instant cancelledFrom)
        {
            writer.WriteString("cancelledFrom", InstantText.Format(cancelledFrom));
        }

        WriteStamps(writer, series.Revision, series.CreatedAt, series.UpdatedAt);
    });

    /// <summary>Reads a recurring session.</summary>
    /// <param name="json">The stored body.</param>
    /// <param name="id">The id the store keeps the series under, which names it when the body does not read.</param>
    /// <exception cref="SchedulingException"><see cref="SchedulingErrorCode.UnreadableRecord"/>: the body does not read back.</exception>
    public static RecurringSession ReadRecurringSession(string json, string id) => Read(json, "Recurring session", () => id, root => Checked(new RecurringSession
    {
        Id = Required(root, "id"),
        ScheduleId = Required(root, "scheduleId"),
        ScheduleOwnerId = Required(root, "scheduleOwnerId"),
        Type = (SessionType)root.GetProperty("type").GetInt32(),
        Details = ReadDetails(root),
        Start = Local(root, "start"),
        Zone = Zone(Required(root, "zone")),
        Duration = Duration.FromNanoseconds(root.GetProperty("durationNanoseconds").GetInt64()),
        Rule = RecurrenceRule.Parse(Required(root, "rule")),
        IdentityStart = Local(root, "identityStart"),
        IsAllDay = OptionalBoolean(root, "allDay"),
        ExceptionDates = Locals(root, "exceptionDates"),
        ExtraDates = Locals(root, "extraDates"),
        CancelledFrom = root.TryGetProperty("cancelledFrom", out _) ? Instant(root, "cancelledFrom") : null,
        Revision = root.GetProperty("revision").GetInt64(),
        CreatedAt = Instant(root, "createdAt"),
        UpdatedAt = Instant(root, "updatedAt"),
    }));

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

        WriteOptional(writer, "title", value.Details.Title);
        if (value.Details.Tags is { } tags)
        {
            WriteStrings(writer, "tags", tags);
        }

        WriteOptional(writer, "notes", value.Details.Notes);
        WriteOptional(writer, "location", value.Details.Location);
        if (value.Details.Capacity is int capacity)
        {
            writer.WriteNumber("capacity", capacity);
        }

        WriteParticipants(writer, value.Participants);
        WriteOptional(writer, "clientId", value.Details.ClientId);
        if (value.Details.ServiceIds is { } serviceIds)
        {
            WriteStrings(writer, "serviceIds", serviceIds);
        }

        if (value.Details.FieldValues is { } fieldValues)
        {
            WriteFieldValues(writer, fieldValues);
        }

        if (value.Details.Attachments is { } attachments)
        {
            WriteAttachments(writer, attachments);
        }

        if (value.Details.NoteLog is { } noteLog)
        {
            WriteNoteLog(writer, noteLog);
        }

        WriteInvoice(writer, value.Details.Invoice);
        WriteNames(writer, value.Details.Names);
        if (value.Progress != ProgressMark.None)
        {
            writer.WriteNumber("progress", (int)value.Progress);
        }

        WriteStamps(writer, value.Revision, value.CreatedAt, value.UpdatedAt);
    });

    /// <summary>Reads an instance override.</summary>
    /// <param name="json">The stored body.</param>
    /// <param name="recurringSessionId">The series the store keeps the override under.</param>
    /// <param name="identityStart">
    /// The identity start the store keys the override by, as stored (ISO local date-time text), or null when the store
    /// does not read it beside the body; with it, an unreadable override is named by its instance id.
    /// </param>
    /// <exception cref="SchedulingException"><see cref="SchedulingErrorCode.UnreadableRecord"/>: the body does not read back.</exception>
    public static InstanceOverride ReadOverride(string json, string recurringSessionId, string? identityStart = null) =>
        Read(json, "The override of instance", () => OverrideName(json, recurringSessionId, identityStart), root => Checked(new InstanceOverride
    {
        RecurringSessionId = Required(root, "recurringSessionId"),
        IdentityStart = Local(root, "identityStart"),
        IsCancelled = root.GetProperty("isCancelled").GetBoolean(),
        Start = root.TryGetProperty("start", out var start) ? Calendar(start) : null,
        Duration = root.TryGetProperty("durationNanoseconds", out var duration) ? NodaTime.Duration.FromNanoseconds(duration.GetInt64()) : null,
        Details = new SessionDetailsOverride
        {
            Title = OptionalString(root, "title"),
            Tags = root.TryGetProperty("tags", out _) ? Strings(root, "tags") : null,
            Notes = OptionalString(root, "notes"),
            Location = OptionalString(root, "location"),
            Capacity = OptionalInt(root, "capacity"),
            ClientId = OptionalString(root, "clientId"),
            ServiceIds = OptionalStrings(root, "serviceIds"),
            FieldValues = FieldValues(root),
            Attachments = Attachments(root),
            NoteLog = NoteLog(root),
            Invoice = Invoice(root),
            Names = Names(root),
        },
        Participants = Participants(root),
        Progress = OptionalInt(root, "progress") is int progress ? (ProgressMark)progress : ProgressMark.None,
        Revision = root.GetProperty("revision").GetInt64(),
        CreatedAt = Instant(root, "createdAt"),
        UpdatedAt = Instant(root, "updatedAt"),
    }));

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

    /// <summary>
    /// Reads a body, turning every way it can fail to read into one typed error that names the record. Reading is
    /// pure work on a string, so the exceptions caught here can only come from the body.
    /// </summary>
    private static T Read<T>(string json, string what, Func<string> id, Func<JsonElement, T> read)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var document = JsonDocument.Parse(json);
            return read(document.RootElement);
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException or KeyNotFoundException
            or FormatException or OverflowException or ArgumentException or RecurrenceException or UnreadableValue
            or SchedulingException { Code: SchedulingErrorCode.InvalidArgument })
        {
            var revision = StoredRevision(json) is long known ? $" It is at revision {known}." : string.Empty;
            throw SchedulingException.Unreadable(what, id(), $"{exception.Message}{revision} Only calls that need it fail; it can be deleted.", exception);
        }
    }

    /// <summary>The revision a body holds, if it can be told at all: for the message of an unreadable record.</summary>
    private static long? StoredRevision(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("revision", out var revision)
                && revision.TryGetInt64(out var value) ? value : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// The instance id an override is named by: from the store's key, else from the identity start its body still
    /// holds (found as text, since the body may not parse: this writer puts it near the start), else the series id.
    /// </summary>
    private static string OverrideName(string json, string recurringSessionId, string? identityStart)
    {
        if (identityStart is not null && LocalText.Parse(identityStart) is { Success: true } fromKey)
        {
            return SessionInstanceId.Format(recurringSessionId, fromKey.Value);
        }

        const string Marker = "\"identityStart\":\"";
        var at = json.IndexOf(Marker, StringComparison.Ordinal);
        var end = at < 0 ? -1 : json.IndexOf('"', at + Marker.Length);
        return end > 0 && LocalText.Parse(json[(at + Marker.Length)..end]) is { Success: true } fromBody
            ? SessionInstanceId.Format(recurringSessionId, fromBody.Value)
            : recurringSessionId;
    }

    /// <summary>What a body must hold beyond its shape: times inside <see cref="SupportedRange"/>, known values, a length that is not negative.</summary>
    private static Session Checked(Session session)
    {
        CheckInRange(session.Start.Timestamp, "start");
        CheckInRange(session.End.Timestamp, "end");
        CheckDefined(session.Type, "type");
        CheckDefined(session.Status, "status");
        CheckDefined(session.Progress, "progress");
        return session;
    }

    private static RecurringSession Checked(RecurringSession series)
    {
        CheckInRange(series.Start, "start");
        CheckInRange(series.IdentityStart, "identityStart");
        foreach (var date in series.ExceptionDates)
        {
            CheckInRange(date, "exceptionDates");
        }

        foreach (var date in series.ExtraDates)
        {
            CheckInRange(date, "extraDates");
        }
        CheckDefined(series.Type, "type");
        if (series.Duration < Duration.Zero)
        {
            throw new UnreadableValue("The field 'durationNanoseconds' is negative.");
        }

        return series;
    }

    private static InstanceOverride Checked(InstanceOverride value)
    {
        CheckInRange(value.IdentityStart, "identityStart");
        if (value.Start is CalendarDateTime start)
        {
            CheckInRange(start.Timestamp, "start");
        }

        if (value.Duration is Duration duration && duration < Duration.Zero)
        {
            throw new UnreadableValue("The field 'durationNanoseconds' is negative.");
        }

        CheckDefined(value.Progress, "progress");
        return value;
    }

    private static void CheckInRange(Instant value, string name)
    {
        if (!SupportedRange.ContainsEnd(value))
        {
            throw new UnreadableValue($"The field '{name}' ({value}) is outside the supported range {SupportedRange.Start} to {SupportedRange.End}.");
        }
    }

    private static void CheckInRange(LocalDateTime value, string name)
    {
        if (!SupportedRange.Contains(value))
        {
            throw new UnreadableValue($"The field '{name}' ({value:uuuu-MM-dd'T'HH:mm:ss}) is outside the supported range {SupportedRange.LocalStart:uuuu-MM-dd} to {SupportedRange.LocalEnd:uuuu-MM-dd}.");
        }
    }

    private static void CheckDefined<TEnum>(TEnum value, string name)
        where TEnum : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            throw new UnreadableValue($"The field '{name}' holds {value}, which this version does not know.");
        }
    }

    private static string Required(JsonElement element, string name) =>
        element.GetProperty(name).GetString() ?? throw new UnreadableValue($"The field '{name}' is null.");

    private static LocalDateTime Local(JsonElement element, string name) => LocalText.Parse(Required(element, name)).GetValueOrThrow();

    /// <summary>The details of a session or a series (the same fields on both).</summary>
    private static SessionDetails ReadDetails(JsonElement root) => new()
    {
        Title = OptionalString(root, "title"),
        Tags = Strings(root, "tags"),
        Notes = OptionalString(root, "notes"),
        Location = OptionalString(root, "location"),
        Capacity = OptionalInt(root, "capacity"),
        ClientId = OptionalString(root, "clientId"),
        ServiceIds = OptionalStrings(root, "serviceIds") ?? [],
        FieldValues = FieldValues(root) ?? [],
        Attachments = Attachments(root) ?? [],
        NoteLog = NoteLog(root) ?? [],
        Invoice = Invoice(root),
        Names = Names(root),
    };

    private static void WriteShared(Utf8JsonWriter writer, string scheduleId, string ownerId, SessionType type, SessionDetails details)
    {
        writer.WriteString("scheduleId", scheduleId);
        writer.WriteString("scheduleOwnerId", ownerId);
        writer.WriteNumber("type", (int)type);
        WriteOptional(writer, "title", details.Title);
        WriteStrings(writer, "tags", details.Tags);
        WriteOptional(writer, "notes", details.Notes);
        WriteOptional(writer, "location", details.Location);
        if (details.Capacity is int value)
        {
            writer.WriteNumber("capacity", value);
        }
    }

    /// <summary>The fields added for workspaces, each written only when it holds something.</summary>
    private static void WriteDetails(Utf8JsonWriter writer, SessionDetails details)
    {
        WriteOptional(writer, "clientId", details.ClientId);
        if (!details.ServiceIds.IsDefaultOrEmpty)
        {
            WriteStrings(writer, "serviceIds", details.ServiceIds);
        }

        if (!details.FieldValues.IsDefaultOrEmpty)
        {
            WriteFieldValues(writer, details.FieldValues);
        }

        if (!details.Attachments.IsDefaultOrEmpty)
        {
            WriteAttachments(writer, details.Attachments);
        }

        if (!details.NoteLog.IsDefaultOrEmpty)
        {
            WriteNoteLog(writer, details.NoteLog);
        }

        WriteInvoice(writer, details.Invoice);
        WriteNames(writer, details.Names);
    }

    private static void WriteFieldValues(Utf8JsonWriter writer, ImmutableArray<FieldValue> values)
    {
        writer.WriteStartArray("fieldValues");
        foreach (var value in values.IsDefault ? [] : values)
        {
            writer.WriteStartObject();
            writer.WriteString("field", value.FieldId);
            writer.WriteNumber("kind", (int)value.Kind);
            switch (value.Kind)
            {
                case FieldKind.Number:
                    writer.WriteNumber("value", value.Number!.Value);
                    break;
                case FieldKind.Boolean:
                    writer.WriteBoolean("value", value.Boolean!.Value);
                    break;
                case FieldKind.Date:
                    writer.WriteString("value", DateText.Format(value.Date!.Value));
                    break;
                default:
                    writer.WriteString("value", value.Text);
                    break;
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteAttachments(Utf8JsonWriter writer, ImmutableArray<Attachment> attachments)
    {
        writer.WriteStartArray("attachments");
        foreach (var attachment in attachments.IsDefault ? [] : attachments)
        {
            writer.WriteStartObject();
            writer.WriteString("id", attachment.Id);
            writer.WriteString("fileName", attachment.FileName);
            writer.WriteString("reference", attachment.Reference);
            writer.WriteString("addedAt", InstantText.Format(attachment.AddedAt));
            WriteOptional(writer, "contentType", attachment.ContentType);
            if (attachment.SizeBytes is long size)
            {
                writer.WriteNumber("sizeBytes", size);
            }

            WriteOptional(writer, "addedBy", attachment.AddedBy);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteNoteLog(Utf8JsonWriter writer, ImmutableArray<SessionNote> notes)
    {
        writer.WriteStartArray("noteLog");
        foreach (var note in notes.IsDefault ? [] : notes)
        {
            writer.WriteStartObject();
            writer.WriteString("id", note.Id);
            writer.WriteString("authorId", note.AuthorId);
            writer.WriteString("text", note.Text);
            writer.WriteString("createdAt", InstantText.Format(note.CreatedAt));
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteInvoice(Utf8JsonWriter writer, InvoiceReference? invoice)
    {
        if (invoice is null)
        {
            return;
        }

        writer.WriteStartObject("invoice");
        writer.WriteString("id", invoice.Id);
        WriteOptional(writer, "number", invoice.Number);
        writer.WriteEndObject();
    }

    private static void WriteNames(Utf8JsonWriter writer, NameSnapshot? names)
    {
        if (names is null)
        {
            return;
        }

        writer.WriteStartObject("names");
        WriteNameMap(writer, "clients", names.Clients);
        WriteNameMap(writer, "services", names.Services);
        WriteNameMap(writer, "staff", names.Staff);
        writer.WriteEndObject();
    }

    private static void WriteNameMap(Utf8JsonWriter writer, string name, ImmutableDictionary<string, string> names)
    {
        if (names.IsEmpty)
        {
            return;
        }

        writer.WriteStartObject(name);
        foreach (var (id, value) in names.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            writer.WriteString(id, value);
        }

        writer.WriteEndObject();
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

    /// <summary>A list of local date-times, written only when it holds something (absent reads as empty).</summary>
    private static void WriteLocals(Utf8JsonWriter writer, string name, ImmutableArray<LocalDateTime> values)
    {
        if (values.IsDefaultOrEmpty)
        {
            return;
        }

        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(LocalText.Format(value));
        }

        writer.WriteEndArray();
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
            ? CalendarDateTime.AtLocal(Local(element, "local"), Zone(Required(element, "zone")))
            : CalendarDateTime.AtInstant(Instant(element, "at"));

    private static DateTimeZone Zone(string id) =>
        DateTimeZoneProviders.Tzdb.GetZoneOrNull(id) ?? throw new UnreadableValue($"The time zone '{id}' is not in this tz database ({DateTimeZoneProviders.Tzdb.VersionId}).");

    private static ImmutableArray<Participant> Participants(JsonElement root) =>
        [.. root.GetProperty("participants").EnumerateArray().Select(p => new Participant(
            Required(p, "id"),
            OptionalString(p, "name"),
            OptionalString(p, "email"),
            OptionalString(p, "phone")))];

    private static ImmutableArray<string>? OptionalStrings(JsonElement root, string name) =>
        root.TryGetProperty(name, out _) ? Strings(root, name) : null;

    private static ImmutableArray<FieldValue>? FieldValues(JsonElement root) =>
        root.TryGetProperty("fieldValues", out var values)
            ? [.. values.EnumerateArray().Select(v =>
            {
                var field = Required(v, "field");
                var value = v.GetProperty("value");
                return (FieldKind)v.GetProperty("kind").GetInt32() switch
                {
                    FieldKind.Text => FieldValue.OfText(field, value.GetString() ?? throw new UnreadableValue("A field value is null.")),
                    FieldKind.Number => FieldValue.OfNumber(field, value.GetDecimal()),
                    FieldKind.Boolean => FieldValue.OfBoolean(field, value.GetBoolean()),
                    FieldKind.Date => FieldValue.OfDate(field, DateText.Parse(value.GetString() ?? string.Empty).GetValueOrThrow()),
                    FieldKind.Choice => FieldValue.OfChoice(field, value.GetString() ?? throw new UnreadableValue("A field value is null.")),
                    var kind => throw new UnreadableValue($"The field kind {(int)kind} is not known to this version."),
                };
            })]
            : null;

    private static ImmutableArray<Attachment>? Attachments(JsonElement root) =>
        root.TryGetProperty("attachments", out var attachments)
            ? [.. attachments.EnumerateArray().Select(a => new Attachment(
                Required(a, "id"),
                Required(a, "fileName"),
                Required(a, "reference"),
                Instant(a, "addedAt"))
            {
                ContentType = OptionalString(a, "contentType"),
                SizeBytes = a.TryGetProperty("sizeBytes", out var size) ? size.GetInt64() : null,
                AddedBy = OptionalString(a, "addedBy"),
            })]
            : null;

    private static ImmutableArray<SessionNote>? NoteLog(JsonElement root) =>
        root.TryGetProperty("noteLog", out var notes)
            ? [.. notes.EnumerateArray().Select(n => new SessionNote(
                Required(n, "id"),
                Required(n, "authorId"),
                Required(n, "text"),
                Instant(n, "createdAt")))]
            : null;

    private static InvoiceReference? Invoice(JsonElement root) =>
        root.TryGetProperty("invoice", out var invoice)
            ? new InvoiceReference(Required(invoice, "id")) { Number = OptionalString(invoice, "number") }
            : null;

    private static NameSnapshot? Names(JsonElement root) =>
        root.TryGetProperty("names", out var names)
            ? NameSnapshot.Empty with
            {
                Clients = NameMap(names, "clients") ?? NameSnapshot.Empty.Clients,
                Services = NameMap(names, "services") ?? NameSnapshot.Empty.Services,
                Staff = NameMap(names, "staff") ?? NameSnapshot.Empty.Staff,
            }
            : null;

    private static ImmutableDictionary<string, string>? NameMap(JsonElement names, string name) =>
        names.TryGetProperty(name, out var map)
            ? map.EnumerateObject().ToImmutableDictionary(p => p.Name, p => p.Value.GetString() ?? throw new UnreadableValue($"The name of '{p.Name}' is null."), StringComparer.Ordinal)
            : null;

    private static ImmutableArray<string> Strings(JsonElement root, string name) =>
        [.. root.GetProperty(name).EnumerateArray().Select(e => e.GetString() ?? throw new UnreadableValue($"The list '{name}' holds a null."))];

    private static bool OptionalBoolean(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.GetBoolean();

    /// <summary>
    /// An all-day session's start and end read again as the start of their days in the tz database in use, so a change
    /// of the zone's rules since it was written keeps it on its dates.
    /// </summary>
    private static Session AllDays(JsonElement root, Session session)
    {
        if (!session.IsAllDay)
        {
            return session;
        }

        if (session.Start.LocalDateTime is not LocalDateTime start || session.End.LocalDateTime is not LocalDateTime end)
        {
            throw new UnreadableValue("An all-day session's start and end are not wall-clock values.");
        }

        return session with { Start = AllDay.StartOf(start.Date, session.Start.Zone!), End = AllDay.StartOf(end.Date, session.End.Zone!) };
    }

    private static ImmutableArray<LocalDateTime> Locals(JsonElement root, string name) =>
        root.TryGetProperty(name, out var values)
            ? [.. values.EnumerateArray().Select(e => LocalText.Parse(e.GetString() ?? throw new UnreadableValue($"The list '{name}' holds a null.")).GetValueOrThrow())]
            : [];

    private static string? OptionalString(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) ? value.GetString() : null;

    private static int? OptionalInt(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) ? value.GetInt32() : null;

    private static Instant Instant(JsonElement root, string name) =>
        InstantText.Parse(Required(root, name)).GetValueOrThrow();

    /// <summary>A value in a body that parses as JSON but not as what this version stores.</summary>
    private sealed class UnreadableValue(string message) : Exception(message);
}
