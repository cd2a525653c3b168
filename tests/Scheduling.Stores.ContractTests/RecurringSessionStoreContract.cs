using System.Collections.Immutable;
using NodaTime.Text;
using Scheduling.Recurrence;
using Scheduling.Sessions;

namespace Scheduling.Stores.ContractTests;

/// <summary>
/// What every <see cref="IRecurringSessionStore"/> must do, whatever it persists to. A store's test project derives
/// from this class and says how to make an empty store; every test then runs against it.
/// </summary>
public abstract partial class RecurringSessionStoreContract : IAsyncLifetime
{
    protected const string TenantA = "tenant-a";
    protected const string TenantB = "tenant-b";

    protected static readonly DateTimeZone Utc = DateTimeZoneProviders.Tzdb["UTC"];
    protected static readonly Instant Created = Time.Utc(2025, 1, 1, 8);
    protected static readonly Instant Later = Time.Utc(2025, 1, 2, 8);

    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly LocalDateTimePattern LocalText = LocalDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd'T'HH:mm");

    /// <summary>Gets the store under test, empty at the start of every test.</summary>
    protected IRecurringSessionStore Store { get; private set; } = null!;

    /// <summary>Makes an empty store.</summary>
    protected abstract ValueTask<IRecurringSessionStore> CreateStoreAsync();

    /// <inheritdoc />
    public async Task InitializeAsync() => Store = await CreateStoreAsync();

    /// <inheritdoc />
    public virtual Task DisposeAsync() => StoreDisposal.DisposeAsync(Store);

    [Fact]
    public async Task Inserted_series_is_found_with_its_span_end_and_no_overrides()
    {
        var series = Series("yoga") with
        {
            Type = SessionType.WorkingHours,
            Details = Series("yoga").Details with
            {
                Title = "Yoga",
                Tags = ["yoga", "evening"],
                Notes = "Bring a mat",
                Location = "Room 1",
                Capacity = 12,
            },
            Start = Time.Local(2025, 3, 3, 18, 30),
            IdentityStart = Time.Local(2025, 3, 3, 18),
            Zone = Time.NewYork,
            Duration = Duration.FromMinutes(75),
            Rule = RecurrenceRule.Parse("FREQ=WEEKLY;BYDAY=MO,WE;COUNT=10"),
            CancelledFrom = Time.Utc(2025, 3, 20),
        };

        (await Store.InsertAsync(TenantA, series, Time.Utc(2025, 4, 2), None)).Should().BeTrue();

        var found = await Store.FindAsync(TenantA, "yoga", None);
        Snapshot(found).Should().Be(Snapshot(new RecurringSessionRecord(series, Time.Utc(2025, 4, 2), Overrides())));
    }

    [Fact]
    public async Task Open_ended_series_is_found_without_a_span_end()
    {
        await Store.InsertAsync(TenantA, Series("yoga"), spanEnd: null, None);

        (await Store.FindAsync(TenantA, "yoga", None))!.SpanEnd.Should().BeNull();
    }

    [Fact]
    public async Task Finding_an_unknown_id_returns_null()
    {
        (await Store.FindAsync(TenantA, "nope", None)).Should().BeNull();
    }

    [Fact]
    public async Task Inserting_a_taken_id_returns_false_and_keeps_the_first_series()
    {
        await Store.InsertAsync(TenantA, Series("yoga") with { Details = new SessionDetails { Title = "first" } }, null, None);

        (await Store.InsertAsync(TenantA, Series("yoga") with { Details = new SessionDetails { Title = "second" } }, null, None)).Should().BeFalse();

        (await Store.FindAsync(TenantA, "yoga", None))!.Series.Details.Title.Should().Be("first");
    }

    [Fact]
    public async Task Replace_with_the_stored_revision_replaces_the_series_and_keeps_its_overrides()
    {
        await Store.InsertAsync(TenantA, Series("yoga"), null, None);
        await Store.SaveOverrideAsync(TenantA, Override("yoga", "2025-03-10T09:00"), expectedRevision: 0, None);
        var changed = Series("yoga") with { Details = new SessionDetails { Title = "changed" }, Rule = RecurrenceRule.Parse("FREQ=WEEKLY;COUNT=3"), Revision = 2, UpdatedAt = Later };

        (await Store.ReplaceAsync(TenantA, changed, Time.Utc(2025, 3, 17, 10), expectedRevision: 1, None)).Should().BeTrue();

        var found = await Store.FindAsync(TenantA, "yoga", None);
        Snapshot(found).Should().Be(Snapshot(new RecurringSessionRecord(
            changed,
            Time.Utc(2025, 3, 17, 10),
            Overrides(Override("yoga", "2025-03-10T09:00")))));
    }

    [Fact]
    public async Task Replace_with_a_stale_revision_returns_false_and_changes_nothing()
    {
        await Store.InsertAsync(TenantA, Series("yoga") with { Revision = 3 }, null, None);
        var before = await Store.FindAsync(TenantA, "yoga", None);

        (await Store.ReplaceAsync(TenantA, Series("yoga") with { Details = new SessionDetails { Title = "changed" }, Revision = 3 }, Time.Utc(2025, 6, 1), expectedRevision: 2, None))
            .Should().BeFalse();

        Snapshot(await Store.FindAsync(TenantA, "yoga", None)).Should().Be(Snapshot(before));
    }

    [Fact]
    public async Task Replacing_an_unknown_series_returns_false_and_inserts_nothing()
    {
        (await Store.ReplaceAsync(TenantA, Series("yoga") with { Revision = 2 }, null, expectedRevision: 1, None)).Should().BeFalse();

        (await Store.FindAsync(TenantA, "yoga", None)).Should().BeNull();
    }

    [Fact]
    public async Task Delete_with_the_stored_revision_removes_the_series_and_its_overrides()
    {
        await Store.InsertAsync(TenantA, Series("yoga"), null, None);
        await Store.SaveOverrideAsync(TenantA, Override("yoga", "2025-03-10T09:00"), expectedRevision: 0, None);

        (await Store.DeleteAsync(TenantA, "yoga", expectedRevision: 1, None)).Should().BeTrue();

        (await Store.FindAsync(TenantA, "yoga", None)).Should().BeNull();
        await Store.InsertAsync(TenantA, Series("yoga"), null, None);
        (await Store.FindAsync(TenantA, "yoga", None))!.Overrides.Should().BeEmpty();
    }

    [Fact]
    public async Task Delete_with_a_stale_revision_returns_false_and_keeps_the_series()
    {
        await Store.InsertAsync(TenantA, Series("yoga") with { Revision = 2 }, null, None);

        (await Store.DeleteAsync(TenantA, "yoga", expectedRevision: 1, None)).Should().BeFalse();

        (await Store.FindAsync(TenantA, "yoga", None)).Should().NotBeNull();
    }

    [Fact]
    public async Task Deleting_an_unknown_series_returns_false()
    {
        (await Store.DeleteAsync(TenantA, "nope", expectedRevision: 1, None)).Should().BeFalse();
    }

    [Fact]
    public async Task Same_id_in_two_tenants_holds_two_different_series()
    {
        (await Store.InsertAsync(TenantA, Series("yoga") with { Details = new SessionDetails { Title = "of A" } }, null, None)).Should().BeTrue();
        (await Store.InsertAsync(TenantB, Series("yoga") with { Details = new SessionDetails { Title = "of B" } }, null, None)).Should().BeTrue();
        await Store.SaveOverrideAsync(TenantA, Override("yoga", "2025-03-10T09:00"), expectedRevision: 0, None);

        (await Store.FindAsync(TenantA, "yoga", None))!.Series.Details.Title.Should().Be("of A");
        var ofB = await Store.FindAsync(TenantB, "yoga", None);
        ofB!.Series.Details.Title.Should().Be("of B");
        ofB.Overrides.Should().BeEmpty();
    }

    [Fact]
    public async Task A_tenant_never_sees_another_tenants_series()
    {
        await Store.InsertAsync(TenantA, Series("yoga"), null, None);

        (await Store.FindAsync(TenantB, "yoga", None)).Should().BeNull();
        (await ToListAsync(Store.FindOverlappingAsync(TenantB, SessionCandidateFilter.Any, Time.Utc(2025, 3, 1), Time.Utc(2025, 4, 1), None)))
            .Should().BeEmpty();
    }

    [Fact]
    public async Task A_tenant_cannot_change_another_tenants_series()
    {
        await Store.InsertAsync(TenantA, Series("yoga") with { Details = new SessionDetails { Capacity = 5 } }, null, None);
        var before = await Store.FindAsync(TenantA, "yoga", None);

        (await Store.ReplaceAsync(TenantB, Series("yoga") with { Details = new SessionDetails { Title = "hijacked" }, Revision = 2 }, null, expectedRevision: 1, None)).Should().BeFalse();
        (await Store.SaveOverrideAsync(TenantB, Override("yoga", "2025-03-10T09:00"), expectedRevision: 0, None)).Should().BeFalse();
        (await Store.BookAsync(TenantB, "yoga", Local("2025-03-10T09:00"), new Participant("p1"), Later, None))
            .Should().Be(BookingOutcome.NotFound);
        (await Store.SplitAsync(TenantB, Series("yoga") with { Revision = 2 }, null, 1, Series("yoga-2"), null, ThirdWeek, OneHour, None)).Should().BeFalse();
        (await Store.DeleteAsync(TenantB, "yoga", expectedRevision: 1, None)).Should().BeFalse();

        Snapshot(await Store.FindAsync(TenantA, "yoga", None)).Should().Be(Snapshot(before));
        (await Store.FindAsync(TenantB, "yoga-2", None)).Should().BeNull();
    }

    /// <summary>Window [2025-03-10, 2025-03-17) UTC; a series that starts at <paramref name="firstStart"/> (UTC) and whose instances end by <paramref name="spanEnd"/>.</summary>
    [Theory]
    [InlineData("2025-01-06T09:00", null, true)]
    [InlineData("2025-03-16T23:00", null, true)]
    [InlineData("2025-03-17T00:00", null, false)]
    [InlineData("2025-04-07T09:00", null, false)]
    [InlineData("2025-01-06T09:00", "2025-02-01T00:00", false)]
    [InlineData("2025-01-06T09:00", "2025-03-10T00:00", false)]
    [InlineData("2025-01-06T09:00", "2025-03-10T00:01", true)]
    [InlineData("2025-03-12T09:00", "2025-03-12T10:00", true)]
    [InlineData("2025-01-06T09:00", "2025-12-01T00:00", true)]
    public async Task FindOverlapping_keeps_series_whose_span_overlaps_the_window(string firstStart, string? spanEnd, bool overlaps)
    {
        var start = Local(firstStart);
        await Store.InsertAsync(TenantA, Series("yoga") with { Start = start, IdentityStart = start }, spanEnd is null ? null : Local(spanEnd).InUtc().ToInstant(), None);

        var found = await FindOverlappingIdsAsync(SessionCandidateFilter.Any);

        string[] expected = overlaps ? ["yoga"] : [];
        found.Should().BeEquivalentTo(expected);
    }

    [Fact]
    public async Task FindOverlapping_reads_the_first_start_in_the_series_zone()
    {
        // 2025-03-16 20:00 in New York is 2025-03-17 00:00 UTC: exactly the end of the window, so not a candidate.
        await Store.InsertAsync(TenantA, Series("late") with { Start = Local("2025-03-16T20:00"), IdentityStart = Local("2025-03-16T20:00"), Zone = Time.NewYork }, null, None);
        // 2025-03-16 19:59 in New York is inside the window.
        await Store.InsertAsync(TenantA, Series("inside") with { Start = Local("2025-03-16T19:59"), IdentityStart = Local("2025-03-16T19:59"), Zone = Time.NewYork }, null, None);

        (await FindOverlappingIdsAsync(SessionCandidateFilter.Any)).Should().BeEquivalentTo("inside");
    }

    [Fact]
    public async Task FindOverlapping_keeps_only_the_schedules_asked_for()
    {
        await InsertFilterExamplesAsync();

        (await FindOverlappingIdsAsync(new SessionCandidateFilter { ScheduleIds = ["schedule-1", "schedule-3"] })).Should().BeEquivalentTo("a", "c");
    }

    [Fact]
    public async Task FindOverlapping_keeps_only_the_schedule_owners_asked_for()
    {
        await InsertFilterExamplesAsync();

        (await FindOverlappingIdsAsync(new SessionCandidateFilter { ScheduleOwnerIds = ["owner-2"] })).Should().BeEquivalentTo("b", "c");
    }

    [Fact]
    public async Task FindOverlapping_keeps_only_the_types_asked_for()
    {
        await InsertFilterExamplesAsync();

        (await FindOverlappingIdsAsync(new SessionCandidateFilter { Types = [SessionType.WorkingHours] })).Should().BeEquivalentTo("b");
    }

    [Fact]
    public async Task FindOverlapping_keeps_only_the_recurring_sessions_asked_for()
    {
        await InsertFilterExamplesAsync();

        (await FindOverlappingIdsAsync(new SessionCandidateFilter { RecurringSessionIds = ["a", "c", "unknown"] })).Should().BeEquivalentTo("a", "c");
    }

    [Fact]
    public async Task FindOverlapping_applies_every_candidate_condition_together()
    {
        await InsertFilterExamplesAsync();

        var found = await FindOverlappingIdsAsync(new SessionCandidateFilter
        {
            ScheduleOwnerIds = ["owner-2"],
            Types = [SessionType.Event],
            RecurringSessionIds = ["a", "b", "c"],
        });

        found.Should().BeEquivalentTo("c");
    }

    [Fact]
    public async Task Series_with_an_instance_moved_into_the_window_is_a_candidate_though_its_span_ended_before()
    {
        // Two instances in January; the second one moved to 2025-03-12.
        await Store.InsertAsync(TenantA, Series("yoga") with { Start = Local("2025-01-06T09:00"), IdentityStart = Local("2025-01-06T09:00"), Rule = RecurrenceRule.Parse("FREQ=WEEKLY;COUNT=2") }, Time.Utc(2025, 1, 13, 10), None);
        await Store.SaveOverrideAsync(TenantA, Override("yoga", "2025-01-13T09:00") with { Start = CalendarDateTime.AtLocal(Local("2025-03-12T09:00"), Utc) }, 0, None);

        (await FindOverlappingIdsAsync(SessionCandidateFilter.Any)).Should().BeEquivalentTo("yoga");
    }

    [Fact]
    public async Task Series_with_an_instance_moved_to_just_before_the_window_and_lasting_into_it_is_a_candidate()
    {
        await Store.InsertAsync(TenantA, Series("yoga") with { Start = Local("2025-01-06T09:00"), IdentityStart = Local("2025-01-06T09:00"), Rule = RecurrenceRule.Parse("FREQ=WEEKLY;COUNT=2") }, Time.Utc(2025, 1, 13, 10), None);
        var moved = Override("yoga", "2025-01-13T09:00") with { Start = CalendarDateTime.AtLocal(Local("2025-03-09T22:00"), Utc), Duration = Duration.FromHours(3) };
        await Store.SaveOverrideAsync(TenantA, moved, 0, None);

        (await FindOverlappingIdsAsync(SessionCandidateFilter.Any)).Should().BeEquivalentTo("yoga");
    }

    [Fact]
    public async Task Series_whose_overrides_stay_outside_the_window_is_not_a_candidate()
    {
        await Store.InsertAsync(TenantA, Series("yoga") with { Start = Local("2025-01-06T09:00"), IdentityStart = Local("2025-01-06T09:00"), Rule = RecurrenceRule.Parse("FREQ=WEEKLY;COUNT=2") }, Time.Utc(2025, 1, 13, 10), None);
        await Store.SaveOverrideAsync(TenantA, Override("yoga", "2025-01-06T09:00") with { Details = Override("yoga", "2025-01-06T09:00").Details with { Title = "retitled" } }, 0, None);
        await Store.SaveOverrideAsync(TenantA, Override("yoga", "2025-01-13T09:00") with { Start = CalendarDateTime.AtLocal(Local("2025-05-01T09:00"), Utc) }, 0, None);

        (await FindOverlappingIdsAsync(SessionCandidateFilter.Any)).Should().BeEmpty();
    }

    [Fact]
    public async Task First_override_of_an_instance_is_saved_with_expected_revision_zero()
    {
        await Store.InsertAsync(TenantA, Series("yoga"), null, None);
        var own = Override("yoga", "2025-03-10T09:00") with
        {
            IsCancelled = true,
            Start = CalendarDateTime.AtLocal(Local("2025-03-11T10:00"), Utc),
            Duration = Duration.FromMinutes(90),
            Details = Override("yoga", "2025-03-10T09:00").Details with
            {
                Tags = ["special"],
                Notes = "notes",
                Location = "Room 9",
                Capacity = 3,
            },
            Participants = [new Participant("p1", "Ada", "ada@example.com", "+1 555 0100")],
        };

        (await Store.SaveOverrideAsync(TenantA, own, expectedRevision: 0, None)).Should().BeTrue();

        Snapshot(await Store.FindAsync(TenantA, "yoga", None)).Should().Be(Snapshot(new RecurringSessionRecord(
            Series("yoga"), null, Overrides(own))));
    }

    [Fact]
    public async Task First_override_with_a_non_zero_expected_revision_is_refused()
    {
        await Store.InsertAsync(TenantA, Series("yoga"), null, None);

        (await Store.SaveOverrideAsync(TenantA, Override("yoga", "2025-03-10T09:00"), expectedRevision: 1, None)).Should().BeFalse();

        (await Store.FindAsync(TenantA, "yoga", None))!.Overrides.Should().BeEmpty();
    }

    [Fact]
    public async Task Override_is_replaced_when_its_stored_revision_is_expected()
    {
        await Store.InsertAsync(TenantA, Series("yoga"), null, None);
        await Store.SaveOverrideAsync(TenantA, Override("yoga", "2025-03-10T09:00"), expectedRevision: 0, None);
        var second = Override("yoga", "2025-03-10T09:00", revision: 2) with { Details = Override("yoga", "2025-03-10T09:00", revision: 2).Details with { Title = "second" } };

        (await Store.SaveOverrideAsync(TenantA, second, expectedRevision: 1, None)).Should().BeTrue();

        (await Store.FindAsync(TenantA, "yoga", None))!.Overrides[Local("2025-03-10T09:00")].Details.Title.Should().Be("second");
    }

    [Fact]
    public async Task Override_with_a_stale_revision_returns_false_and_changes_nothing()
    {
        await Store.InsertAsync(TenantA, Series("yoga"), null, None);
        await Store.SaveOverrideAsync(TenantA, Override("yoga", "2025-03-10T09:00"), expectedRevision: 0, None);
        await Store.SaveOverrideAsync(TenantA, Override("yoga", "2025-03-10T09:00", revision: 2) with { Details = Override("yoga", "2025-03-10T09:00", revision: 2).Details with { Title = "second" } }, expectedRevision: 1, None);
        var before = await Store.FindAsync(TenantA, "yoga", None);

        (await Store.SaveOverrideAsync(TenantA, Override("yoga", "2025-03-10T09:00", revision: 2) with { Details = Override("yoga", "2025-03-10T09:00", revision: 2).Details with { Title = "stale" } }, expectedRevision: 1, None))
            .Should().BeFalse();
        (await Store.SaveOverrideAsync(TenantA, Override("yoga", "2025-03-10T09:00", revision: 1) with { Details = Override("yoga", "2025-03-10T09:00", revision: 1).Details with { Title = "stale" } }, expectedRevision: 0, None))
            .Should().BeFalse();

        Snapshot(await Store.FindAsync(TenantA, "yoga", None)).Should().Be(Snapshot(before));
    }

    [Fact]
    public async Task Override_of_an_unknown_series_is_refused()
    {
        (await Store.SaveOverrideAsync(TenantA, Override("nope", "2025-03-10T09:00"), expectedRevision: 0, None)).Should().BeFalse();

        (await Store.FindAsync(TenantA, "nope", None)).Should().BeNull();
    }

    [Fact]
    public async Task Overrides_of_different_instances_are_kept_apart()
    {
        await Store.InsertAsync(TenantA, Series("yoga"), null, None);

        await Store.SaveOverrideAsync(TenantA, Override("yoga", "2025-03-10T09:00") with { Details = Override("yoga", "2025-03-10T09:00").Details with { Title = "second week" } }, 0, None);
        await Store.SaveOverrideAsync(TenantA, Override("yoga", "2025-03-17T09:00") with { Details = Override("yoga", "2025-03-17T09:00").Details with { Title = "third week" } }, 0, None);

        var overrides = (await Store.FindAsync(TenantA, "yoga", None))!.Overrides;
        overrides.Should().HaveCount(2);
        overrides[Local("2025-03-10T09:00")].Details.Title.Should().Be("second week");
        overrides[Local("2025-03-17T09:00")].Details.Title.Should().Be("third week");
    }

    [Fact]
    public async Task Concurrent_override_saves_with_the_same_revision_let_exactly_one_win()
    {
        await Store.InsertAsync(TenantA, Series("yoga"), null, None);

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(async () =>
            await Store.SaveOverrideAsync(TenantA, Override("yoga", "2025-03-10T09:00") with { Details = Override("yoga", "2025-03-10T09:00").Details with { Title = $"writer {i}" } }, expectedRevision: 0, None))));

        results.Count(won => won).Should().Be(1);
        (await Store.FindAsync(TenantA, "yoga", None))!.Overrides[Local("2025-03-10T09:00")].Details.Title
            .Should().Be($"writer {Array.IndexOf(results, true)}");
    }

    [Fact]
    public async Task Split_ends_the_series_starts_the_following_one_and_moves_the_later_overrides()
    {
        await InsertSeriesToSplitAsync();
        var (ended, following, moved) = SplitAtThirdWeek();

        (await Store.SplitAsync(TenantA, ended, Time.Utc(2025, 3, 10, 10), 1, following, null, ThirdWeek, OneHour, None)).Should().BeTrue();

        Snapshot(await Store.FindAsync(TenantA, "yoga", None)).Should().Be(Snapshot(new RecurringSessionRecord(
            ended, Time.Utc(2025, 3, 10, 10), Overrides(Override("yoga", "2025-03-03T09:00") with { Details = Override("yoga", "2025-03-03T09:00").Details with { Title = "first" } }))));
        Snapshot(await Store.FindAsync(TenantA, "yoga-2", None)).Should().Be(Snapshot(new RecurringSessionRecord(
            following, null, Overrides([.. moved.Select(m => m.Moved)]))));
    }

    [Fact]
    public async Task Split_with_a_stale_revision_returns_false_and_changes_nothing()
    {
        await InsertSeriesToSplitAsync();
        var before = await Store.FindAsync(TenantA, "yoga", None);
        var (ended, following, _) = SplitAtThirdWeek();

        (await Store.SplitAsync(TenantA, ended with { Revision = 3 }, Time.Utc(2025, 3, 10, 10), expectedRevision: 2, following, null, ThirdWeek, OneHour, None))
            .Should().BeFalse();

        Snapshot(await Store.FindAsync(TenantA, "yoga", None)).Should().Be(Snapshot(before));
        (await Store.FindAsync(TenantA, "yoga-2", None)).Should().BeNull();
    }

    [Fact]
    public async Task Concurrent_splits_with_the_same_revision_let_exactly_one_win()
    {
        await InsertSeriesToSplitAsync();
        var (ended, _, _) = SplitAtThirdWeek();

        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => Task.Run(async () =>
            await Store.SplitAsync(TenantA, ended, Time.Utc(2025, 3, 10, 10), 1, Series($"following-{i}"), null, ThirdWeek, OneHour, None))));

        results.Count(won => won).Should().Be(1);
        var found = await ToListAsync(Store.FindOverlappingAsync(TenantA, SessionCandidateFilter.Any, Time.Utc(2025, 1, 1), Time.Utc(2026, 1, 1), None));
        found.Select(r => r.Series.Id).Should().BeEquivalentTo("yoga", $"following-{Array.IndexOf(results, true)}");
    }

    [Fact]
    public async Task Booking_an_instance_creates_its_override_with_the_participant()
    {
        await Store.InsertAsync(TenantA, Series("yoga") with { Details = new SessionDetails { Capacity = 2 } }, null, None);

        (await Store.BookAsync(TenantA, "yoga", Local("2025-03-10T09:00"), new Participant("p1", "Ada"), Later, None))
            .Should().Be(BookingOutcome.Booked);

        var own = (await Store.FindAsync(TenantA, "yoga", None))!.Overrides[Local("2025-03-10T09:00")];
        own.Participants.Should().Equal(new Participant("p1", "Ada"));
        own.RecurringSessionId.Should().Be("yoga");
        own.Revision.Should().Be(1);
        own.UpdatedAt.Should().Be(Later);
        own.ChangesInstance.Should().BeFalse();
    }

    [Fact]
    public async Task Booking_an_edited_instance_keeps_its_edits_and_bumps_its_revision()
    {
        await Store.InsertAsync(TenantA, Series("yoga") with { Details = new SessionDetails { Capacity = 2 } }, null, None);
        await Store.SaveOverrideAsync(TenantA, Override("yoga", "2025-03-10T09:00") with { Details = Override("yoga", "2025-03-10T09:00").Details with { Title = "special" } }, 0, None);

        await Store.BookAsync(TenantA, "yoga", Local("2025-03-10T09:00"), new Participant("p1"), Later, None);

        var own = (await Store.FindAsync(TenantA, "yoga", None))!.Overrides[Local("2025-03-10T09:00")];
        own.Details.Title.Should().Be("special");
        own.Revision.Should().Be(2);
    }

    [Fact]
    public async Task Booking_someone_already_booked_into_an_instance_changes_nothing()
    {
        await Store.InsertAsync(TenantA, Series("yoga") with { Details = new SessionDetails { Capacity = 1 } }, null, None);
        await Store.BookAsync(TenantA, "yoga", Local("2025-03-10T09:00"), new Participant("p1"), Later, None);
        var before = await Store.FindAsync(TenantA, "yoga", None);

        (await Store.BookAsync(TenantA, "yoga", Local("2025-03-10T09:00"), new Participant("p1"), Later.PlusTicks(1), None))
            .Should().Be(BookingOutcome.AlreadyBooked);

        Snapshot(await Store.FindAsync(TenantA, "yoga", None)).Should().Be(Snapshot(before));
    }

    [Fact]
    public async Task Booking_a_full_instance_is_full_and_changes_nothing()
    {
        await Store.InsertAsync(TenantA, Series("yoga") with { Details = new SessionDetails { Capacity = 1 } }, null, None);
        await Store.BookAsync(TenantA, "yoga", Local("2025-03-10T09:00"), new Participant("p1"), Later, None);
        var before = await Store.FindAsync(TenantA, "yoga", None);

        (await Store.BookAsync(TenantA, "yoga", Local("2025-03-10T09:00"), new Participant("p2"), Later, None))
            .Should().Be(BookingOutcome.Full);

        Snapshot(await Store.FindAsync(TenantA, "yoga", None)).Should().Be(Snapshot(before));
    }

    [Fact]
    public async Task Each_instance_has_its_own_seats()
    {
        await Store.InsertAsync(TenantA, Series("yoga") with { Details = new SessionDetails { Capacity = 1 } }, null, None);
        await Store.BookAsync(TenantA, "yoga", Local("2025-03-10T09:00"), new Participant("p1"), Later, None);

        (await Store.BookAsync(TenantA, "yoga", Local("2025-03-17T09:00"), new Participant("p2"), Later, None))
            .Should().Be(BookingOutcome.Booked);
    }

    [Fact]
    public async Task Instance_capacity_of_its_own_wins_over_the_series_capacity()
    {
        await Store.InsertAsync(TenantA, Series("yoga") with { Details = new SessionDetails { Capacity = 10 } }, null, None);
        await Store.SaveOverrideAsync(TenantA, Override("yoga", "2025-03-10T09:00") with { Details = Override("yoga", "2025-03-10T09:00").Details with { Capacity = 2 } }, 0, None);
        await Store.SaveOverrideAsync(TenantA, Override("yoga", "2025-03-17T09:00") with { Details = Override("yoga", "2025-03-17T09:00").Details with { Capacity = 1 } }, 0, None);

        (await Store.BookAsync(TenantA, "yoga", Local("2025-03-10T09:00"), new Participant("p1"), Later, None)).Should().Be(BookingOutcome.Booked);
        (await Store.BookAsync(TenantA, "yoga", Local("2025-03-10T09:00"), new Participant("p2"), Later, None)).Should().Be(BookingOutcome.Booked);
        (await Store.BookAsync(TenantA, "yoga", Local("2025-03-10T09:00"), new Participant("p3"), Later, None)).Should().Be(BookingOutcome.Full);
        (await Store.BookAsync(TenantA, "yoga", Local("2025-03-17T09:00"), new Participant("p1"), Later, None)).Should().Be(BookingOutcome.Booked);
        (await Store.BookAsync(TenantA, "yoga", Local("2025-03-17T09:00"), new Participant("p2"), Later, None)).Should().Be(BookingOutcome.Full);
    }

    [Fact]
    public async Task Instance_without_any_capacity_never_fills()
    {
        await Store.InsertAsync(TenantA, Series("yoga"), null, None);

        for (var i = 0; i < 30; i++)
        {
            (await Store.BookAsync(TenantA, "yoga", Local("2025-03-10T09:00"), new Participant($"p{i}"), Later, None))
                .Should().Be(BookingOutcome.Booked);
        }
    }

    [Fact]
    public async Task Booking_an_instance_of_an_unknown_series_is_not_found()
    {
        (await Store.BookAsync(TenantA, "nope", Local("2025-03-10T09:00"), new Participant("p1"), Later, None))
            .Should().Be(BookingOutcome.NotFound);
    }

    [Fact]
    public async Task Change_of_an_instance_decides_from_its_series_and_its_own_override_only()
    {
        await Store.InsertAsync(TenantA, Series("yoga") with { Details = new SessionDetails { Capacity = 7 } }, null, None);
        await Store.SaveOverrideAsync(TenantA, Override("yoga", "2025-03-10T09:00") with { Details = Override("yoga", "2025-03-10T09:00").Details with { Title = "tenth" } }, 0, None);
        await Store.SaveOverrideAsync(TenantA, Override("yoga", "2025-03-17T09:00") with { Details = Override("yoga", "2025-03-17T09:00").Details with { Title = "seventeenth" } }, 0, None);

        var seen = await Store.ChangeInstanceAsync(
            TenantA,
            "yoga",
            Local("2025-03-17T09:00"),
            (series, current) => StoreChange<InstanceOverride, string>.Nothing($"{series!.Details.Capacity} {current!.Details.Title}"),
            None);
        var none = await Store.ChangeInstanceAsync(
            TenantA,
            "yoga",
            Local("2025-03-24T09:00"),
            (series, current) => StoreChange<InstanceOverride, bool>.Nothing(series is not null && current is null),
            None);

        seen.Should().Be("7 seventeenth");
        none.Should().BeTrue();
    }

    [Fact]
    public async Task Change_of_an_instance_writes_exactly_the_override_it_decided_and_moves_the_change_version()
    {
        await Store.InsertAsync(TenantA, Series("yoga"), null, None);
        var versionBefore = await Store.GetChangeVersionAsync(TenantA, None);
        var written = Override("yoga", "2025-03-10T09:00") with { Details = Override("yoga", "2025-03-10T09:00").Details with { Location = "Hall" }, Participants = [new Participant("p1", "Ada")] };

        (await Store.ChangeInstanceAsync(TenantA, "yoga", Local("2025-03-10T09:00"), (_, _) => StoreChange<InstanceOverride, int>.Save(written, 1), None)).Should().Be(1);

        Snapshot(await Store.FindAsync(TenantA, "yoga", None)).Should().Be(Snapshot(new RecurringSessionRecord(Series("yoga"), null, Overrides(written))));
        if (versionBefore is long before)
        {
            (await Store.GetChangeVersionAsync(TenantA, None)).Should().BeGreaterThan(before);
        }
    }

    [Fact]
    public async Task Change_of_an_instance_that_writes_nothing_changes_nothing()
    {
        await Store.InsertAsync(TenantA, Series("yoga"), null, None);
        await Store.SaveOverrideAsync(TenantA, Override("yoga", "2025-03-10T09:00"), 0, None);
        var before = await Store.FindAsync(TenantA, "yoga", None);
        var versionBefore = await Store.GetChangeVersionAsync(TenantA, None);

        await Store.ChangeInstanceAsync(TenantA, "yoga", Local("2025-03-10T09:00"), (_, current) => StoreChange<InstanceOverride, long>.Nothing(current!.Revision), None);

        Snapshot(await Store.FindAsync(TenantA, "yoga", None)).Should().Be(Snapshot(before));
        (await Store.GetChangeVersionAsync(TenantA, None)).Should().Be(versionBefore);
    }

    [Fact]
    public async Task Change_of_an_instance_of_an_unknown_series_or_another_tenants_decides_from_nothing()
    {
        await Store.InsertAsync(TenantA, Series("yoga"), null, None);
        await Store.SaveOverrideAsync(TenantA, Override("yoga", "2025-03-10T09:00"), 0, None);

        (await Store.ChangeInstanceAsync(TenantA, "nope", Local("2025-03-10T09:00"), (series, current) => StoreChange<InstanceOverride, bool>.Nothing(series is null && current is null), None))
            .Should().BeTrue();
        (await Store.ChangeInstanceAsync(TenantB, "yoga", Local("2025-03-10T09:00"), (series, current) => StoreChange<InstanceOverride, bool>.Nothing(series is null && current is null), None))
            .Should().BeTrue();
    }

    [Fact]
    public async Task Removing_a_booking_frees_the_last_seat_of_an_instance_for_the_next_booker()
    {
        await Store.InsertAsync(TenantA, Series("yoga") with { Details = new SessionDetails { Capacity = 1 } }, null, None);
        await Store.BookAsync(TenantA, "yoga", Local("2025-03-10T09:00"), new Participant("p1"), Later, None);
        (await Store.BookAsync(TenantA, "yoga", Local("2025-03-10T09:00"), new Participant("p2"), Later, None)).Should().Be(BookingOutcome.Full);

        (await Store.ReleaseAsync(TenantA, "yoga", Local("2025-03-10T09:00"), "p1", Later.PlusTicks(1), None)).Should().Be(BookingOutcome.Removed);

        (await Store.BookAsync(TenantA, "yoga", Local("2025-03-10T09:00"), new Participant("p2"), Later.PlusTicks(2), None)).Should().Be(BookingOutcome.Booked);
        var own = (await Store.FindAsync(TenantA, "yoga", None))!.Overrides[Local("2025-03-10T09:00")];
        own.Participants.Select(p => p.Id).Should().Equal("p2");
        own.Revision.Should().Be(3);
        own.UpdatedAt.Should().Be(Later.PlusTicks(2));
    }

    [Fact]
    public async Task Removing_a_booking_from_an_instance_keeps_its_other_edits()
    {
        await Store.InsertAsync(TenantA, Series("yoga"), null, None);
        var edited = Override("yoga", "2025-03-10T09:00") with
        {
            Details = Override("yoga", "2025-03-10T09:00").Details with { Title = "special", Location = "Hall", Capacity = 3 },
            Duration = Duration.FromMinutes(90),
            Participants = [new Participant("p1"), new Participant("p2", "Bo")],
        };
        await Store.SaveOverrideAsync(TenantA, edited, 0, None);

        (await Store.ReleaseAsync(TenantA, "yoga", Local("2025-03-10T09:00"), "p1", Later, None)).Should().Be(BookingOutcome.Removed);

        Snapshot(await Store.FindAsync(TenantA, "yoga", None)).Should().Be(Snapshot(new RecurringSessionRecord(
            Series("yoga"),
            null,
            Overrides(edited with { Participants = [new Participant("p2", "Bo")], Revision = 2, UpdatedAt = Later }))));
    }

    [Fact]
    public async Task Removing_someone_not_booked_from_an_instance_creates_no_override()
    {
        await Store.InsertAsync(TenantA, Series("yoga"), null, None);

        (await Store.ReleaseAsync(TenantA, "yoga", Local("2025-03-10T09:00"), "p1", Later, None)).Should().Be(BookingOutcome.NotBooked);
        (await Store.ReleaseAsync(TenantA, "nope", Local("2025-03-10T09:00"), "p1", Later, None)).Should().Be(BookingOutcome.NotFound);

        (await Store.FindAsync(TenantA, "yoga", None))!.Overrides.Should().BeEmpty();
    }

    [Fact]
    public async Task Concurrent_removals_and_bookings_of_an_instance_never_hold_more_than_its_capacity()
    {
        var booked = Enumerable.Range(0, 3).Select(i => new Participant($"old{i}")).ToImmutableArray();
        await Store.InsertAsync(TenantA, Series("yoga") with { Details = new SessionDetails { Capacity = 3 } }, null, None);
        await Store.SaveOverrideAsync(TenantA, Override("yoga", "2025-03-10T09:00") with { Participants = booked }, 0, None);

        var removals = Enumerable.Range(0, 3).Select(i => Task.Run(async () => await Store.ReleaseAsync(TenantA, "yoga", Local("2025-03-10T09:00"), $"old{i}", Later, None)));
        var bookings = Enumerable.Range(0, 10).Select(i => Task.Run(async () => await Store.BookAsync(TenantA, "yoga", Local("2025-03-10T09:00"), new Participant($"new{i}"), Later, None)));
        var removed = await Task.WhenAll(removals);
        var outcomes = await Task.WhenAll(bookings);

        removed.Should().AllBeEquivalentTo(BookingOutcome.Removed);
        outcomes.Should().OnlyContain(o => o == BookingOutcome.Booked || o == BookingOutcome.Full);
        var own = (await Store.FindAsync(TenantA, "yoga", None))!.Overrides[Local("2025-03-10T09:00")];
        own.Participants.Should().HaveCount(outcomes.Count(o => o == BookingOutcome.Booked)).And.HaveCountLessThanOrEqualTo(3).And.OnlyHaveUniqueItems(p => p.Id);
        own.Participants.Should().NotContain(p => p.Id.StartsWith("old", StringComparison.Ordinal));
        own.Details.Title.Should().Be("own");
        own.Revision.Should().Be(1 + 3 + outcomes.Count(o => o == BookingOutcome.Booked));
    }

    [Fact]
    public async Task Concurrent_bookings_of_the_last_seats_of_an_instance_fill_the_capacity_exactly()
    {
        await Store.InsertAsync(TenantA, Series("yoga") with { Details = new SessionDetails { Capacity = 3 } }, null, None);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(async () =>
            await Store.BookAsync(TenantA, "yoga", Local("2025-03-10T09:00"), new Participant($"p{i}"), Later, None))));

        outcomes.Count(o => o == BookingOutcome.Booked).Should().Be(3);
        outcomes.Count(o => o == BookingOutcome.Full).Should().Be(17);
        var own = (await Store.FindAsync(TenantA, "yoga", None))!.Overrides[Local("2025-03-10T09:00")];
        own.Participants.Should().HaveCount(3).And.OnlyHaveUniqueItems(p => p.Id);
        own.Revision.Should().Be(3);
    }

    [Fact]
    public async Task FindOverlapping_stops_when_its_token_is_already_cancelled()
    {
        await InsertFilterExamplesAsync();
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        var walk = () => ToListAsync(Store.FindOverlappingAsync(TenantA, SessionCandidateFilter.Any, Time.Utc(2025, 3, 1), Time.Utc(2025, 4, 1), cancellation.Token));

        await walk.Should().ThrowAsync<OperationCanceledException>();
    }

    [Fact]
    public async Task FindOverlapping_stops_when_its_token_is_cancelled_while_streaming()
    {
        await InsertFilterExamplesAsync();
        using var cancellation = new CancellationTokenSource();

        var walk = async () =>
        {
            await foreach (var _ in Store.FindOverlappingAsync(TenantA, SessionCandidateFilter.Any, Time.Utc(2025, 3, 1), Time.Utc(2025, 4, 1), cancellation.Token))
            {
                await cancellation.CancelAsync();
            }
        };

        await walk.Should().ThrowAsync<OperationCanceledException>();
    }

    /// <summary>A weekly series from 2025-03-03 09:00 UTC, one hour long, open-ended, at revision 1.</summary>
    protected static RecurringSession Series(string id) => new()
    {
        Id = id,
        ScheduleId = "schedule-1",
        ScheduleOwnerId = "owner-1",
        Start = Time.Local(2025, 3, 3, 9),
        IdentityStart = Time.Local(2025, 3, 3, 9),
        Zone = Utc,
        Duration = Duration.FromHours(1),
        Rule = RecurrenceRule.Parse("FREQ=WEEKLY"),
        Revision = 1,
        CreatedAt = Created,
        UpdatedAt = Created,
    };

    /// <summary>An override of the instance of <paramref name="seriesId"/> whose identity start is <paramref name="identityStart"/>, retitled "own".</summary>
    protected static InstanceOverride Override(string seriesId, string identityStart, long revision = 1) => new()
    {
        RecurringSessionId = seriesId,
        IdentityStart = Local(identityStart),
        Details = new SessionDetailsOverride { Title = "own" },
        Revision = revision,
        CreatedAt = Created,
        UpdatedAt = Created,
    };

    protected static LocalDateTime Local(string text) => LocalText.Parse(text).GetValueOrThrow();

    /// <summary>Overrides keyed as a store keeps them: by identity start.</summary>
    protected static ImmutableDictionary<LocalDateTime, InstanceOverride> Overrides(params InstanceOverride[] overrides) =>
        overrides.ToImmutableDictionary(o => o.IdentityStart);

    /// <summary>Every field a store must keep, in a form that compares by value.</summary>
    protected static object? Snapshot(RecurringSessionRecord? record) => record is null ? null : new
    {
        record.Series.Id,
        record.Series.ScheduleId,
        record.Series.ScheduleOwnerId,
        record.Series.Type,
        record.Series.Details.Title,
        Tags = string.Join(", ", record.Series.Details.Tags),
        record.Series.Details.Notes,
        record.Series.Details.Location,
        record.Series.Details.Capacity,
        record.Series.Start,
        Zone = record.Series.Zone.Id,
        record.Series.Duration,
        Rule = record.Series.Rule.ToString(),
        record.Series.IdentityStart,
        record.Series.CancelledFrom,
        record.Series.Revision,
        record.Series.CreatedAt,
        record.Series.UpdatedAt,
        record.SpanEnd,
        Overrides = string.Join(" | ", record.Overrides.OrderBy(o => o.Key).Select(o => $"{Iso(o.Key)} => {Describe(o.Value)}")),
    };

    protected static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }

    private static string Iso(LocalDateTime value) => LocalDateTimePattern.ExtendedIso.Format(value);

    private static string Describe(InstanceOverride o) => string.Join(
        " ",
        o.RecurringSessionId,
        Iso(o.IdentityStart),
        FormattableString.Invariant($"cancelled={o.IsCancelled} start={o.Start} duration={o.Duration}"),
        $"title={o.Details.Title} tags=[{(o.Details.Tags is { } tags ? string.Join(", ", tags) : "inherited")}] notes={o.Details.Notes} location={o.Details.Location}",
        FormattableString.Invariant($"capacity={o.Details.Capacity} participants=[{string.Join(", ", o.Participants)}] revision={o.Revision}"),
        FormattableString.Invariant($"created={o.CreatedAt} updated={o.UpdatedAt}"));

    /// <summary>a: schedule-1/owner-1 event; b: schedule-2/owner-2 working hours; c: schedule-3/owner-2 event; d: starts after the window.</summary>
    private async Task InsertFilterExamplesAsync()
    {
        await Store.InsertAsync(TenantA, Series("a"), null, None);
        await Store.InsertAsync(TenantA, Series("b") with { ScheduleId = "schedule-2", ScheduleOwnerId = "owner-2", Type = SessionType.WorkingHours }, null, None);
        await Store.InsertAsync(TenantA, Series("c") with { ScheduleId = "schedule-3", ScheduleOwnerId = "owner-2" }, null, None);
        await Store.InsertAsync(TenantA, Series("d") with { Start = Local("2025-06-02T09:00"), IdentityStart = Local("2025-06-02T09:00") }, null, None);
    }

    private async Task<List<string>> FindOverlappingIdsAsync(SessionCandidateFilter filter) =>
        [.. (await ToListAsync(Store.FindOverlappingAsync(TenantA, filter, Time.Utc(2025, 3, 10), Time.Utc(2025, 3, 17), None))).Select(r => r.Series.Id)];

    /// <summary>Weekly from 2025-03-03 09:00 UTC with overrides on the first, third and fourth weeks.</summary>
    private async Task InsertSeriesToSplitAsync()
    {
        await Store.InsertAsync(TenantA, Series("yoga"), null, None);
        await Store.SaveOverrideAsync(TenantA, Override("yoga", "2025-03-03T09:00") with { Details = Override("yoga", "2025-03-03T09:00").Details with { Title = "first" } }, 0, None);
        await Store.SaveOverrideAsync(TenantA, Override("yoga", "2025-03-17T09:00") with { Details = Override("yoga", "2025-03-17T09:00").Details with { Title = "third" } }, 0, None);
        await Store.SaveOverrideAsync(TenantA, Override("yoga", "2025-03-24T09:00") with { Details = Override("yoga", "2025-03-24T09:00").Details with { Title = "fourth" } }, 0, None);
    }

    /// <summary>The identity start from which a split at the third week moves overrides.</summary>
    private static readonly LocalDateTime ThirdWeek = new(2025, 3, 17, 9, 0);

    /// <summary>The following series of the split starts an hour later, so moved overrides are keyed an hour later.</summary>
    private const long OneHour = 3600;

    /// <summary>"This and following" from the third week, with the following series an hour later.</summary>
    private static (RecurringSession Ended, RecurringSession Following, List<(LocalDateTime OldKey, InstanceOverride Moved)> Moved) SplitAtThirdWeek()
    {
        var ended = Series("yoga") with { Rule = RecurrenceRule.Parse("FREQ=WEEKLY;UNTIL=20250317T085959Z"), Revision = 2, UpdatedAt = Later };
        var following = Series("yoga-2") with { Start = Local("2025-03-17T10:00"), IdentityStart = Local("2025-03-17T10:00"), CreatedAt = Later, UpdatedAt = Later };
        List<(LocalDateTime, InstanceOverride)> moved =
        [
            (Local("2025-03-17T09:00"), Override("yoga-2", "2025-03-17T10:00") with { Details = Override("yoga-2", "2025-03-17T10:00").Details with { Title = "third" } }),
            (Local("2025-03-24T09:00"), Override("yoga-2", "2025-03-24T10:00") with { Details = Override("yoga-2", "2025-03-24T10:00").Details with { Title = "fourth" } }),
        ];
        return (ended, following, moved);
    }

    [Fact]
    public async Task Insert_many_stores_every_series_of_the_batch()
    {
        var batch = Enumerable.Range(0, 30).Select(i => (Series($"series-{i:00}"), (Instant?)null)).ToList();

        (await Store.InsertManyAsync(TenantA, batch, None)).Should().BeTrue();

        foreach (var (series, _) in batch)
        {
            (await Store.FindAsync(TenantA, series.Id, None)).Should().NotBeNull();
        }
    }

    [Fact]
    public async Task Insert_many_with_a_taken_id_stores_nothing()
    {
        await Store.InsertAsync(TenantA, Series("taken"), null, None);

        (await Store.InsertManyAsync(TenantA, [(Series("new-1"), null), (Series("taken"), null), (Series("new-2"), null)], None)).Should().BeFalse();

        (await Store.FindAsync(TenantA, "new-1", None)).Should().BeNull();
        (await Store.FindAsync(TenantA, "new-2", None)).Should().BeNull();
    }
}
