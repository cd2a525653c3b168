using System.Collections.Immutable;

namespace Scheduling.Sessions;

/// <summary>
/// Changes to a session's details (<see cref="SessionChanges.Details"/>, <see cref="RecurringSessionChanges.Details"/>):
/// only the fields given change, and a list given replaces the whole list. The dated notes are not changed here but
/// appended, through <see cref="SessionService.AddNoteAsync"/>.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record SessionDetailsChanges
{
    /// <summary>Gets changes that change nothing.</summary>
    public static SessionDetailsChanges None { get; } = new();

    /// <summary>Gets the new title (null for none).</summary>
    public Optional<string?> Title { get; init; }

    /// <summary>Gets the new tags.</summary>
    public Optional<ImmutableArray<string>> Tags { get; init; }

    /// <summary>Gets the new notes (null for none).</summary>
    public Optional<string?> Notes { get; init; }

    /// <summary>Gets the new location (null for none).</summary>
    public Optional<string?> Location { get; init; }

    /// <summary>Gets the new capacity (null for no limit).</summary>
    public Optional<int?> Capacity { get; init; }

    /// <summary>Gets the new client (null for none). On a single session the new client is booked as a participant.</summary>
    public Optional<string?> ClientId { get; init; }

    /// <summary>Gets the new service ids (the whole list).</summary>
    public Optional<ImmutableArray<string>> ServiceIds { get; init; }

    /// <summary>Gets the new custom field values (the whole list).</summary>
    public Optional<ImmutableArray<FieldValue>> FieldValues { get; init; }

    /// <summary>Gets the new attachments (the whole list).</summary>
    public Optional<ImmutableArray<Attachment>> Attachments { get; init; }

    /// <summary>Gets the new invoice (null for none).</summary>
    public Optional<InvoiceReference?> Invoice { get; init; }

    /// <summary>Gets the new names at booking (null for none).</summary>
    public Optional<NameSnapshot?> Names { get; init; }

    /// <summary>The details of a single session or a series with these changes applied.</summary>
    /// <param name="details">The details as they are.</param>
    /// <returns>The changed details.</returns>
    public SessionDetails ApplyTo(SessionDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        return details with
        {
            Title = Title.Or(details.Title),
            Tags = Tags.Or(details.Tags),
            Notes = Notes.Or(details.Notes),
            Location = Location.Or(details.Location),
            Capacity = Capacity.Or(details.Capacity),
            ClientId = ClientId.Or(details.ClientId),
            ServiceIds = ServiceIds.Or(details.ServiceIds),
            FieldValues = FieldValues.Or(details.FieldValues),
            Attachments = Attachments.Or(details.Attachments),
            Invoice = Invoice.Or(details.Invoice),
            Names = Names.Or(details.Names),
        };
    }

    /// <summary>
    /// An instance's own details with these changes applied: a field given becomes the instance's own, and a field
    /// given as null goes back to inheriting from the series.
    /// </summary>
    /// <param name="own">What the instance sets of its own now.</param>
    /// <returns>The changed override.</returns>
    public SessionDetailsOverride ApplyTo(SessionDetailsOverride own)
    {
        ArgumentNullException.ThrowIfNull(own);
        return own with
        {
            Title = Title.Or(own.Title),
            Tags = Tags.HasValue ? Tags.Value : own.Tags,
            Notes = Notes.Or(own.Notes),
            Location = Location.Or(own.Location),
            Capacity = Capacity.Or(own.Capacity),
            ClientId = ClientId.Or(own.ClientId),
            ServiceIds = ServiceIds.HasValue ? ServiceIds.Value : own.ServiceIds,
            FieldValues = FieldValues.HasValue ? FieldValues.Value : own.FieldValues,
            Attachments = Attachments.HasValue ? Attachments.Value : own.Attachments,
            Invoice = Invoice.Or(own.Invoice),
            Names = Names.Or(own.Names),
        };
    }
}
