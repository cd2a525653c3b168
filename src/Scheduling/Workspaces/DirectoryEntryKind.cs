namespace Scheduling.Workspaces;

/// <summary>The kinds of things whose names a workspace's directory knows.</summary>
public enum DirectoryEntryKind
{
    /// <summary>Clients (patients, customers, students): <see cref="Sessions.SessionDetails.ClientId"/>.</summary>
    Client = 0,

    /// <summary>Services from the workspace's catalogue: <see cref="Sessions.SessionDetails.ServiceIds"/>.</summary>
    Service = 1,

    /// <summary>Staff members, who own the schedules sessions are on: <see cref="Sessions.Session.ScheduleOwnerId"/>.</summary>
    Staff = 2,
}
