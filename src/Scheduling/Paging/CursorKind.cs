namespace Scheduling.Paging;

/// <summary>
/// Which query a cursor continues: written in the cursor and covered by its signature, so a cursor of one query is
/// never read as another's. The numbers are part of the cursor format; never reuse one.
/// </summary>
internal enum CursorKind : byte
{
    /// <summary>A session query (<see cref="Sessions.SessionService"/>).</summary>
    Sessions = 1,

    /// <summary>An attendance query (<see cref="Attendance.AttendanceService"/>).</summary>
    Attendance = 2,

    /// <summary>A workspace session list (<see cref="Workspaces.WorkspaceSessionService"/>).</summary>
    Workspace = 3,

    /// <summary>A listing of one series' instance overrides (<see cref="Sessions.SessionService"/>).</summary>
    InstanceOverrides = 4,
}
