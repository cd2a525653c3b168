namespace Scheduling;

/// <summary>
/// The most one stored record may hold: a session, a recurring session, an instance edit or an attendance. A write
/// that goes past a limit is refused with <see cref="SchedulingErrorCode.LimitExceeded"/> naming the field, before
/// anything is stored, so no caller can make a record that is costly to read back for every later query.
/// </summary>
/// <remarks>
/// <para>Lengths count UTF-16 code units, as <see cref="string.Length"/> does. Every limit must be at least 1.</para>
/// <para>With the defaults a record holds at most about one million characters of text in all
/// (<see cref="MaxRecordLength"/>), whatever its lists hold. Immutable and thread-safe.</para>
/// </remarks>
public sealed record PayloadLimits
{
    /// <summary>Gets the limits used when a host sets none.</summary>
    public static PayloadLimits Default { get; } = new();

    /// <summary>
    /// Gets the longest id a caller may choose or name: session, recurring session, schedule, owner, participant,
    /// client, service, field, attachment, note, author, invoice, booking and attendance ids. 256 by default.
    /// </summary>
    public int MaxIdLength { get; init; } = 256;

    /// <summary>
    /// Gets the longest short text: a title, location, tag, participant name, email or phone, a text field value, an
    /// attachment's file name, reference and content type, an invoice number and a snapshot name. 2,048 by default.
    /// </summary>
    public int MaxTextLength { get; init; } = 2_048;

    /// <summary>Gets the longest free text: a session's notes and the text of one entry of its note log. 20,000 by default.</summary>
    public int MaxNotesLength { get; init; } = 20_000;

    /// <summary>Gets the most tags one record may carry. 100 by default.</summary>
    public int MaxTags { get; init; } = 100;

    /// <summary>Gets the most participants one session or instance may hold, whatever its capacity. 1,000 by default.</summary>
    public int MaxParticipants { get; init; } = 1_000;

    /// <summary>Gets the most services one record may name, and the most names each kind of name snapshot may hold. 100 by default.</summary>
    public int MaxServices { get; init; } = 100;

    /// <summary>Gets the most field values one record may carry. 200 by default.</summary>
    public int MaxFieldValues { get; init; } = 200;

    /// <summary>Gets the most attachments one record may carry. 100 by default.</summary>
    public int MaxAttachments { get; init; } = 100;

    /// <summary>Gets the most entries a note log may hold; appending to a full log is refused. 500 by default.</summary>
    public int MaxNoteLogEntries { get; init; } = 500;

    /// <summary>Gets the most exception dates (EXDATEs) one recurring session may hold. 1,000 by default.</summary>
    public int MaxExceptionDates { get; init; } = 1_000;

    /// <summary>Gets the most extra dates (RDATEs) one recurring session may hold. 1,000 by default.</summary>
    public int MaxExtraDates { get; init; } = 1_000;

    /// <summary>Gets the most characters of text (ids included) one record may hold in all. 1,000,000 by default.</summary>
    public int MaxRecordLength { get; init; } = 1_000_000;

    /// <summary>Checks the limits.</summary>
    /// <exception cref="ArgumentException">A limit is below 1.</exception>
    public void Validate()
    {
        Positive(MaxIdLength, nameof(MaxIdLength));
        Positive(MaxTextLength, nameof(MaxTextLength));
        Positive(MaxNotesLength, nameof(MaxNotesLength));
        Positive(MaxTags, nameof(MaxTags));
        Positive(MaxParticipants, nameof(MaxParticipants));
        Positive(MaxServices, nameof(MaxServices));
        Positive(MaxFieldValues, nameof(MaxFieldValues));
        Positive(MaxAttachments, nameof(MaxAttachments));
        Positive(MaxNoteLogEntries, nameof(MaxNoteLogEntries));
        Positive(MaxExceptionDates, nameof(MaxExceptionDates));
        Positive(MaxExtraDates, nameof(MaxExtraDates));
        Positive(MaxRecordLength, nameof(MaxRecordLength));
    }

    private static void Positive(int value, string name)
    {
        if (value < 1)
        {
            throw new ArgumentException($"PayloadLimits.{name} must be at least 1; it is {value}.", name);
        }
    }
}
