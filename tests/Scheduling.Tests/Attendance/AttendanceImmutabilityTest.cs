using Scheduling.Stores;

namespace Scheduling.Tests.Attendance;

// Inside the namespace, so that "Attendance" names the type rather than the namespace Scheduling.Attendance.
using Scheduling.Attendance;

/// <summary>The attendance model, requests and results are immutable: no public setters, no writable fields.</summary>
public sealed class AttendanceImmutabilityTest
{
    private static readonly Type[] Immutable =
    [
        typeof(Attendance),
        typeof(AttendanceMark),
        typeof(AttendanceFilter),
        typeof(AttendanceSort),
        typeof(AttendanceQuery),
        typeof(BulkAttendanceResult),
        typeof(BulkAttendanceItemResult),
        typeof(SessionAttendanceSummary),
        typeof(BookingAttendanceSummary),
        typeof(AttendanceCandidateFilter),
        typeof(AttendancePosition),
        typeof(AttendanceTally),
        typeof(AttendanceWrite),
    ];

    public static TheoryData<Type> ImmutableTypes() => new(Immutable);

    [Theory]
    [MemberData(nameof(ImmutableTypes))]
    public void Type_has_no_public_setters_and_only_readonly_fields(Type type)
    {
        Immutability.MutableMembersOf(type).Should().BeEmpty();
    }

    [Fact]
    public void Every_public_type_of_the_attendance_namespace_is_listed_here_or_is_an_enum_or_the_service()
    {
        typeof(Attendance).Assembly.GetExportedTypes()
            .Where(t => t.Namespace == typeof(Attendance).Namespace && !t.IsEnum && t != typeof(AttendanceService))
            .Should().BeSubsetOf(Immutable);
    }
}
