using Scheduling.Attendance;

namespace Scheduling.Stores;

/// <summary>
/// A keyset position in the order of an attendance query, and that order itself: the sort key of the item at the edge
/// of a page. For a sort by id only <see cref="Id"/> counts; for a sort by number of attendees, the number, then the
/// id. Ids compare by code point (<see cref="IdOrder"/>), the order SQL databases index text in.
/// </summary>
/// <remarks>
/// This is the one definition of attendance order: the in-memory store sorts by it, the SQL stores' <c>ORDER BY</c>
/// is its index form and their merge of several ranges compares with it.
/// </remarks>
/// <param name="NumberOfAttendees">The number of attendees of the item at the edge.</param>
/// <param name="Id">Its id.</param>
public readonly record struct AttendancePosition(int NumberOfAttendees, string Id)
{
    /// <summary>The position of <paramref name="attendance"/>: its number of attendees and its id.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="attendance"/> is null.</exception>
    public static AttendancePosition Of(Attendance.Attendance attendance)
    {
        ArgumentNullException.ThrowIfNull(attendance);
        return new AttendancePosition(attendance.NumberOfAttendees, attendance.Id);
    }

    /// <summary>Compares this position with <paramref name="other"/> in the ascending order of <paramref name="field"/>.</summary>
    /// <returns>Less than zero when this position comes first, zero when both are the same, greater than zero otherwise.</returns>
    public int CompareTo(AttendancePosition other, AttendanceSortField field)
    {
        if (field == AttendanceSortField.NumberOfAttendees && NumberOfAttendees != other.NumberOfAttendees)
        {
            return NumberOfAttendees.CompareTo(other.NumberOfAttendees);
        }

        return IdOrder.Compare(Id, other.Id);
    }
}
