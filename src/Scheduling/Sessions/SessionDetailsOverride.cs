using System.Collections.Immutable;

namespace Scheduling.Sessions;

/// <summary>
/// The details one instance of a series sets for itself (<see cref="InstanceOverride.Details"/>): each field null
/// inherits the series' value, so an edit of the series never clobbers a field the instance set, and a field the
/// instance set never follows the series. <see cref="Over"/> is the one merge of the two.
/// </summary>
/// <remarks>Equality compares the lists item by item. Immutable and thread-safe.</remarks>
public sealed record SessionDetailsOverride
{
    private readonly ValueArray<string>? _tags;
    private readonly ValueArray<string>? _serviceIds;
    private readonly ValueArray<FieldValue>? _fieldValues;
    private readonly ValueArray<Attachment>? _attachments;
    private readonly ValueArray<SessionNote>? _noteLog;

    /// <summary>Gets an override that sets nothing: every field inherits.</summary>
    public static SessionDetailsOverride None { get; } = new();

    /// <summary>Gets the instance's own title, or null to inherit.</summary>
    public string? Title { get; init; }

    /// <summary>Gets the instance's own tags, or null to inherit.</summary>
    public ImmutableArray<string>? Tags { get => _tags?.Items; init => _tags = Listed(value); }

    /// <summary>Gets the instance's own notes, or null to inherit.</summary>
    public string? Notes { get; init; }

    /// <summary>Gets the instance's own location, or null to inherit.</summary>
    public string? Location { get; init; }

    /// <summary>Gets the instance's own capacity, or null to inherit.</summary>
    public int? Capacity { get; init; }

    /// <summary>Gets the instance's own client, or null to inherit.</summary>
    public string? ClientId { get; init; }

    /// <summary>Gets the instance's own service ids, or null to inherit.</summary>
    public ImmutableArray<string>? ServiceIds { get => _serviceIds?.Items; init => _serviceIds = Listed(value); }

    /// <summary>Gets the instance's own custom field values, or null to inherit.</summary>
    public ImmutableArray<FieldValue>? FieldValues { get => _fieldValues?.Items; init => _fieldValues = Listed(value); }

    /// <summary>Gets the instance's own attachments, or null to inherit.</summary>
    public ImmutableArray<Attachment>? Attachments { get => _attachments?.Items; init => _attachments = Listed(value); }

    /// <summary>Gets the instance's own dated notes (its series' notes it was given first included), or null to inherit.</summary>
    public ImmutableArray<SessionNote>? NoteLog { get => _noteLog?.Items; init => _noteLog = Listed(value); }

    /// <summary>Gets the instance's own invoice, or null to inherit.</summary>
    public InvoiceReference? Invoice { get; init; }

    /// <summary>Gets the instance's own names at booking, or null to inherit.</summary>
    public NameSnapshot? Names { get; init; }

    /// <summary>Gets a value indicating whether the instance sets any field of its own.</summary>
    public bool SetsAny =>
        Title is not null || _tags.HasValue || Notes is not null || Location is not null || Capacity.HasValue || ClientId is not null
        || _serviceIds.HasValue || _fieldValues.HasValue || _attachments.HasValue || _noteLog.HasValue || Invoice is not null || Names is not null;

    /// <summary>The details the instance shows: its own fields, and for each field it leaves null the series' value.</summary>
    /// <param name="series">The series' details.</param>
    /// <returns><paramref name="series"/> itself when the instance sets nothing.</returns>
    public SessionDetails Over(SessionDetails series)
    {
        ArgumentNullException.ThrowIfNull(series);
        if (!SetsAny)
        {
            return series;
        }

        return new SessionDetails
        {
            Title = Title ?? series.Title,
            Tags = Tags ?? series.Tags,
            Notes = Notes ?? series.Notes,
            Location = Location ?? series.Location,
            Capacity = Capacity ?? series.Capacity,
            ClientId = ClientId ?? series.ClientId,
            ServiceIds = ServiceIds ?? series.ServiceIds,
            FieldValues = FieldValues ?? series.FieldValues,
            Attachments = Attachments ?? series.Attachments,
            NoteLog = NoteLog ?? series.NoteLog,
            Invoice = Invoice ?? series.Invoice,
            Names = Names ?? series.Names,
        };
    }

    /// <summary>A list as the override keeps it: null inherits, and one left unset (default) is an empty list of its own.</summary>
    private static ValueArray<T>? Listed<T>(ImmutableArray<T>? values) =>
        values is { } given ? new ValueArray<T>(given.IsDefault ? [] : given) : null;
}
