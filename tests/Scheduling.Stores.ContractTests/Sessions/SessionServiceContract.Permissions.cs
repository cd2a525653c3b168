using Scheduling.Security;
using Scheduling.Sessions;

namespace Scheduling.Stores.ContractTests.Sessions;

/// <summary>Tenants never see each other's data; personal information is shown only when asked for and allowed.</summary>
public abstract partial class SessionServiceContract
{
    private static readonly Participant Ada = new("p1", "Ada Lovelace", "ada@example.com", "+1 555 0100");

    [Fact]
    public async Task Another_tenants_session_reads_as_not_found()
    {
        await CreateAsync(OneHour("s1", Time.Utc(2025, 3, 3, 10)));

        await FailsAsync(() => Service.GetSessionAsync(OtherHost, "s1").AsTask(), SchedulingErrorCode.NotFound, "id");
    }

    [Fact]
    public async Task Another_tenants_series_and_instances_read_as_not_found()
    {
        await CreateAsync(WeeklyYoga());

        await FailsAsync(() => Service.GetRecurringSessionAsync(OtherHost, "yoga").AsTask(), SchedulingErrorCode.NotFound);
        await FailsAsync(() => Service.GetSessionAsync(OtherHost, InstanceId("yoga", 3, 10)).AsTask(), SchedulingErrorCode.NotFound);
    }

    [Fact]
    public async Task Listing_another_tenants_ids_returns_nothing()
    {
        await CreateAsync(OneHour("s1", Time.Utc(2025, 3, 3, 10)));
        await CreateAsync(WeeklyYoga());

        (await Service.ListSessionsAsync(OtherHost, ["s1", InstanceId("yoga", 3, 10)])).Should().BeEmpty();
    }

    [Fact]
    public async Task Another_tenants_session_cannot_be_updated_cancelled_deleted_or_booked()
    {
        await CreateAsync(OneHour("s1", Time.Utc(2025, 3, 3, 10)));

        await FailsAsync(() => Service.UpdateSessionAsync(OtherHost, "s1", new SessionChanges { Details = new SessionDetailsChanges { Title = "hijacked" } }, 1).AsTask(), SchedulingErrorCode.NotFound);
        await FailsAsync(() => Service.CancelSessionAsync(OtherHost, "s1", 1).AsTask(), SchedulingErrorCode.NotFound);
        await FailsAsync(() => Service.DeleteSessionAsync(OtherHost, "s1", 1).AsTask(), SchedulingErrorCode.NotFound);
        await FailsAsync(() => Service.AddParticipantAsync(OtherHost, "s1", new Participant("p1")).AsTask(), SchedulingErrorCode.NotFound);

        var found = await GetAsync("s1");
        found.Details.Title.Should().BeNull();
        found.Status.Should().Be(SessionStatus.Confirmed);
        found.Revision.Should().Be(1);
        found.Participants.Should().BeEmpty();
    }

    [Fact]
    public async Task Another_tenants_series_cannot_be_edited_split_cancelled_deleted_or_booked()
    {
        await CreateAsync(WeeklyYoga());
        var instance = InstanceId("yoga", 3, 10);

        await FailsAsync(() => Service.UpdateRecurringSessionAsync(OtherHost, "yoga", new RecurringSessionChanges { Details = new SessionDetailsChanges { Title = "hijacked" } }, 1).AsTask(), SchedulingErrorCode.NotFound);
        await FailsAsync(() => Service.UpdateFollowingAsync(OtherHost, instance, new RecurringSessionChanges { Details = new SessionDetailsChanges { Title = "hijacked" } }, 1).AsTask(), SchedulingErrorCode.NotFound);
        await FailsAsync(() => Service.UpdateSessionAsync(OtherHost, instance, new SessionChanges { Details = new SessionDetailsChanges { Title = "hijacked" } }, 0).AsTask(), SchedulingErrorCode.NotFound);
        await FailsAsync(() => Service.CancelSessionAsync(OtherHost, instance, 0).AsTask(), SchedulingErrorCode.NotFound);
        await FailsAsync(() => Service.CancelRecurringSessionAsync(OtherHost, "yoga", 1).AsTask(), SchedulingErrorCode.NotFound);
        await FailsAsync(() => Service.AddParticipantAsync(OtherHost, instance, new Participant("p1")).AsTask(), SchedulingErrorCode.NotFound);
        await FailsAsync(() => Service.DeleteRecurringSessionAsync(OtherHost, "yoga", 1).AsTask(), SchedulingErrorCode.NotFound);

        var instances = await QueryAllAsync(MarchStart, MarchEnd);
        instances.Should().HaveCount(5).And.OnlyContain(i => i.Details.Title == "Yoga" && !i.IsOverridden && i.Participants.IsEmpty);
        (await Service.GetRecurringSessionAsync(Host, "yoga")).Revision.Should().Be(1);
    }

    [Fact]
    public async Task Same_id_in_two_tenants_names_two_independent_sessions()
    {
        await CreateAsync(OneHour("s1", Time.Utc(2025, 3, 3, 10)) with { Details = new SessionDetails { Title = "mine" } });
        await Service.CreateSessionAsync(OtherHost, OneHour("s1", Time.Utc(2025, 3, 4, 10)) with { Details = new SessionDetails { Title = "theirs" } });

        await Service.UpdateSessionAsync(OtherHost, "s1", new SessionChanges { Details = new SessionDetailsChanges { Title = "theirs, edited" } }, 1);

        (await GetAsync("s1")).Details.Title.Should().Be("mine");
        (await Service.GetSessionAsync(OtherHost, "s1")).Details.Title.Should().Be("theirs, edited");
    }

    [Fact]
    public async Task Default_fieldset_hides_names_emails_and_phones_but_keeps_participant_ids()
    {
        await CreateAsync(OneHour("s1", Time.Utc(2025, 3, 3, 10)) with { Participants = [Ada, new Participant("p2", "Grace Hopper")] });
        var viewer = CallerContext.Staff(Tenant, "staff-1", Permissions.SessionsView, Permissions.PersonalInformationView);

        var got = await Service.GetSessionAsync(viewer, "s1");
        var listed = await Service.ListSessionsAsync(viewer, ["s1"]);
        var queried = await QueryAllAsync(MarchStart, MarchEnd, caller: viewer);

        foreach (var session in new[] { got, listed.Single(), queried.Single() })
        {
            session.Participants.Should().Equal(new Participant("p1"), new Participant("p2"));
        }
    }

    [Fact]
    public async Task Default_fieldset_hides_personal_information_of_instance_participants()
    {
        await CreateAsync(WeeklyYoga());
        await Service.AddParticipantAsync(Host, InstanceId("yoga", 3, 10), Ada);

        var instance = (await QueryAllAsync(MarchStart, MarchEnd, SessionFilter.HasParticipant("p1"))).Single();

        instance.Participants.Should().Equal(new Participant("p1"));
        (await GetAsync(InstanceId("yoga", 3, 10))).Participants.Should().Equal(new Participant("p1"));
    }

    [Fact]
    public async Task All_personal_information_fieldset_shows_names_emails_and_phones_to_a_caller_allowed_to_see_them()
    {
        await CreateAsync(OneHour("s1", Time.Utc(2025, 3, 3, 10)) with { Participants = [Ada] });
        await CreateAsync(WeeklyYoga());
        await Service.AddParticipantAsync(Host, InstanceId("yoga", 3, 10), Ada);
        var viewer = CallerContext.Staff(Tenant, "staff-1", Permissions.SessionsView, Permissions.PersonalInformationView);
        var everything = SessionFieldset.AllPersonalInformation;

        (await Service.GetSessionAsync(viewer, "s1", everything)).Participants.Should().Equal(Ada);
        (await Service.GetSessionAsync(viewer, InstanceId("yoga", 3, 10), everything)).Participants.Should().Equal(Ada);
        (await Service.ListSessionsAsync(viewer, ["s1"], everything)).Single().Participants.Should().Equal(Ada);
        var page = await Service.QuerySessionsAsync(viewer, new SessionQuery { From = MarchStart, To = MarchEnd, Filter = SessionFilter.HasParticipant("p1"), Fieldset = everything });
        page.Items.Select(s => s.Participants.Single()).Should().Equal(Ada, Ada);
    }

    [Fact]
    public async Task Write_returns_personal_information_only_to_a_caller_allowed_to_see_it()
    {
        await CreateAsync(OneHour("s1", Time.Utc(2025, 3, 3, 10)));
        var manager = CallerContext.Staff(Tenant, "staff-1", Permissions.SessionsView, Permissions.SessionsManage);

        var forManager = await Service.AddParticipantAsync(manager, "s1", Ada);
        var forHost = await Service.UpdateSessionAsync(Host, "s1", new SessionChanges { Details = new SessionDetailsChanges { Title = "Intro" } }, 2);

        forManager.Participants.Should().Equal(new Participant("p1"));
        forHost.Participants.Should().Equal(Ada);
    }

    [Fact]
    public async Task Elevated_caller_may_do_everything_within_its_tenant()
    {
        var member = CallerContext.Member(Tenant, "member-1").Elevate();

        await Service.CreateSessionAsync(member, OneHour("s1", Time.Utc(2025, 3, 3, 10)) with { Participants = [Ada] });

        (await Service.GetSessionAsync(member, "s1", SessionFieldset.AllPersonalInformation)).Participants.Should().Equal(Ada);
        await FailsAsync(() => Service.GetSessionAsync(CallerContext.Member(OtherTenant, "member-1").Elevate(), "s1").AsTask(), SchedulingErrorCode.NotFound);
    }
}
