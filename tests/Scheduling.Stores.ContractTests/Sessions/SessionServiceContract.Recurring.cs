using System.Collections.Immutable;
using Scheduling.Recurrence;
using Scheduling.Sessions;

namespace Scheduling.Stores.ContractTests.Sessions;

/// <summary>Recurring sessions as a whole: create, edit the series, edit "this and following", cancel, delete.</summary>
public abstract partial class SessionServiceContract
{
    [Fact]
    public async Task Created_series_is_found_by_id()
    {
        Clock.Now = Time.Utc(2025, 2, 1);

        var created = await CreateAsync(WeeklyYoga());

        var found = await Service.GetRecurringSessionAsync(Host, "yoga");
        found.Rule.Should().Be(RecurrenceRule.Parse("FREQ=WEEKLY"));
        found.Start.Should().Be(Time.Local(2025, 3, 3, 18, 30));
        found.IdentityStart.Should().Be(found.Start);
        found.Zone.Id.Should().Be("America/New_York");
        found.Duration.Should().Be(Duration.FromHours(1));
        found.Revision.Should().Be(1);
        found.CreatedAt.Should().Be(Time.Utc(2025, 2, 1));
        created.Id.Should().Be("yoga");
    }

    [Fact]
    public async Task Creating_a_series_with_a_taken_id_is_a_conflict()
    {
        await CreateAsync(WeeklyYoga());

        await FailsAsync(() => CreateAsync(WeeklyYoga() with { Details = WeeklyYoga().Details with { Title = "second" } }), SchedulingErrorCode.Conflict, "id");

        (await Service.GetRecurringSessionAsync(Host, "yoga")).Details.Title.Should().Be("Yoga");
    }

    [Fact]
    public async Task Getting_an_unknown_series_is_not_found()
    {
        await FailsAsync(() => Service.GetRecurringSessionAsync(Host, "nope").AsTask(), SchedulingErrorCode.NotFound);
    }

    [Fact]
    public async Task Series_with_a_count_has_exactly_that_many_instances()
    {
        await CreateAsync(WeeklyYoga(rule: "FREQ=WEEKLY;COUNT=3"));

        (await QueryAllAsync(MarchStart, Time.Utc(2026, 3, 1))).Select(i => i.Start.LocalDateTime!.Value.Date)
            .Should().Equal(new LocalDate(2025, 3, 3), new LocalDate(2025, 3, 10), new LocalDate(2025, 3, 17));
    }

    [Fact]
    public async Task Open_ended_series_has_instances_far_in_the_future()
    {
        await CreateAsync(WeeklyYoga());

        (await QueryAllAsync(Time.Utc(2030, 1, 2), Time.Utc(2030, 1, 15))).Select(i => i.Start.LocalDateTime)
            .Should().Equal(Time.Local(2030, 1, 7, 18, 30), Time.Local(2030, 1, 14, 18, 30));
    }

    [Fact]
    public async Task Series_edit_changes_every_instance_but_keeps_what_an_instance_set_itself()
    {
        var series = await CreateAsync(WeeklyYoga());
        await Service.UpdateSessionAsync(Host, InstanceId("yoga", 3, 10), new SessionChanges { Details = new SessionDetailsChanges { Title = "Yin yoga" } }, 0);

        var updated = await Service.UpdateRecurringSessionAsync(Host, "yoga", new RecurringSessionChanges { Details = new SessionDetailsChanges { Title = "Power yoga", Location = "Hall" } }, series.Revision);

        updated.Revision.Should().Be(2);
        var instances = await QueryAllAsync(MarchStart, MarchEnd);
        instances.Select(i => i.Details.Title).Should().Equal("Power yoga", "Yin yoga", "Power yoga", "Power yoga", "Power yoga");
        instances.Should().AllSatisfy(i => i.Details.Location.Should().Be("Hall"));
    }

    [Fact]
    public async Task Moving_the_series_start_keeps_the_instance_ids()
    {
        var series = await CreateAsync(WeeklyYoga());
        var idsBefore = await MarchIdsAsync();

        await Service.UpdateRecurringSessionAsync(Host, "yoga", new RecurringSessionChanges { Start = Time.Local(2025, 3, 3, 19) }, series.Revision);

        var instances = await QueryAllAsync(MarchStart, MarchEnd);
        instances.Select(i => i.Id).Should().Equal(idsBefore);
        instances.Should().AllSatisfy(i => i.Start.LocalDateTime!.Value.TimeOfDay.Should().Be(new LocalTime(19, 0)));
        (await GetAsync(InstanceId("yoga", 3, 10))).Start.LocalDateTime.Should().Be(Time.Local(2025, 3, 10, 19));
        await FailsAsync(() => GetAsync(InstanceId("yoga", 3, 10, 19, 0)), SchedulingErrorCode.NotFound);
    }

    [Fact]
    public async Task Moving_the_series_to_another_weekday_keeps_the_instance_ids_and_their_edits()
    {
        var series = await CreateAsync(WeeklyYoga());
        await Service.UpdateSessionAsync(Host, InstanceId("yoga", 3, 10), new SessionChanges { Details = new SessionDetailsChanges { Title = "Yin yoga" } }, 0);

        await Service.UpdateRecurringSessionAsync(Host, "yoga", new RecurringSessionChanges { Start = Time.Local(2025, 3, 4, 18, 30) }, series.Revision);

        var instances = await QueryAllAsync(MarchStart, MarchEnd);
        instances.Select(i => i.Start.LocalDateTime!.Value.DayOfWeek).Should().AllBeEquivalentTo(IsoDayOfWeek.Tuesday);
        instances[1].Id.Should().Be(InstanceId("yoga", 3, 10));
        instances[1].Start.LocalDateTime.Should().Be(Time.Local(2025, 3, 11, 18, 30));
        instances[1].Details.Title.Should().Be("Yin yoga");
    }

    [Fact]
    public async Task Overridden_start_is_not_moved_by_a_series_start_change()
    {
        var series = await CreateAsync(WeeklyYoga());
        await Service.UpdateSessionAsync(Host, InstanceId("yoga", 3, 10), new SessionChanges { Start = Time.InNewYork(2025, 3, 10, 20) }, 0);

        await Service.UpdateRecurringSessionAsync(Host, "yoga", new RecurringSessionChanges { Start = Time.Local(2025, 3, 3, 19) }, series.Revision);

        (await GetAsync(InstanceId("yoga", 3, 10))).Start.LocalDateTime.Should().Be(Time.Local(2025, 3, 10, 20));
        (await GetAsync(InstanceId("yoga", 3, 17))).Start.LocalDateTime.Should().Be(Time.Local(2025, 3, 17, 19));
        (await QueryAllAsync(MarchStart, MarchEnd)).Select(i => i.Start.LocalDateTime!.Value.TimeOfDay)
            .Should().Equal(new LocalTime(19, 0), new LocalTime(20, 0), new LocalTime(19, 0), new LocalTime(19, 0), new LocalTime(19, 0));
    }

    [Fact]
    public async Task Overridden_end_keeps_its_duration_when_the_series_moves()
    {
        var series = await CreateAsync(WeeklyYoga());
        await Service.UpdateSessionAsync(Host, InstanceId("yoga", 3, 10), new SessionChanges { End = Time.InNewYork(2025, 3, 10, 20, 30) }, 0);

        await Service.UpdateRecurringSessionAsync(Host, "yoga", new RecurringSessionChanges { Start = Time.Local(2025, 3, 3, 19) }, series.Revision);

        var instance = await GetAsync(InstanceId("yoga", 3, 10));
        instance.Start.LocalDateTime.Should().Be(Time.Local(2025, 3, 10, 19));
        instance.End.LocalDateTime.Should().Be(Time.Local(2025, 3, 10, 21));
        (await GetAsync(InstanceId("yoga", 3, 17))).End.LocalDateTime.Should().Be(Time.Local(2025, 3, 17, 20));
    }

    [Fact]
    public async Task Series_duration_change_reaches_every_instance_without_a_length_of_its_own()
    {
        var series = await CreateAsync(WeeklyYoga());
        await Service.UpdateSessionAsync(Host, InstanceId("yoga", 3, 10), new SessionChanges { End = Time.InNewYork(2025, 3, 10, 21) }, 0);

        await Service.UpdateRecurringSessionAsync(Host, "yoga", new RecurringSessionChanges { Duration = Duration.FromMinutes(90) }, series.Revision);

        (await QueryAllAsync(MarchStart, MarchEnd)).Select(i => i.End.Timestamp - i.Start.Timestamp).Should().Equal(
            Duration.FromMinutes(90), Duration.FromHours(2.5), Duration.FromMinutes(90), Duration.FromMinutes(90), Duration.FromMinutes(90));
    }

    [Fact]
    public async Task Series_edit_with_a_stale_revision_is_a_conflict_and_changes_nothing()
    {
        await CreateAsync(WeeklyYoga());
        await Service.UpdateRecurringSessionAsync(Host, "yoga", new RecurringSessionChanges { Details = new SessionDetailsChanges { Title = "Second" } }, 1);

        await FailsAsync(
            () => Service.UpdateRecurringSessionAsync(Host, "yoga", new RecurringSessionChanges { Details = new SessionDetailsChanges { Title = "Lost update" } }, 1).AsTask(),
            SchedulingErrorCode.Conflict,
            "expectedRevision");

        var found = await Service.GetRecurringSessionAsync(Host, "yoga");
        found.Details.Title.Should().Be("Second");
        found.Revision.Should().Be(2);
    }

    [Fact]
    public async Task This_and_following_ends_the_old_series_before_the_instance_and_starts_a_new_one_there()
    {
        var series = await CreateAsync(WeeklyYoga());
        var pastIds = (await MarchIdsAsync()).Take(2).ToList();
        Clock.Now = Time.Utc(2025, 3, 12);

        var following = await Service.UpdateFollowingAsync(Host, InstanceId("yoga", 3, 17), new RecurringSessionChanges { Details = new SessionDetailsChanges { Title = "Power yoga" } }, series.Revision);

        following.Id.Should().NotBe("yoga");
        following.Start.Should().Be(Time.Local(2025, 3, 17, 18, 30));
        following.Rule.Should().Be(RecurrenceRule.Parse("FREQ=WEEKLY"));
        following.Revision.Should().Be(1);
        following.CreatedAt.Should().Be(Time.Utc(2025, 3, 12));
        var ended = await Service.GetRecurringSessionAsync(Host, "yoga");
        ended.Revision.Should().Be(2);
        ended.Rule.Count.Should().BeNull();
        ended.Rule.Until.Should().NotBeNull();
        ended.Rule.Until!.Value.Instant.Should().BeLessThan(Time.Utc(2025, 3, 17, 22, 30)).And.BeGreaterThan(Time.Utc(2025, 3, 10, 22, 30));

        var instances = await QueryAllAsync(MarchStart, Time.Utc(2025, 4, 15));
        instances.Select(i => i.RecurringSessionId).Should().Equal("yoga", "yoga", following.Id, following.Id, following.Id, following.Id, following.Id);
        instances.Select(i => i.Details.Title).Should().Equal("Yoga", "Yoga", "Power yoga", "Power yoga", "Power yoga", "Power yoga", "Power yoga");
        instances.Take(2).Select(i => i.Id).Should().Equal(pastIds);
        instances.Select(i => i.Start.LocalDateTime!.Value.Date.Day).Should().Equal(3, 10, 17, 24, 31, 7, 14);
    }

    [Fact]
    public async Task This_and_following_with_a_new_time_moves_only_the_following_instances()
    {
        var series = await CreateAsync(WeeklyYoga());

        await Service.UpdateFollowingAsync(Host, InstanceId("yoga", 3, 17), new RecurringSessionChanges { Start = Time.Local(2025, 3, 17, 19, 15) }, series.Revision);

        (await QueryAllAsync(MarchStart, MarchEnd)).Select(i => i.Start.LocalDateTime!.Value.TimeOfDay).Should().Equal(
            new LocalTime(18, 30), new LocalTime(18, 30), new LocalTime(19, 15), new LocalTime(19, 15), new LocalTime(19, 15));
    }

    [Fact]
    public async Task This_and_following_on_a_count_rule_splits_the_count_between_the_two_series()
    {
        var series = await CreateAsync(WeeklyYoga(rule: "FREQ=WEEKLY;COUNT=6"));

        var following = await Service.UpdateFollowingAsync(Host, InstanceId("yoga", 3, 17), new RecurringSessionChanges { Details = new SessionDetailsChanges { Title = "Power yoga" } }, series.Revision);

        (await Service.GetRecurringSessionAsync(Host, "yoga")).Rule.Count.Should().Be(2);
        following.Rule.Count.Should().Be(4);
        var instances = await QueryAllAsync(MarchStart, Time.Utc(2025, 6, 1));
        instances.Should().HaveCount(6);
        instances.Select(i => i.Start.LocalDateTime!.Value.Date).Should().Equal(
            new LocalDate(2025, 3, 3), new LocalDate(2025, 3, 10), new LocalDate(2025, 3, 17), new LocalDate(2025, 3, 24), new LocalDate(2025, 3, 31), new LocalDate(2025, 4, 7));
        instances.Select(i => i.Details.Title).Should().Equal("Yoga", "Yoga", "Power yoga", "Power yoga", "Power yoga", "Power yoga");
    }

    [Fact]
    public async Task This_and_following_takes_the_later_instance_edits_along_and_leaves_the_earlier_ones()
    {
        var series = await CreateAsync(WeeklyYoga());
        await Service.UpdateSessionAsync(Host, InstanceId("yoga", 3, 10), new SessionChanges { Details = new SessionDetailsChanges { Title = "Early special" } }, 0);
        await Service.UpdateSessionAsync(Host, InstanceId("yoga", 3, 24), new SessionChanges { Details = new SessionDetailsChanges { Title = "Late special" } }, 0);
        await Service.CancelSessionAsync(Host, InstanceId("yoga", 3, 31), 0);

        await Service.UpdateFollowingAsync(Host, InstanceId("yoga", 3, 17), new RecurringSessionChanges { Start = Time.Local(2025, 3, 17, 19) }, series.Revision);

        var instances = await QueryAllAsync(MarchStart, Time.Utc(2025, 4, 10));
        instances.Select(i => i.Details.Title).Should().Equal("Yoga", "Early special", "Yoga", "Late special", "Yoga");
        instances.Select(i => i.Start.LocalDateTime!.Value.Date.Day).Should().Equal(3, 10, 17, 24, 7);
        instances[3].Start.LocalDateTime.Should().Be(Time.Local(2025, 3, 24, 19));
    }

    [Fact]
    public async Task This_and_following_from_the_first_instance_edits_the_whole_series()
    {
        var series = await CreateAsync(WeeklyYoga());

        var edited = await Service.UpdateFollowingAsync(Host, InstanceId("yoga", 3, 3), new RecurringSessionChanges { Details = new SessionDetailsChanges { Title = "Power yoga" } }, series.Revision);

        edited.Id.Should().Be("yoga");
        edited.Revision.Should().Be(2);
        (await QueryAllAsync(MarchStart, MarchEnd)).Should().AllSatisfy(i =>
        {
            i.Details.Title.Should().Be("Power yoga");
            i.RecurringSessionId.Should().Be("yoga");
        });
    }

    [Fact]
    public async Task This_and_following_with_a_stale_revision_is_a_conflict_and_changes_nothing()
    {
        await CreateAsync(WeeklyYoga());
        await Service.UpdateRecurringSessionAsync(Host, "yoga", new RecurringSessionChanges { Details = new SessionDetailsChanges { Location = "Hall" } }, 1);
        var before = await QueryAllAsync(MarchStart, Time.Utc(2025, 5, 1));

        await FailsAsync(
            () => Service.UpdateFollowingAsync(Host, InstanceId("yoga", 3, 17), new RecurringSessionChanges { Details = new SessionDetailsChanges { Title = "Power yoga" } }, 1).AsTask(),
            SchedulingErrorCode.Conflict,
            "expectedRevision");

        var after = await QueryAllAsync(MarchStart, Time.Utc(2025, 5, 1));
        after.Select(i => (i.Id, i.Details.Title, i.Start)).Should().Equal(before.Select(i => (i.Id, i.Details.Title, i.Start)));
        (await Service.GetRecurringSessionAsync(Host, "yoga")).Rule.Should().Be(RecurrenceRule.Parse("FREQ=WEEKLY"));
    }

    [Fact]
    public async Task Cancelling_a_series_cancels_only_the_instances_from_now_on()
    {
        var series = await CreateAsync(WeeklyYoga());
        Clock.Now = Time.Utc(2025, 3, 12);

        var cancelled = await Service.CancelRecurringSessionAsync(Host, "yoga", series.Revision);

        cancelled.CancelledFrom.Should().Be(Time.Utc(2025, 3, 12));
        (await MarchIdsAsync()).Should().Equal(InstanceId("yoga", 3, 3), InstanceId("yoga", 3, 10));
        var future = await QueryAllAsync(MarchStart, MarchEnd, SessionFilter.StatusIn(SessionStatus.Cancelled));
        future.Select(i => i.Id).Should().Equal(InstanceId("yoga", 3, 17), InstanceId("yoga", 3, 24), InstanceId("yoga", 3, 31));
        future.Should().AllSatisfy(i => i.Status.Should().Be(SessionStatus.Cancelled));
        (await GetAsync(InstanceId("yoga", 3, 10))).Status.Should().Be(SessionStatus.Confirmed);
        (await GetAsync(InstanceId("yoga", 3, 17))).Status.Should().Be(SessionStatus.Cancelled);
    }

    [Fact]
    public async Task Cancelling_a_series_with_a_stale_revision_is_a_conflict_and_changes_nothing()
    {
        await CreateAsync(WeeklyYoga());
        await Service.UpdateRecurringSessionAsync(Host, "yoga", new RecurringSessionChanges { Details = new SessionDetailsChanges { Location = "Hall" } }, 1);

        await FailsAsync(() => Service.CancelRecurringSessionAsync(Host, "yoga", 1).AsTask(), SchedulingErrorCode.Conflict);

        (await Service.GetRecurringSessionAsync(Host, "yoga")).CancelledFrom.Should().BeNull();
        (await MarchIdsAsync()).Should().HaveCount(5);
    }

    [Fact]
    public async Task Deleted_series_takes_its_instances_and_their_edits_with_it()
    {
        await CreateAsync(WeeklyYoga());
        await Service.UpdateSessionAsync(Host, InstanceId("yoga", 3, 10), new SessionChanges { Start = Time.InNewYork(2025, 3, 12, 9) }, 0);

        await Service.DeleteRecurringSessionAsync(Host, "yoga", 1);

        await FailsAsync(() => Service.GetRecurringSessionAsync(Host, "yoga").AsTask(), SchedulingErrorCode.NotFound);
        await FailsAsync(() => GetAsync(InstanceId("yoga", 3, 10)), SchedulingErrorCode.NotFound);
        (await MarchIdsAsync(SessionFilter.StatusIn(SessionStatus.Confirmed, SessionStatus.Cancelled))).Should().BeEmpty();
    }

    [Fact]
    public async Task Deleting_a_series_with_a_stale_revision_is_a_conflict_and_keeps_it()
    {
        await CreateAsync(WeeklyYoga());
        await Service.UpdateRecurringSessionAsync(Host, "yoga", new RecurringSessionChanges { Details = new SessionDetailsChanges { Location = "Hall" } }, 1);

        await FailsAsync(() => Service.DeleteRecurringSessionAsync(Host, "yoga", 1).AsTask(), SchedulingErrorCode.Conflict, "expectedRevision");

        (await MarchIdsAsync()).Should().HaveCount(5);
    }

    [Fact]
    public async Task Series_tags_changed_with_the_series_reach_instances_that_did_not_set_their_own()
    {
        var series = await CreateAsync(WeeklyYoga());

        await Service.UpdateRecurringSessionAsync(Host, "yoga", new RecurringSessionChanges { Details = new SessionDetailsChanges { Tags = ImmutableArray.Create("vinyasa") } }, series.Revision);

        (await QueryAllAsync(MarchStart, MarchEnd, SessionFilter.HasAnyTag("vinyasa"))).Should().HaveCount(5);
        (await QueryAllAsync(MarchStart, MarchEnd, SessionFilter.HasAnyTag("yoga"))).Should().BeEmpty();
    }
}
