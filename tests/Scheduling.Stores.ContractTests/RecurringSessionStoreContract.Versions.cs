using Scheduling.Sessions;

namespace Scheduling.Stores.ContractTests;

/// <summary>
/// Record versions (<see cref="RecurringSessionRecord.Version"/>): new on every write of a series or its overrides,
/// never given twice to a series id in a tenant (two series may share one, as both series of a split may).
/// </summary>
public abstract partial class RecurringSessionStoreContract
{
    [Fact]
    public async Task Every_write_of_a_series_or_its_overrides_gives_the_record_a_new_version()
    {
        var versions = new List<long>();
        async Task ReadAsync(string id) => versions.Add((await Store.FindAsync(TenantA, id, None))!.Version);

        await Store.InsertAsync(TenantA, Series("yoga"), null, None);
        await ReadAsync("yoga");
        await Store.SaveOverrideAsync(TenantA, Override("yoga", "2025-03-17T09:00"), 0, None);
        await ReadAsync("yoga");
        await Store.BookAsync(TenantA, "yoga", Local("2025-03-24T09:00"), new Participant("p1"), Later, None);
        await ReadAsync("yoga");
        await Store.ReplaceAsync(TenantA, Series("yoga") with { Details = new SessionDetails { Title = "renamed" }, Revision = 2 }, null, 1, None);
        await ReadAsync("yoga");
        var (ended, following, _) = SplitAtThirdWeek();
        (await Store.SplitAsync(TenantA, ended with { Revision = 3 }, null, 2, following, null, ThirdWeek, OneHour, None)).Should().BeTrue();
        await ReadAsync("yoga");

        versions.Should().OnlyHaveUniqueItems().And.NotContain(0);
        (await Store.FindAsync(TenantA, "yoga-2", None))!.Version.Should().NotBe(0);
    }

    [Fact]
    public async Task An_unchanged_series_reads_at_the_same_version_from_find_and_from_window_queries()
    {
        await Store.InsertAsync(TenantA, Series("yoga"), null, None);
        await Store.SaveOverrideAsync(TenantA, Override("yoga", "2025-03-17T09:00"), 0, None);
        await Store.InsertAsync(TenantA, Series("other"), null, None);

        var found = await Store.FindAsync(TenantA, "yoga", None);
        var listed = await ToListAsync(Store.FindOverlappingAsync(TenantA, SessionCandidateFilter.Any, Time.Utc(2025, 3, 10), Time.Utc(2025, 3, 24), None));

        listed.Single(r => r.Series.Id == "yoga").Version.Should().Be(found!.Version);
        (await Store.FindAsync(TenantA, "yoga", None))!.Version.Should().Be(found.Version);
    }

    [Fact]
    public async Task A_write_refused_or_deciding_nothing_keeps_the_version()
    {
        await Store.InsertAsync(TenantA, Series("yoga") with { Details = new SessionDetails { Capacity = 0 } }, null, None);
        var version = (await Store.FindAsync(TenantA, "yoga", None))!.Version;

        (await Store.ReplaceAsync(TenantA, Series("yoga") with { Revision = 3 }, null, expectedRevision: 2, None)).Should().BeFalse();
        (await Store.SaveOverrideAsync(TenantA, Override("yoga", "2025-03-17T09:00", revision: 2), expectedRevision: 1, None)).Should().BeFalse();
        (await Store.BookAsync(TenantA, "yoga", Local("2025-03-17T09:00"), new Participant("p1"), Later, None)).Should().Be(BookingOutcome.Full);

        (await Store.FindAsync(TenantA, "yoga", None))!.Version.Should().Be(version);
    }

    [Fact]
    public async Task A_series_added_again_under_its_id_after_a_delete_reads_as_the_new_one_at_a_new_version()
    {
        await Store.InsertAsync(TenantA, Series("yoga") with { Details = new SessionDetails { Title = "first" } }, null, None);
        await Store.SaveOverrideAsync(TenantA, Override("yoga", "2025-03-17T09:00") with { Details = Override("yoga", "2025-03-17T09:00").Details with { Title = "first's" } }, 0, None);
        var first = await Store.FindAsync(TenantA, "yoga", None);
        await ToListAsync(Store.FindOverlappingAsync(TenantA, SessionCandidateFilter.Any, Time.Utc(2025, 3, 10), Time.Utc(2025, 3, 24), None));
        (await Store.DeleteAsync(TenantA, "yoga", 1, None)).Should().BeTrue();

        // The same id, revision and override key as before: only the version tells the two apart.
        await Store.InsertAsync(TenantA, Series("yoga") with { Details = new SessionDetails { Title = "second" } }, null, None);
        await Store.SaveOverrideAsync(TenantA, Override("yoga", "2025-03-17T09:00") with { Details = Override("yoga", "2025-03-17T09:00").Details with { Title = "second's" } }, 0, None);

        var second = await Store.FindAsync(TenantA, "yoga", None);
        second!.Series.Details.Title.Should().Be("second");
        second.Overrides[Local("2025-03-17T09:00")].Details.Title.Should().Be("second's");
        second.Version.Should().NotBe(first!.Version);
        var listed = await ToListAsync(Store.FindOverlappingAsync(TenantA, SessionCandidateFilter.Any, Time.Utc(2025, 3, 10), Time.Utc(2025, 3, 24), None));
        listed.Should().ContainSingle().Which.Series.Details.Title.Should().Be("second");
        listed[0].Overrides[Local("2025-03-17T09:00")].Details.Title.Should().Be("second's");
    }
}
