namespace Scheduling.Stores.ContractTests.Attendance;

// Inside the namespace, so that "Attendance" names the type rather than the namespace Scheduling.Attendance.
using Scheduling.Attendance;

/// <summary>
/// What every <see cref="IAttendanceStore"/> must do, whatever it persists to. A store's test project derives from
/// this class and says how to make an empty store; every test then runs against it.
/// </summary>
/// <remarks>
/// The store is tested directly, not through <see cref="AttendanceService"/>: uniqueness, revisions, all-or-nothing
/// batches, keyset seeks both ways in every order, and counting are the store's own promises.
/// </remarks>
public abstract class AttendanceStoreContract : IAsyncLifetime
{
    protected const string TenantA = "tenant-a";
    protected const string TenantB = "tenant-b";

    protected static readonly Instant Created = Time.Utc(2025, 3, 3, 20);
    protected static readonly Instant Later = Time.Utc(2025, 3, 4, 9);

    private static readonly CancellationToken None = CancellationToken.None;

    /// <summary>Gets the store under test, empty at the start of every test.</summary>
    protected IAttendanceStore Store { get; private set; } = null!;

    /// <summary>Every sort, read forwards and backwards.</summary>
    public static TheoryData<string, SeekDirection> SortsAndDirections
    {
        get
        {
            var data = new TheoryData<string, SeekDirection>();
            foreach (var sort in new[] { "id ASC", "id DESC", "numberOfAttendees ASC", "numberOfAttendees DESC" })
            {
                data.Add(sort, SeekDirection.Forward);
                data.Add(sort, SeekDirection.Backward);
            }

            return data;
        }
    }

    /// <summary>Makes an empty store.</summary>
    protected abstract ValueTask<IAttendanceStore> CreateStoreAsync();

    /// <inheritdoc />
    public async Task InitializeAsync() => Store = await CreateStoreAsync();

    /// <inheritdoc />
    public virtual Task DisposeAsync() => StoreDisposal.DisposeAsync(Store);

    [Fact]
    public async Task Inserted_attendance_is_found_by_id_as_it_was_given()
    {
        var attendance = Sample("a1", "b1", "s1") with { RecurringSessionId = "course", NumberOfAttendees = 3, UpdatedAt = Later };

        (await Store.InsertAsync(TenantA, attendance, None)).Should().BeTrue();

        (await Store.FindAsync(TenantA, "a1", None)).Should().Be(attendance);
    }

    [Fact]
    public async Task Inserted_attendance_is_found_by_its_booking_and_session()
    {
        await Store.InsertAsync(TenantA, Sample("a1", "b1", "s1"), None);
        await Store.InsertAsync(TenantA, Sample("a2", "b1", "s2"), None);
        await Store.InsertAsync(TenantA, Sample("a3", "b2", "s1"), None);

        (await Store.FindByBookingAndSessionAsync(TenantA, "b1", "s2", None))!.Id.Should().Be("a2");
        (await Store.FindByBookingAndSessionAsync(TenantA, "b2", "s1", None))!.Id.Should().Be("a3");
    }

    [Fact]
    public async Task Finding_what_is_not_there_returns_null()
    {
        await Store.InsertAsync(TenantA, Sample("a1", "b1", "s1"), None);

        (await Store.FindAsync(TenantA, "nope", None)).Should().BeNull();
        (await Store.FindByBookingAndSessionAsync(TenantA, "b1", "s2", None)).Should().BeNull();
        (await Store.FindByBookingAndSessionAsync(TenantA, "b2", "s1", None)).Should().BeNull();
    }

    [Fact]
    public async Task Attendance_at_a_single_session_has_no_recurring_session()
    {
        await Store.InsertAsync(TenantA, Sample("a1", "b1", "s1") with { RecurringSessionId = null }, None);

        (await Store.FindAsync(TenantA, "a1", None))!.RecurringSessionId.Should().BeNull();
    }

    [Fact]
    public async Task Inserting_a_taken_id_returns_false_and_keeps_the_first()
    {
        await Store.InsertAsync(TenantA, Sample("a1", "b1", "s1"), None);

        (await Store.InsertAsync(TenantA, Sample("a1", "b2", "s2"), None)).Should().BeFalse();

        (await Store.FindAsync(TenantA, "a1", None))!.BookingId.Should().Be("b1");
        (await Store.FindByBookingAndSessionAsync(TenantA, "b2", "s2", None)).Should().BeNull();
    }

    [Fact]
    public async Task A_booking_has_at_most_one_attendance_per_session()
    {
        await Store.InsertAsync(TenantA, Sample("a1", "b1", "s1"), None);

        (await Store.InsertAsync(TenantA, Sample("a2", "b1", "s1", AttendanceStatus.NotAttended, 0), None)).Should().BeFalse();

        (await Store.FindAsync(TenantA, "a2", None)).Should().BeNull();
        (await Store.FindByBookingAndSessionAsync(TenantA, "b1", "s1", None))!.Id.Should().Be("a1");
    }

    [Fact]
    public async Task Replacing_with_the_stored_revision_replaces()
    {
        await Store.InsertAsync(TenantA, Sample("a1", "b1", "s1"), None);
        var changed = Sample("a1", "b1", "s1", AttendanceStatus.NotAttended, 0) with { Revision = 2, UpdatedAt = Later };

        (await Store.ReplaceAsync(TenantA, changed, 1, None)).Should().BeTrue();

        (await Store.FindAsync(TenantA, "a1", None)).Should().Be(changed);
        (await Store.FindByBookingAndSessionAsync(TenantA, "b1", "s1", None)).Should().Be(changed);
    }

    [Fact]
    public async Task Replacing_with_a_stale_revision_changes_nothing()
    {
        var first = Sample("a1", "b1", "s1");
        await Store.InsertAsync(TenantA, first, None);

        (await Store.ReplaceAsync(TenantA, first with { NumberOfAttendees = 5, Revision = 3 }, 2, None)).Should().BeFalse();

        (await Store.FindAsync(TenantA, "a1", None)).Should().Be(first);
    }

    [Fact]
    public async Task Replacing_an_unknown_id_returns_false_and_stores_nothing()
    {
        (await Store.ReplaceAsync(TenantA, Sample("a1", "b1", "s1") with { Revision = 2 }, 1, None)).Should().BeFalse();

        (await Store.FindAsync(TenantA, "a1", None)).Should().BeNull();
    }

    [Fact]
    public async Task Replacing_onto_a_booking_and_session_another_attendance_holds_returns_false()
    {
        await Store.InsertAsync(TenantA, Sample("a1", "b1", "s1"), None);
        await Store.InsertAsync(TenantA, Sample("a2", "b1", "s2"), None);

        (await Store.ReplaceAsync(TenantA, Sample("a2", "b1", "s1") with { Revision = 2 }, 1, None)).Should().BeFalse();

        (await Store.FindAsync(TenantA, "a2", None))!.SessionId.Should().Be("s2");
    }

    [Fact]
    public async Task Deleting_with_the_stored_revision_frees_the_booking_and_session()
    {
        await Store.InsertAsync(TenantA, Sample("a1", "b1", "s1"), None);

        (await Store.DeleteAsync(TenantA, "a1", 1, None)).Should().BeTrue();

        (await Store.FindAsync(TenantA, "a1", None)).Should().BeNull();
        (await Store.FindByBookingAndSessionAsync(TenantA, "b1", "s1", None)).Should().BeNull();
        (await Store.InsertAsync(TenantA, Sample("a2", "b1", "s1"), None)).Should().BeTrue();
    }

    [Fact]
    public async Task Deleting_with_a_stale_revision_or_an_unknown_id_returns_false()
    {
        await Store.InsertAsync(TenantA, Sample("a1", "b1", "s1"), None);

        (await Store.DeleteAsync(TenantA, "a1", 2, None)).Should().BeFalse();
        (await Store.DeleteAsync(TenantA, "nope", 1, None)).Should().BeFalse();

        (await Store.FindAsync(TenantA, "a1", None)).Should().NotBeNull();
    }

    [Fact]
    public async Task Tenants_never_see_each_others_attendance()
    {
        await Store.InsertAsync(TenantA, Sample("a1", "b1", "s1"), None);

        (await Store.FindAsync(TenantB, "a1", None)).Should().BeNull();
        (await Store.FindByBookingAndSessionAsync(TenantB, "b1", "s1", None)).Should().BeNull();
        (await Store.ReplaceAsync(TenantB, Sample("a1", "b1", "s1") with { Revision = 2 }, 1, None)).Should().BeFalse();
        (await Store.DeleteAsync(TenantB, "a1", 1, None)).Should().BeFalse();
        (await SeekAsync(TenantB, AttendanceCandidateFilter.Any, AttendanceSort.IdAscending, null, SeekDirection.Forward)).Should().BeEmpty();
        (await TallyAsync(TenantB, AttendanceGrouping.Booking, "b1")).Should().BeEmpty();
    }

    [Fact]
    public async Task The_same_id_and_booking_and_session_can_exist_in_two_tenants()
    {
        (await Store.InsertAsync(TenantA, Sample("a1", "b1", "s1"), None)).Should().BeTrue();
        (await Store.InsertAsync(TenantB, Sample("a1", "b1", "s1", AttendanceStatus.NotSet, 0), None)).Should().BeTrue();

        (await Store.FindAsync(TenantA, "a1", None))!.Status.Should().Be(AttendanceStatus.Attended);
        (await Store.FindAsync(TenantB, "a1", None))!.Status.Should().Be(AttendanceStatus.NotSet);
    }

    [Fact]
    public async Task A_batch_inserts_and_replaces_everything_at_once()
    {
        await Store.InsertAsync(TenantA, Sample("a1", "b1", "s1"), None);
        var replaced = Sample("a1", "b1", "s1", AttendanceStatus.NotAttended, 0) with { Revision = 2 };
        var inserted = Sample("a2", "b2", "s1");

        (await Store.SaveManyAsync(TenantA, [new AttendanceWrite(replaced, 1), new AttendanceWrite(inserted, 0)], None)).Should().BeTrue();

        (await Store.FindAsync(TenantA, "a1", None)).Should().Be(replaced);
        (await Store.FindAsync(TenantA, "a2", None)).Should().Be(inserted);
    }

    [Fact]
    public async Task An_empty_batch_succeeds_and_changes_nothing()
    {
        (await Store.SaveManyAsync(TenantA, [], None)).Should().BeTrue();

        (await SeekAsync(TenantA, AttendanceCandidateFilter.Any, AttendanceSort.IdAscending, null, SeekDirection.Forward)).Should().BeEmpty();
    }

    [Fact]
    public async Task A_batch_with_one_stale_revision_writes_nothing()
    {
        var first = Sample("a1", "b1", "s1");
        await Store.InsertAsync(TenantA, first, None);

        var saved = await Store.SaveManyAsync(TenantA, [new AttendanceWrite(Sample("a2", "b2", "s1"), 0), new AttendanceWrite(first with { Revision = 3 }, 2)], None);

        saved.Should().BeFalse();
        (await Store.FindAsync(TenantA, "a2", None)).Should().BeNull();
        (await Store.FindAsync(TenantA, "a1", None)).Should().Be(first);
    }

    [Fact]
    public async Task A_batch_that_inserts_onto_a_taken_booking_and_session_writes_nothing()
    {
        await Store.InsertAsync(TenantA, Sample("a1", "b1", "s1"), None);

        var saved = await Store.SaveManyAsync(TenantA, [new AttendanceWrite(Sample("a2", "b2", "s1"), 0), new AttendanceWrite(Sample("a3", "b1", "s1"), 0)], None);

        saved.Should().BeFalse();
        (await Store.FindAsync(TenantA, "a2", None)).Should().BeNull();
        (await Store.FindAsync(TenantA, "a3", None)).Should().BeNull();
    }

    [Fact]
    public async Task A_batch_that_names_an_id_twice_writes_nothing()
    {
        var saved = await Store.SaveManyAsync(TenantA, [new AttendanceWrite(Sample("a1", "b1", "s1"), 0), new AttendanceWrite(Sample("a1", "b2", "s1"), 0)], None);

        saved.Should().BeFalse();
        (await Store.FindAsync(TenantA, "a1", None)).Should().BeNull();
    }

    [Fact]
    public async Task A_batch_that_names_a_booking_and_session_twice_writes_nothing()
    {
        var saved = await Store.SaveManyAsync(TenantA, [new AttendanceWrite(Sample("a1", "b1", "s1"), 0), new AttendanceWrite(Sample("a2", "b1", "s1"), 0)], None);

        saved.Should().BeFalse();
        (await Store.FindByBookingAndSessionAsync(TenantA, "b1", "s1", None)).Should().BeNull();
    }

    [Fact]
    public async Task Seeking_forward_by_id_from_the_start_reads_everything_in_id_order()
    {
        foreach (var id in new[] { "c", "a", "e", "b", "d" })
        {
            await Store.InsertAsync(TenantA, Sample(id, "b-" + id, "s1"), None);
        }

        var ids = await SeekIdsAsync(AttendanceCandidateFilter.Any, AttendanceSort.IdAscending, null, SeekDirection.Forward);

        ids.Should().Equal("a", "b", "c", "d", "e");
    }

    [Fact]
    public async Task Ids_are_ordered_ordinally()
    {
        foreach (var id in new[] { "b", "B", "a", "A", "_", "1" })
        {
            await Store.InsertAsync(TenantA, Sample(id, "b-" + id, "s1"), None);
        }

        var ids = await SeekIdsAsync(AttendanceCandidateFilter.Any, AttendanceSort.IdAscending, null, SeekDirection.Forward);

        ids.Should().Equal("1", "A", "B", "_", "a", "b");
    }

    [Fact]
    public async Task Seeking_forward_starts_strictly_after_the_position_even_when_nothing_is_there()
    {
        foreach (var id in new[] { "a", "c", "e" })
        {
            await Store.InsertAsync(TenantA, Sample(id, "b-" + id, "s1"), None);
        }

        (await SeekIdsAsync(AttendanceCandidateFilter.Any, AttendanceSort.IdAscending, new AttendancePosition(0, "c"), SeekDirection.Forward)).Should().Equal("e");
        (await SeekIdsAsync(AttendanceCandidateFilter.Any, AttendanceSort.IdAscending, new AttendancePosition(0, "b"), SeekDirection.Forward)).Should().Equal("c", "e");
    }

    [Fact]
    public async Task Seeking_backward_reads_the_items_before_the_position_nearest_first()
    {
        foreach (var id in new[] { "a", "c", "e", "g" })
        {
            await Store.InsertAsync(TenantA, Sample(id, "b-" + id, "s1"), None);
        }

        (await SeekIdsAsync(AttendanceCandidateFilter.Any, AttendanceSort.IdAscending, new AttendancePosition(0, "e"), SeekDirection.Backward)).Should().Equal("c", "a");
        (await SeekIdsAsync(AttendanceCandidateFilter.Any, AttendanceSort.IdAscending, null, SeekDirection.Backward)).Should().Equal("g", "e", "c", "a");
    }

    [Fact]
    public async Task Sorting_by_number_of_attendees_breaks_ties_by_id_in_the_same_direction()
    {
        await Store.InsertAsync(TenantA, Sample("a", "b1", "s1", AttendanceStatus.Attended, 2), None);
        await Store.InsertAsync(TenantA, Sample("b", "b2", "s1", AttendanceStatus.Attended, 1), None);
        await Store.InsertAsync(TenantA, Sample("c", "b3", "s1", AttendanceStatus.Attended, 2), None);
        await Store.InsertAsync(TenantA, Sample("d", "b4", "s1", AttendanceStatus.NotAttended, 0), None);

        (await SeekIdsAsync(AttendanceCandidateFilter.Any, AttendanceSort.NumberOfAttendeesAscending, null, SeekDirection.Forward)).Should().Equal("d", "b", "a", "c");
        (await SeekIdsAsync(AttendanceCandidateFilter.Any, AttendanceSort.NumberOfAttendeesDescending, null, SeekDirection.Forward)).Should().Equal("c", "a", "b", "d");
        (await SeekIdsAsync(AttendanceCandidateFilter.Any, AttendanceSort.NumberOfAttendeesDescending, new AttendancePosition(2, "a"), SeekDirection.Forward)).Should().Equal("b", "d");
        (await SeekIdsAsync(AttendanceCandidateFilter.Any, AttendanceSort.NumberOfAttendeesAscending, new AttendancePosition(2, "a"), SeekDirection.Backward)).Should().Equal("b", "d");
    }

    [Theory]
    [MemberData(nameof(SortsAndDirections))]
    public async Task Every_seek_from_every_position_reads_what_the_order_says(string sortName, SeekDirection direction)
    {
        var all = await InsertGridAsync();
        var sort = SortNamed(sortName);
        var ordered = Ordered(all, sort);
        var positions = new List<AttendancePosition?> { null };
        positions.AddRange(ordered.Select(a => (AttendancePosition?)new AttendancePosition(a.NumberOfAttendees, a.Id)));
        positions.Add(new AttendancePosition(2, "att-15x"));

        foreach (var (name, filter, admits) in CandidateFilters())
        {
            foreach (var position in positions)
            {
                var expected = Expected(ordered, sort, admits, position, direction);

                var actual = await SeekIdsAsync(filter, sort, position, direction);

                actual.Should().Equal(expected, "filter {0} from {1} going {2}", name, position, direction);
            }
        }
    }

    [Fact]
    public async Task A_seek_by_several_bookings_merges_them_in_order()
    {
        var all = await InsertGridAsync();
        var filter = new AttendanceCandidateFilter { BookingIds = ["b1", "b4", "b6"] };

        var ids = await SeekIdsAsync(filter, AttendanceSort.NumberOfAttendeesDescending, null, SeekDirection.Forward);

        ids.Should().Equal(Ordered(all, AttendanceSort.NumberOfAttendeesDescending).Where(a => a.BookingId is "b1" or "b4" or "b6").Select(a => a.Id));
        ids.Should().HaveCountGreaterThan(10);
    }

    [Fact]
    public async Task A_seek_sees_replacements_and_deletions()
    {
        await Store.InsertAsync(TenantA, Sample("a", "b1", "s1", AttendanceStatus.Attended, 1), None);
        await Store.InsertAsync(TenantA, Sample("b", "b2", "s1", AttendanceStatus.Attended, 2), None);
        await Store.InsertAsync(TenantA, Sample("c", "b3", "s1", AttendanceStatus.Attended, 3), None);
        (await SeekIdsAsync(new AttendanceCandidateFilter { SessionIds = ["s1"] }, AttendanceSort.NumberOfAttendeesAscending, null, SeekDirection.Forward)).Should().Equal("a", "b", "c");

        await Store.ReplaceAsync(TenantA, Sample("a", "b1", "s1", AttendanceStatus.Attended, 5) with { Revision = 2 }, 1, None);
        await Store.DeleteAsync(TenantA, "b", 1, None);

        (await SeekIdsAsync(new AttendanceCandidateFilter { SessionIds = ["s1"] }, AttendanceSort.NumberOfAttendeesAscending, null, SeekDirection.Forward)).Should().Equal("c", "a");
        (await SeekIdsAsync(new AttendanceCandidateFilter { BookingIds = ["b2"] }, AttendanceSort.IdAscending, null, SeekDirection.Forward)).Should().BeEmpty();
    }

    [Fact]
    public async Task A_seek_honours_cancellation()
    {
        await InsertGridAsync();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        var act = async () =>
        {
            await foreach (var unused in Store.FindInOrderAsync(TenantA, AttendanceCandidateFilter.Any, AttendanceSort.IdAscending, null, SeekDirection.Forward, cancelled.Token))
            {
            }
        };

        await act.Should().ThrowAsync<OperationCanceledException>();
    }

    [Fact]
    public async Task Tallies_count_each_session_by_status_and_sum_the_attendees()
    {
        await Store.InsertAsync(TenantA, Sample("a1", "b1", "s1", AttendanceStatus.Attended, 2), None);
        await Store.InsertAsync(TenantA, Sample("a2", "b2", "s1", AttendanceStatus.Attended, 3), None);
        await Store.InsertAsync(TenantA, Sample("a3", "b3", "s1", AttendanceStatus.NotAttended, 0), None);
        await Store.InsertAsync(TenantA, Sample("a4", "b4", "s1", AttendanceStatus.NotSet, 0), None);
        await Store.InsertAsync(TenantA, Sample("a5", "b1", "s2", AttendanceStatus.Attended, 1), None);

        var tallies = await TallyAsync(TenantA, AttendanceGrouping.Session, "s1", "s2");

        tallies.Should().BeEquivalentTo([new AttendanceTally("s1", 2, 1, 1, 5), new AttendanceTally("s2", 1, 0, 0, 1)]);
    }

    [Fact]
    public async Task Tallies_count_each_booking_across_its_sessions()
    {
        await Store.InsertAsync(TenantA, Sample("a1", "b1", "s1", AttendanceStatus.Attended, 1), None);
        await Store.InsertAsync(TenantA, Sample("a2", "b1", "s2", AttendanceStatus.NotAttended, 0), None);
        await Store.InsertAsync(TenantA, Sample("a3", "b1", "s3", AttendanceStatus.Attended, 2), None);
        await Store.InsertAsync(TenantA, Sample("a4", "b2", "s1", AttendanceStatus.NotSet, 0), None);

        var tallies = await TallyAsync(TenantA, AttendanceGrouping.Booking, "b1", "b2");

        tallies.Should().BeEquivalentTo([new AttendanceTally("b1", 2, 1, 0, 3), new AttendanceTally("b2", 0, 0, 1, 0)]);
    }

    [Fact]
    public async Task Tallies_leave_out_or_zero_keys_without_attendance()
    {
        await Store.InsertAsync(TenantA, Sample("a1", "b1", "s1"), None);

        var tallies = await TallyAsync(TenantA, AttendanceGrouping.Session, "s1", "nothing-here");

        tallies.Where(t => t.Key == "nothing-here").Should().BeSubsetOf([new AttendanceTally("nothing-here", 0, 0, 0, 0)]);
        tallies.Should().ContainSingle(t => t.Key == "s1");
    }

    [Fact]
    public async Task Tallies_follow_replacements_and_deletions()
    {
        await Store.InsertAsync(TenantA, Sample("a1", "b1", "s1", AttendanceStatus.Attended, 4), None);
        await Store.InsertAsync(TenantA, Sample("a2", "b2", "s1", AttendanceStatus.Attended, 1), None);

        await Store.ReplaceAsync(TenantA, Sample("a1", "b1", "s1", AttendanceStatus.NotAttended, 0) with { Revision = 2 }, 1, None);
        await Store.DeleteAsync(TenantA, "a2", 1, None);
        await Store.InsertAsync(TenantA, Sample("a3", "b3", "s1", AttendanceStatus.NotSet, 0), None);

        (await TallyAsync(TenantA, AttendanceGrouping.Session, "s1")).Should().Equal(new AttendanceTally("s1", 0, 1, 1, 0));
        (await TallyAsync(TenantA, AttendanceGrouping.Booking, "b2")).Where(t => t.Attended + t.NotAttended + t.NotSet > 0).Should().BeEmpty();
    }

    [Fact]
    public async Task Concurrent_inserts_of_the_same_booking_and_session_let_exactly_one_in()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(async () =>
            await Store.InsertAsync(TenantA, Sample($"a{i}", "b1", "s1"), None))));

        results.Count(inserted => inserted).Should().Be(1);
        var winner = Array.IndexOf(results, true);
        (await Store.FindByBookingAndSessionAsync(TenantA, "b1", "s1", None))!.Id.Should().Be($"a{winner}");
        (await SeekAsync(TenantA, AttendanceCandidateFilter.Any, AttendanceSort.IdAscending, null, SeekDirection.Forward)).Should().ContainSingle();
    }

    [Fact]
    public async Task Concurrent_replacements_with_the_same_revision_let_exactly_one_win()
    {
        await Store.InsertAsync(TenantA, Sample("a1", "b1", "s1"), None);

        var results = await Task.WhenAll(Enumerable.Range(1, 20).Select(i => Task.Run(async () =>
            await Store.ReplaceAsync(TenantA, Sample("a1", "b1", "s1", AttendanceStatus.Attended, i) with { Revision = 2 }, 1, None))));

        results.Count(replaced => replaced).Should().Be(1);
        var stored = await Store.FindAsync(TenantA, "a1", None);
        stored!.Revision.Should().Be(2);
        stored.NumberOfAttendees.Should().Be(Array.IndexOf(results, true) + 1);
    }

    /// <summary>An attended attendance created at <see cref="Created"/>, revision 1.</summary>
    protected static Attendance Sample(string id, string bookingId, string sessionId, AttendanceStatus status = AttendanceStatus.Attended, int numberOfAttendees = 1) => new()
    {
        Id = id,
        BookingId = bookingId,
        SessionId = sessionId,
        Status = status,
        NumberOfAttendees = numberOfAttendees,
        Revision = 1,
        CreatedAt = Created,
        UpdatedAt = Created,
    };

    private static AttendanceSort SortNamed(string name) => name switch
    {
        "id ASC" => AttendanceSort.IdAscending,
        "id DESC" => AttendanceSort.IdDescending,
        "numberOfAttendees ASC" => AttendanceSort.NumberOfAttendeesAscending,
        _ => AttendanceSort.NumberOfAttendeesDescending,
    };

    /// <summary>The order a sort defines, written out plainly: the key, then the id, both in the sort's direction.</summary>
    private static List<Attendance> Ordered(IEnumerable<Attendance> all, AttendanceSort sort)
    {
        var ascending = all.Order(Comparer<Attendance>.Create((x, y) =>
            sort.Field == AttendanceSortField.NumberOfAttendees && x.NumberOfAttendees != y.NumberOfAttendees
                ? x.NumberOfAttendees.CompareTo(y.NumberOfAttendees)
                : string.CompareOrdinal(x.Id, y.Id))).ToList();
        if (sort.IsDescending)
        {
            ascending.Reverse();
        }

        return ascending;
    }

    /// <summary>What a seek must read: the items strictly past the position in the direction of the seek, nearest first.</summary>
    private static List<string> Expected(List<Attendance> ordered, AttendanceSort sort, Func<Attendance, bool> admits, AttendancePosition? position, SeekDirection direction)
    {
        var range = direction == SeekDirection.Forward
            ? ordered.Where(a => position is not { } at || Comes(a, at, sort) > 0)
            : ordered.Where(a => position is not { } at || Comes(a, at, sort) < 0).Reverse();
        return [.. range.Where(admits).Select(a => a.Id)];
    }

    /// <summary>Whether <paramref name="attendance"/> comes after (positive) or before (negative) the position in the sort's order.</summary>
    private static int Comes(Attendance attendance, AttendancePosition position, AttendanceSort sort)
    {
        var ascending = sort.Field == AttendanceSortField.NumberOfAttendees && attendance.NumberOfAttendees != position.NumberOfAttendees
            ? attendance.NumberOfAttendees.CompareTo(position.NumberOfAttendees)
            : string.CompareOrdinal(attendance.Id, position.Id);
        return sort.IsDescending ? -ascending : ascending;
    }

    private static IEnumerable<(string Name, AttendanceCandidateFilter Filter, Func<Attendance, bool> Admits)> CandidateFilters()
    {
        yield return ("any", AttendanceCandidateFilter.Any, _ => true);
        yield return ("one booking", new() { BookingIds = ["b3"] }, a => a.BookingId == "b3");
        yield return ("two bookings", new() { BookingIds = ["b2", "b5"] }, a => a.BookingId is "b2" or "b5");
        yield return ("one session", new() { SessionIds = ["course_2"] }, a => a.SessionId == "course_2");
        yield return ("two sessions", new() { SessionIds = ["single", "course_4"] }, a => a.SessionId is "single" or "course_4");
        yield return ("a series", new() { RecurringSessionIds = ["course"] }, a => a.RecurringSessionId == "course");
        yield return ("a status", new() { Statuses = [AttendanceStatus.NotAttended] }, a => a.Status == AttendanceStatus.NotAttended);
        yield return ("ids", new() { Ids = ["att-03", "att-17", "att-40", "missing"] }, a => a.Id is "att-03" or "att-17" or "att-40");
        yield return ("bookings and status", new() { BookingIds = ["b1", "b2"], Statuses = [AttendanceStatus.Attended] }, a => a.BookingId is "b1" or "b2" && a.Status == AttendanceStatus.Attended);
        yield return ("sessions and a booking", new() { SessionIds = ["course_1", "course_3"], BookingIds = ["b4"] }, a => a.SessionId is "course_1" or "course_3" && a.BookingId == "b4");
        yield return ("nobody", new() { BookingIds = ["nobody"] }, _ => false);
    }

    /// <summary>
    /// Attendance of eight bookings at a single session and the four instances of a course, with ids that do not
    /// follow the order they were made in, every status, and numbers of attendees that tie often.
    /// </summary>
    private async Task<List<Attendance>> InsertGridAsync()
    {
        var sessions = new (string Id, string? Series)[] { ("single", null), ("course_1", "course"), ("course_2", "course"), ("course_3", "course"), ("course_4", "course") };
        var all = new List<Attendance>();
        var index = 0;
        for (var booking = 1; booking <= 8; booking++)
        {
            for (var session = 0; session < sessions.Length; session++)
            {
                if ((booking + (2 * session)) % 7 == 0)
                {
                    continue;
                }

                var status = (AttendanceStatus)((booking + session) % 3);
                var attendance = Sample($"att-{(index++ * 17) % 41:00}", $"b{booking}", sessions[session].Id, status, status == AttendanceStatus.Attended ? 1 + (booking * session % 3) : 0)
                    with { RecurringSessionId = sessions[session].Series };
                (await Store.InsertAsync(TenantA, attendance, None)).Should().BeTrue();
                all.Add(attendance);
            }
        }

        all.Select(a => a.Id).Should().OnlyHaveUniqueItems();
        return all;
    }

    private async Task<List<Attendance>> SeekAsync(string tenantId, AttendanceCandidateFilter filter, AttendanceSort sort, AttendancePosition? position, SeekDirection direction)
    {
        var found = new List<Attendance>();
        await foreach (var attendance in Store.FindInOrderAsync(tenantId, filter, sort, position, direction, None))
        {
            found.Add(attendance);
        }

        return found;
    }

    /// <summary>The ids a seek reads, keeping only what the candidate filter admits (a store may return more, never less).</summary>
    private async Task<List<string>> SeekIdsAsync(AttendanceCandidateFilter filter, AttendanceSort sort, AttendancePosition? position, SeekDirection direction) =>
        [.. (await SeekAsync(TenantA, filter, sort, position, direction)).Where(filter.Admits).Select(a => a.Id)];

    private async Task<List<AttendanceTally>> TallyAsync(string tenantId, AttendanceGrouping grouping, params string[] keys)
    {
        var tallies = new List<AttendanceTally>();
        await foreach (var tally in Store.TallyAsync(tenantId, grouping, keys, None))
        {
            tallies.Add(tally);
        }

        return tallies;
    }
}
