using System.Collections.Immutable;

namespace Scheduling.Sessions;

/// <summary>
/// What a session says about itself beyond when it takes place and who is booked: title, tags, notes, location,
/// capacity, client, services, custom field values, attachments, dated notes, invoice and names at booking. Single
/// sessions, series and instances carry the same details (<see cref="Session.Details"/>,
/// <see cref="RecurringSession.Details"/>); an instance inherits its series' details except where its
/// <see cref="SessionDetailsOverride"/> sets its own, and a change request gives a <see cref="SessionDetailsChanges"/>.
/// </summary>
/// <remarks>
/// A list left unset (default) reads as empty. Equality compares the lists item by item. The shape of each field is
/// checked when a session, series or instance edit is written, each failure a <see cref="SchedulingException"/> with
/// <see cref="SchedulingErrorCode.InvalidArgument"/> naming the field. Immutable and thread-safe.
/// </remarks>
public sealed record SessionDetails
{
    private readonly ValueArray<string> _tags = new([]);
    private readonly ValueArray<string> _serviceIds = new([]);
    private readonly ValueArray<FieldValue> _fieldValues = new([]);
    private readonly ValueArray<Attachment> _attachments = new([]);
    private readonly ValueArray<SessionNote> _noteLog = new([]);

    /// <summary>Gets details that say nothing: no title, no lists, no limit.</summary>
    public static SessionDetails None { get; } = new();

    /// <summary>Gets the title, or null. Not empty or white space.</summary>
    public string? Title { get; init; }

    /// <summary>Gets the tags, none empty.</summary>
    public ImmutableArray<string> Tags { get => _tags.Items; init => _tags = Listed(value); }

    /// <summary>Gets the free-text notes, or null.</summary>
    public string? Notes { get; init; }

    /// <summary>Gets where the session takes place, or null.</summary>
    public string? Location { get; init; }

    /// <summary>
    /// Gets how many participants the session takes, or null for no limit. Not negative; 0 takes no booking at all
    /// (time held, such as a class closed for booking).
    /// </summary>
    public int? Capacity { get; init; }

    /// <summary>
    /// Gets the id of the client the session is for (a practice's patient, a salon's customer), or null. A single
    /// session also books its client as one of its participants; a series' client takes no seat of its instances (see
    /// <c>docs/workspace-mapping.md</c>).
    /// </summary>
    public string? ClientId { get; init; }

    /// <summary>Gets the ids of the services the session provides (the host's service catalogue), each once.</summary>
    public ImmutableArray<string> ServiceIds { get => _serviceIds.Items; init => _serviceIds = Listed(value); }

    /// <summary>Gets the values of the workspace's custom fields, at most one per field.</summary>
    public ImmutableArray<FieldValue> FieldValues { get => _fieldValues.Items; init => _fieldValues = Listed(value); }

    /// <summary>Gets the files attached, by reference (never their bytes), each id once.</summary>
    public ImmutableArray<Attachment> Attachments { get => _attachments.Items; init => _attachments = Listed(value); }

    /// <summary>
    /// Gets the dated notes, oldest first, each with its author (the HTTP API's <c>notes</c> list), appended through
    /// <see cref="SessionService.AddNoteAsync"/>; separate from <see cref="Notes"/>, the single free-text note.
    /// </summary>
    public ImmutableArray<SessionNote> NoteLog { get => _noteLog.Items; init => _noteLog = Listed(value); }

    /// <summary>Gets the invoice the session was billed on, or null.</summary>
    public InvoiceReference? Invoice { get; init; }

    /// <summary>Gets the names of client, staff and services as they were at booking, the fallback for names the host's directory lacks; or null.</summary>
    public NameSnapshot? Names { get; init; }

    /// <summary>
    /// Checks the shape of every field (not the payload limits, which are the host's, nor the custom field values
    /// against a workspace's definitions).
    /// </summary>
    /// <exception cref="SchedulingException"><see cref="SchedulingErrorCode.InvalidArgument"/> naming the first field at fault.</exception>
    internal void Check()
    {
        if (Title is not null && string.IsNullOrWhiteSpace(Title))
        {
            throw SchedulingException.Invalid("title", "'title' must not be empty or white space: give one, or leave it out.");
        }

        if (Tags.Any(string.IsNullOrWhiteSpace))
        {
            throw SchedulingException.Invalid("tags", "Tags must not be empty.");
        }

        if (Capacity is < 0)
        {
            throw SchedulingException.Invalid("capacity", "The capacity must not be negative.");
        }

        if (ClientId is not null && string.IsNullOrWhiteSpace(ClientId))
        {
            throw SchedulingException.Invalid("clientId", "A client id must not be empty: give one, or null for no client.");
        }

        if (ServiceIds.Any(string.IsNullOrWhiteSpace) || ServiceIds.Distinct(StringComparer.Ordinal).Count() != ServiceIds.Length)
        {
            throw SchedulingException.Invalid("serviceIds", "Service ids must not be empty, and an id may appear once.");
        }

        if (FieldValues.Any(v => v is null) || FieldValues.Select(v => v.FieldId).Distinct(StringComparer.Ordinal).Count() != FieldValues.Length)
        {
            throw SchedulingException.Invalid("fieldValues", "A session holds at most one value per field.");
        }

        if (Attachments.Any(a => a is null) || Attachments.Select(a => a.Id).Distinct(StringComparer.Ordinal).Count() != Attachments.Length)
        {
            throw SchedulingException.Invalid("attachments", "Every attachment is given, and an attachment id may appear once.");
        }

        if (NoteLog.Any(n => n is null) || NoteLog.Select(n => n.Id).Distinct(StringComparer.Ordinal).Count() != NoteLog.Length)
        {
            throw SchedulingException.Invalid("noteLog", "Every note is given, and a note id may appear once.");
        }
    }

    /// <summary>A list as the details keep it: one left unset is empty.</summary>
    private static ValueArray<T> Listed<T>(ImmutableArray<T> values) => new(values.IsDefault ? [] : values);
}
