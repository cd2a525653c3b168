using System.Collections.Immutable;
using NodaTime;
using Scheduling.Recurrence;

namespace Scheduling.Sessions;

/// <summary>
/// Changes to a recurring session: to the whole series, or to an instance and all that follow it. Only the fields
/// given change; fields an instance set for itself are kept.
/// </summary>
public sealed record RecurringSessionChanges
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

    /// <summary>Gets the new client (null for none).</summary>
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

    /// <summary>Gets the new wall-clock start of the first instance (for "this and following": of the first instance that changes).</summary>
    public Optional<LocalDateTime> Start { get; init; }

    /// <summary>Gets the new duration of each instance.</summary>
    public Optional<Duration> Duration { get; init; }

    /// <summary>Gets the new rule.</summary>
    public Optional<RecurrenceRule> Rule { get; init; }

    /// <summary>
    /// Gets the new exception dates (the whole list, in the terms of the changed series: wall-clock starts its rule
    /// produces). Not given, they are kept, moved as far as the start moves; for "this and following" the ended series
    /// keeps those before the instance and the new series takes those from it on.
    /// </summary>
    public Optional<ImmutableArray<LocalDateTime>> ExceptionDates { get; init; }

    /// <summary>
    /// Gets the new extra dates (the whole list, in the terms of the changed series). Not given, they are kept and moved
    /// as the exception dates are.
    /// </summary>
    public Optional<ImmutableArray<LocalDateTime>> ExtraDates { get; init; }
}
