using Scheduling.Sessions;
using Scheduling.Workspaces;

namespace Scheduling.Stores.ContractTests.Workspaces;

/// <summary>The seed's filters: client, services (any of), staff, date range and status, alone and together.</summary>
public abstract partial class WorkspaceSessionsContract
{
    [Fact]
    public async Task Without_filters_the_list_holds_every_session_and_instance_sorted_by_start()
    {
        await BookWeekAsync();

        (await IdsAsync(March())).Should().Equal("a1", PhysioOn(3), "a2", "a3", "a4", "a5", PhysioOn(10), PhysioOn(17), PhysioOn(24));
    }

    [Fact]
    public async Task A_client_filter_lists_that_clients_sessions_and_instances()
    {
        await BookWeekAsync();

        (await IdsAsync(March(q => q with { ClientId = John }))).Should().Equal("a1", "a3", "a5");
        (await IdsAsync(March(q => q with { ClientId = Mary }))).Should().Equal(PhysioOn(3), "a2", "a4", PhysioOn(10), PhysioOn(17), PhysioOn(24));
    }

    [Fact]
    public async Task A_client_with_no_sessions_lists_nothing()
    {
        await BookWeekAsync();

        (await IdsAsync(March(q => q with { ClientId = "nobody" }))).Should().BeEmpty();
    }

    [Fact]
    public async Task One_service_lists_the_sessions_that_provide_it_among_others()
    {
        await BookWeekAsync();

        (await IdsAsync(March(q => q with { ServiceIds = [Checkup] }))).Should().Equal("a2", "a3");
    }

    [Fact]
    public async Task Several_services_list_the_sessions_that_provide_any_of_them()
    {
        await BookWeekAsync();

        var ids = await IdsAsync(March(q => q with { ServiceIds = [Consultation, XRay] }));

        ids.Should().Equal("a1", PhysioOn(3), "a2", "a4", PhysioOn(10), PhysioOn(17), PhysioOn(24));
        ids.Should().NotContain("a5", "a session without services matches no service filter");
    }

    [Fact]
    public async Task Services_given_as_the_seeds_comma_separated_parameter_match_any_of_them()
    {
        await BookWeekAsync();
        var query = WorkspaceSessionQuery.FromParameters(serviceIds: "checkup, consultation", dateFrom: "2025-03-01", dateTo: "2025-03-31");

        (await IdsAsync(query)).Should().Equal("a1", "a2", "a3");
    }

    [Fact]
    public async Task A_staff_filter_lists_the_sessions_on_that_staff_members_schedule()
    {
        await BookWeekAsync();

        (await IdsAsync(March(q => q with { StaffId = Jones }))).Should().Equal(PhysioOn(3), "a3", "a4", PhysioOn(10), PhysioOn(17), PhysioOn(24));
    }

    [Fact]
    public async Task DateFrom_alone_lists_a_year_from_that_instant()
    {
        await BookWeekAsync();

        (await IdsAsync(new WorkspaceSessionQuery { DateFrom = DateBound.AtInstant(Time.Utc(2025, 3, 7)) }))
            .Should().Equal("a5", PhysioOn(10), PhysioOn(17), PhysioOn(24));
    }

    [Fact]
    public async Task DateTo_alone_lists_the_year_before_it_exclusive()
    {
        await BookWeekAsync();

        // a3 starts at 14:00 New York time on the 5th (19:00Z): a range ending exactly there leaves it out.
        (await IdsAsync(new WorkspaceSessionQuery { DateTo = DateBound.AtInstant(Time.Utc(2025, 3, 5, 19)) }))
            .Should().Equal("a1", PhysioOn(3), "a2");
    }

    [Fact]
    public async Task A_date_range_has_overlap_semantics()
    {
        await BookWeekAsync();

        // a2 runs 10:00-11:30 on the 4th (15:00Z-16:30Z): a range from 16:00Z catches its end, one from 16:30Z misses it.
        (await IdsAsync(new WorkspaceSessionQuery { DateFrom = DateBound.AtInstant(Time.Utc(2025, 3, 4, 16)), DateTo = DateBound.AtInstant(Time.Utc(2025, 3, 5)) }))
            .Should().Equal("a2");
        (await IdsAsync(new WorkspaceSessionQuery { DateFrom = DateBound.AtInstant(Time.Utc(2025, 3, 4, 16, 30)), DateTo = DateBound.AtInstant(Time.Utc(2025, 3, 5)) }))
            .Should().BeEmpty();
    }

    [Fact]
    public async Task Dates_without_an_offset_are_read_in_the_workspaces_zone()
    {
        await BookWeekAsync();

        // Monday the 3rd in New York, as local text: a1 (09:00) and the physio instance (15:00), nothing of Tuesday.
        var query = WorkspaceSessionQuery.FromParameters(dateFrom: "2025-03-03T00:00:00", dateTo: "2025-03-04T00:00:00");

        (await IdsAsync(query)).Should().Equal("a1", PhysioOn(3));
    }

    [Fact]
    public async Task The_same_date_as_both_ends_is_that_whole_local_day()
    {
        await BookWeekAsync();

        (await IdsAsync(WorkspaceSessionQuery.FromParameters(dateFrom: "2025-03-10", dateTo: "2025-03-10"))).Should().Equal(PhysioOn(10));
    }

    [Fact]
    public async Task A_whole_day_on_the_spring_forward_date_is_23_hours_of_that_day()
    {
        await BookAsync("before-midnight", Smith, John, Local(3, 8, 23, 30), 20);
        await BookAsync("early", Smith, John, Local(3, 9, 1, 30), 20);
        await BookAsync("late", Smith, John, Local(3, 9, 23, 40), 15);
        await BookAsync("next-day", Smith, John, Local(3, 10, 0, 0), 15);

        (await IdsAsync(WorkspaceSessionQuery.FromParameters(dateFrom: "2025-03-09", dateTo: "2025-03-09"))).Should().Equal("early", "late");
    }

    [Fact]
    public async Task Each_status_filters_alone()
    {
        await BookWeekAsync();
        Clock.Now = Time.Utc(2025, 3, 4, 15, 30); // Tuesday 10:30 in New York: a2 is under way.
        var a5 = await GetAsync("a5");
        await Service.ChangeStatusAsync(Host, Clinic, "a5", LifecycleStatus.Cancelled, a5.Revision);

        (await IdsAsync(March(q => q with { Status = LifecycleStatus.Completed }))).Should().Equal("a1", PhysioOn(3));
        (await IdsAsync(March(q => q with { Status = LifecycleStatus.InProgress }))).Should().Equal("a2");
        (await IdsAsync(March(q => q with { Status = LifecycleStatus.Scheduled }))).Should().Equal("a3", "a4", PhysioOn(10), PhysioOn(17), PhysioOn(24));
        (await IdsAsync(March(q => q with { Status = LifecycleStatus.Cancelled }))).Should().Equal("a5");
    }

    [Fact]
    public async Task Scheduled_sessions_of_a_range_already_past_are_none()
    {
        await BookWeekAsync();
        Clock.Now = Time.Utc(2025, 4, 2);

        (await IdsAsync(March(q => q with { Status = LifecycleStatus.Scheduled }))).Should().BeEmpty();
        (await IdsAsync(March(q => q with { Status = LifecycleStatus.Completed }))).Should().HaveCount(9);
    }

    [Fact]
    public async Task A_session_starting_the_instant_after_now_is_still_scheduled()
    {
        await BookWeekAsync();
        Clock.Now = Time.Utc(2025, 3, 4, 15) - Duration.FromMilliseconds(1); // just before a2 starts at 10:00 in New York.

        (await IdsAsync(March(q => q with { Status = LifecycleStatus.Scheduled }))).Should().StartWith("a2");
        (await IdsAsync(March(q => q with { Status = LifecycleStatus.Completed }))).Should().Equal("a1", PhysioOn(3));
    }

    [Fact]
    public async Task Without_a_status_filter_cancelled_sessions_are_listed_with_their_status()
    {
        await BookWeekAsync();
        var a3 = await GetAsync("a3");
        await Service.ChangeStatusAsync(Host, Clinic, "a3", LifecycleStatus.Cancelled, a3.Revision);

        var listed = await ListAllAsync(March());

        listed.Select(s => s.Id).Should().Contain("a3");
        listed.Single(s => s.Id == "a3").Status.Should().Be(LifecycleStatus.Cancelled);
    }

    [Fact]
    public async Task Client_and_service_filters_combine()
    {
        await BookWeekAsync();

        (await IdsAsync(March(q => q with { ClientId = Mary, ServiceIds = [Consultation, Checkup] }))).Should().Equal("a2");
        (await IdsAsync(March(q => q with { ClientId = John, ServiceIds = [XRay] }))).Should().BeEmpty();
    }

    [Fact]
    public async Task Client_and_dates_combine()
    {
        await BookWeekAsync();

        (await IdsAsync(WorkspaceSessionQuery.FromParameters(clientId: Mary, dateFrom: "2025-03-04", dateTo: "2025-03-10")))
            .Should().Equal("a2", "a4", PhysioOn(10));
    }

    [Fact]
    public async Task Services_and_status_combine()
    {
        await BookWeekAsync();
        Clock.Now = Time.Utc(2025, 3, 6); // Wednesday evening: Monday to Wednesday are over.

        (await IdsAsync(March(q => q with { ServiceIds = [XRay], Status = LifecycleStatus.Scheduled })))
            .Should().Equal("a4", PhysioOn(10), PhysioOn(17), PhysioOn(24));
        (await IdsAsync(March(q => q with { ServiceIds = [XRay], Status = LifecycleStatus.Completed }))).Should().Equal(PhysioOn(3));
    }

    [Fact]
    public async Task Every_filter_at_once()
    {
        await BookWeekAsync();
        Clock.Now = Time.Utc(2025, 3, 11);
        var query = WorkspaceSessionQuery.FromParameters(clientId: Mary, serviceIds: "x-ray,consultation", dateFrom: "2025-03-05", dateTo: "2025-03-20", status: "scheduled");

        (await IdsAsync(query with { StaffId = Jones })).Should().Equal(PhysioOn(17));
        (await IdsAsync(query with { StaffId = Smith })).Should().BeEmpty();
    }

    [Fact]
    public async Task Working_hours_are_not_listed_as_sessions()
    {
        await BookWeekAsync();
        await Sessions.CreateSessionAsync(Host, Appointment("hours", Smith, null, Local(3, 3, 8), 600) with { Type = SessionType.WorkingHours, Details = Appointment("hours", Smith, null, Local(3, 3, 8), 600).Details with { Title = "Surgery hours" } });

        (await IdsAsync(March())).Should().NotContain("hours");
        await FailsAsync(() => GetAsync("hours"), SchedulingErrorCode.NotFound);
    }

    [Fact]
    public async Task Sessions_made_through_the_sessions_api_are_listed_too()
    {
        await Sessions.CreateSessionAsync(Host, Appointment("direct", Jones, John, Local(3, 12, 9), 30, Checkup));

        var listed = (await ListAllAsync(March())).Should().ContainSingle().Subject;

        listed.Id.Should().Be("direct");
        listed.ClientName.Should().Be("John Doe");
    }

    [Fact]
    public async Task Paging_walks_the_same_list_in_pages()
    {
        await BookWeekAsync();

        var whole = await IdsAsync(March());
        var paged = await IdsAsync(March(q => q with { PageSize = 2 }));

        paged.Should().Equal(whole);
        (await FirstPageAsync(March(q => q with { PageSize = 2 }))).Items.Should().HaveCount(2);
    }

    [Fact]
    public async Task The_last_page_has_no_next_cursor()
    {
        await BookWeekAsync();

        var page = await FirstPageAsync(March(q => q with { PageSize = 100 }));

        page.HasNext.Should().BeFalse();
        page.NextCursor.Should().BeNull();
        page.Items.Should().HaveCount(9);
    }

    [Fact]
    public async Task Every_page_reads_statuses_at_the_instant_of_the_first()
    {
        await BookWeekAsync();
        Clock.Now = Time.Utc(2025, 3, 3, 13); // Monday 08:00 in New York: nothing has started.
        var first = await FirstPageAsync(March(q => q with { Status = LifecycleStatus.Scheduled, PageSize = 2 }));
        Clock.Now = Time.Utc(2025, 3, 4, 15, 30); // Tuesday 10:30: a1 and the first physio are over, a2 is under way.

        var second = await Service.ListSessionsAsync(Host, Clinic, first.NextCursor!);

        first.Items.Select(s => s.Id).Should().Equal("a1", PhysioOn(3));
        second.Items.Select(s => s.Id).Should().Equal("a2", "a3");
        second.Items.Should().OnlyContain(s => s.Status == LifecycleStatus.Scheduled, "the cursor keeps the first page's instant");
    }

    [Fact]
    public async Task A_range_longer_than_a_year_is_refused_on_dateTo()
    {
        await FailsAsync(
            () => FirstPageAsync(WorkspaceSessionQuery.FromParameters(dateFrom: "2025-01-01", dateTo: "2026-01-02")),
            SchedulingErrorCode.LimitExceeded,
            "dateTo");
    }

    [Fact]
    public async Task A_range_that_ends_before_it_starts_is_refused_on_dateTo()
    {
        await FailsAsync(
            () => FirstPageAsync(WorkspaceSessionQuery.FromParameters(dateFrom: "2025-03-10T00:00:00Z", dateTo: "2025-03-09T00:00:00Z")),
            SchedulingErrorCode.InvalidArgument,
            "dateTo");
    }

    [Fact]
    public async Task Without_dates_the_list_runs_a_year_from_the_start_of_today_in_the_workspace()
    {
        await BookWeekAsync();
        Clock.Now = Time.Utc(2025, 3, 10, 3); // 23:00 on Sunday the 9th in New York.

        (await IdsAsync(new WorkspaceSessionQuery())).Should().Equal(PhysioOn(10), PhysioOn(17), PhysioOn(24));
        Clock.Now = Time.Utc(2025, 3, 7, 22); // 17:00 on Friday the 7th: today's a5 is still listed.
        (await IdsAsync(new WorkspaceSessionQuery())).Should().Equal("a5", PhysioOn(10), PhysioOn(17), PhysioOn(24));
    }

    [Fact]
    public async Task An_empty_bound_is_refused_by_name()
    {
        await FailsAsync(() => FirstPageAsync(new WorkspaceSessionQuery { DateFrom = default(DateBound) }), SchedulingErrorCode.InvalidArgument, "dateFrom");
        await FailsAsync(() => FirstPageAsync(new WorkspaceSessionQuery { DateTo = default(DateBound) }), SchedulingErrorCode.InvalidArgument, "dateTo");
    }

    [Fact]
    public async Task A_page_larger_than_the_limit_is_refused()
    {
        await FailsAsync(() => FirstPageAsync(March(q => q with { PageSize = 1_001 })), SchedulingErrorCode.LimitExceeded, "pageSize");
    }
}
