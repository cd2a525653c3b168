namespace Scheduling.Stores;

// Inside the namespace, so that "Attendance" names the type rather than the namespace Scheduling.Attendance.
using Scheduling.Attendance;

/// <summary>One write of an all-or-nothing batch (<see cref="IAttendanceStore.SaveManyAsync"/>).</summary>
/// <param name="Attendance">The attendance to store.</param>
/// <param name="ExpectedRevision">
/// The revision stored now: 0 to insert (neither the id nor the booking and session may be taken), otherwise the
/// revision the stored attendance with the same id must have for it to be replaced.
/// </param>
public readonly record struct AttendanceWrite(Attendance Attendance, long ExpectedRevision);
