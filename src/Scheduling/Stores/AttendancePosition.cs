namespace Scheduling.Stores;

/// <summary>
/// A keyset position in the order of an attendance query: the sort key of the item at the edge of a page. For a
/// sort by id only <see cref="Id"/> counts; for a sort by number of attendees, the number, then the id (ordinal).
/// </summary>
/// <param name="NumberOfAttendees">The number of attendees of the item at the edge.</param>
/// <param name="Id">Its id.</param>
public readonly record struct AttendancePosition(int NumberOfAttendees, string Id);
