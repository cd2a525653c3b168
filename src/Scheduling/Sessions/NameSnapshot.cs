using System.Collections.Immutable;

namespace Scheduling.Sessions;

/// <summary>
/// The names of a session's client, staff member and services as they were when it was booked, by id. The host's
/// directory (<see cref="Workspaces.IWorkspaceDirectory"/>) is always asked first, so renames show; a snapshot is the
/// fallback for a name the directory no longer has (a deleted service, an archived client). Keyed by id, so a name
/// never sticks to a client or service the session no longer has.
/// </summary>
/// <remarks>Immutable and thread-safe. Build with <see cref="Empty"/> and the <c>With...</c> methods.</remarks>
public sealed record NameSnapshot
{
    private static readonly ImmutableDictionary<string, string> None = ImmutableDictionary.Create<string, string>(StringComparer.Ordinal);

    /// <summary>A snapshot that holds no name.</summary>
    public static readonly NameSnapshot Empty = new();

    /// <summary>Gets the clients' names by client id.</summary>
    public ImmutableDictionary<string, string> Clients { get; init; } = None;

    /// <summary>Gets the services' names by service id.</summary>
    public ImmutableDictionary<string, string> Services { get; init; } = None;

    /// <summary>Gets the staff members' names by staff id.</summary>
    public ImmutableDictionary<string, string> Staff { get; init; } = None;

    /// <summary>Gets a value indicating whether the snapshot holds no name at all.</summary>
    public bool IsEmpty => Clients.IsEmpty && Services.IsEmpty && Staff.IsEmpty;

    /// <summary>This snapshot with a client's name.</summary>
    /// <exception cref="SchedulingException"><see cref="SchedulingErrorCode.InvalidArgument"/> on the id or <c>name</c>: null, empty or white space.</exception>
    public NameSnapshot WithClient(string clientId, string name) => this with { Clients = Clients.SetItem(Check(clientId, nameof(clientId)), Check(name, nameof(name))) };

    /// <summary>This snapshot with a service's name.</summary>
    /// <exception cref="SchedulingException"><see cref="SchedulingErrorCode.InvalidArgument"/> on the id or <c>name</c>: null, empty or white space.</exception>
    public NameSnapshot WithService(string serviceId, string name) => this with { Services = Services.SetItem(Check(serviceId, nameof(serviceId)), Check(name, nameof(name))) };

    /// <summary>This snapshot with a staff member's name.</summary>
    /// <exception cref="SchedulingException"><see cref="SchedulingErrorCode.InvalidArgument"/> on the id or <c>name</c>: null, empty or white space.</exception>
    public NameSnapshot WithStaff(string staffId, string name) => this with { Staff = Staff.SetItem(Check(staffId, nameof(staffId)), Check(name, nameof(name))) };

    private static string Check(string value, string name) =>
        string.IsNullOrWhiteSpace(value) ? throw SchedulingException.Invalid(name, $"{name} must not be empty.") : value;
}
