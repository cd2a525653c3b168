using Scheduling.Sessions;
using Scheduling.Workspaces;

namespace Scheduling.Stores.ContractTests.Workspaces;

/// <summary>The status lifecycle: scheduled -> in-progress -> completed, or cancelled; explicit marks win over the clock.</summary>
public abstract partial class WorkspaceSessionsContract
{
    [Fact]
    public async Task A_session_that_has_not_started_is_scheduled()
    {
        await BookAsync("a1", Smith, John, Local(3, 3, 9), 60, Consultation);

        (await GetAsync("a1")).Status.Should().Be(LifecycleStatus.Scheduled);
    }

    [Fact]
    public async Task Untouched_sessions_follow_the_clock_from_start_to_end()
    {
        await BookAsync("a1", Smith, John, Local(3, 3, 9), 60, Consultation);

        Clock.Now = Time.Utc(2025, 3, 3, 14); // 09:00 in New York: the start itself.
        (await GetAsync("a1")).Status.Should().Be(LifecycleStatus.InProgress);
        Clock.Now = Time.Utc(2025, 3, 3, 15); // 10:00: the end.
        (await GetAsync("a1")).Status.Should().Be(LifecycleStatus.Completed);
    }

    [Fact]
    public async Task Starting_early_marks_a_session_in_progress_before_its_start()
    {
        var booked = await BookAsync("a1", Smith, John, Local(3, 3, 9), 60, Consultation);
        Clock.Now = Time.Utc(2025, 3, 3, 13, 50);

        var started = await Service.ChangeStatusAsync(Host, Clinic, "a1", LifecycleStatus.InProgress, booked.Revision);

        started.Status.Should().Be(LifecycleStatus.InProgress);
        started.Revision.Should().Be(booked.Revision + 1);
        (await GetAsync("a1")).Status.Should().Be(LifecycleStatus.InProgress);
        (await IdsAsync(March(q => q with { Status = LifecycleStatus.InProgress }))).Should().Equal("a1");
    }

    [Fact]
    public async Task A_session_marked_in_progress_stays_so_when_it_runs_over()
    {
        var booked = await BookAsync("a1", Smith, John, Local(3, 3, 9), 60, Consultation);
        Clock.Now = Time.Utc(2025, 3, 3, 14, 5);
        await Service.ChangeStatusAsync(Host, Clinic, "a1", LifecycleStatus.InProgress, booked.Revision);

        Clock.Now = Time.Utc(2025, 3, 3, 15, 20);

        (await GetAsync("a1")).Status.Should().Be(LifecycleStatus.InProgress);
        (await IdsAsync(March(q => q with { Status = LifecycleStatus.Completed }))).Should().BeEmpty();
    }

    [Fact]
    public async Task Completing_a_session_in_progress_closes_it_even_before_its_end()
    {
        var booked = await BookAsync("a1", Smith, John, Local(3, 3, 9), 60, Consultation);
        Clock.Now = Time.Utc(2025, 3, 3, 14, 10);
        var started = await Service.ChangeStatusAsync(Host, Clinic, "a1", LifecycleStatus.InProgress, booked.Revision);

        var completed = await Service.ChangeStatusAsync(Host, Clinic, "a1", LifecycleStatus.Completed, started.Revision);

        completed.Status.Should().Be(LifecycleStatus.Completed);
        (await IdsAsync(March(q => q with { Status = LifecycleStatus.Completed }))).Should().Equal("a1");
    }

    [Fact]
    public async Task A_session_the_clock_put_in_progress_can_be_completed()
    {
        var booked = await BookAsync("a1", Smith, John, Local(3, 3, 9), 60, Consultation);
        Clock.Now = Time.Utc(2025, 3, 3, 14, 30);

        (await Service.ChangeStatusAsync(Host, Clinic, "a1", LifecycleStatus.Completed, booked.Revision)).Status.Should().Be(LifecycleStatus.Completed);
    }

    [Fact]
    public async Task A_scheduled_session_cannot_be_completed_without_starting()
    {
        var booked = await BookAsync("a1", Smith, John, Local(3, 3, 9), 60, Consultation);

        await FailsAsync(() => Service.ChangeStatusAsync(Host, Clinic, "a1", LifecycleStatus.Completed, booked.Revision).AsTask(), SchedulingErrorCode.Conflict, "status");
        (await GetAsync("a1")).Should().BeEquivalentTo(booked, "a refused change writes nothing");
    }

    [Fact]
    public async Task A_session_in_progress_cannot_go_back_to_scheduled()
    {
        var booked = await BookAsync("a1", Smith, John, Local(3, 3, 9), 60, Consultation);
        var started = await Service.ChangeStatusAsync(Host, Clinic, "a1", LifecycleStatus.InProgress, booked.Revision);

        await FailsAsync(() => Service.ChangeStatusAsync(Host, Clinic, "a1", LifecycleStatus.Scheduled, started.Revision).AsTask(), SchedulingErrorCode.Conflict, "status");
    }

    [Fact]
    public async Task A_completed_session_cannot_be_cancelled_or_reopened()
    {
        var booked = await BookAsync("a1", Smith, John, Local(3, 3, 9), 60, Consultation);
        var started = await Service.ChangeStatusAsync(Host, Clinic, "a1", LifecycleStatus.InProgress, booked.Revision);
        var completed = await Service.ChangeStatusAsync(Host, Clinic, "a1", LifecycleStatus.Completed, started.Revision);

        foreach (var status in new[] { LifecycleStatus.Cancelled, LifecycleStatus.InProgress, LifecycleStatus.Scheduled })
        {
            await FailsAsync(() => Service.ChangeStatusAsync(Host, Clinic, "a1", status, completed.Revision).AsTask(), SchedulingErrorCode.Conflict, "status");
        }

        await FailsAsync(() => Sessions.CancelSessionAsync(Host, "a1", completed.Revision).AsTask(), SchedulingErrorCode.Conflict, "status");
        (await GetAsync("a1")).Status.Should().Be(LifecycleStatus.Completed);
    }

    [Fact]
    public async Task A_session_the_clock_completed_cannot_be_cancelled()
    {
        var booked = await BookAsync("a1", Smith, John, Local(3, 3, 9), 60, Consultation);
        Clock.Now = Time.Utc(2025, 3, 4);

        await FailsAsync(() => Service.ChangeStatusAsync(Host, Clinic, "a1", LifecycleStatus.Cancelled, booked.Revision).AsTask(), SchedulingErrorCode.Conflict, "status");
    }

    [Fact]
    public async Task A_scheduled_session_can_be_cancelled_and_then_nothing_else()
    {
        var booked = await BookAsync("a1", Smith, John, Local(3, 3, 9), 60, Consultation);

        var cancelled = await Service.ChangeStatusAsync(Host, Clinic, "a1", LifecycleStatus.Cancelled, booked.Revision);

        cancelled.Status.Should().Be(LifecycleStatus.Cancelled);
        Clock.Now = Time.Utc(2025, 3, 3, 14, 30);
        (await GetAsync("a1")).Status.Should().Be(LifecycleStatus.Cancelled, "a cancelled session never starts");
        await FailsAsync(() => Service.ChangeStatusAsync(Host, Clinic, "a1", LifecycleStatus.InProgress, cancelled.Revision).AsTask(), SchedulingErrorCode.Conflict, "status");
    }

    [Fact]
    public async Task A_session_in_progress_can_be_cancelled()
    {
        var booked = await BookAsync("a1", Smith, John, Local(3, 3, 9), 60, Consultation);
        Clock.Now = Time.Utc(2025, 3, 3, 14, 30);

        (await Service.ChangeStatusAsync(Host, Clinic, "a1", LifecycleStatus.Cancelled, booked.Revision)).Status.Should().Be(LifecycleStatus.Cancelled);
    }

    [Fact]
    public async Task Asking_for_the_status_a_session_already_has_changes_nothing()
    {
        var booked = await BookAsync("a1", Smith, John, Local(3, 3, 9), 60, Consultation);

        var same = await Service.ChangeStatusAsync(Host, Clinic, "a1", LifecycleStatus.Scheduled, booked.Revision);

        same.Revision.Should().Be(booked.Revision);
        same.Status.Should().Be(LifecycleStatus.Scheduled);
    }

    [Fact]
    public async Task A_status_change_on_a_stale_revision_is_a_conflict()
    {
        var booked = await BookAsync("a1", Smith, John, Local(3, 3, 9), 60, Consultation);
        await Service.ChangeStatusAsync(Host, Clinic, "a1", LifecycleStatus.InProgress, booked.Revision);

        await FailsAsync(() => Service.ChangeStatusAsync(Host, Clinic, "a1", LifecycleStatus.Cancelled, booked.Revision).AsTask(), SchedulingErrorCode.Conflict, "expectedRevision");
    }

    [Fact]
    public async Task Marking_one_instance_leaves_the_rest_of_the_series_to_the_clock()
    {
        await BookWeekAsync();
        Clock.Now = Time.Utc(2025, 3, 10, 19, 50); // 15:50 New York time on the 10th (after the clocks went forward).
        var instance = await GetAsync(PhysioOn(10));
        instance.Status.Should().Be(LifecycleStatus.InProgress);

        var completed = await Service.ChangeStatusAsync(Host, Clinic, PhysioOn(10), LifecycleStatus.Completed, instance.Revision);

        completed.Status.Should().Be(LifecycleStatus.Completed);
        (await IdsAsync(March(q => q with { ClientId = Mary, Status = LifecycleStatus.Completed }))).Should().Equal(PhysioOn(3), "a2", "a4", PhysioOn(10));
        (await IdsAsync(March(q => q with { ClientId = Mary, Status = LifecycleStatus.Scheduled }))).Should().Equal(PhysioOn(17), PhysioOn(24));
    }

    [Fact]
    public async Task Cancelling_one_instance_cancels_only_that_one()
    {
        await BookWeekAsync();
        var instance = await GetAsync(PhysioOn(17));

        await Service.ChangeStatusAsync(Host, Clinic, PhysioOn(17), LifecycleStatus.Cancelled, instance.Revision);

        (await IdsAsync(March(q => q with { StaffId = Jones, Status = LifecycleStatus.Cancelled }))).Should().Equal(PhysioOn(17));
        (await IdsAsync(March(q => q with { StaffId = Jones, Status = LifecycleStatus.Scheduled }))).Should().Equal(PhysioOn(3), "a3", "a4", PhysioOn(10), PhysioOn(24));
    }

    [Fact]
    public async Task An_explicit_mark_survives_every_store_round_trip()
    {
        var booked = await BookAsync("a1", Smith, John, Local(3, 3, 9), 60, Consultation);
        var started = await Service.ChangeStatusAsync(Host, Clinic, "a1", LifecycleStatus.InProgress, booked.Revision);

        var stored = await Sessions.GetSessionAsync(Host, "a1");

        stored.Progress.Should().Be(ProgressMark.InProgress);
        stored.Revision.Should().Be(started.Revision);
    }
}
