using System.Collections.Immutable;
using NodaTime;
using Scheduling.Sessions;

namespace Scheduling.Workspaces;

/// <summary>
/// A session as a workspace lists it (the HTTP API's session shape): who it is for, which services, with whom, when in
/// the workspace's local terms, where it is in its lifecycle, and what is attached to it. A view of a
/// <see cref="Session"/> (a single session or an instance), never stored on its own; see
/// <c>docs/workspace-mapping.md</c> for where each field comes from.
/// </summary>
/// <remarks>
/// <para><see cref="Date"/>, <see cref="StartTime"/>, <see cref="EndDate"/> and <see cref="EndTime"/> are the
/// session's start and end instants read in the workspace's time zone, and <see cref="DurationMinutes"/> is the time
/// that really elapses between them. They are derived on every read, so they always agree with each other and with
/// the instants: a session from 01:30 to 03:30 on the night New York springs forward lasts 60 minutes, and a
/// session booked at 02:30 that night (a time that does not exist) starts at 03:30.</para>
/// <para>Names come from the host's directory at the moment of the read, else from the names stored at booking, else
/// they are null. Immutable and thread-safe.</para>
/// </remarks>
public sealed record WorkspaceSession
{
    /// <summary>Gets the session's id (for an instance, its stable instance id).</summary>
    public required string Id { get; init; }

    /// <summary>Gets the workspace (the session's tenant).</summary>
    public required string WorkspaceId { get; init; }

    /// <summary>Gets the client the session is for, or null.</summary>
    public string? ClientId { get; init; }

    /// <summary>Gets the client's name, or null when neither the directory nor the booking knows it.</summary>
    public string? ClientName { get; init; }

    /// <summary>Gets the ids of the services provided.</summary>
    public ImmutableArray<string> ServiceIds { get; init; } = [];

    /// <summary>Gets the services' names, in the order of <see cref="ServiceIds"/>; null where a name is not known.</summary>
    public ImmutableArray<string?> ServiceNames { get; init; } = [];

    /// <summary>Gets the staff member whose schedule holds the session (<see cref="Session.ScheduleOwnerId"/>).</summary>
    public required string StaffId { get; init; }

    /// <summary>Gets the staff member's name, or null when not known.</summary>
    public string? StaffName { get; init; }

    /// <summary>Gets the session's name (its title), or null.</summary>
    public string? Name { get; init; }

    /// <summary>Gets the local date, in the workspace's zone, on which the session starts.</summary>
    public LocalDate Date { get; init; }

    /// <summary>Gets the local time, in the workspace's zone, at which the session starts.</summary>
    public LocalTime StartTime { get; init; }

    /// <summary>Gets the local date, in the workspace's zone, on which the session ends (after <see cref="Date"/> when it runs past midnight).</summary>
    public LocalDate EndDate { get; init; }

    /// <summary>Gets the local time, in the workspace's zone, at which the session ends.</summary>
    public LocalTime EndTime { get; init; }

    /// <summary>
    /// Gets a value indicating whether the session takes whole days (<see cref="Session.IsAllDay"/>). Its
    /// <see cref="Date"/> and <see cref="EndDate"/> are then its dates in its own zone, the end date being the day after
    /// its last (as iCalendar's DTEND), and <see cref="StartTime"/> and <see cref="EndTime"/> are midnight, whatever
    /// the workspace's zone; <see cref="DurationMinutes"/> still counts the minutes that elapse (1,380 for a day that
    /// loses an hour to DST).
    /// </summary>
    public bool IsAllDay { get; init; }

    /// <summary>Gets the whole minutes that elapse from start to end (rounded down), measured between the instants.</summary>
    public long DurationMinutes { get; init; }

    /// <summary>Gets where the session is in its lifecycle, at the moment of the read (see <see cref="SessionLifecycle"/>).</summary>
    public LifecycleStatus Status { get; init; }

    /// <summary>Gets the custom field values.</summary>
    public ImmutableArray<FieldValue> FieldValues { get; init; } = [];

    /// <summary>Gets the attachments, by reference.</summary>
    public ImmutableArray<Attachment> Attachments { get; init; } = [];

    /// <summary>Gets the dated notes, oldest first (<see cref="SessionDetails.NoteLog"/>).</summary>
    public ImmutableArray<SessionNote> Notes { get; init; } = [];

    /// <summary>Gets the invoice, or null.</summary>
    public InvoiceReference? Invoice { get; init; }

    /// <summary>Gets the id of the recurring session this is an instance of, or null for a single session.</summary>
    public string? RecurringSessionId { get; init; }

    /// <summary>Gets the revision to pass back when changing the session (status, details).</summary>
    public long Revision { get; init; }

    /// <summary>Gets when the session (or the instance's series) was created.</summary>
    public Instant CreatedAt { get; init; }

    /// <summary>Gets when the session (or the instance) last changed.</summary>
    public Instant UpdatedAt { get; init; }

    /// <summary>The workspace view of <paramref name="session"/>, with names already resolved and the status at <paramref name="now"/>.</summary>
    internal static WorkspaceSession Of(Session session, Workspace workspace, ResolvedNames names, Instant now)
    {
        var start = session.IsAllDay && session.Start.LocalDateTime is { } firstDay
            ? firstDay.Date.AtMidnight()
            : session.Start.Timestamp.InZone(workspace.Zone).LocalDateTime;
        var end = session.IsAllDay && session.End.LocalDateTime is { } endDay
            ? endDay.Date.AtMidnight()
            : session.End.Timestamp.InZone(workspace.Zone).LocalDateTime;
        return new WorkspaceSession
        {
            Id = session.Id,
            WorkspaceId = workspace.Id,
            ClientId = session.Details.ClientId,
            ClientName = session.Details.ClientId is { } clientId ? names.Client(clientId, session.Details.Names) : null,
            ServiceIds = session.Details.ServiceIds,
            ServiceNames = [.. session.Details.ServiceIds.Select(id => names.Service(id, session.Details.Names))],
            StaffId = session.ScheduleOwnerId,
            StaffName = names.Staff(session.ScheduleOwnerId, session.Details.Names),
            Name = session.Details.Title,
            Date = start.Date,
            StartTime = start.TimeOfDay,
            EndDate = end.Date,
            EndTime = end.TimeOfDay,
            IsAllDay = session.IsAllDay,
            DurationMinutes = (long)Math.Floor((session.End.Timestamp - session.Start.Timestamp).TotalMinutes),
            Status = SessionLifecycle.StatusAt(session, now),
            FieldValues = session.Details.FieldValues,
            Attachments = session.Details.Attachments,
            Notes = session.Details.NoteLog,
            Invoice = session.Details.Invoice,
            RecurringSessionId = session.RecurringSessionId,
            Revision = session.Revision,
            CreatedAt = session.CreatedAt,
            UpdatedAt = session.UpdatedAt,
        };
    }
}
