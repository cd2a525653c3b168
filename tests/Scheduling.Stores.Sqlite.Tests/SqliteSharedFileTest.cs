using Scheduling.Sessions;
using Scheduling.Stores.ContractTests;
using static Scheduling.Stores.Sqlite.Tests.Examples;

namespace Scheduling.Stores.Sqlite.Tests;

/// <summary>
/// Several store instances on one file, each with its own connection string (and so its own pool), as several
/// processes of one host would have: they see each other's writes, share the capacity check and the revision check,
/// and what they wrote outlives their connections.
/// </summary>
public sealed class SqliteSharedFileTest : IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;

    private readonly TemporaryDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Two_instances_see_each_others_writes()
    {
        var (sessionsA, seriesA) = StoresOn(_database.ConnectionString);
        var (sessionsB, seriesB) = StoresOn(_database.ConnectionStringWith(b => b.Pooling = false));

        await sessionsA.InsertAsync(Tenant, Session("s1"), None);
        await seriesB.InsertAsync(Tenant, Series("yoga"), null, None);
        await seriesB.SaveOverrideAsync(Tenant, Override("yoga", Time.Local(2025, 3, 10, 9)), 0, None);

        (await sessionsB.FindAsync(Tenant, "s1", None)).Should().NotBeNull();
        (await ToListAsync(sessionsB.FindOverlappingAsync(Tenant, SessionCandidateFilter.Any, Time.Utc(2025, 3, 1), Time.Utc(2025, 4, 1), null, None))).Should().ContainSingle();
        (await seriesA.FindAsync(Tenant, "yoga", None))!.Overrides.Should().ContainKey(Time.Local(2025, 3, 10, 9));
        (await ToListAsync(seriesA.FindOverlappingAsync(Tenant, SessionCandidateFilter.Any, Time.Utc(2025, 3, 1), Time.Utc(2025, 4, 1), None))).Should().ContainSingle();
    }

    [Fact]
    public async Task Change_versions_move_with_writes_through_any_instance_and_only_then()
    {
        var (sessionsA, seriesA) = StoresOn(_database.ConnectionString);
        var (sessionsB, seriesB) = StoresOn(_database.ConnectionStringWith(b => b.Pooling = false));
        var sessionsBefore = await sessionsA.GetChangeVersionAsync(Tenant, None);
        var seriesBefore = await seriesA.GetChangeVersionAsync(Tenant, None);

        await sessionsB.InsertAsync(Tenant, Session("s1"), None);
        var afterInsert = await sessionsA.GetChangeVersionAsync(Tenant, None);
        await sessionsB.ReplaceAsync(Tenant, Session("s1") with { Revision = 2 }, expectedRevision: 5, None);
        var afterStaleReplace = await sessionsA.GetChangeVersionAsync(Tenant, None);
        await seriesB.InsertAsync(Tenant, Series("yoga"), null, None);
        await sessionsB.BookAsync(Tenant, "s1", new Participant("p1"), Later, None);

        afterInsert.Should().NotBe(sessionsBefore);
        afterStaleReplace.Should().Be(afterInsert);
        (await sessionsA.GetChangeVersionAsync(Tenant, None)).Should().NotBe(afterInsert);
        (await seriesA.GetChangeVersionAsync(Tenant, None)).Should().NotBe(seriesBefore);
        (await sessionsA.GetChangeVersionAsync("tenant-b", None)).Should().Be(0);
    }

    [Fact]
    public async Task Concurrent_last_seat_bookings_through_separate_instances_fill_the_capacity_exactly()
    {
        var stores = Enumerable.Range(0, 8).Select(i => new SqliteSessionStore(_database.ConnectionStringWith(b => b.DefaultTimeout = 30 + i))).ToList();
        await stores[0].InsertAsync(Tenant, Session("s1", capacity: 5), None);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(async () =>
            await stores[i % stores.Count].BookAsync(Tenant, "s1", new Participant($"p{i}"), Later, None))));

        outcomes.Count(o => o == BookingOutcome.Booked).Should().Be(5);
        outcomes.Count(o => o == BookingOutcome.Full).Should().Be(35);
        var found = await stores[3].FindAsync(Tenant, "s1", None);
        found!.Participants.Should().HaveCount(5).And.OnlyHaveUniqueItems(p => p.Id);
        found.Revision.Should().Be(6);
    }

    [Fact]
    public async Task Concurrent_last_seat_bookings_of_an_instance_through_separate_instances_fill_the_capacity_exactly()
    {
        var stores = Enumerable.Range(0, 8).Select(i => new SqliteRecurringSessionStore(_database.ConnectionStringWith(b => b.DefaultTimeout = 30 + i))).ToList();
        await stores[0].InsertAsync(Tenant, Series("yoga") with { Details = new SessionDetails { Capacity = 3 } }, null, None);
        var instance = Time.Local(2025, 3, 10, 9);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(async () =>
            await stores[i % stores.Count].BookAsync(Tenant, "yoga", instance, new Participant($"p{i}"), Later, None))));

        outcomes.Count(o => o == BookingOutcome.Booked).Should().Be(3);
        outcomes.Count(o => o == BookingOutcome.Full).Should().Be(37);
        var own = (await stores[5].FindAsync(Tenant, "yoga", None))!.Overrides[instance];
        own.Participants.Should().HaveCount(3).And.OnlyHaveUniqueItems(p => p.Id);
        own.Revision.Should().Be(3);
    }

    [Fact]
    public async Task A_stale_revision_through_another_instance_changes_nothing()
    {
        var (sessionsA, seriesA) = StoresOn(_database.ConnectionString);
        var (sessionsB, seriesB) = StoresOn(_database.ConnectionStringWith(b => b.Pooling = false));
        await sessionsA.InsertAsync(Tenant, Session("s1"), None);
        await seriesA.InsertAsync(Tenant, Series("yoga"), null, None);
        (await sessionsA.ReplaceAsync(Tenant, Session("s1") with { Details = Session("s1").Details with { Title = "first" }, Revision = 2 }, expectedRevision: 1, None)).Should().BeTrue();
        (await seriesA.ReplaceAsync(Tenant, Series("yoga") with { Details = new SessionDetails { Title = "first" }, Revision = 2 }, null, expectedRevision: 1, None)).Should().BeTrue();
        var sessionVersion = await sessionsA.GetChangeVersionAsync(Tenant, None);
        var seriesVersion = await seriesA.GetChangeVersionAsync(Tenant, None);

        (await sessionsB.ReplaceAsync(Tenant, Session("s1") with { Details = Session("s1").Details with { Title = "stale" }, Revision = 2 }, expectedRevision: 1, None)).Should().BeFalse();
        (await sessionsB.DeleteAsync(Tenant, "s1", expectedRevision: 1, None)).Should().BeFalse();
        (await seriesB.ReplaceAsync(Tenant, Series("yoga") with { Details = new SessionDetails { Title = "stale" }, Revision = 2 }, null, expectedRevision: 1, None)).Should().BeFalse();
        (await seriesB.SplitAsync(Tenant, Series("yoga") with { Revision = 2 }, null, 1, Series("yoga-2"), null, Time.Local(2025, 3, 17, 9), 0, None)).Should().BeFalse();
        (await seriesB.DeleteAsync(Tenant, "yoga", expectedRevision: 1, None)).Should().BeFalse();

        var session = await sessionsA.FindAsync(Tenant, "s1", None);
        session!.Details.Title.Should().Be("first");
        session.Revision.Should().Be(2);
        var series = await seriesA.FindAsync(Tenant, "yoga", None);
        series!.Series.Details.Title.Should().Be("first");
        (await seriesA.FindAsync(Tenant, "yoga-2", None)).Should().BeNull();
        (await sessionsA.GetChangeVersionAsync(Tenant, None)).Should().Be(sessionVersion);
        (await seriesA.GetChangeVersionAsync(Tenant, None)).Should().Be(seriesVersion);
    }

    [Fact]
    public async Task What_was_written_survives_closing_and_reopening_the_file()
    {
        var (sessions, series) = StoresOn(_database.ConnectionString);
        var session = Session("s1", capacity: 3) with { Details = Session("s1", capacity: 3).Details with { Title = "Kept" }, Start = Time.InNewYork(2025, 3, 10, 18, 30), End = Time.InNewYork(2025, 3, 10, 19, 30) };
        await sessions.InsertAsync(Tenant, session, None);
        await sessions.BookAsync(Tenant, "s1", new Participant("p1", "Ada", "ada@example.com"), Later, None);
        await series.InsertAsync(Tenant, Series("yoga", "FREQ=WEEKLY;COUNT=4"), Time.Utc(2025, 3, 24, 10), None);
        await series.SaveOverrideAsync(Tenant, Override("yoga", Time.Local(2025, 3, 10, 9)) with { Duration = Duration.FromHours(3) }, 0, None);
        var sessionBefore = await sessions.FindAsync(Tenant, "s1", None);
        var seriesBefore = await series.FindAsync(Tenant, "yoga", None);

        _database.ClosePools();
        File.Exists(_database.FilePath).Should().BeTrue();
        var (reopenedSessions, reopenedSeries) = StoresOn(_database.ConnectionStringWith(b => b.Cache = Microsoft.Data.Sqlite.SqliteCacheMode.Private));

        var sessionAfter = await reopenedSessions.FindAsync(Tenant, "s1", None);
        sessionAfter.Should().BeEquivalentTo(sessionBefore);
        sessionAfter!.Participants.Should().Equal(new Participant("p1", "Ada", "ada@example.com"));
        var seriesAfter = await reopenedSeries.FindAsync(Tenant, "yoga", None);
        seriesAfter!.SpanEnd.Should().Be(seriesBefore!.SpanEnd);
        seriesAfter.EffectiveSpanEnd.Should().Be(Time.Utc(2025, 3, 24, 12));
        seriesAfter.Series.Rule.ToString().Should().Be(seriesBefore.Series.Rule.ToString());
        seriesAfter.Overrides.Should().ContainSingle().Which.Value.Duration.Should().Be(Duration.FromHours(3));
        (await ToListAsync(reopenedSeries.FindOverlappingAsync(Tenant, SessionCandidateFilter.Any, Time.Utc(2025, 3, 24, 11), Time.Utc(2025, 3, 25), None)))
            .Should().ContainSingle("the lengthened instance widened the stored span");
    }

    [Fact]
    public async Task Writes_made_without_a_flush_at_each_commit_survive_closing_the_file()
    {
        var store = new SqliteSessionStore(_database.ConnectionString, new SqliteStoreOptions { FlushEachCommit = false });
        await store.InsertAsync(Tenant, Session("s1"), None);
        await store.BookAsync(Tenant, "s1", new Participant("p1"), Later, None);

        _database.ClosePools();
        var reopened = new SqliteSessionStore(_database.ConnectionStringWith(b => b.Pooling = false));

        (await reopened.FindAsync(Tenant, "s1", None))!.Participants.Should().Equal(new Participant("p1"));
    }

    [Fact]
    public async Task A_write_that_waits_longer_than_the_busy_timeout_fails_stores_nothing_and_leaves_the_store_usable()
    {
        var store = new SqliteSessionStore(_database.ConnectionString, new SqliteStoreOptions { BusyTimeout = TimeSpan.FromMilliseconds(100) });
        await store.InsertAsync(Tenant, Session("s1", capacity: 1), None);

        using (var holder = _database.Open(_database.ConnectionStringWith(b => b.Pooling = false)))
        using (var transaction = holder.BeginTransaction(deferred: false))
        {
            await store.Invoking(s => s.BookAsync(Tenant, "s1", new Participant("p1"), Later, None).AsTask())
                .Should().ThrowAsync<Microsoft.Data.Sqlite.SqliteException>().Where(e => e.SqliteErrorCode == 5);
            transaction.Rollback();
        }

        (await store.FindAsync(Tenant, "s1", None))!.Participants.Should().BeEmpty();
        (await store.BookAsync(Tenant, "s1", new Participant("p1"), Later, None)).Should().Be(BookingOutcome.Booked);
    }

    private static (SqliteSessionStore Sessions, SqliteRecurringSessionStore Series) StoresOn(string connectionString) =>
        (new SqliteSessionStore(connectionString), new SqliteRecurringSessionStore(connectionString));
}
