using Npgsql;
using Scheduling.Recurrence;
using Scheduling.Sessions;
using Scheduling.Stores.ContractTests;
using Scheduling.Stores.Serialization;
using static Scheduling.Stores.PostgreSql.Tests.Samples;

namespace Scheduling.Stores.PostgreSql.Tests;

/// <summary>
/// A connection killed in the middle of a multi-row change (<c>pg_terminate_backend</c>, as an operator, a failover or
/// a crashed host would): nothing partial is stored, the rows it locked are free again, and the next call works.
/// </summary>
public sealed class ConnectionFaultTest : IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;

    private TestSchema _schema = null!;

    /// <inheritdoc />
    public async Task InitializeAsync() => _schema = await TestSchema.CreateMigratedAsync();

    /// <inheritdoc />
    public async Task DisposeAsync() => await _schema.DisposeAsync();

    [Fact]
    public async Task Split_whose_connection_is_killed_before_it_commits_stores_nothing_and_the_next_split_works()
    {
        var store = new PostgreSqlRecurringSessionStore(_schema.NewDataSource());
        await store.InsertAsync(Tenant, Series("yoga"), null, None);
        foreach (var week in new[] { 0, 2, 3 })
        {
            await store.SaveOverrideAsync(Tenant, Override("yoga", Week(week), $"week {week}"), 0, None);
        }

        var before = await store.FindAsync(Tenant, "yoga", None);
        var (ended, following) = SplitAtThirdWeek();

        // Every row of the split is written (series ended, following inserted, overrides moved); then the connection dies.
        store.BeforeSplitCommits = async (connection, _) => await TestSchema.TerminateAsync(connection);
        var split = () => store.SplitAsync(Tenant, ended, Instant.FromUtc(2025, 3, 10, 10, 0), 1, following, null, Week(2), 3600, None).AsTask();
        await split.Should().ThrowAsync<NpgsqlException>();
        store.BeforeSplitCommits = null;

        Describe(await store.FindAsync(Tenant, "yoga", None)).Should().Be(Describe(before));
        (await store.FindAsync(Tenant, "yoga-2", None)).Should().BeNull();
        (await store.SplitAsync(Tenant, ended, Instant.FromUtc(2025, 3, 10, 10, 0), 1, following, null, Week(2), 3600, None)).Should().BeTrue();
        (await store.FindAsync(Tenant, "yoga", None))!.Overrides.Keys.Should().Equal(Week(0));
        (await store.FindAsync(Tenant, "yoga-2", None))!.Overrides.Keys.Should().BeEquivalentTo([Week(2).PlusHours(1), Week(3).PlusHours(1)]);
    }

    [Fact]
    public async Task Booking_of_a_session_killed_while_it_holds_the_row_books_nobody_and_frees_the_seat()
    {
        var store = new PostgreSqlSessionStore(_schema.NewDataSource());
        await store.InsertAsync(Tenant, Session("s1") with { Details = new SessionDetails { Capacity = 1 } }, None);

        // A booking on another host, by hand: lock the row and write the participant, but never commit.
        await using var crashing = await _schema.NewDataSource().OpenConnectionAsync();
        await using var transaction = await crashing.BeginTransactionAsync();
        var locked = StoredJson.ReadSession((string)(await ScalarAsync(crashing, "SELECT body FROM sessions WHERE tenant_id = @tenant AND id = 's1' FOR UPDATE"))!, "s1");
        var half = locked with { Participants = [new Participant("lost")], Revision = 2 };
        await ScalarAsync(crashing, "UPDATE sessions SET body = @body, revision = 2 WHERE tenant_id = @tenant AND id = 's1'", ("body", StoredJson.Write(half)));

        var waiting = store.BookAsync(Tenant, "s1", new Participant("kept"), Later, None).AsTask();
        await Task.Delay(200);
        waiting.IsCompleted.Should().BeFalse("the booking waits for the row the other host holds");
        await TestSchema.TerminateAsync(crashing);

        (await waiting).Should().Be(BookingOutcome.Booked);
        var stored = await store.FindAsync(Tenant, "s1", None);
        stored!.Participants.Select(p => p.Id).Should().Equal("kept");
        stored.Revision.Should().Be(2);
    }

    [Fact]
    public async Task Booking_of_an_instance_killed_while_it_holds_the_series_books_nobody_and_frees_the_seat()
    {
        var store = new PostgreSqlRecurringSessionStore(_schema.NewDataSource());
        await store.InsertAsync(Tenant, Series("yoga") with { Details = new SessionDetails { Capacity = 1 } }, null, None);

        // A booking on another host, by hand: lock the series, write the instance's override, but never commit.
        await using var crashing = await _schema.NewDataSource().OpenConnectionAsync();
        await using var transaction = await crashing.BeginTransactionAsync();
        await ScalarAsync(crashing, "SELECT 1 FROM recurring_sessions WHERE tenant_id = @tenant AND id = 'yoga' FOR NO KEY UPDATE");
        var half = Override("yoga", Week(1)) with { Participants = [new Participant("lost")] };
        await ScalarAsync(
            crashing,
            "INSERT INTO instance_overrides (tenant_id, recurring_session_id, identity_start, revision, body) VALUES (@tenant, 'yoga', '2025-03-10T09:00:00', 1, @body)",
            ("body", StoredJson.Write(half)));

        var waiting = store.BookAsync(Tenant, "yoga", Week(1), new Participant("kept"), Later, None).AsTask();
        await Task.Delay(200);
        waiting.IsCompleted.Should().BeFalse("the booking waits for the series the other host holds");
        await TestSchema.TerminateAsync(crashing);

        (await waiting).Should().Be(BookingOutcome.Booked);
        var instance = (await store.FindAsync(Tenant, "yoga", None))!.Overrides[Week(1)];
        instance.Participants.Select(p => p.Id).Should().Equal("kept");
        instance.Revision.Should().Be(1);
    }

    [Fact]
    public async Task Store_whose_connection_is_killed_mid_call_answers_the_next_call()
    {
        var store = new PostgreSqlRecurringSessionStore(_schema.NewDataSource(builder => builder.MaxPoolSize = 1));
        await store.InsertAsync(Tenant, Series("yoga"), null, None);
        store.BeforeSplitCommits = async (connection, _) => await TestSchema.TerminateAsync(connection);
        var (ended, following) = SplitAtThirdWeek();
        await ((Func<Task>)(() => store.SplitAsync(Tenant, ended, null, 1, following, null, Week(2), 3600, None).AsTask())).Should().ThrowAsync<NpgsqlException>();

        // The pool's only connection died; the next call opens another.
        (await store.FindAsync(Tenant, "yoga", None))!.Series.Revision.Should().Be(1);
    }

    /// <summary>"This and following" from the third week, the following series an hour later.</summary>
    private static (RecurringSession Ended, RecurringSession Following) SplitAtThirdWeek() =>
        (Series("yoga") with { Rule = RecurrenceRule.Parse("FREQ=WEEKLY;UNTIL=20250317T085959Z"), Revision = 2, UpdatedAt = Later },
         Series("yoga-2") with { Start = Week(2).PlusHours(1), IdentityStart = Week(2).PlusHours(1), CreatedAt = Later, UpdatedAt = Later });

    private static string? Describe(RecurringSessionRecord? record) => record is null
        ? null
        : $"{StoredJson.Write(record.Series)} {record.SpanEnd} "
          + string.Join(" | ", record.Overrides.OrderBy(o => o.Key).Select(o => StoredJson.Write(o.Value)));

    private static async Task<object?> ScalarAsync(NpgsqlConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("tenant", Tenant);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return await command.ExecuteScalarAsync();
    }
}
