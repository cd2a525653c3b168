using Scheduling.Sessions;

namespace Scheduling.Stores.ContractTests.Sessions;

/// <summary>
/// Text that is not well-formed UTF-16 (a lone surrogate) cannot be kept as UTF-8, which is how the durable stores
/// keep it: it is refused naming the field, in every store, and nothing is written.
/// </summary>
public abstract partial class SessionServiceContract
{
    [Fact]
    public async Task Session_title_with_a_lone_surrogate_is_refused_naming_the_title()
    {
        var failure = await FailsAsync(
            () => CreateAsync(OneHour("s1", Time.Utc(2025, 3, 3, 10)) with { Details = new SessionDetails { Title = "Yoga \uD83D" } }),
            SchedulingErrorCode.InvalidArgument,
            "title");

        failure.Message.Should().Contain("lone surrogate");
        (await Service.ListSessionsAsync(Host, ["s1"])).Should().BeEmpty();
    }

    [Fact]
    public async Task Session_id_with_a_lone_surrogate_is_refused_naming_the_id() =>
        await FailsAsync(() => CreateAsync(OneHour("s\uDE00", Time.Utc(2025, 3, 3, 10))), SchedulingErrorCode.InvalidArgument, "id");

    [Fact]
    public async Task Series_tag_with_a_lone_surrogate_is_refused_naming_the_tags() =>
        await FailsAsync(() => CreateAsync(WeeklyYoga() with { Details = WeeklyYoga().Details with { Tags = ["ok", "\uDC00"] } }), SchedulingErrorCode.InvalidArgument, "tags");

    [Fact]
    public async Task Instance_note_with_a_lone_surrogate_is_refused_and_the_instance_keeps_its_notes()
    {
        await CreateAsync(WeeklyYoga());
        var instance = SessionInstanceId.Format("yoga", Time.Local(2025, 3, 10, 18, 30));

        await FailsAsync(
            () => Service.UpdateSessionAsync(Host, instance, new SessionChanges { Details = new SessionDetailsChanges { Notes = "bring a mat \uD800" } }, 0).AsTask(),
            SchedulingErrorCode.InvalidArgument,
            "notes");

        (await GetAsync(instance)).Details.Notes.Should().BeNull();
    }

    [Fact]
    public async Task Well_formed_text_beyond_the_basic_plane_is_kept_exactly()
    {
        await CreateAsync(OneHour("s\U0001F600", Time.Utc(2025, 3, 3, 10)) with { Details = new SessionDetails { Title = "Yoga \U0001F9D8", Tags = ["\U00010000"] } });

        var found = await GetAsync("s\U0001F600");

        found.Details.Title.Should().Be("Yoga \U0001F9D8");
        found.Details.Tags.Should().Equal("\U00010000");
    }
}
