namespace Scheduling.Workspaces;

/// <summary>
/// What the host knows and the library asks for: which workspaces exist (with their time zone and custom fields), and
/// the current names of clients, services and staff. The library keeps ids; names are looked up on every read, so a
/// rename shows at once and the library never goes stale.
/// </summary>
/// <remarks>
/// <para>The host implements it over its own data and registers it (<c>services.AddScheduling(s =>
/// s.UseWorkspaceDirectory(...))</c>); <see cref="InMemoryWorkspaceDirectory"/> is the default and suits tests,
/// samples and small hosts. A page of a list costs at most three name lookups, one per kind, each for all the ids on
/// the page.</para>
/// <para>The library decides who may see what before it asks; a directory answers for the workspace it is given.
/// Implementations must be thread-safe.</para>
/// </remarks>
public interface IWorkspaceDirectory
{
    /// <summary>The workspace with this id, or null when there is none.</summary>
    ValueTask<Workspace?> FindWorkspaceAsync(string workspaceId, CancellationToken cancellationToken);

    /// <summary>
    /// The current names of the given clients, services or staff of a workspace, by id. Ids the directory does not
    /// know are left out (the library then falls back to the names stored at booking, if any).
    /// </summary>
    ValueTask<IReadOnlyDictionary<string, string>> FindNamesAsync(
        string workspaceId,
        DirectoryEntryKind kind,
        IReadOnlyCollection<string> ids,
        CancellationToken cancellationToken);
}
