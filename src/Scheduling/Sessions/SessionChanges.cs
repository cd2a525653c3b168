using System.Collections.Immutable;

namespace Scheduling.Sessions;

/// <summary>
/// Changes to a single session or to one instance of a recurring session. Only the fields given change. For an
/// instance, a changed start is kept as the instance's own (a later series edit does not move it) and a changed end
/// is kept as the instance's own duration.
/// </summary>
public sealed record SessionChanges
{
    /// <summary>Gets the new title.</summary>
    public Optional<string?> Title { get; init; }

    /// <summary>Gets the new tags.</summary>
    public Optional<ImmutableArray<string>> Tags { get; init; }

    /// <summary>Gets the new notes.</summary>
    public Optional<string?> Notes { get; init; }

    /// <summary>Gets the new location.</summary>
    public Optional<string?> Location { get; init; }

    /// <summary>Gets the new capacity (null for no limit).</summary>
    public Optional<int?> Capacity { get; init; }

    /// <summary>Gets the new client (null for none). On a single session the new client is booked as a participant.</summary>
    public Optional<string?> ClientId { get; init; }

    /// <summary>Gets the new service ids.</summary>
    public Optional<ImmutableArray<string>> ServiceIds { get; init; }

    /// <summary>Gets the new custom field values (the whole list).</summary>
    public Optional<ImmutableArray<FieldValue>> FieldValues { get; init; }

    /// <summary>Gets the new attachments (the whole list).</summary>
    public Optional<ImmutableArray<Attachment>> Attachments { get; init; }

    /// <summary>Gets the new invoice (null for none).</summary>
    public Optional<InvoiceReference?> Invoice { get; init; }

    /// <summary>Gets the new names at booking (null for none).</summary>
    public Optional<NameSnapshot?> Names { get; init; }

    /// <summary>Gets the new start.</summary>
    public Optional<CalendarDateTime> Start { get; init; }

    /// <summary>Gets the new end.</summary>
    public Optional<CalendarDateTime> End { get; init; }
}
