using Scheduling.Sessions;
using static Scheduling.Stores.PostgreSql.Tests.Samples;

namespace Scheduling.Stores.PostgreSql.Tests;

/// <summary>The JSON bodies are kept as given, whatever characters the free-text fields hold.</summary>
public sealed class StoredBodyTest : IAsyncLifetime
{
    private const string AnyText = "nul \0, tab \t, quote \", backslash \\, emoji \U0001F9D8, accents éß, line\nbreak";

    private static readonly CancellationToken None = CancellationToken.None;

    private TestSchema _schema = null!;

    /// <inheritdoc />
    public async Task InitializeAsync() => _schema = await TestSchema.CreateMigratedAsync();

    /// <inheritdoc />
    public async Task DisposeAsync() => await _schema.DisposeAsync();

    [Fact]
    public async Task Session_text_holding_any_character_is_kept_as_given()
    {
        var store = new PostgreSqlSessionStore(_schema.NewDataSource());
        await store.InsertAsync(Tenant, Session("s1") with { Details = new SessionDetails { Title = AnyText, Tags = [AnyText] }, Participants = [new Participant("p1", AnyText)] }, None);

        var stored = await store.FindAsync(Tenant, "s1", None);

        stored!.Details.Title.Should().Be(AnyText);
        stored.Details.Tags.Should().Equal(AnyText);
        stored.Participants.Single().Name.Should().Be(AnyText);
    }

    [Fact]
    public async Task Series_and_override_text_holding_any_character_is_kept_as_given()
    {
        var store = new PostgreSqlRecurringSessionStore(_schema.NewDataSource());
        await store.InsertAsync(Tenant, Series("yoga") with { Details = new SessionDetails { Notes = AnyText } }, null, None);
        await store.SaveOverrideAsync(Tenant, Override("yoga", Week(1), AnyText), 0, None);

        var stored = await store.FindAsync(Tenant, "yoga", None);

        stored!.Series.Details.Notes.Should().Be(AnyText);
        stored.Overrides[Week(1)].Details.Title.Should().Be(AnyText);
    }
}
