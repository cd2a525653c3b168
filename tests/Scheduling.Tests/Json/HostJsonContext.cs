using System.Text.Json.Serialization;
using Scheduling.Attendance;
using Scheduling.Paging;
using Scheduling.Sessions;
using Scheduling.Workspaces;

namespace Scheduling.Tests.Json;

/// <summary>A host's own source-generated serializer context, as a web app would declare it for its endpoints.</summary>
[JsonSerializable(typeof(Session))]
[JsonSerializable(typeof(RecurringSession))]
[JsonSerializable(typeof(NewSession))]
[JsonSerializable(typeof(NewRecurringSession))]
[JsonSerializable(typeof(SessionChanges))]
[JsonSerializable(typeof(RecurringSessionChanges))]
[JsonSerializable(typeof(InstanceOverride))]
[JsonSerializable(typeof(SessionQuery))]
[JsonSerializable(typeof(CursorPage<Session>))]
[JsonSerializable(typeof(Scheduling.Attendance.Attendance))]
[JsonSerializable(typeof(AttendanceQuery))]
[JsonSerializable(typeof(BulkAttendanceResult))]
[JsonSerializable(typeof(WorkspaceSession))]
[JsonSerializable(typeof(WorkspaceSessionQuery))]
internal sealed partial class HostJsonContext : JsonSerializerContext;
