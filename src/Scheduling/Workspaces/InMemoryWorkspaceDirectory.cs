using System.Collections.Immutable;

namespace Scheduling.Workspaces;

/// <summary>
/// An <see cref="IWorkspaceDirectory"/> held in memory and filled by the host: the default registration, and enough
/// for tests, samples and hosts with a handful of workspaces. Empty until workspaces are added: an unknown workspace
/// reads as not found, and names the directory lacks fall back to the names stored at booking.
/// </summary>
/// <remarks>Thread-safe: readers see each change whole.</remarks>
public sealed class InMemoryWorkspaceDirectory : IWorkspaceDirectory
{
    private static readonly IReadOnlyDictionary<string, string> NoNames = ImmutableDictionary<string, string>.Empty;

    private readonly object _gate = new();
    private ImmutableDictionary<string, Workspace> _workspaces = ImmutableDictionary.Create<string, Workspace>(StringComparer.Ordinal);
    private ImmutableDictionary<(string Workspace, DirectoryEntryKind Kind, string Id), string> _names =
        ImmutableDictionary<(string, DirectoryEntryKind, string), string>.Empty;

    /// <summary>Adds a workspace, or replaces the one with its id (its names stay).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="workspace"/> is null.</exception>
    public void AddOrReplaceWorkspace(Workspace workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        lock (_gate)
        {
            _workspaces = _workspaces.SetItem(workspace.Id, workspace);
        }
    }

    /// <summary>Removes a workspace and its names; false when there was none.</summary>
    public bool RemoveWorkspace(string workspaceId)
    {
        lock (_gate)
        {
            if (!_workspaces.ContainsKey(workspaceId))
            {
                return false;
            }

            _workspaces = _workspaces.Remove(workspaceId);
            _names = _names.RemoveRange(_names.Keys.Where(k => k.Workspace == workspaceId));
            return true;
        }
    }

    /// <summary>Sets (or renames) the name of a client, service or staff member of a workspace.</summary>
    /// <exception cref="SchedulingException"><see cref="SchedulingErrorCode.InvalidArgument"/> naming the id or the name that is null, empty or white space.</exception>
    public void SetName(string workspaceId, DirectoryEntryKind kind, string id, string name)
    {
        Require(workspaceId, nameof(workspaceId));
        Require(id, nameof(id));
        Require(name, nameof(name));
        lock (_gate)
        {
            _names = _names.SetItem((workspaceId, kind, id), name);
        }
    }

    /// <summary>Forgets a name (a deleted service, an archived client); false when there was none.</summary>
    public bool RemoveName(string workspaceId, DirectoryEntryKind kind, string id)
    {
        lock (_gate)
        {
            var before = _names;
            _names = _names.Remove((workspaceId, kind, id));
            return !ReferenceEquals(before, _names);
        }
    }

    /// <inheritdoc />
    public ValueTask<Workspace?> FindWorkspaceAsync(string workspaceId, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_workspaces.GetValueOrDefault(workspaceId));

    /// <inheritdoc />
    public ValueTask<IReadOnlyDictionary<string, string>> FindNamesAsync(
        string workspaceId,
        DirectoryEntryKind kind,
        IReadOnlyCollection<string> ids,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var names = _names;
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            if (names.TryGetValue((workspaceId, kind, id), out var name))
            {
                found[id] = name;
            }
        }

        return ValueTask.FromResult(found.Count == 0 ? NoNames : found);
    }

    private static void Require(string value, string name)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw SchedulingException.Invalid(name, $"{name} must not be empty.");
        }
    }
}
