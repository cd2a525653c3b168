using System.Collections.Immutable;
using Scheduling.Sessions;

namespace Scheduling.Stores.ContractTests.Sessions;

/// <summary>Single sessions: create, get, list, update, cancel, delete.</summary>
public abstract partial class SessionServiceContract
{
    [Fact]
    public async Task Created_session_starts_at_revision_1_stamped_with_the_clock()
    {
        Clock.Now = Time.Utc(2025, 2, 1, 12);

        var created = await CreateAsync(OneHour("s1", Time.Utc(2025, 3, 3, 10)) with { Details = new SessionDetails { Title = "Intro call", Tags = ["intro"] } });

        created.Revision.Should().Be(1);
        created.CreatedAt.Should().Be(Time.Utc(2025, 2, 1, 12));
        created.UpdatedAt.Should().Be(Time.Utc(2025, 2, 1, 12));
        created.Status.Should().Be(SessionStatus.Confirmed);
        created.IsInstance.Should().BeFalse();
    }

    [Fact]
    public async Task Created_session_is_found_by_id_with_every_field()
    {
        var request = OneHour("s1", Time.Utc(2025, 3, 3, 10)) with
        {
            Type = SessionType.WorkingHours,
            Details = OneHour("s1", Time.Utc(2025, 3, 3, 10)).Details with
            {
                Title = "Office hours",
                Tags = ["office", "weekly"],
                Notes = "Door code 1234",
                Location = "Room 2",
                Capacity = 3,
            },
            Start = Time.InNewYork(2025, 3, 10, 9),
            End = Time.InNewYork(2025, 3, 10, 11),
        };
        await CreateAsync(request);

        var found = await GetAsync("s1");

        found.Should().BeEquivalentTo(
            new { request.Id, request.ScheduleId, request.ScheduleOwnerId, request.Type, request.Details.Title, request.Details.Notes, request.Details.Location, request.Details.Capacity, request.Start, request.End },
            o => o.ExcludingMissingMembers());
        found.Details.Tags.Should().Equal("office", "weekly");
        found.Start.LocalDateTime.Should().Be(Time.Local(2025, 3, 10, 9));
        found.Start.Zone!.Id.Should().Be("America/New_York");
    }

    [Fact]
    public async Task Created_session_without_an_id_gets_a_new_one()
    {
        var first = await CreateAsync(OneHour("x", Time.Utc(2025, 3, 3, 10)) with { Id = null });
        var second = await CreateAsync(OneHour("x", Time.Utc(2025, 3, 3, 10)) with { Id = null });

        first.Id.Should().NotBeNullOrWhiteSpace().And.NotBe(second.Id);
        (await GetAsync(first.Id)).Id.Should().Be(first.Id);
    }

    [Fact]
    public async Task Creating_a_session_with_a_taken_id_is_a_conflict_and_keeps_the_first()
    {
        await CreateAsync(OneHour("s1", Time.Utc(2025, 3, 3, 10)) with { Details = new SessionDetails { Title = "first" } });

        await FailsAsync(() => CreateAsync(OneHour("s1", Time.Utc(2025, 3, 4, 10)) with { Details = new SessionDetails { Title = "second" } }), SchedulingErrorCode.Conflict, "id");

        (await GetAsync("s1")).Details.Title.Should().Be("first");
    }

    [Fact]
    public async Task Getting_an_unknown_id_is_not_found()
    {
        await FailsAsync(() => GetAsync("nope"), SchedulingErrorCode.NotFound, "id");
    }

    [Fact]
    public async Task Listing_by_ids_returns_sessions_and_instances_in_the_order_asked_and_leaves_out_unknown_ids()
    {
        await CreateAsync(OneHour("s1", Time.Utc(2025, 3, 3, 10)));
        await CreateAsync(OneHour("s2", Time.Utc(2025, 3, 4, 10)));
        await CreateAsync(WeeklyYoga());
        var instance = InstanceId("yoga", 3, 10);

        var listed = await Service.ListSessionsAsync(Host, ["s2", "missing", instance, "s1", "s2", InstanceId("yoga", 3, 11)]);

        listed.Select(s => s.Id).Should().Equal("s2", instance, "s1");
    }

    [Fact]
    public async Task Update_changes_only_the_fields_given_and_bumps_the_revision()
    {
        await CreateAsync(OneHour("s1", Time.Utc(2025, 3, 3, 10)) with { Details = new SessionDetails { Title = "Intro call", Location = "Room 1", Tags = ["intro"] } });
        Clock.Now = Time.Utc(2025, 2, 1);

        var updated = await Service.UpdateSessionAsync(Host, "s1", new SessionChanges { Details = new SessionDetailsChanges { Title = "Follow-up", Capacity = 4 } }, expectedRevision: 1);

        updated.Details.Title.Should().Be("Follow-up");
        updated.Details.Capacity.Should().Be(4);
        updated.Details.Location.Should().Be("Room 1");
        updated.Details.Tags.Should().Equal("intro");
        updated.Revision.Should().Be(2);
        updated.UpdatedAt.Should().Be(Time.Utc(2025, 2, 1));
        updated.CreatedAt.Should().Be(Time.Utc(2025, 1, 1));
        var found = await GetAsync("s1");
        (found.Details.Title, found.Details.Capacity, found.Details.Location, found.Revision, found.UpdatedAt).Should().Be((updated.Details.Title, updated.Details.Capacity, updated.Details.Location, updated.Revision, updated.UpdatedAt));
    }

    [Fact]
    public async Task Update_can_clear_a_field_and_move_the_session()
    {
        await CreateAsync(OneHour("s1", Time.Utc(2025, 3, 3, 10)) with { Details = new SessionDetails { Notes = "old notes" } });

        await Service.UpdateSessionAsync(
            Host,
            "s1",
            new SessionChanges { Details = new SessionDetailsChanges { Notes = new Optional<string?>(null), Tags = ImmutableArray.Create("moved") }, Start = Time.At(Time.Utc(2025, 3, 5, 14)), End = Time.At(Time.Utc(2025, 3, 5, 16)) },
            expectedRevision: 1);

        var found = await GetAsync("s1");
        found.Details.Notes.Should().BeNull();
        found.Details.Tags.Should().Equal("moved");
        found.Start.Timestamp.Should().Be(Time.Utc(2025, 3, 5, 14));
        (await MarchIdsAsync()).Should().Equal("s1");
        (await QueryAllAsync(Time.Utc(2025, 3, 3), Time.Utc(2025, 3, 4))).Should().BeEmpty();
    }

    [Fact]
    public async Task Stale_revision_is_a_conflict_and_changes_nothing()
    {
        await CreateAsync(OneHour("s1", Time.Utc(2025, 3, 3, 10)) with { Details = new SessionDetails { Title = "Intro call" } });
        await Service.UpdateSessionAsync(Host, "s1", new SessionChanges { Details = new SessionDetailsChanges { Title = "Second" } }, expectedRevision: 1);

        await FailsAsync(
            () => Service.UpdateSessionAsync(Host, "s1", new SessionChanges { Details = new SessionDetailsChanges { Title = "Lost update" } }, expectedRevision: 1).AsTask(),
            SchedulingErrorCode.Conflict,
            "expectedRevision");

        var found = await GetAsync("s1");
        found.Details.Title.Should().Be("Second");
        found.Revision.Should().Be(2);
    }

    [Fact]
    public async Task Updating_an_unknown_session_is_not_found()
    {
        await FailsAsync(() => Service.UpdateSessionAsync(Host, "nope", new SessionChanges { Details = new SessionDetailsChanges { Title = "x" } }, 1).AsTask(), SchedulingErrorCode.NotFound);
    }

    [Fact]
    public async Task Update_that_would_end_before_the_start_is_invalid_and_changes_nothing()
    {
        await CreateAsync(OneHour("s1", Time.Utc(2025, 3, 3, 10)));

        await FailsAsync(
            () => Service.UpdateSessionAsync(Host, "s1", new SessionChanges { End = Time.At(Time.Utc(2025, 3, 3, 9)) }, 1).AsTask(),
            SchedulingErrorCode.InvalidArgument,
            "end");

        var found = await GetAsync("s1");
        found.End.Timestamp.Should().Be(Time.Utc(2025, 3, 3, 11));
        found.Revision.Should().Be(1);
    }

    [Fact]
    public async Task Cancelled_session_is_kept_with_status_cancelled_and_left_out_of_queries()
    {
        await CreateAsync(OneHour("s1", Time.Utc(2025, 3, 3, 10)));
        await CreateAsync(OneHour("s2", Time.Utc(2025, 3, 4, 10)));

        var cancelled = await Service.CancelSessionAsync(Host, "s1", expectedRevision: 1);

        cancelled.Status.Should().Be(SessionStatus.Cancelled);
        cancelled.Revision.Should().Be(2);
        (await GetAsync("s1")).Status.Should().Be(SessionStatus.Cancelled);
        (await MarchIdsAsync()).Should().Equal("s2");
    }

    [Fact]
    public async Task Cancelling_with_a_stale_revision_is_a_conflict_and_changes_nothing()
    {
        await CreateAsync(OneHour("s1", Time.Utc(2025, 3, 3, 10)));
        await Service.UpdateSessionAsync(Host, "s1", new SessionChanges { Details = new SessionDetailsChanges { Title = "x" } }, 1);

        await FailsAsync(() => Service.CancelSessionAsync(Host, "s1", expectedRevision: 1).AsTask(), SchedulingErrorCode.Conflict);

        (await GetAsync("s1")).Status.Should().Be(SessionStatus.Confirmed);
    }

    [Fact]
    public async Task Deleted_session_is_gone()
    {
        await CreateAsync(OneHour("s1", Time.Utc(2025, 3, 3, 10)));

        await Service.DeleteSessionAsync(Host, "s1", expectedRevision: 1);

        await FailsAsync(() => GetAsync("s1"), SchedulingErrorCode.NotFound);
        (await MarchIdsAsync(SessionFilter.StatusIn(SessionStatus.Confirmed, SessionStatus.Cancelled))).Should().BeEmpty();
    }

    [Fact]
    public async Task Deleting_with_a_stale_revision_is_a_conflict_and_keeps_the_session()
    {
        await CreateAsync(OneHour("s1", Time.Utc(2025, 3, 3, 10)));
        await Service.UpdateSessionAsync(Host, "s1", new SessionChanges { Details = new SessionDetailsChanges { Title = "x" } }, 1);

        await FailsAsync(() => Service.DeleteSessionAsync(Host, "s1", expectedRevision: 1).AsTask(), SchedulingErrorCode.Conflict, "expectedRevision");

        (await GetAsync("s1")).Details.Title.Should().Be("x");
    }

    [Fact]
    public async Task Deleting_an_unknown_session_is_not_found()
    {
        await FailsAsync(() => Service.DeleteSessionAsync(Host, "nope", 1).AsTask(), SchedulingErrorCode.NotFound);
    }

    [Fact]
    public async Task Writes_past_a_payload_limit_store_nothing()
    {
        var title = new string('t', PayloadLimits.Default.MaxTextLength + 1);
        await CreateAsync(WeeklyYoga());

        await FailsAsync(() => CreateAsync(OneHour("s1", Time.Utc(2025, 3, 3, 10)) with { Details = new SessionDetails { Title = title } }), SchedulingErrorCode.LimitExceeded, "title");
        await FailsAsync(() => CreateAsync(WeeklyYoga("big") with { Details = WeeklyYoga("big").Details with { Title = title } }), SchedulingErrorCode.LimitExceeded, "title");
        await FailsAsync(
            () => Service.UpdateSessionAsync(Host, InstanceId("yoga", 3, 10), new SessionChanges { Details = new SessionDetailsChanges { Title = title } }, expectedRevision: 0).AsTask(),
            SchedulingErrorCode.LimitExceeded,
            "title");

        (await MarchIdsAsync()).Should().OnlyContain(id => id.StartsWith("yoga_", StringComparison.Ordinal));
        (await GetAsync(InstanceId("yoga", 3, 10))).Details.Title.Should().Be("Yoga");
    }

    [Fact]
    public async Task A_fifty_megabyte_title_or_a_million_tags_is_refused_and_nothing_is_stored()
    {
        var title = new string('t', 50_000_000);
        var tags = Enumerable.Repeat("yoga", 1_000_000).ToImmutableArray();

        await FailsAsync(() => CreateAsync(OneHour("long-title", Time.Utc(2025, 3, 3, 10)) with { Details = new SessionDetails { Title = title } }), SchedulingErrorCode.LimitExceeded, "title");
        await FailsAsync(() => CreateAsync(OneHour("many-tags", Time.Utc(2025, 3, 4, 10)) with { Details = new SessionDetails { Tags = tags } }), SchedulingErrorCode.LimitExceeded, "tags");
        await FailsAsync(() => CreateAsync(WeeklyYoga("long-series") with { Details = WeeklyYoga("long-series").Details with { Title = title } }), SchedulingErrorCode.LimitExceeded, "title");
        await FailsAsync(() => CreateAsync(WeeklyYoga("tagged-series") with { Details = WeeklyYoga("tagged-series").Details with { Tags = tags } }), SchedulingErrorCode.LimitExceeded, "tags");

        (await MarchIdsAsync()).Should().BeEmpty();
        await FailsAsync(() => GetAsync("long-title"), SchedulingErrorCode.NotFound);
        await FailsAsync(() => Service.GetRecurringSessionAsync(Host, "tagged-series").AsTask(), SchedulingErrorCode.NotFound);
    }
}
