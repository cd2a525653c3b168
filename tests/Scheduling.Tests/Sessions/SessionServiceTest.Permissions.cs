using Scheduling.Recurrence;
using Scheduling.Security;
using Scheduling.Sessions;
using Scheduling.Stores.ContractTests;

namespace Scheduling.Tests.Sessions;

/// <summary>
/// Who may do what: anonymous callers without a permission are unauthenticated, known callers without it are
/// denied, and asking for personal information without the permission is an error, never a silent downgrade.
/// </summary>
public sealed partial class SessionServiceTest
{
    private static readonly CallerContext Anonymous = CallerContext.Anonymous(Tenant);
    private static readonly CallerContext AnonymousViewer = CallerContext.Anonymous(Tenant, Permissions.SessionsView);
    private static readonly CallerContext Member = CallerContext.Member(Tenant, "member-1");
    private static readonly CallerContext MemberViewer = CallerContext.Member(Tenant, "member-1", Permissions.SessionsView);

    [Fact]
    public async Task Anonymous_caller_without_the_view_permission_is_unauthenticated()
    {
        await CreateAsync(OneHour("s1", Time.Utc(2025, 3, 3, 10)));
        await CreateAsync(WeeklyYoga());

        await FailsAsync(() => Service.GetSessionAsync(Anonymous, "s1").AsTask(), SchedulingErrorCode.Unauthenticated);
        await FailsAsync(() => Service.ListSessionsAsync(Anonymous, ["s1"]).AsTask(), SchedulingErrorCode.Unauthenticated);
        await FailsAsync(() => QueryAsync(MarchStart, MarchEnd, caller: Anonymous), SchedulingErrorCode.Unauthenticated);
        await FailsAsync(() => Service.GetRecurringSessionAsync(Anonymous, "yoga").AsTask(), SchedulingErrorCode.Unauthenticated);
    }

    [Fact]
    public async Task Anonymous_caller_with_the_view_permission_reads_without_personal_information()
    {
        await CreateAsync(OneHour("s1", Time.Utc(2025, 3, 3, 10)) with { Participants = [new Participant("p1", "Ada")] });

        (await Service.GetSessionAsync(AnonymousViewer, "s1")).Participants.Should().Equal(new Participant("p1"));
        (await QueryAllAsync(MarchStart, MarchEnd, caller: AnonymousViewer)).Should().ContainSingle();
    }

    [Fact]
    public async Task Member_without_the_view_permission_is_denied()
    {
        await CreateAsync(OneHour("s1", Time.Utc(2025, 3, 3, 10)));

        await FailsAsync(() => Service.GetSessionAsync(Member, "s1").AsTask(), SchedulingErrorCode.PermissionDenied);
        await FailsAsync(() => Service.ListSessionsAsync(Member, ["s1"]).AsTask(), SchedulingErrorCode.PermissionDenied);
        await FailsAsync(() => QueryAsync(MarchStart, MarchEnd, caller: Member), SchedulingErrorCode.PermissionDenied);
    }

    [Fact]
    public async Task Permission_is_checked_before_the_id_is_looked_up()
    {
        await FailsAsync(() => Service.GetSessionAsync(Member, "does-not-exist").AsTask(), SchedulingErrorCode.PermissionDenied);
        await FailsAsync(() => Service.UpdateSessionAsync(MemberViewer, "does-not-exist", new SessionChanges(), 1).AsTask(), SchedulingErrorCode.PermissionDenied);
    }

    [Fact]
    public async Task Member_without_the_manage_permission_cannot_write()
    {
        await CreateAsync(OneHour("s1", Time.Utc(2025, 3, 3, 10)));
        await CreateAsync(WeeklyYoga());
        var instance = InstanceId("yoga", 3, 10);

        await FailsAsync(() => Service.CreateSessionAsync(MemberViewer, OneHour("s2", Time.Utc(2025, 3, 4, 10))).AsTask(), SchedulingErrorCode.PermissionDenied);
        await FailsAsync(() => Service.CreateRecurringSessionAsync(MemberViewer, WeeklyYoga("pilates")).AsTask(), SchedulingErrorCode.PermissionDenied);
        await FailsAsync(() => Service.UpdateSessionAsync(MemberViewer, "s1", new SessionChanges { Details = new SessionDetailsChanges { Title = "x" } }, 1).AsTask(), SchedulingErrorCode.PermissionDenied);
        await FailsAsync(() => Service.UpdateSessionAsync(MemberViewer, instance, new SessionChanges { Details = new SessionDetailsChanges { Title = "x" } }, 0).AsTask(), SchedulingErrorCode.PermissionDenied);
        await FailsAsync(() => Service.UpdateRecurringSessionAsync(MemberViewer, "yoga", new RecurringSessionChanges { Details = new SessionDetailsChanges { Title = "x" } }, 1).AsTask(), SchedulingErrorCode.PermissionDenied);
        await FailsAsync(() => Service.UpdateFollowingAsync(MemberViewer, instance, new RecurringSessionChanges { Details = new SessionDetailsChanges { Title = "x" } }, 1).AsTask(), SchedulingErrorCode.PermissionDenied);
        await FailsAsync(() => Service.CancelSessionAsync(MemberViewer, "s1", 1).AsTask(), SchedulingErrorCode.PermissionDenied);
        await FailsAsync(() => Service.CancelRecurringSessionAsync(MemberViewer, "yoga", 1).AsTask(), SchedulingErrorCode.PermissionDenied);
        await FailsAsync(() => Service.DeleteSessionAsync(MemberViewer, "s1", 1).AsTask(), SchedulingErrorCode.PermissionDenied);
        await FailsAsync(() => Service.DeleteRecurringSessionAsync(MemberViewer, "yoga", 1).AsTask(), SchedulingErrorCode.PermissionDenied);
        await FailsAsync(() => Service.AddParticipantAsync(MemberViewer, "s1", new Participant("member-1")).AsTask(), SchedulingErrorCode.PermissionDenied);

        (await GetAsync("s1")).Revision.Should().Be(1);
        (await Service.GetRecurringSessionAsync(Host, "yoga")).Revision.Should().Be(1);
    }

    [Fact]
    public async Task Anonymous_caller_cannot_write()
    {
        await FailsAsync(() => Service.CreateSessionAsync(AnonymousViewer, OneHour("s1", Time.Utc(2025, 3, 3, 10))).AsTask(), SchedulingErrorCode.Unauthenticated);
    }

    [Fact]
    public async Task Asking_for_personal_information_without_the_permission_is_denied_not_downgraded()
    {
        await CreateAsync(OneHour("s1", Time.Utc(2025, 3, 3, 10)) with { Participants = [new Participant("p1", "Ada")] });
        var staff = CallerContext.Staff(Tenant, "staff-1", Permissions.SessionsView, Permissions.SessionsManage);
        var everything = SessionFieldset.AllPersonalInformation;

        await FailsAsync(() => Service.GetSessionAsync(staff, "s1", everything).AsTask(), SchedulingErrorCode.PermissionDenied);
        await FailsAsync(() => Service.ListSessionsAsync(staff, ["s1"], everything).AsTask(), SchedulingErrorCode.PermissionDenied);
        await FailsAsync(
            () => Service.QuerySessionsAsync(staff, new SessionQuery { From = MarchStart, To = MarchEnd, Fieldset = everything }).AsTask(),
            SchedulingErrorCode.PermissionDenied);
    }

    [Fact]
    public async Task Anonymous_caller_asking_for_personal_information_is_unauthenticated()
    {
        await CreateAsync(OneHour("s1", Time.Utc(2025, 3, 3, 10)));

        await FailsAsync(() => Service.GetSessionAsync(AnonymousViewer, "s1", SessionFieldset.AllPersonalInformation).AsTask(), SchedulingErrorCode.Unauthenticated);
    }

    [Fact]
    public async Task Personal_information_permission_alone_does_not_grant_viewing()
    {
        await CreateAsync(OneHour("s1", Time.Utc(2025, 3, 3, 10)));
        var member = CallerContext.Member(Tenant, "member-1", Permissions.PersonalInformationView);

        await FailsAsync(() => Service.GetSessionAsync(member, "s1", SessionFieldset.AllPersonalInformation).AsTask(), SchedulingErrorCode.PermissionDenied);
    }

    [Fact]
    public async Task Elevated_anonymous_caller_may_read_and_write()
    {
        var elevated = Anonymous.Elevate();

        await Service.CreateSessionAsync(elevated, OneHour("s1", Time.Utc(2025, 3, 3, 10)) with { Participants = [new Participant("p1", "Ada")] });

        (await Service.GetSessionAsync(elevated, "s1", SessionFieldset.AllPersonalInformation)).Participants.Should().Equal(new Participant("p1", "Ada"));
        await FailsAsync(() => Service.GetSessionAsync(Anonymous, "s1").AsTask(), SchedulingErrorCode.Unauthenticated);
    }

    [Fact]
    public async Task Host_holds_every_permission()
    {
        await Service.CreateRecurringSessionAsync(Host, WeeklyYoga() with { Rule = RecurrenceRule.Parse("FREQ=WEEKLY;COUNT=2") });
        await Service.AddParticipantAsync(Host, InstanceId("yoga", 3, 3), new Participant("p1", "Ada"));

        var page = await Service.QuerySessionsAsync(Host, new SessionQuery { From = MarchStart, To = MarchEnd, Fieldset = SessionFieldset.AllPersonalInformation });

        page.Items[0].Participants.Should().Equal(new Participant("p1", "Ada"));
    }
}
