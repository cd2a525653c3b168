using Scheduling.Sessions;
using Scheduling.Stores.ContractTests;
using static Scheduling.Stores.PostgreSql.Tests.Samples;

namespace Scheduling.Stores.PostgreSql.Tests;

/// <summary>
/// A series row read again unchanged comes back as the same record object (so the core's work on it is reused), and
/// a row changed by any host, this one or another, never does.
/// </summary>
public sealed class RecordReuseTest : IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;

    private TestSchema _schema = null!;

    /// <inheritdoc />
    public async Task InitializeAsync() => _schema = await TestSchema.CreateMigratedAsync();

    /// <inheritdoc />
    public async Task DisposeAsync() => await _schema.DisposeAsync();

    [Fact]
    public async Task Unchanged_series_is_read_as_the_same_record_by_find_and_by_window_queries()
    {
        var store = new PostgreSqlRecurringSessionStore(_schema.NewDataSource());
        await store.InsertAsync(Tenant, Series("yoga"), null, None);
        await store.SaveOverrideAsync(Tenant, Override("yoga", Week(1)), 0, None);

        var found = await store.FindAsync(Tenant, "yoga", None);
        var listed = await ToListAsync(store.FindOverlappingAsync(Tenant, SessionCandidateFilter.Any, Week(0).InUtc().ToInstant(), Week(4).InUtc().ToInstant(), None));

        listed.Should().ContainSingle().Which.Should().BeSameAs(found);
        (await store.FindAsync(Tenant, "yoga", None)).Should().BeSameAs(found);
    }

    [Fact]
    public async Task Series_changed_by_another_host_is_read_anew()
    {
        var (reader, writer) = (new PostgreSqlRecurringSessionStore(_schema.NewDataSource()), new PostgreSqlRecurringSessionStore(_schema.NewDataSource()));
        await writer.InsertAsync(Tenant, Series("yoga"), null, None);
        var before = await reader.FindAsync(Tenant, "yoga", None);

        await writer.ReplaceAsync(Tenant, Series("yoga") with { Details = new SessionDetails { Title = "renamed" }, Revision = 2 }, null, 1, None);

        var after = await reader.FindAsync(Tenant, "yoga", None);
        after.Should().NotBeSameAs(before);
        after!.Series.Details.Title.Should().Be("renamed");
    }

    [Fact]
    public async Task Series_whose_instance_was_booked_or_edited_is_read_anew()
    {
        var (reader, writer) = (new PostgreSqlRecurringSessionStore(_schema.NewDataSource()), new PostgreSqlRecurringSessionStore(_schema.NewDataSource()));
        await writer.InsertAsync(Tenant, Series("yoga"), null, None);
        var before = await reader.FindAsync(Tenant, "yoga", None);

        await writer.BookAsync(Tenant, "yoga", Week(1), new Participant("p1"), Later, None);
        var booked = await reader.FindAsync(Tenant, "yoga", None);
        await writer.SaveOverrideAsync(Tenant, booked!.Overrides[Week(1)] with { Details = booked!.Overrides[Week(1)].Details with { Title = "edited" }, Revision = 2 }, 1, None);
        var edited = await reader.FindAsync(Tenant, "yoga", None);

        booked.Should().NotBeSameAs(before);
        booked.Overrides[Week(1)].Participants.Should().ContainSingle();
        edited.Should().NotBeSameAs(booked);
        edited!.Overrides[Week(1)].Details.Title.Should().Be("edited");
        edited.Overrides[Week(1)].Participants.Should().ContainSingle();
    }

    [Fact]
    public async Task Series_whose_span_alone_changed_is_read_anew()
    {
        var store = new PostgreSqlRecurringSessionStore(_schema.NewDataSource());
        await store.InsertAsync(Tenant, Series("yoga"), null, None);
        var before = await store.FindAsync(Tenant, "yoga", None);
        await store.DeleteAsync(Tenant, "yoga", 1, None);

        await store.InsertAsync(Tenant, Series("yoga"), Instant.FromUtc(2025, 6, 1, 0, 0), None);

        (await store.FindAsync(Tenant, "yoga", None))!.SpanEnd.Should().Be(Instant.FromUtc(2025, 6, 1, 0, 0));
        before!.SpanEnd.Should().BeNull();
    }
}
