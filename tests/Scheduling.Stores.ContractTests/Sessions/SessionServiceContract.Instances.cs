using System.Collections.Immutable;
using Scheduling.Sessions;

namespace Scheduling.Stores.ContractTests.Sessions;

/// <summary>Instances of recurring sessions: how they appear, and editing or cancelling one of them.</summary>
public abstract partial class SessionServiceContract
{
    [Fact]
    public async Task Instances_appear_in_queries_with_ids_made_of_the_series_id_and_their_original_start()
    {
        await CreateAsync(WeeklyYoga());

        var instances = await QueryAllAsync(MarchStart, MarchEnd);

        instances.Select(s => s.Id).Should().Equal(
            "yoga_20250303T183000", "yoga_20250310T183000", "yoga_20250317T183000", "yoga_20250324T183000", "yoga_20250331T183000");
        instances.Should().AllSatisfy(i =>
        {
            i.RecurringSessionId.Should().Be("yoga");
            i.IsInstance.Should().BeTrue();
            i.OriginalStart.Should().Be(i.Start.LocalDateTime);
            i.InstanceOfRecurrence.Should().Be("FREQ=WEEKLY");
        });
    }

    [Fact]
    public async Task Weekly_class_at_18_30_stays_at_18_30_local_across_the_March_change()
    {
        await CreateAsync(WeeklyYoga());

        var instances = await QueryAllAsync(MarchStart, Time.Utc(2025, 3, 12));

        instances.Select(i => i.Start.LocalDateTime).Should().Equal(Time.Local(2025, 3, 3, 18, 30), Time.Local(2025, 3, 10, 18, 30));
        instances.Select(i => i.End.LocalDateTime).Should().Equal(Time.Local(2025, 3, 3, 19, 30), Time.Local(2025, 3, 10, 19, 30));
        // EST (UTC-5) before 2025-03-09, EDT (UTC-4) after: the instant moves an hour, the wall clock does not.
        instances.Select(i => i.Start.Timestamp).Should().Equal(Time.Utc(2025, 3, 3, 23, 30), Time.Utc(2025, 3, 10, 22, 30));
        instances.Should().AllSatisfy(i => i.Start.Zone!.Id.Should().Be("America/New_York"));
    }

    [Fact]
    public async Task Weekly_class_at_18_30_stays_at_18_30_local_across_the_November_change()
    {
        await CreateAsync(WeeklyYoga());

        var instances = await QueryAllAsync(Time.Utc(2025, 10, 27), Time.Utc(2025, 11, 11));

        instances.Select(i => i.Start.LocalDateTime).Should().Equal(Time.Local(2025, 10, 27, 18, 30), Time.Local(2025, 11, 3, 18, 30), Time.Local(2025, 11, 10, 18, 30));
        instances.Select(i => i.Start.Timestamp).Should().Equal(Time.Utc(2025, 10, 27, 22, 30), Time.Utc(2025, 11, 3, 23, 30), Time.Utc(2025, 11, 10, 23, 30));
    }

    [Fact]
    public async Task Instances_inherit_title_tags_location_capacity_and_notes_from_the_series()
    {
        await CreateAsync(WeeklyYoga() with { Details = WeeklyYoga().Details with { Notes = "Bring a mat" }, Type = SessionType.Event });

        var instance = (await QueryAllAsync(MarchStart, MarchEnd))[1];

        instance.Details.Title.Should().Be("Yoga");
        instance.Details.Tags.Should().Equal("yoga");
        instance.Details.Location.Should().Be("Studio");
        instance.Details.Capacity.Should().Be(10);
        instance.Details.Notes.Should().Be("Bring a mat");
        instance.ScheduleId.Should().Be("schedule-1");
        instance.ScheduleOwnerId.Should().Be("owner-1");
        instance.IsOverridden.Should().BeFalse();
        instance.Revision.Should().Be(0);
    }

    [Fact]
    public async Task Instance_is_found_by_its_id()
    {
        await CreateAsync(WeeklyYoga());

        var instance = await GetAsync(InstanceId("yoga", 3, 17));

        instance.Start.LocalDateTime.Should().Be(Time.Local(2025, 3, 17, 18, 30));
        instance.RecurringSessionId.Should().Be("yoga");
    }

    [Theory]
    [InlineData("yoga_20250304T183000")]
    [InlineData("yoga_20250310T190000")]
    [InlineData("yoga_20250224T183000")]
    [InlineData("yoga_2025031OT183000")]
    [InlineData("other_20250310T183000")]
    public async Task Id_of_an_instance_the_series_never_had_is_not_found(string id)
    {
        await CreateAsync(WeeklyYoga());

        await FailsAsync(() => GetAsync(id), SchedulingErrorCode.NotFound);
    }

    [Fact]
    public async Task Editing_one_instance_changes_only_that_instance()
    {
        await CreateAsync(WeeklyYoga());

        var edited = await Service.UpdateSessionAsync(Host, InstanceId("yoga", 3, 10), new SessionChanges { Details = new SessionDetailsChanges { Title = "Yin yoga" } }, expectedRevision: 0);

        edited.Details.Title.Should().Be("Yin yoga");
        edited.IsOverridden.Should().BeTrue();
        edited.Revision.Should().Be(1);
        edited.Id.Should().Be(InstanceId("yoga", 3, 10));
        (await QueryAllAsync(MarchStart, MarchEnd)).Select(i => i.Details.Title).Should().Equal("Yoga", "Yin yoga", "Yoga", "Yoga", "Yoga");
    }

    [Fact]
    public async Task Instance_with_tags_of_its_own_keeps_them_when_the_series_tags_change()
    {
        var series = await CreateAsync(WeeklyYoga());
        await Service.UpdateSessionAsync(Host, InstanceId("yoga", 3, 10), new SessionChanges { Details = new SessionDetailsChanges { Tags = ImmutableArray.Create("yin") } }, 0);

        await Service.UpdateRecurringSessionAsync(Host, "yoga", new RecurringSessionChanges { Details = new SessionDetailsChanges { Tags = ImmutableArray.Create("yoga", "evening") } }, series.Revision);

        var tags = (await QueryAllAsync(MarchStart, MarchEnd)).Select(i => string.Join(",", i.Details.Tags));
        tags.Should().Equal("yoga,evening", "yin", "yoga,evening", "yoga,evening", "yoga,evening");
    }

    [Fact]
    public async Task Moved_instance_is_listed_at_its_new_time_under_the_same_id()
    {
        await CreateAsync(WeeklyYoga());

        await Service.UpdateSessionAsync(Host, InstanceId("yoga", 3, 10), new SessionChanges { Start = Time.InNewYork(2025, 3, 12, 10) }, 0);

        var instances = await QueryAllAsync(MarchStart, MarchEnd);
        instances.Select(i => i.Id).Should().Equal(
            InstanceId("yoga", 3, 3), InstanceId("yoga", 3, 10), InstanceId("yoga", 3, 17), InstanceId("yoga", 3, 24), InstanceId("yoga", 3, 31));
        var moved = instances[1];
        moved.Start.LocalDateTime.Should().Be(Time.Local(2025, 3, 12, 10));
        moved.End.LocalDateTime.Should().Be(Time.Local(2025, 3, 12, 11));
        moved.OriginalStart.Should().Be(Time.Local(2025, 3, 10, 18, 30));
        (await QueryAllAsync(Time.Utc(2025, 3, 10), Time.Utc(2025, 3, 11))).Should().BeEmpty();
    }

    [Fact]
    public async Task Instance_moved_before_an_earlier_instance_is_listed_in_its_new_place()
    {
        await CreateAsync(WeeklyYoga());

        await Service.UpdateSessionAsync(Host, InstanceId("yoga", 3, 17), new SessionChanges { Start = Time.InNewYork(2025, 3, 5, 7) }, 0);

        (await MarchIdsAsync()).Should().Equal(
            InstanceId("yoga", 3, 3), InstanceId("yoga", 3, 17), InstanceId("yoga", 3, 10), InstanceId("yoga", 3, 24), InstanceId("yoga", 3, 31));
    }

    [Fact]
    public async Task Instance_moved_into_the_window_from_outside_it_is_listed_there()
    {
        await CreateAsync(WeeklyYoga());

        await Service.UpdateSessionAsync(Host, InstanceId("yoga", 4, 7), new SessionChanges { Start = Time.InNewYork(2025, 3, 28, 10) }, 0);

        (await MarchIdsAsync()).Should().Equal(
            InstanceId("yoga", 3, 3), InstanceId("yoga", 3, 10), InstanceId("yoga", 3, 17), InstanceId("yoga", 3, 24), InstanceId("yoga", 4, 7), InstanceId("yoga", 3, 31));
        (await QueryAllAsync(Time.Utc(2025, 4, 6), Time.Utc(2025, 4, 9))).Should().BeEmpty();
    }

    [Fact]
    public async Task Instance_of_a_series_that_ended_before_the_window_is_listed_when_moved_into_it()
    {
        await CreateAsync(WeeklyYoga(rule: "FREQ=WEEKLY;COUNT=2"));

        await Service.UpdateSessionAsync(Host, InstanceId("yoga", 3, 10), new SessionChanges { Start = Time.InNewYork(2025, 5, 5, 9) }, 0);

        (await QueryAllAsync(Time.Utc(2025, 5, 1), Time.Utc(2025, 6, 1))).Select(i => i.Id).Should().Equal(InstanceId("yoga", 3, 10));
    }

    [Fact]
    public async Task Instance_edited_with_only_an_end_keeps_its_start_and_takes_the_new_length()
    {
        await CreateAsync(WeeklyYoga());

        var edited = await Service.UpdateSessionAsync(Host, InstanceId("yoga", 3, 10), new SessionChanges { End = Time.InNewYork(2025, 3, 10, 20, 30) }, 0);

        edited.Start.LocalDateTime.Should().Be(Time.Local(2025, 3, 10, 18, 30));
        (edited.End.Timestamp - edited.Start.Timestamp).Should().Be(Duration.FromHours(2));
        (await GetAsync(InstanceId("yoga", 3, 10))).End.LocalDateTime.Should().Be(Time.Local(2025, 3, 10, 20, 30));
    }

    [Fact]
    public async Task Instance_edit_that_would_end_before_the_start_is_invalid_and_changes_nothing()
    {
        await CreateAsync(WeeklyYoga());

        await FailsAsync(
            () => Service.UpdateSessionAsync(Host, InstanceId("yoga", 3, 10), new SessionChanges { End = Time.InNewYork(2025, 3, 10, 17) }, 0).AsTask(),
            SchedulingErrorCode.InvalidArgument,
            "end");

        (await GetAsync(InstanceId("yoga", 3, 10))).IsOverridden.Should().BeFalse();
    }

    [Fact]
    public async Task Editing_an_instance_with_a_stale_revision_is_a_conflict_and_changes_nothing()
    {
        await CreateAsync(WeeklyYoga());
        await Service.UpdateSessionAsync(Host, InstanceId("yoga", 3, 10), new SessionChanges { Details = new SessionDetailsChanges { Title = "First edit" } }, expectedRevision: 0);

        await FailsAsync(
            () => Service.UpdateSessionAsync(Host, InstanceId("yoga", 3, 10), new SessionChanges { Details = new SessionDetailsChanges { Title = "Lost update" } }, expectedRevision: 0).AsTask(),
            SchedulingErrorCode.Conflict,
            "expectedRevision");

        var instance = await GetAsync(InstanceId("yoga", 3, 10));
        instance.Details.Title.Should().Be("First edit");
        instance.Revision.Should().Be(1);
    }

    [Fact]
    public async Task Instance_edits_are_stamped_with_the_clock()
    {
        await CreateAsync(WeeklyYoga());
        Clock.Now = Time.Utc(2025, 2, 14);

        await Service.UpdateSessionAsync(Host, InstanceId("yoga", 3, 10), new SessionChanges { Details = new SessionDetailsChanges { Title = "Valentine's yoga" } }, 0);

        (await GetAsync(InstanceId("yoga", 3, 10))).UpdatedAt.Should().Be(Time.Utc(2025, 2, 14));
        (await GetAsync(InstanceId("yoga", 3, 17))).UpdatedAt.Should().Be(Time.Utc(2025, 1, 1));
    }

    [Fact]
    public async Task Cancelled_instance_is_left_out_of_queries_by_default()
    {
        await CreateAsync(WeeklyYoga());

        var cancelled = await Service.CancelSessionAsync(Host, InstanceId("yoga", 3, 17), expectedRevision: 0);

        cancelled.Status.Should().Be(SessionStatus.Cancelled);
        (await MarchIdsAsync()).Should().Equal(InstanceId("yoga", 3, 3), InstanceId("yoga", 3, 10), InstanceId("yoga", 3, 24), InstanceId("yoga", 3, 31));
    }

    [Fact]
    public async Task Cancelled_instance_is_shown_when_the_filter_names_status_cancelled()
    {
        await CreateAsync(WeeklyYoga());
        await Service.CancelSessionAsync(Host, InstanceId("yoga", 3, 17), 0);

        var onlyCancelled = await QueryAllAsync(MarchStart, MarchEnd, SessionFilter.StatusIn(SessionStatus.Cancelled));
        var everything = await QueryAllAsync(MarchStart, MarchEnd, SessionFilter.Parse("""{"status":{"$in":["CONFIRMED","CANCELLED"]}}"""));

        onlyCancelled.Select(i => i.Id).Should().Equal(InstanceId("yoga", 3, 17));
        onlyCancelled[0].Status.Should().Be(SessionStatus.Cancelled);
        everything.Select(i => i.Status).Should().Equal(
            SessionStatus.Confirmed, SessionStatus.Confirmed, SessionStatus.Cancelled, SessionStatus.Confirmed, SessionStatus.Confirmed);
    }

    [Fact]
    public async Task Cancelled_instance_is_still_found_by_id()
    {
        await CreateAsync(WeeklyYoga());
        await Service.CancelSessionAsync(Host, InstanceId("yoga", 3, 17), 0);

        var instance = await GetAsync(InstanceId("yoga", 3, 17));

        instance.Status.Should().Be(SessionStatus.Cancelled);
        instance.IsOverridden.Should().BeTrue();
        instance.Revision.Should().Be(1);
    }

    [Fact]
    public async Task Cancelling_an_edited_instance_keeps_its_edits()
    {
        await CreateAsync(WeeklyYoga());
        await Service.UpdateSessionAsync(Host, InstanceId("yoga", 3, 17), new SessionChanges { Details = new SessionDetailsChanges { Title = "Special" }, Start = Time.InNewYork(2025, 3, 18, 7) }, 0);

        await Service.CancelSessionAsync(Host, InstanceId("yoga", 3, 17), 1);

        var instance = (await QueryAllAsync(MarchStart, MarchEnd, SessionFilter.StatusIn(SessionStatus.Cancelled))).Single();
        instance.Details.Title.Should().Be("Special");
        instance.Start.LocalDateTime.Should().Be(Time.Local(2025, 3, 18, 7));
    }

    [Fact]
    public async Task Cancelling_an_instance_with_a_stale_revision_is_a_conflict_and_changes_nothing()
    {
        await CreateAsync(WeeklyYoga());
        await Service.UpdateSessionAsync(Host, InstanceId("yoga", 3, 17), new SessionChanges { Details = new SessionDetailsChanges { Title = "Edited" } }, 0);

        await FailsAsync(() => Service.CancelSessionAsync(Host, InstanceId("yoga", 3, 17), expectedRevision: 0).AsTask(), SchedulingErrorCode.Conflict);

        (await GetAsync(InstanceId("yoga", 3, 17))).Status.Should().Be(SessionStatus.Confirmed);
    }

    [Fact]
    public async Task Instance_cannot_be_deleted_only_cancelled()
    {
        await CreateAsync(WeeklyYoga());

        await FailsAsync(() => Service.DeleteSessionAsync(Host, InstanceId("yoga", 3, 17), 0).AsTask(), SchedulingErrorCode.InvalidArgument, "id");

        (await MarchIdsAsync()).Should().Contain(InstanceId("yoga", 3, 17));
    }
}
