using Scheduling.Sessions;

namespace Scheduling.Workspaces;

/// <summary>
/// The names the directory gave for one read (a page, a session), and the rule for using them: the directory's
/// current name first, then the name stored at booking, else none.
/// </summary>
internal sealed class ResolvedNames(
    IReadOnlyDictionary<string, string> clients,
    IReadOnlyDictionary<string, string> services,
    IReadOnlyDictionary<string, string> staff)
{
    /// <summary>Looks up, in one call per kind, every name <paramref name="sessions"/> need.</summary>
    public static async ValueTask<ResolvedNames> LookUpAsync(IWorkspaceDirectory directory, string workspaceId, IReadOnlyCollection<Session> sessions, CancellationToken cancellationToken)
    {
        var clients = await LookUpAsync(directory, workspaceId, DirectoryEntryKind.Client, sessions.Select(s => s.Details.ClientId).OfType<string>(), cancellationToken).ConfigureAwait(false);
        var services = await LookUpAsync(directory, workspaceId, DirectoryEntryKind.Service, sessions.SelectMany(s => s.Details.ServiceIds), cancellationToken).ConfigureAwait(false);
        var staff = await LookUpAsync(directory, workspaceId, DirectoryEntryKind.Staff, sessions.Select(s => s.ScheduleOwnerId), cancellationToken).ConfigureAwait(false);
        return new ResolvedNames(clients, services, staff);
    }

    public string? Client(string id, NameSnapshot? atBooking) => clients.GetValueOrDefault(id) ?? atBooking?.Clients.GetValueOrDefault(id);

    public string? Service(string id, NameSnapshot? atBooking) => services.GetValueOrDefault(id) ?? atBooking?.Services.GetValueOrDefault(id);

    public string? Staff(string id, NameSnapshot? atBooking) => staff.GetValueOrDefault(id) ?? atBooking?.Staff.GetValueOrDefault(id);

    private static async ValueTask<IReadOnlyDictionary<string, string>> LookUpAsync(
        IWorkspaceDirectory directory,
        string workspaceId,
        DirectoryEntryKind kind,
        IEnumerable<string> ids,
        CancellationToken cancellationToken)
    {
        var distinct = ids.Distinct(StringComparer.Ordinal).ToArray();
        return distinct.Length == 0
            ? new Dictionary<string, string>()
            : await directory.FindNamesAsync(workspaceId, kind, distinct, cancellationToken).ConfigureAwait(false) ?? new Dictionary<string, string>();
    }
}
