namespace Scheduling.Stores;

/// <summary>
/// The attendance of one session or one booking, counted by status: what a store computes for summaries, as a SQL
/// store would with <c>GROUP BY</c>, without handing every record to the core.
/// </summary>
/// <param name="Key">The session id or booking id counted.</param>
/// <param name="Attended">How many attendance records are <c>ATTENDED</c>.</param>
/// <param name="NotAttended">How many are <c>NOT_ATTENDED</c>.</param>
/// <param name="NotSet">How many are <c>NOT_SET</c>.</param>
/// <param name="TotalAttendees">The sum of the numbers of attendees (only attended records have any).</param>
public readonly record struct AttendanceTally(string Key, int Attended, int NotAttended, int NotSet, long TotalAttendees);
