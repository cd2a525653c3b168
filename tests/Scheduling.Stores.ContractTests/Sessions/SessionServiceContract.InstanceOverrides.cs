using Scheduling.Paging;
using Scheduling.Security;
using Scheduling.Sessions;

namespace Scheduling.Stores.ContractTests.Sessions;

/// <summary>Reading a series' instance overrides through the API: ordered, paged, tenant-confined, permission-checked and shaped.</summary>
public abstract partial class SessionServiceContract
{
    private Task<CursorPage<InstanceOverride>> OverridesAsync(string seriesId, int? pageSize = null, SessionFieldset fieldset = SessionFieldset.Default, CallerContext? caller = null) =>
        Service.ListInstanceOverridesAsync(caller ?? Host, new InstanceOverrideQuery { RecurringSessionId = seriesId, PageSize = pageSize, Fieldset = fieldset }).AsTask();

    [Fact]
    public async Task Instance_overrides_are_listed_in_order_of_identity_start()
    {
        await CreateAsync(WeeklyYoga());
        await Service.UpdateSessionAsync(Host, InstanceId("yoga", 3, 24), new SessionChanges { Details = new SessionDetailsChanges { Title = "Late special" } }, 0);
        await Service.CancelSessionAsync(Host, InstanceId("yoga", 3, 10), 0);
        await Service.AddParticipantAsync(Host, InstanceId("yoga", 3, 17), new Participant("p1"));

        var page = await OverridesAsync("yoga");

        page.Items.Select(o => o.IdentityStart).Should().Equal(Time.Local(2025, 3, 10, 18, 30), Time.Local(2025, 3, 17, 18, 30), Time.Local(2025, 3, 24, 18, 30));
        page.Items.Should().AllSatisfy(o => o.RecurringSessionId.Should().Be("yoga"));
        page.Items[0].IsCancelled.Should().BeTrue();
        page.Items[1].Participants.Select(p => p.Id).Should().Equal("p1");
        page.Items[2].Details.Title.Should().Be("Late special");
        page.HasNext.Should().BeFalse();
        page.NextCursor.Should().BeNull();
    }

    [Fact]
    public async Task A_series_without_overrides_lists_none()
    {
        await CreateAsync(WeeklyYoga());

        var page = await OverridesAsync("yoga");

        page.Items.Should().BeEmpty();
        page.HasNext.Should().BeFalse();
    }

    [Fact]
    public async Task Instance_overrides_page_with_a_cursor_without_repeats_or_gaps()
    {
        await CreateAsync(WeeklyYoga());
        foreach (var day in new[] { 3, 10, 17, 24, 31 })
        {
            await Service.UpdateSessionAsync(Host, InstanceId("yoga", 3, day), new SessionChanges { Details = new SessionDetailsChanges { Title = $"Day {day}" } }, 0);
        }

        var first = await OverridesAsync("yoga", pageSize: 2);
        var second = await Service.ListInstanceOverridesAsync(Host, first.NextCursor!);
        var third = await Service.ListInstanceOverridesAsync(Host, second.NextCursor!);

        first.Items.Select(o => o.Details.Title).Should().Equal("Day 3", "Day 10");
        second.Items.Select(o => o.Details.Title).Should().Equal("Day 17", "Day 24");
        third.Items.Select(o => o.Details.Title).Should().Equal("Day 31");
        third.HasNext.Should().BeFalse();
        third.NextCursor.Should().BeNull();
    }

    [Fact]
    public async Task Instance_overrides_of_an_unknown_or_another_tenants_series_are_not_found()
    {
        await CreateAsync(WeeklyYoga());

        await FailsAsync(() => OverridesAsync("nope"), SchedulingErrorCode.NotFound);
        await FailsAsync(() => OverridesAsync("yoga", caller: OtherHost), SchedulingErrorCode.NotFound);
    }

    [Fact]
    public async Task Instance_overrides_cursor_of_another_tenant_is_invalid()
    {
        await CreateAsync(WeeklyYoga());
        await Service.UpdateSessionAsync(Host, InstanceId("yoga", 3, 3), new SessionChanges { Details = new SessionDetailsChanges { Title = "a" } }, 0);
        await Service.UpdateSessionAsync(Host, InstanceId("yoga", 3, 10), new SessionChanges { Details = new SessionDetailsChanges { Title = "b" } }, 0);
        var first = await OverridesAsync("yoga", pageSize: 1);

        await FailsAsync(() => Service.ListInstanceOverridesAsync(OtherHost, first.NextCursor!).AsTask(), SchedulingErrorCode.InvalidArgument, "cursor");
    }

    [Fact]
    public async Task Instance_overrides_need_the_view_permission_and_hide_personal_information_without_asking()
    {
        await CreateAsync(WeeklyYoga());
        await Service.AddParticipantAsync(Host, InstanceId("yoga", 3, 10), Ada);
        var viewer = CallerContext.Staff(Tenant, "staff-1", Permissions.SessionsView);

        await FailsAsync(() => OverridesAsync("yoga", caller: CallerContext.Staff(Tenant, "staff-2")), SchedulingErrorCode.PermissionDenied);
        await FailsAsync(() => OverridesAsync("yoga", fieldset: SessionFieldset.AllPersonalInformation, caller: viewer), SchedulingErrorCode.PermissionDenied);
        (await OverridesAsync("yoga", caller: viewer)).Items.Single().Participants.Should().Equal(Ada.WithoutPersonalInformation());
        (await OverridesAsync("yoga", fieldset: SessionFieldset.AllPersonalInformation)).Items.Single().Participants.Should().Equal(Ada);
    }

    [Fact]
    public async Task Instance_overrides_page_size_beyond_the_limit_is_refused()
    {
        await CreateAsync(WeeklyYoga());

        await FailsAsync(() => OverridesAsync("yoga", pageSize: 0), SchedulingErrorCode.LimitExceeded, "pageSize");
        await FailsAsync(() => OverridesAsync("yoga", pageSize: 1_001), SchedulingErrorCode.LimitExceeded, "pageSize");
    }
}
