using System.Collections.Immutable;
using Scheduling.Sessions;
using Scheduling.Stores.ContractTests;

namespace Scheduling.Tests.Sessions;

/// <summary>
/// The one shape of a session's details: equality that includes the lists, the checks the type makes, the one merge
/// of an instance's own details over its series', and the one way changes apply.
/// </summary>
public sealed class SessionDetailsTest
{
    private static readonly Instant Added = Time.Utc(2025, 3, 1);

    private static readonly SessionDetails Series = new()
    {
        Title = "Yoga",
        Tags = ["yoga", "evening"],
        Location = "Hall",
        Capacity = 12,
        ClientId = "client-1",
        ServiceIds = ["svc-1"],
        FieldValues = [FieldValue.OfText("level", "beginner")],
        Attachments = [new Attachment("a1", "plan.pdf", "blob://plan", Added)],
        NoteLog = [new SessionNote("n1", "staff-1", "Bring mats", Added)],
        Invoice = new InvoiceReference("inv-1"),
    };

    [Fact]
    public void Details_with_equal_lists_in_new_arrays_are_equal_and_hash_alike()
    {
        var copy = Series with
        {
            Tags = ImmutableArray.Create("yoga", "evening"),
            ServiceIds = ImmutableArray.Create("svc-1"),
            FieldValues = ImmutableArray.Create(FieldValue.OfText("level", "beginner")),
        };

        copy.Should().Be(Series);
        (copy == Series).Should().BeTrue();
        copy.GetHashCode().Should().Be(Series.GetHashCode());
    }

    [Fact]
    public void Lists_that_differ_in_an_item_or_in_order_make_details_differ()
    {
        (Series with { Tags = ["evening", "yoga"] }).Should().NotBe(Series);
        (Series with { ServiceIds = ["svc-1", "svc-2"] }).Should().NotBe(Series);
        (Series with { NoteLog = [] }).Should().NotBe(Series);
    }

    [Fact]
    public void A_list_left_unset_reads_as_empty_and_equals_an_empty_list()
    {
        var unset = new SessionDetails { Tags = default, ServiceIds = default, FieldValues = default, Attachments = default, NoteLog = default };

        unset.Tags.IsDefault.Should().BeFalse();
        unset.Tags.Should().BeEmpty();
        unset.Should().Be(SessionDetails.None);
    }

    [Fact]
    public void Sessions_series_and_instance_edits_compare_their_lists_by_content()
    {
        var start = CalendarDateTime.AtInstant(Time.Utc(2025, 3, 3, 9));
        var session = new Session { Id = "s1", ScheduleId = "r", ScheduleOwnerId = "o", Start = start, End = start, Participants = [new Participant("p1")], Details = Series };
        var series = new RecurringSession
        {
            Id = "yoga",
            ScheduleId = "r",
            ScheduleOwnerId = "o",
            Start = new LocalDateTime(2025, 3, 3, 9, 0),
            Zone = Time.NewYork,
            Duration = Duration.FromHours(1),
            Rule = SessionText.ParseRule("FREQ=WEEKLY"),
            IdentityStart = new LocalDateTime(2025, 3, 3, 9, 0),
            ExceptionDates = [new LocalDateTime(2025, 3, 10, 9, 0)],
        };
        var own = new InstanceOverride { RecurringSessionId = "yoga", IdentityStart = new LocalDateTime(2025, 3, 17, 9, 0), Details = new SessionDetailsOverride { Tags = ["own"] } };

        (session with { Participants = [new Participant("p1")], Details = Series with { Tags = [.. Series.Tags] } }).Should().Be(session);
        (session with { Participants = [new Participant("p2")] }).Should().NotBe(session);
        (series with { ExceptionDates = [new LocalDateTime(2025, 3, 10, 9, 0)] }).Should().Be(series);
        (series with { ExceptionDates = [] }).Should().NotBe(series);
        (own with { Details = new SessionDetailsOverride { Tags = ImmutableArray.Create("own") } }).Should().Be(own);
    }

    [Fact]
    public void An_instance_that_sets_nothing_shows_its_series_details_themselves()
    {
        SessionDetailsOverride.None.SetsAny.Should().BeFalse();
        SessionDetailsOverride.None.Over(Series).Should().BeSameAs(Series);
    }

    [Fact]
    public void A_field_the_instance_sets_is_shown_and_every_other_field_is_the_series()
    {
        var own = new SessionDetailsOverride { Title = "Special", Capacity = 3, ServiceIds = ["svc-9"] };

        var shown = own.Over(Series);

        own.SetsAny.Should().BeTrue();
        shown.Should().Be(Series with { Title = "Special", Capacity = 3, ServiceIds = ["svc-9"] });
    }

    [Fact]
    public void An_instance_list_given_unset_is_an_empty_list_of_its_own_not_the_series()
    {
        var own = new SessionDetailsOverride { Tags = default(ImmutableArray<string>) };

        own.Tags.Should().NotBeNull();
        own.Tags!.Value.Should().BeEmpty();
        own.Over(Series).Tags.Should().BeEmpty();
    }

    [Fact]
    public void Changes_change_only_the_fields_given_and_a_list_given_replaces_the_list()
    {
        var changes = new SessionDetailsChanges { Title = "Pilates", Location = null, Tags = ImmutableArray.Create("pilates") };

        changes.ApplyTo(Series).Should().Be(Series with { Title = "Pilates", Location = null, Tags = ["pilates"] });
        SessionDetailsChanges.None.ApplyTo(Series).Should().Be(Series);
    }

    [Fact]
    public void On_an_instance_a_field_given_becomes_its_own_and_a_field_given_as_null_inherits_again()
    {
        var own = new SessionDetailsOverride { Title = "Special", Location = "Room 2" };
        var changes = new SessionDetailsChanges { Title = null, Capacity = 4 };

        var changed = changes.ApplyTo(own);

        changed.Should().Be(new SessionDetailsOverride { Location = "Room 2", Capacity = 4 });
        changed.Over(Series).Title.Should().Be("Yoga");
    }

    [Fact]
    public void Details_that_hold_every_field_pass_their_checks()
    {
        Series.Check();
        SessionDetails.None.Check();
        (Series with { Capacity = 0 }).Check();
    }

    public static TheoryData<string, SessionDetails> BadDetails() => new()
    {
        { "title", Series with { Title = " \t" } },
        { "title", Series with { Title = "" } },
        { "tags", Series with { Tags = ["yoga", " "] } },
        { "capacity", Series with { Capacity = -1 } },
        { "clientId", Series with { ClientId = " " } },
        { "serviceIds", Series with { ServiceIds = ["svc-1", "svc-1"] } },
        { "serviceIds", Series with { ServiceIds = [""] } },
        { "fieldValues", Series with { FieldValues = [FieldValue.OfText("level", "a"), FieldValue.OfText("level", "b")] } },
        { "fieldValues", Series with { FieldValues = [null!] } },
        { "attachments", Series with { Attachments = [Series.Attachments[0], Series.Attachments[0]] } },
        { "noteLog", Series with { NoteLog = [null!] } },
    };

    [Theory]
    [MemberData(nameof(BadDetails))]
    public void Each_bad_field_is_invalid_argument_naming_it(string field, SessionDetails details)
    {
        var check = details.Check;

        check.Should().Throw<SchedulingException>().Where(e => e.Code == SchedulingErrorCode.InvalidArgument && e.Field == field);
    }
}
