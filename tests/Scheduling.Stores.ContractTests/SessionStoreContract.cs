using System.Collections.Immutable;
using Scheduling.Sessions;

namespace Scheduling.Stores.ContractTests;

/// <summary>
/// What every <see cref="ISessionStore"/> must do, whatever it persists to. A store's test project derives from this
/// class and says how to make an empty store; every test then runs against it.
/// </summary>
/// <remarks>
/// The store is tested directly, not through the service, so a store that only works for the calls the service
/// happens to make today still fails here.
/// </remarks>
public abstract class SessionStoreContract : IAsyncLifetime
{
    protected const string TenantA = "tenant-a";
    protected const string TenantB = "tenant-b";

    protected static readonly Instant Created = Time.Utc(2025, 1, 1, 8);
    protected static readonly Instant Later = Time.Utc(2025, 1, 2, 8);

    private static readonly CancellationToken None = CancellationToken.None;

    /// <summary>Gets the store under test, empty at the start of every test.</summary>
    protected ISessionStore Store { get; private set; } = null!;

    /// <summary>Makes an empty store.</summary>
    protected abstract ValueTask<ISessionStore> CreateStoreAsync();

    /// <inheritdoc />
    public async Task InitializeAsync() => Store = await CreateStoreAsync();

    /// <inheritdoc />
    public virtual Task DisposeAsync() => StoreDisposal.DisposeAsync(Store);

    [Fact]
    public async Task Inserted_session_is_found_as_it_was_given()
    {
        var session = Sample("s1") with
        {
            Type = SessionType.WorkingHours,
            Details = Sample("s1").Details with
            {
                Title = "Yoga",
                Tags = ["yoga", "evening"],
                Notes = "Bring a mat",
                Location = "Room 1",
                Capacity = 12,
            },
            Participants = [new Participant("p1", "Ada Lovelace", "ada@example.com", "+1 555 0100"), new Participant("p2")],
            Start = Time.InNewYork(2025, 3, 10, 18, 30),
            End = Time.InNewYork(2025, 3, 10, 19, 30),
        };

        (await Store.InsertAsync(TenantA, session, None)).Should().BeTrue();

        Snapshot(await Store.FindAsync(TenantA, "s1", None)).Should().Be(Snapshot(session));
    }

    [Fact]
    public async Task Instant_only_start_and_end_are_kept_as_instants()
    {
        var session = Sample("s1");
        await Store.InsertAsync(TenantA, session, None);

        var found = await Store.FindAsync(TenantA, "s1", None);

        found!.Start.IsLocal.Should().BeFalse();
        found.Start.Should().Be(session.Start);
        found.End.Should().Be(session.End);
    }

    [Fact]
    public async Task Finding_an_unknown_id_returns_null()
    {
        (await Store.FindAsync(TenantA, "nope", None)).Should().BeNull();
    }

    [Fact]
    public async Task Inserting_a_taken_id_returns_false_and_keeps_the_first_session()
    {
        await Store.InsertAsync(TenantA, Sample("s1") with { Details = new SessionDetails { Title = "first" } }, None);

        (await Store.InsertAsync(TenantA, Sample("s1") with { Details = new SessionDetails { Title = "second" } }, None)).Should().BeFalse();

        (await Store.FindAsync(TenantA, "s1", None))!.Details.Title.Should().Be("first");
    }

    [Fact]
    public async Task Replace_with_the_stored_revision_replaces_the_session()
    {
        await Store.InsertAsync(TenantA, Sample("s1"), None);
        var changed = Sample("s1") with { Details = new SessionDetails { Title = "changed", Tags = ["new"] }, Revision = 2, UpdatedAt = Later };

        (await Store.ReplaceAsync(TenantA, changed, expectedRevision: 1, None)).Should().BeTrue();

        Snapshot(await Store.FindAsync(TenantA, "s1", None)).Should().Be(Snapshot(changed));
    }

    [Fact]
    public async Task Replace_with_a_stale_revision_returns_false_and_changes_nothing()
    {
        var original = Sample("s1") with { Revision = 3 };
        await Store.InsertAsync(TenantA, original, None);

        (await Store.ReplaceAsync(TenantA, original with { Details = original.Details with { Title = "changed" }, Revision = 3 }, expectedRevision: 2, None)).Should().BeFalse();

        Snapshot(await Store.FindAsync(TenantA, "s1", None)).Should().Be(Snapshot(original));
    }

    [Fact]
    public async Task Replacing_an_unknown_session_returns_false_and_inserts_nothing()
    {
        (await Store.ReplaceAsync(TenantA, Sample("s1") with { Revision = 2 }, expectedRevision: 1, None)).Should().BeFalse();

        (await Store.FindAsync(TenantA, "s1", None)).Should().BeNull();
    }

    [Fact]
    public async Task Concurrent_replaces_with_the_same_revision_let_exactly_one_win()
    {
        await Store.InsertAsync(TenantA, Sample("s1"), None);

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(async () =>
            await Store.ReplaceAsync(TenantA, Sample("s1") with { Details = new SessionDetails { Title = $"writer {i}" }, Revision = 2 }, expectedRevision: 1, None))));

        results.Count(won => won).Should().Be(1);
        var winner = Array.IndexOf(results, true);
        (await Store.FindAsync(TenantA, "s1", None))!.Details.Title.Should().Be($"writer {winner}");
    }

    [Fact]
    public async Task Delete_with_the_stored_revision_removes_the_session()
    {
        await Store.InsertAsync(TenantA, Sample("s1"), None);

        (await Store.DeleteAsync(TenantA, "s1", expectedRevision: 1, None)).Should().BeTrue();

        (await Store.FindAsync(TenantA, "s1", None)).Should().BeNull();
    }

    [Fact]
    public async Task Delete_with_a_stale_revision_returns_false_and_keeps_the_session()
    {
        await Store.InsertAsync(TenantA, Sample("s1") with { Revision = 2 }, None);

        (await Store.DeleteAsync(TenantA, "s1", expectedRevision: 1, None)).Should().BeFalse();

        (await Store.FindAsync(TenantA, "s1", None)).Should().NotBeNull();
    }

    [Fact]
    public async Task Deleting_an_unknown_session_returns_false()
    {
        (await Store.DeleteAsync(TenantA, "nope", expectedRevision: 1, None)).Should().BeFalse();
    }

    [Fact]
    public async Task Deleted_id_can_be_inserted_again()
    {
        await Store.InsertAsync(TenantA, Sample("s1"), None);
        await Store.DeleteAsync(TenantA, "s1", expectedRevision: 1, None);

        (await Store.InsertAsync(TenantA, Sample("s1") with { Details = new SessionDetails { Title = "again" } }, None)).Should().BeTrue();

        (await Store.FindAsync(TenantA, "s1", None))!.Details.Title.Should().Be("again");
    }

    [Fact]
    public async Task FindMany_returns_the_sessions_that_exist_and_skips_the_rest()
    {
        await Store.InsertAsync(TenantA, Sample("s1"), None);
        await Store.InsertAsync(TenantA, Sample("s2"), None);
        await Store.InsertAsync(TenantA, Sample("s3"), None);

        var found = await ToListAsync(Store.FindManyAsync(TenantA, ["s3", "missing", "s1"], None));

        found.Select(s => s.Id).Should().BeEquivalentTo("s1", "s3");
    }

    [Fact]
    public async Task Same_id_in_two_tenants_holds_two_different_sessions()
    {
        (await Store.InsertAsync(TenantA, Sample("s1") with { Details = new SessionDetails { Title = "of A" } }, None)).Should().BeTrue();
        (await Store.InsertAsync(TenantB, Sample("s1") with { Details = new SessionDetails { Title = "of B" } }, None)).Should().BeTrue();

        (await Store.FindAsync(TenantA, "s1", None))!.Details.Title.Should().Be("of A");
        (await Store.FindAsync(TenantB, "s1", None))!.Details.Title.Should().Be("of B");
    }

    [Fact]
    public async Task Changing_a_session_in_one_tenant_leaves_the_same_id_in_another_tenant_alone()
    {
        await Store.InsertAsync(TenantA, Sample("s1") with { Details = new SessionDetails { Title = "of A" } }, None);
        await Store.InsertAsync(TenantB, Sample("s1") with { Details = new SessionDetails { Title = "of B" } }, None);

        await Store.ReplaceAsync(TenantA, Sample("s1") with { Details = new SessionDetails { Title = "changed" }, Revision = 2 }, expectedRevision: 1, None);
        await Store.DeleteAsync(TenantA, "s1", expectedRevision: 2, None);
        await Store.InsertAsync(TenantA, Sample("s1") with { Details = new SessionDetails { Capacity = 0 } }, None);
        await Store.BookAsync(TenantA, "s1", new Participant("p1"), Later, None);

        Snapshot(await Store.FindAsync(TenantB, "s1", None)).Should().Be(Snapshot(Sample("s1") with { Details = new SessionDetails { Title = "of B" } }));
    }

    [Fact]
    public async Task A_tenant_never_sees_another_tenants_sessions()
    {
        await Store.InsertAsync(TenantA, Sample("s1"), None);

        (await Store.FindAsync(TenantB, "s1", None)).Should().BeNull();
        (await ToListAsync(Store.FindManyAsync(TenantB, ["s1"], None))).Should().BeEmpty();
        (await ToListAsync(Store.FindOverlappingAsync(TenantB, SessionCandidateFilter.Any, Time.Utc(2025, 1, 1), Time.Utc(2026, 1, 1), after: null, None))).Should().BeEmpty();
    }

    [Fact]
    public async Task A_tenant_cannot_change_another_tenants_sessions()
    {
        await Store.InsertAsync(TenantA, Sample("s1"), None);

        (await Store.ReplaceAsync(TenantB, Sample("s1") with { Details = new SessionDetails { Title = "hijacked" }, Revision = 2 }, expectedRevision: 1, None)).Should().BeFalse();
        (await Store.DeleteAsync(TenantB, "s1", expectedRevision: 1, None)).Should().BeFalse();
        (await Store.BookAsync(TenantB, "s1", new Participant("p1"), Later, None)).Should().Be(BookingOutcome.NotFound);

        Snapshot(await Store.FindAsync(TenantA, "s1", None)).Should().Be(Snapshot(Sample("s1")));
    }

    /// <summary>Window [10:00, 12:00) on 2025-03-03; a session from <paramref name="start"/> to <paramref name="end"/> (hh:mm that day).</summary>
    [Theory]
    [InlineData("08:00", "09:00", false)]
    [InlineData("09:00", "10:00", false)]
    [InlineData("09:00", "10:01", true)]
    [InlineData("09:00", "13:00", true)]
    [InlineData("10:00", "10:00", true)]
    [InlineData("10:00", "11:00", true)]
    [InlineData("11:00", "11:00", true)]
    [InlineData("11:00", "13:00", true)]
    [InlineData("11:59", "11:59", true)]
    [InlineData("12:00", "12:00", false)]
    [InlineData("12:00", "13:00", false)]
    [InlineData("09:59", "09:59", false)]
    public async Task FindOverlapping_keeps_sessions_that_overlap_the_window(string start, string end, bool overlaps)
    {
        var session = Sample("s1") with { Start = Time.At(OnMarch3(start)), End = Time.At(OnMarch3(end)) };
        await Store.InsertAsync(TenantA, session, None);

        var found = await ToListAsync(Store.FindOverlappingAsync(TenantA, SessionCandidateFilter.Any, OnMarch3("10:00"), OnMarch3("12:00"), after: null, None));

        string[] expected = overlaps ? ["s1"] : [];
        found.Select(s => s.Id).Should().BeEquivalentTo(expected);
    }

    [Fact]
    public async Task FindOverlapping_reads_local_times_by_their_instant()
    {
        // 18:30 in New York on 2025-03-10 is 22:30 UTC (EDT, UTC-4).
        var session = Sample("s1") with { Start = Time.InNewYork(2025, 3, 10, 18, 30), End = Time.InNewYork(2025, 3, 10, 19, 30) };
        await Store.InsertAsync(TenantA, session, None);

        (await ToListAsync(Store.FindOverlappingAsync(TenantA, SessionCandidateFilter.Any, Time.Utc(2025, 3, 10, 22), Time.Utc(2025, 3, 10, 23), after: null, None)))
            .Should().ContainSingle();
        (await ToListAsync(Store.FindOverlappingAsync(TenantA, SessionCandidateFilter.Any, Time.Utc(2025, 3, 10, 18), Time.Utc(2025, 3, 10, 22), after: null, None)))
            .Should().BeEmpty();
    }

    [Fact]
    public async Task FindOverlapping_keeps_only_the_schedules_asked_for()
    {
        await InsertFilterExamplesAsync();

        var found = await FindOverlappingIdsAsync(new SessionCandidateFilter { ScheduleIds = ["schedule-1", "schedule-3"] });

        found.Should().BeEquivalentTo("a", "c");
    }

    [Fact]
    public async Task FindOverlapping_keeps_only_the_schedule_owners_asked_for()
    {
        await InsertFilterExamplesAsync();

        var found = await FindOverlappingIdsAsync(new SessionCandidateFilter { ScheduleOwnerIds = ["owner-2"] });

        found.Should().BeEquivalentTo("b", "c");
    }

    [Fact]
    public async Task FindOverlapping_keeps_only_the_types_asked_for()
    {
        await InsertFilterExamplesAsync();

        var found = await FindOverlappingIdsAsync(new SessionCandidateFilter { Types = [SessionType.WorkingHours] });

        found.Should().BeEquivalentTo("b");
    }

    [Fact]
    public async Task FindOverlapping_for_recurring_session_ids_finds_no_single_session()
    {
        await InsertFilterExamplesAsync();

        var found = await FindOverlappingIdsAsync(new SessionCandidateFilter { RecurringSessionIds = ["a", "b", "c"] });

        found.Should().BeEmpty();
    }

    [Fact]
    public async Task FindOverlapping_applies_every_candidate_condition_together()
    {
        await InsertFilterExamplesAsync();

        var found = await FindOverlappingIdsAsync(new SessionCandidateFilter
        {
            ScheduleIds = ["schedule-1", "schedule-2", "schedule-3"],
            ScheduleOwnerIds = ["owner-2"],
            Types = [SessionType.Event],
        });

        found.Should().BeEquivalentTo("c");
    }

    [Fact]
    public async Task FindOverlapping_with_an_empty_filter_finds_every_overlapping_session()
    {
        await InsertFilterExamplesAsync();

        var found = await FindOverlappingIdsAsync(SessionCandidateFilter.Any);

        found.Should().BeEquivalentTo("a", "b", "c");
    }

    [Fact]
    public async Task Booking_adds_the_participant_bumps_the_revision_and_stamps_the_time()
    {
        await Store.InsertAsync(TenantA, Sample("s1") with { Details = new SessionDetails { Capacity = 2 } }, None);

        (await Store.BookAsync(TenantA, "s1", new Participant("p1", "Ada", "ada@example.com"), Later, None))
            .Should().Be(BookingOutcome.Booked);

        var found = await Store.FindAsync(TenantA, "s1", None);
        found!.Participants.Should().Equal(new Participant("p1", "Ada", "ada@example.com"));
        found.Revision.Should().Be(2);
        found.UpdatedAt.Should().Be(Later);
    }

    [Fact]
    public async Task Booking_someone_already_booked_is_already_booked_and_changes_nothing()
    {
        await Store.InsertAsync(TenantA, Sample("s1") with { Details = new SessionDetails { Capacity = 1 } }, None);
        await Store.BookAsync(TenantA, "s1", new Participant("p1"), Later, None);
        var before = await Store.FindAsync(TenantA, "s1", None);

        (await Store.BookAsync(TenantA, "s1", new Participant("p1", "Ada"), Later.PlusTicks(1), None))
            .Should().Be(BookingOutcome.AlreadyBooked);

        Snapshot(await Store.FindAsync(TenantA, "s1", None)).Should().Be(Snapshot(before));
    }

    [Fact]
    public async Task Booking_a_full_session_is_full_and_changes_nothing()
    {
        await Store.InsertAsync(TenantA, Sample("s1") with { Details = new SessionDetails { Capacity = 1 }, Participants = [new Participant("p1")] }, None);

        (await Store.BookAsync(TenantA, "s1", new Participant("p2"), Later, None)).Should().Be(BookingOutcome.Full);

        Snapshot(await Store.FindAsync(TenantA, "s1", None)).Should().Be(Snapshot(Sample("s1") with { Details = new SessionDetails { Capacity = 1 }, Participants = [new Participant("p1")] }));
    }

    [Fact]
    public async Task Session_of_capacity_zero_takes_nobody()
    {
        await Store.InsertAsync(TenantA, Sample("s1") with { Details = new SessionDetails { Capacity = 0 } }, None);

        (await Store.BookAsync(TenantA, "s1", new Participant("p1"), Later, None)).Should().Be(BookingOutcome.Full);
    }

    [Fact]
    public async Task Session_without_capacity_never_fills()
    {
        await Store.InsertAsync(TenantA, Sample("s1") with { Details = new SessionDetails { Capacity = null } }, None);

        for (var i = 0; i < 50; i++)
        {
            (await Store.BookAsync(TenantA, "s1", new Participant($"p{i}"), Later, None)).Should().Be(BookingOutcome.Booked);
        }

        (await Store.FindAsync(TenantA, "s1", None))!.Participants.Should().HaveCount(50);
    }

    [Fact]
    public async Task Booking_an_unknown_session_is_not_found()
    {
        (await Store.BookAsync(TenantA, "nope", new Participant("p1"), Later, None)).Should().Be(BookingOutcome.NotFound);
    }

    [Fact]
    public async Task Concurrent_bookings_of_the_last_seats_fill_the_capacity_exactly()
    {
        await Store.InsertAsync(TenantA, Sample("s1") with { Details = new SessionDetails { Capacity = 5 } }, None);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(async () =>
            await Store.BookAsync(TenantA, "s1", new Participant($"p{i}"), Later, None))));

        outcomes.Count(o => o == BookingOutcome.Booked).Should().Be(5);
        outcomes.Count(o => o == BookingOutcome.Full).Should().Be(15);
        var found = await Store.FindAsync(TenantA, "s1", None);
        found!.Participants.Should().HaveCount(5).And.OnlyHaveUniqueItems(p => p.Id);
        found.Revision.Should().Be(6);
    }

    [Fact]
    public async Task Concurrent_bookings_of_the_same_participant_book_them_once()
    {
        await Store.InsertAsync(TenantA, Sample("s1") with { Details = new SessionDetails { Capacity = 5 } }, None);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(async () =>
            await Store.BookAsync(TenantA, "s1", new Participant("p1"), Later, None))));

        outcomes.Count(o => o == BookingOutcome.Booked).Should().Be(1);
        outcomes.Count(o => o == BookingOutcome.AlreadyBooked).Should().Be(19);
        (await Store.FindAsync(TenantA, "s1", None))!.Participants.Should().ContainSingle();
    }

    [Fact]
    public async Task Change_decides_from_the_stored_session_and_writes_exactly_what_it_decided()
    {
        await Store.InsertAsync(TenantA, Sample("s1") with { Details = new SessionDetails { Title = "stored" } }, None);
        var versionBefore = await Store.GetChangeVersionAsync(TenantA, None);

        var seen = await Store.ChangeAsync(
            TenantA,
            "s1",
            stored => StoreChange<Session, string?>.Save(stored! with { Details = (stored!).Details with { Title = "changed", Location = "Room 2" }, Revision = stored.Revision + 1, UpdatedAt = Later }, stored.Details.Title),
            None);

        seen.Should().Be("stored");
        Snapshot(await Store.FindAsync(TenantA, "s1", None)).Should().Be(Snapshot(Sample("s1") with { Details = new SessionDetails { Title = "changed", Location = "Room 2" }, Revision = 2, UpdatedAt = Later }));
        if (versionBefore is long before)
        {
            (await Store.GetChangeVersionAsync(TenantA, None)).Should().BeGreaterThan(before);
        }
    }

    [Fact]
    public async Task Change_that_writes_nothing_leaves_the_session_and_the_change_version()
    {
        await Store.InsertAsync(TenantA, Sample("s1"), None);
        var versionBefore = await Store.GetChangeVersionAsync(TenantA, None);

        (await Store.ChangeAsync(TenantA, "s1", stored => StoreChange<Session, long>.Nothing(stored!.Revision), None)).Should().Be(1);

        Snapshot(await Store.FindAsync(TenantA, "s1", None)).Should().Be(Snapshot(Sample("s1")));
        (await Store.GetChangeVersionAsync(TenantA, None)).Should().Be(versionBefore);
    }

    [Fact]
    public async Task Change_of_an_unknown_session_or_another_tenants_decides_from_nothing()
    {
        await Store.InsertAsync(TenantA, Sample("s1"), None);

        (await Store.ChangeAsync(TenantA, "nope", stored => StoreChange<Session, bool>.Nothing(stored is null), None)).Should().BeTrue();
        (await Store.ChangeAsync(TenantB, "s1", stored => StoreChange<Session, bool>.Nothing(stored is null), None)).Should().BeTrue();
    }

    [Fact]
    public async Task Change_whose_decision_throws_writes_nothing_and_the_store_stays_usable()
    {
        await Store.InsertAsync(TenantA, Sample("s1"), None);

        var failing = () => Store.ChangeAsync<bool>(TenantA, "s1", _ => throw new SchedulingException(SchedulingErrorCode.InvalidArgument, "refused", "participant"), None).AsTask();

        await failing.Should().ThrowAsync<SchedulingException>();
        Snapshot(await Store.FindAsync(TenantA, "s1", None)).Should().Be(Snapshot(Sample("s1")));
        (await Store.BookAsync(TenantA, "s1", new Participant("p1"), Later, None)).Should().Be(BookingOutcome.Booked);
    }

    [Fact]
    public async Task Removing_a_booking_frees_the_last_seat_for_the_next_booker()
    {
        await Store.InsertAsync(TenantA, Sample("s1") with { Details = new SessionDetails { Capacity = 1 } }, None);
        await Store.BookAsync(TenantA, "s1", new Participant("p1"), Later, None);
        (await Store.BookAsync(TenantA, "s1", new Participant("p2"), Later, None)).Should().Be(BookingOutcome.Full);

        (await Store.ReleaseAsync(TenantA, "s1", "p1", Later.PlusTicks(1), None)).Should().Be(BookingOutcome.Removed);

        (await Store.BookAsync(TenantA, "s1", new Participant("p2"), Later.PlusTicks(2), None)).Should().Be(BookingOutcome.Booked);
        var found = await Store.FindAsync(TenantA, "s1", None);
        found!.Participants.Select(p => p.Id).Should().Equal("p2");
        found.Revision.Should().Be(4);
        found.UpdatedAt.Should().Be(Later.PlusTicks(2));
    }

    [Fact]
    public async Task Removing_someone_not_booked_is_not_booked_and_changes_nothing()
    {
        await Store.InsertAsync(TenantA, Sample("s1") with { Participants = [new Participant("p1")] }, None);

        (await Store.ReleaseAsync(TenantA, "s1", "p2", Later, None)).Should().Be(BookingOutcome.NotBooked);
        (await Store.ReleaseAsync(TenantB, "s1", "p1", Later, None)).Should().Be(BookingOutcome.NotFound);

        Snapshot(await Store.FindAsync(TenantA, "s1", None)).Should().Be(Snapshot(Sample("s1") with { Participants = [new Participant("p1")] }));
    }

    [Fact]
    public async Task Concurrent_removals_and_bookings_never_hold_more_than_the_capacity()
    {
        var booked = Enumerable.Range(0, 4).Select(i => new Participant($"old{i}")).ToImmutableArray();
        await Store.InsertAsync(TenantA, Sample("s1") with { Details = new SessionDetails { Capacity = 4 }, Participants = booked }, None);

        var removals = Enumerable.Range(0, 4).Select(i => Task.Run(async () => await Store.ReleaseAsync(TenantA, "s1", $"old{i}", Later, None)));
        var bookings = Enumerable.Range(0, 12).Select(i => Task.Run(async () => await Store.BookAsync(TenantA, "s1", new Participant($"new{i}"), Later, None)));
        var removed = await Task.WhenAll(removals);
        var outcomes = await Task.WhenAll(bookings);

        removed.Should().AllBeEquivalentTo(BookingOutcome.Removed);
        var found = await Store.FindAsync(TenantA, "s1", None);
        found!.Participants.Should().HaveCount(outcomes.Count(o => o == BookingOutcome.Booked)).And.HaveCountLessThanOrEqualTo(4).And.OnlyHaveUniqueItems(p => p.Id);
        found.Participants.Should().NotContain(p => p.Id.StartsWith("old", StringComparison.Ordinal));
        outcomes.Should().OnlyContain(o => o == BookingOutcome.Booked || o == BookingOutcome.Full);
        found.Revision.Should().Be(1 + 4 + outcomes.Count(o => o == BookingOutcome.Booked));
    }

    [Fact]
    public async Task FindOverlapping_stops_when_its_token_is_already_cancelled()
    {
        await InsertFilterExamplesAsync();
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        var walk = () => ToListAsync(Store.FindOverlappingAsync(TenantA, SessionCandidateFilter.Any, Time.Utc(2025, 3, 1), Time.Utc(2025, 4, 1), after: null, cancellation.Token));

        await walk.Should().ThrowAsync<OperationCanceledException>();
    }

    [Fact]
    public async Task FindOverlapping_stops_when_its_token_is_cancelled_while_streaming()
    {
        await InsertFilterExamplesAsync();
        using var cancellation = new CancellationTokenSource();

        var walk = async () =>
        {
            await foreach (var _ in Store.FindOverlappingAsync(TenantA, SessionCandidateFilter.Any, Time.Utc(2025, 3, 1), Time.Utc(2025, 4, 1), after: null, cancellation.Token))
            {
                await cancellation.CancelAsync();
            }
        };

        await walk.Should().ThrowAsync<OperationCanceledException>();
    }

    [Fact]
    public async Task FindMany_stops_when_its_token_is_already_cancelled()
    {
        await InsertFilterExamplesAsync();
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        var walk = () => ToListAsync(Store.FindManyAsync(TenantA, ["a", "b", "c"], cancellation.Token));

        await walk.Should().ThrowAsync<OperationCanceledException>();
    }

    /// <summary>A plain session on schedule-1, 2025-03-03 10:00 to 11:00 UTC, at revision 1.</summary>
    protected static Session Sample(string id) => new()
    {
        Id = id,
        ScheduleId = "schedule-1",
        ScheduleOwnerId = "owner-1",
        Start = Time.At(Time.Utc(2025, 3, 3, 10)),
        End = Time.At(Time.Utc(2025, 3, 3, 11)),
        Revision = 1,
        CreatedAt = Created,
        UpdatedAt = Created,
    };

    /// <summary>Every field a store must keep, in a form that compares by value.</summary>
    protected static object? Snapshot(Session? session) => session is null ? null : new
    {
        session.Id,
        session.ScheduleId,
        session.ScheduleOwnerId,
        session.Type,
        session.Status,
        session.Details.Title,
        Tags = string.Join(", ", session.Details.Tags),
        session.Details.Notes,
        session.Details.Location,
        session.Details.Capacity,
        Participants = string.Join(", ", session.Participants),
        session.Start,
        session.End,
        session.RecurringSessionId,
        session.Revision,
        session.CreatedAt,
        session.UpdatedAt,
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

    private static Instant OnMarch3(string time) =>
        Time.Utc(2025, 3, 3, int.Parse(time[..2], System.Globalization.CultureInfo.InvariantCulture), int.Parse(time[3..], System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>a: schedule-1/owner-1 event; b: schedule-2/owner-2 working hours; c: schedule-3/owner-2 event; d: outside the window.</summary>
    private async Task InsertFilterExamplesAsync()
    {
        await Store.InsertAsync(TenantA, Sample("a"), None);
        await Store.InsertAsync(TenantA, Sample("b") with { ScheduleId = "schedule-2", ScheduleOwnerId = "owner-2", Type = SessionType.WorkingHours }, None);
        await Store.InsertAsync(TenantA, Sample("c") with { ScheduleId = "schedule-3", ScheduleOwnerId = "owner-2" }, None);
        await Store.InsertAsync(TenantA, Sample("d") with { Start = Time.At(Time.Utc(2025, 5, 1)), End = Time.At(Time.Utc(2025, 5, 2)) }, None);
    }

    private async Task<List<string>> FindOverlappingIdsAsync(SessionCandidateFilter filter) =>
        [.. (await ToListAsync(Store.FindOverlappingAsync(TenantA, filter, Time.Utc(2025, 3, 1), Time.Utc(2025, 4, 1), after: null, None))).Select(s => s.Id)];

    [Fact]
    public async Task FindOverlapping_returns_sessions_in_order_of_start_then_id()
    {
        await Store.InsertAsync(TenantA, Sample("c") with { Start = Time.At(Time.Utc(2025, 3, 10, 9)), End = Time.At(Time.Utc(2025, 3, 10, 10)) }, None);
        await Store.InsertAsync(TenantA, Sample("a") with { Start = Time.At(Time.Utc(2025, 3, 10, 9)), End = Time.At(Time.Utc(2025, 3, 10, 11)) }, None);
        await Store.InsertAsync(TenantA, Sample("b") with { Start = Time.At(Time.Utc(2025, 3, 10, 8)), End = Time.At(Time.Utc(2025, 3, 10, 9, 30)) }, None);

        var found = await ToListAsync(Store.FindOverlappingAsync(TenantA, SessionCandidateFilter.Any, Time.Utc(2025, 3, 10), Time.Utc(2025, 3, 11), after: null, None));

        found.Select(s => s.Id).Should().Equal("b", "a", "c");
    }

    [Fact]
    public async Task FindOverlapping_starts_after_the_keyset_position()
    {
        foreach (var id in new[] { "a", "b", "c" })
        {
            await Store.InsertAsync(TenantA, Sample(id) with { Start = Time.At(Time.Utc(2025, 3, 10, 9)), End = Time.At(Time.Utc(2025, 3, 10, 10)) }, None);
        }

        await Store.InsertAsync(TenantA, Sample("later") with { Start = Time.At(Time.Utc(2025, 3, 10, 12)), End = Time.At(Time.Utc(2025, 3, 10, 13)) }, None);

        var found = await ToListAsync(Store.FindOverlappingAsync(
            TenantA, SessionCandidateFilter.Any, Time.Utc(2025, 3, 10), Time.Utc(2025, 3, 11), new SessionPosition(Time.Utc(2025, 3, 10, 9), "a"), None));

        found.Select(s => s.Id).Should().Equal("b", "c", "later");
    }

    [Fact]
    public async Task Insert_many_stores_every_session_of_the_batch()
    {
        var batch = Enumerable.Range(0, 50).Select(i => Sample($"s{i:00}")).ToList();

        (await Store.InsertManyAsync(TenantA, batch, None)).Should().BeTrue();

        (await ToListAsync(Store.FindManyAsync(TenantA, [.. batch.Select(s => s.Id)], None))).Should().HaveCount(50);
        (await Store.GetChangeVersionAsync(TenantA, None)).Should().NotBe(0);
    }

    [Fact]
    public async Task Insert_many_with_a_taken_id_stores_nothing()
    {
        await Store.InsertAsync(TenantA, Sample("taken"), None);

        (await Store.InsertManyAsync(TenantA, [Sample("new-1"), Sample("taken"), Sample("new-2")], None)).Should().BeFalse();

        (await Store.FindAsync(TenantA, "new-1", None)).Should().BeNull();
        (await Store.FindAsync(TenantA, "new-2", None)).Should().BeNull();
    }

    [Fact]
    public async Task Insert_many_with_an_id_twice_in_the_batch_stores_nothing()
    {
        (await Store.InsertManyAsync(TenantA, [Sample("a"), Sample("b"), Sample("a")], None)).Should().BeFalse();

        (await Store.FindAsync(TenantA, "b", None)).Should().BeNull();
    }
}
