using Scheduling.Security;

namespace Scheduling.Stores.ContractTests.Attendance;

// Inside the namespace, so that "Attendance" names the type rather than the namespace Scheduling.Attendance.
using Scheduling.Attendance;

/// <summary>Who may read and write attendance, and tenants that never see each other's.</summary>
public abstract partial class AttendanceServiceContract
{
    private static readonly CallerContext Viewer = CallerContext.Staff(Tenant, "staff-view", Permissions.AttendanceView);
    private static readonly CallerContext Manager = CallerContext.Staff(Tenant, "staff-manage", Permissions.AttendanceManage);
    private static readonly CallerContext SessionsOnly = CallerContext.Staff(Tenant, "staff-sessions", Permissions.SessionsView, Permissions.SessionsManage);

    [Fact]
    public async Task Setting_attendance_needs_the_manage_permission_not_the_sessions_ones()
    {
        await CreateClassAsync();

        await FailsAsync(() => SetAsync("booking-1", YogaClass, caller: Viewer), SchedulingErrorCode.PermissionDenied);
        await FailsAsync(() => SetAsync("booking-1", YogaClass, caller: SessionsOnly), SchedulingErrorCode.PermissionDenied);
        await FailsAsync(() => SetAsync("booking-1", YogaClass, caller: CallerContext.Anonymous(Tenant)), SchedulingErrorCode.Unauthenticated);
        (await SetAsync("booking-1", YogaClass, caller: Manager)).BookingId.Should().Be("booking-1");
    }

    [Fact]
    public async Task Bulk_set_and_delete_need_the_manage_permission()
    {
        await CreateClassAsync();
        var attendance = await SetAsync("booking-1", YogaClass);

        await FailsAsync(() => Service.BulkSetAttendanceAsync(Viewer, [Mark("booking-2", YogaClass)]).AsTask(), SchedulingErrorCode.PermissionDenied);
        await FailsAsync(() => Service.DeleteAttendanceAsync(Viewer, attendance.Id).AsTask(), SchedulingErrorCode.PermissionDenied);
        await Service.DeleteAttendanceAsync(Manager, attendance.Id);

        (await QueryAsync()).Items.Should().BeEmpty();
    }

    [Fact]
    public async Task Reading_needs_the_view_permission()
    {
        await CreateClassAsync();
        var attendance = await SetAsync("booking-1", YogaClass);

        await FailsAsync(() => Service.GetAttendanceAsync(Manager, attendance.Id).AsTask(), SchedulingErrorCode.PermissionDenied);
        await FailsAsync(() => QueryAsync(caller: SessionsOnly), SchedulingErrorCode.PermissionDenied);
        await FailsAsync(() => QueryAsync(caller: CallerContext.Anonymous(Tenant)), SchedulingErrorCode.Unauthenticated);
        await FailsAsync(() => Service.SummarizeSessionAsync(Manager, YogaClass).AsTask(), SchedulingErrorCode.PermissionDenied);
        await FailsAsync(() => Service.SummarizeBookingAsync(Manager, "booking-1").AsTask(), SchedulingErrorCode.PermissionDenied);

        (await Service.GetAttendanceAsync(Viewer, attendance.Id)).Should().Be(attendance);
        (await QueryAsync(caller: Viewer)).Items.Should().ContainSingle();
    }

    [Fact]
    public async Task An_elevated_call_holds_every_permission_in_its_own_tenant()
    {
        await CreateClassAsync();
        var elevated = CallerContext.Member(Tenant, "member-1").Elevate();

        var attendance = await SetAsync("booking-1", YogaClass, caller: elevated);

        (await Service.GetAttendanceAsync(elevated, attendance.Id)).Should().Be(attendance);
        await FailsAsync(() => Service.GetAttendanceAsync(CallerContext.Member(OtherTenant, "member-1").Elevate(), attendance.Id).AsTask(), SchedulingErrorCode.NotFound);
    }

    [Fact]
    public async Task Another_tenants_attendance_reads_as_not_found_and_cannot_be_deleted()
    {
        await CreateClassAsync();
        var attendance = await SetAsync("booking-1", YogaClass);

        await FailsAsync(() => Service.GetAttendanceAsync(OtherHost, attendance.Id).AsTask(), SchedulingErrorCode.NotFound, "id");
        await FailsAsync(() => Service.DeleteAttendanceAsync(OtherHost, attendance.Id).AsTask(), SchedulingErrorCode.NotFound, "id");

        (await GetAsync(attendance.Id)).Should().Be(attendance);
    }

    [Fact]
    public async Task Another_tenants_queries_and_summaries_see_nothing()
    {
        await CreateClassAsync();
        await SetAsync("booking-1", YogaClass);

        (await QueryAsync(caller: OtherHost)).Items.Should().BeEmpty();
        (await QueryAsync(AttendanceFilter.BookingIdIn("booking-1"), caller: OtherHost)).Items.Should().BeEmpty();
        (await Service.SummarizeSessionAsync(OtherHost, YogaClass)).Total.Should().Be(0);
        (await Service.SummarizeBookingAsync(OtherHost, "booking-1")).Total.Should().Be(0);
    }

    [Fact]
    public async Task Attendance_cannot_be_set_on_another_tenants_session()
    {
        await CreateClassAsync();

        await FailsAsync(() => SetAsync("booking-1", YogaClass, caller: OtherHost), SchedulingErrorCode.InvalidArgument, "sessionId");

        (await QueryAsync()).Items.Should().BeEmpty();
    }

    [Fact]
    public async Task Two_tenants_keep_their_own_attendance_of_the_same_booking_and_session_ids()
    {
        await CreateClassAsync();
        await CreateClassAsync(caller: OtherHost);

        var mine = await SetAsync("booking-1", YogaClass, AttendanceStatus.Attended, id: "same-id");
        var theirs = await SetAsync("booking-1", YogaClass, AttendanceStatus.NotAttended, id: "same-id", caller: OtherHost);

        (await GetAsync("same-id")).Should().Be(mine);
        (await Service.GetAttendanceAsync(OtherHost, "same-id")).Should().Be(theirs);
    }
}
