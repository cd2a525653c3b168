using System.Collections.Immutable;

namespace Scheduling.Sessions;

/// <summary>
/// The <see cref="PayloadLimits"/> of sessions, recurring sessions and instance edits: what each record may hold
/// before it is stored. Field names are those of the records (<c>participants.email</c>, <c>noteLog.text</c>).
/// </summary>
internal static class SessionPayload
{
    /// <summary>Checks a single session or an instance as a whole (its client before its participants, since the client is booked as one).</summary>
    public static void Check(PayloadLimits limits, Session session)
    {
        var meter = new PayloadMeter(limits, "session");
        meter.Id(session.Id, "id");
        meter.Id(session.ScheduleId, "scheduleId");
        meter.Id(session.ScheduleOwnerId, "scheduleOwnerId");
        Describe(limits, meter, session.Details);
        Participants(limits, meter, session.Participants);
    }

    /// <summary>Checks a recurring session.</summary>
    public static void Check(PayloadLimits limits, RecurringSession series)
    {
        var meter = new PayloadMeter(limits, "recurring session");
        meter.Id(series.Id, "id");
        meter.Id(series.ScheduleId, "scheduleId");
        meter.Id(series.ScheduleOwnerId, "scheduleOwnerId");
        Describe(limits, meter, series.Details);
        meter.Count(OrEmpty(series.ExceptionDates).Length, limits.MaxExceptionDates, "exceptionDates");
        meter.Count(OrEmpty(series.ExtraDates).Length, limits.MaxExtraDates, "extraDates");
    }

    /// <summary>Checks what an instance edit holds of its own (what it leaves to its series was checked with the series).</summary>
    public static void Check(PayloadLimits limits, InstanceOverride edit)
    {
        var meter = new PayloadMeter(limits, "instance");
        Describe(limits, meter, edit.Details.Over(SessionDetails.None));
        Participants(limits, meter, edit.Participants);
    }

    /// <summary>Checks one participant about to be booked, on its own (the session's count is checked at the booking).</summary>
    public static void Check(PayloadLimits limits, Participant participant)
    {
        var meter = new PayloadMeter(limits, "participant");
        Participant(meter, participant, "participant", null);
    }

    /// <summary>Refuses a booking that would take a session past <see cref="PayloadLimits.MaxParticipants"/>.</summary>
    public static void CheckRoomFor(PayloadLimits limits, int participants) =>
        new PayloadMeter(limits, "session").Count(participants + 1, limits.MaxParticipants, "participants");

    /// <summary>Checks a note about to be appended to a log that holds <paramref name="entries"/> entries.</summary>
    public static void CheckNote(PayloadLimits limits, int entries, string text, string authorId)
    {
        var meter = new PayloadMeter(limits, "session");
        meter.LongText(text, "text");
        meter.Id(authorId, "authorId");
        meter.Count(entries + 1, limits.MaxNoteLogEntries, "noteLog");
    }

    private static void Participants(PayloadLimits limits, PayloadMeter meter, ImmutableArray<Participant> participants)
    {
        participants = OrEmpty(participants);
        meter.Count(participants.Length, limits.MaxParticipants, "participants");
        for (var i = 0; i < participants.Length; i++)
        {
            if (participants[i] is { } participant)
            {
                Participant(meter, participant, "participants", i);
            }
        }
    }

    private static void Participant(PayloadMeter meter, Participant participant, string field, int? index)
    {
        meter.Id(participant.Id, field + ".id", index);
        meter.ShortText(participant.Name, field + ".name", index);
        meter.ShortText(participant.Email, field + ".email", index);
        meter.ShortText(participant.Phone, field + ".phone", index);
    }

    private static void Describe(PayloadLimits limits, PayloadMeter meter, SessionDetails details)
    {
        meter.ShortText(details.Title, "title");
        meter.LongText(details.Notes, "notes");
        meter.ShortText(details.Location, "location");
        meter.Id(details.ClientId, "clientId");

        meter.Count(details.Tags.Length, limits.MaxTags, "tags");
        for (var i = 0; i < details.Tags.Length; i++)
        {
            meter.ShortText(details.Tags[i], "tags", i);
        }

        meter.Count(details.ServiceIds.Length, limits.MaxServices, "serviceIds");
        for (var i = 0; i < details.ServiceIds.Length; i++)
        {
            meter.Id(details.ServiceIds[i], "serviceIds", i);
        }

        meter.Count(details.FieldValues.Length, limits.MaxFieldValues, "fieldValues");
        for (var i = 0; i < details.FieldValues.Length; i++)
        {
            if (details.FieldValues[i] is { } value)
            {
                meter.Id(value.FieldId, "fieldValues.fieldId", i);
                meter.ShortText(value.Text, "fieldValues.text", i);
            }
        }

        meter.Count(details.Attachments.Length, limits.MaxAttachments, "attachments");
        for (var i = 0; i < details.Attachments.Length; i++)
        {
            if (details.Attachments[i] is { } attachment)
            {
                meter.Id(attachment.Id, "attachments.id", i);
                meter.ShortText(attachment.FileName, "attachments.fileName", i);
                meter.ShortText(attachment.Reference, "attachments.reference", i);
                meter.ShortText(attachment.ContentType, "attachments.contentType", i);
                meter.Id(attachment.AddedBy, "attachments.addedBy", i);
            }
        }

        meter.Count(details.NoteLog.Length, limits.MaxNoteLogEntries, "noteLog");
        for (var i = 0; i < details.NoteLog.Length; i++)
        {
            if (details.NoteLog[i] is { } note)
            {
                meter.Id(note.Id, "noteLog.id", i);
                meter.Id(note.AuthorId, "noteLog.authorId", i);
                meter.LongText(note.Text, "noteLog.text", i);
            }
        }

        if (details.Invoice is { } invoice)
        {
            meter.Id(invoice.Id, "invoice.id");
            meter.ShortText(invoice.Number, "invoice.number");
        }

        if (details.Names is { } names)
        {
            Names(limits, meter, names.Clients, "names.clients");
            Names(limits, meter, names.Services, "names.services");
            Names(limits, meter, names.Staff, "names.staff");
        }
    }

    private static void Names(PayloadLimits limits, PayloadMeter meter, ImmutableDictionary<string, string> names, string field)
    {
        meter.Count(names.Count, limits.MaxServices, field);
        foreach (var (id, name) in names)
        {
            meter.Id(id, field);
            meter.ShortText(name, field);
        }
    }

    /// <summary>A list left unset reads as empty here; whether it may be unset is the record's own rule.</summary>
    private static ImmutableArray<T> OrEmpty<T>(ImmutableArray<T> values) => values.IsDefault ? [] : values;
}
