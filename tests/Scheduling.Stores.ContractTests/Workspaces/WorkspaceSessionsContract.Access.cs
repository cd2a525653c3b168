using Scheduling.Security;
using Scheduling.Sessions;
using Scheduling.Workspaces;

namespace Scheduling.Stores.ContractTests.Workspaces;

/// <summary>
/// The seed's errors (401 unauthenticated, 403 permission denied, 404 workspace not found, a workspace the caller does
/// not belong to reading as not found) and the isolation of workspaces from each other.
/// </summary>
public abstract partial class WorkspaceSessionsContract
{
    [Fact]
    public async Task A_member_with_sessions_view_lists_the_workspace()
    {
        await BookWeekAsync();

        (await IdsAsync(March(), CallerContext.Member(Clinic, "receptionist", Permissions.SessionsView))).Should().HaveCount(9);
    }

    [Fact]
    public async Task An_anonymous_caller_without_sessions_view_is_unauthenticated()
    {
        await FailsAsync(() => FirstPageAsync(March(), CallerContext.Anonymous(Clinic)), SchedulingErrorCode.Unauthenticated);
    }

    [Fact]
    public async Task An_anonymous_caller_is_told_to_sign_in_before_anything_about_the_workspace()
    {
        await FailsAsync(() => FirstPageAsync(March(), CallerContext.Anonymous(OtherClinic), Clinic), SchedulingErrorCode.Unauthenticated);
        await FailsAsync(() => FirstPageAsync(March(), CallerContext.Anonymous("nowhere"), "nowhere"), SchedulingErrorCode.Unauthenticated);
    }

    [Fact]
    public async Task A_member_without_sessions_view_is_denied()
    {
        await FailsAsync(() => FirstPageAsync(March(), CallerContext.Member(Clinic, "cleaner", Permissions.AttendanceView)), SchedulingErrorCode.PermissionDenied);
    }

    [Fact]
    public async Task A_workspace_the_directory_does_not_know_is_not_found()
    {
        await FailsAsync(() => FirstPageAsync(March(), CallerContext.Host("closed-clinic"), "closed-clinic"), SchedulingErrorCode.NotFound, "workspaceId");
    }

    [Fact]
    public async Task A_workspace_the_caller_does_not_belong_to_reads_as_not_found_even_with_the_permission()
    {
        await BookWeekAsync();

        await FailsAsync(() => FirstPageAsync(March(), CallerContext.Member(OtherClinic, "spy", Permissions.SessionsView), Clinic), SchedulingErrorCode.NotFound, "workspaceId");
        await FailsAsync(() => FirstPageAsync(March(), OtherHost, Clinic), SchedulingErrorCode.NotFound, "workspaceId");
        await FailsAsync(() => Service.GetSessionAsync(OtherHost, Clinic, "a1").AsTask(), SchedulingErrorCode.NotFound, "workspaceId");
    }

    [Fact]
    public async Task Not_belonging_wins_over_a_missing_permission_so_workspaces_cannot_be_probed()
    {
        await FailsAsync(() => FirstPageAsync(March(), CallerContext.Member(OtherClinic, "spy"), Clinic), SchedulingErrorCode.NotFound, "workspaceId");
    }

    [Fact]
    public async Task Writes_need_sessions_manage()
    {
        var viewer = CallerContext.Member(Clinic, "receptionist", Permissions.SessionsView);

        await FailsAsync(() => Service.CreateSessionAsync(viewer, Clinic, Appointment("a1", Smith, John, Local(3, 3, 9), 60)).AsTask(), SchedulingErrorCode.PermissionDenied);
        var booked = await BookAsync("a1", Smith, John, Local(3, 3, 9), 60);
        await FailsAsync(() => Service.ChangeStatusAsync(viewer, Clinic, "a1", LifecycleStatus.Cancelled, booked.Revision).AsTask(), SchedulingErrorCode.PermissionDenied);
        await FailsAsync(() => Service.AddNoteAsync(viewer, Clinic, "a1", "hello").AsTask(), SchedulingErrorCode.PermissionDenied);
        (await GetAsync("a1")).Should().BeEquivalentTo(booked);
    }

    [Fact]
    public async Task Workspaces_never_see_each_others_sessions()
    {
        await BookWeekAsync();
        await Service.CreateSessionAsync(OtherHost, OtherClinic, Appointment("b1", Smith, John, Local(3, 3, 9), 60, Consultation));

        var other = await ListAllAsync(March(), OtherHost, OtherClinic);

        other.Select(s => s.Id).Should().Equal("b1");
        other.Single().WorkspaceId.Should().Be(OtherClinic);
        other.Single().ClientName.Should().Be("John Smith of London", "names are per workspace");
        other.Single().ServiceNames.Should().Equal([null], "the other workspace's directory has no name for the service");
        (await IdsAsync(March(q => q with { ClientId = John }))).Should().Equal("a1", "a3", "a5");
        await FailsAsync(() => Service.GetSessionAsync(OtherHost, OtherClinic, "a1").AsTask(), SchedulingErrorCode.NotFound);
    }

    [Fact]
    public async Task The_workspaces_own_zone_shapes_its_sessions()
    {
        // 14:00Z on 3 March is 09:00 in New York and 14:00 in London.
        await Service.CreateSessionAsync(OtherHost, OtherClinic, Appointment("b1", Smith, John, Local(3, 3, 9), 60));

        var b1 = await Service.GetSessionAsync(OtherHost, OtherClinic, "b1");

        b1.StartTime.Should().Be(new LocalTime(14, 0));
    }

    [Fact]
    public async Task A_cursor_from_one_workspace_is_refused_in_another()
    {
        await BookWeekAsync();
        await Service.CreateSessionAsync(OtherHost, OtherClinic, Appointment("b1", Smith, John, Local(3, 3, 9), 60));
        await Service.CreateSessionAsync(OtherHost, OtherClinic, Appointment("b2", Smith, John, Local(3, 4, 9), 60));
        var cursor = (await FirstPageAsync(March(q => q with { PageSize = 1 }))).NextCursor!;

        await FailsAsync(() => Service.ListSessionsAsync(OtherHost, OtherClinic, cursor).AsTask(), SchedulingErrorCode.InvalidArgument, "cursor");
    }

    [Fact]
    public async Task A_sessions_query_cursor_is_not_a_workspace_list_cursor()
    {
        await BookWeekAsync();
        var sessionsCursor = (await Sessions.QuerySessionsAsync(Host, new SessionQuery { From = Time.Utc(2025, 3, 1), To = Time.Utc(2025, 4, 1), PageSize = 1 })).NextCursor!;

        await FailsAsync(() => Service.ListSessionsAsync(Host, Clinic, sessionsCursor).AsTask(), SchedulingErrorCode.InvalidArgument, "cursor");
        await FailsAsync(() => Service.ListSessionsAsync(Host, Clinic, "not-a-cursor").AsTask(), SchedulingErrorCode.InvalidArgument, "cursor");
    }

    [Fact]
    public async Task The_next_page_checks_the_caller_again()
    {
        await BookWeekAsync();
        var cursor = (await FirstPageAsync(March(q => q with { PageSize = 2 }))).NextCursor!;

        await FailsAsync(() => Service.ListSessionsAsync(CallerContext.Member(Clinic, "cleaner"), Clinic, cursor).AsTask(), SchedulingErrorCode.PermissionDenied);
        (await Service.ListSessionsAsync(CallerContext.Member(Clinic, "receptionist", Permissions.SessionsView), Clinic, cursor)).Items.Should().HaveCount(2);
    }
}
