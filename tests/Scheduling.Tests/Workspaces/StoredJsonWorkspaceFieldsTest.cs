using System.Collections.Immutable;
using System.Text.Json;
using Scheduling.Recurrence;
using Scheduling.Sessions;
using Scheduling.Stores.Serialization;

namespace Scheduling.Tests.Workspaces;

/// <summary>
/// The fields added for workspaces in the stored JSON form: they round-trip on every aggregate, bodies written before
/// them read with the fields empty, and on an instance override a present list is the instance's own while an absent
/// one inherits.
/// </summary>
public sealed class StoredJsonWorkspaceFieldsTest
{
    private static readonly DateTimeZone NewYork = DateTimeZoneProviders.Tzdb["America/New_York"];

    private static readonly string[] NewPropertyNames =
        ["clientId", "serviceIds", "fieldValues", "attachments", "noteLog", "invoice", "names", "progress"];

    private static readonly ImmutableArray<FieldValue> EveryKindOfFieldValue =
    [
        FieldValue.OfText("summary", "Knee \"pain\", left – 2nd visit"),
        FieldValue.OfText("empty", ""),
        FieldValue.OfNumber("fee", 1234.5678m),
        FieldValue.OfNumber("discount", -0.25m),
        FieldValue.OfBoolean("insured", true),
        FieldValue.OfBoolean("paid", false),
        FieldValue.OfDate("referral-date", new LocalDate(2025, 3, 1)),
        FieldValue.OfChoice("room", "B"),
    ];

    private static readonly ImmutableArray<Attachment> Attachments =
    [
        new Attachment("a1", "referral.pdf", "blob://files/a1", Instant.FromUtc(2025, 3, 1, 8, 30, 15))
        {
            ContentType = "application/pdf",
            SizeBytes = 48_213,
            AddedBy = "ada",
        },
        new Attachment("a2", "x-ray.png", "https://files.example/x-ray.png", Instant.FromUtc(2025, 3, 2, 9, 0)),
    ];

    private static readonly ImmutableArray<SessionNote> NoteLog =
    [
        new SessionNote("n1", "ada", "Patient arrived late.", Instant.FromUtc(2025, 3, 10, 13, 5)),
        new SessionNote("n2", "bo", "Follow-up in two weeks.", Instant.FromUtc(2025, 3, 10, 14, 1)),
    ];

    private static readonly InvoiceReference Invoice = new("inv-7") { Number = "INV-2025-0042" };

    private static readonly NameSnapshot Names = NameSnapshot.Empty
        .WithClient("c1", "Carla Diaz")
        .WithService("massage", "Massage (60 min)")
        .WithService("physio", "Physiotherapy")
        .WithStaff("ada", "Ada Lovelace");

    [Fact]
    public void A_session_with_every_new_field_reads_back_field_by_field()
    {
        var session = PlainSession() with
        {
            Details = PlainSession().Details with
            {
                ClientId = "c1",
                ServiceIds = ["massage", "physio"],
                FieldValues = EveryKindOfFieldValue,
                Attachments = Attachments,
                NoteLog = NoteLog,
                Invoice = Invoice,
                Names = Names,
            },
            Progress = ProgressMark.InProgress,
        };

        var read = StoredJson.ReadSession(StoredJson.Write(session), "s1");

        read.Details.ClientId.Should().Be("c1");
        read.Details.ServiceIds.Should().Equal("massage", "physio");
        read.Details.FieldValues.Should().Equal(EveryKindOfFieldValue);
        read.Details.Attachments.Should().Equal(Attachments);
        read.Details.NoteLog.Should().Equal(NoteLog);
        read.Details.Invoice.Should().Be(Invoice);
        ShouldHoldTheSameNames(read.Details.Names, Names);
        read.Progress.Should().Be(ProgressMark.InProgress);
        ShouldKeepTheSessionFieldsOfBefore(read, session);
    }

    [Fact]
    public void A_completed_mark_on_a_session_reads_back()
    {
        var read = StoredJson.ReadSession(StoredJson.Write(PlainSession() with { Progress = ProgressMark.Completed }), "s1");

        read.Progress.Should().Be(ProgressMark.Completed);
    }

    [Fact]
    public void Each_kind_of_field_value_reads_back_with_its_kind_and_value()
    {
        var read = StoredJson.ReadSession(StoredJson.Write(PlainSession() with { Details = PlainSession().Details with { FieldValues = EveryKindOfFieldValue } }), "s1").Details.FieldValues;

        read.Select(v => v.Kind).Should().Equal(EveryKindOfFieldValue.Select(v => v.Kind));
        read.Single(v => v.FieldId == "fee").Number.Should().Be(1234.5678m);
        read.Single(v => v.FieldId == "discount").Number.Should().Be(-0.25m);
        read.Single(v => v.FieldId == "paid").Boolean.Should().BeFalse();
        read.Single(v => v.FieldId == "referral-date").Date.Should().Be(new LocalDate(2025, 3, 1));
        read.Single(v => v.FieldId == "room").Text.Should().Be("B");
        read.Single(v => v.FieldId == "empty").Text.Should().BeEmpty();
        read.Single(v => v.FieldId == "summary").Text.Should().Be("Knee \"pain\", left – 2nd visit");
    }

    [Fact]
    public void An_attachment_reads_back_with_every_optional_part_and_without_them()
    {
        var read = StoredJson.ReadSession(StoredJson.Write(PlainSession() with { Details = PlainSession().Details with { Attachments = Attachments } }), "s1").Details.Attachments;

        read[0].Id.Should().Be("a1");
        read[0].FileName.Should().Be("referral.pdf");
        read[0].Reference.Should().Be("blob://files/a1");
        read[0].AddedAt.Should().Be(Instant.FromUtc(2025, 3, 1, 8, 30, 15));
        read[0].ContentType.Should().Be("application/pdf");
        read[0].SizeBytes.Should().Be(48_213);
        read[0].AddedBy.Should().Be("ada");
        read[1].ContentType.Should().BeNull();
        read[1].SizeBytes.Should().BeNull();
        read[1].AddedBy.Should().BeNull();
    }

    [Fact]
    public void A_size_of_zero_bytes_is_kept_apart_from_an_unknown_size()
    {
        var empty = new Attachment("a0", "empty.txt", "blob://a0", Instant.FromUtc(2025, 3, 1, 0, 0)) { SizeBytes = 0 };

        StoredJson.ReadSession(StoredJson.Write(PlainSession() with { Details = PlainSession().Details with { Attachments = [empty] } }), "s1").Details.Attachments[0].SizeBytes.Should().Be(0);
    }

    [Fact]
    public void An_invoice_without_a_number_reads_back_without_one()
    {
        var read = StoredJson.ReadSession(StoredJson.Write(PlainSession() with { Details = PlainSession().Details with { Invoice = new InvoiceReference("inv-8") } }), "s1");

        read.Details.Invoice!.Id.Should().Be("inv-8");
        read.Details.Invoice.Number.Should().BeNull();
    }

    [Fact]
    public void A_name_snapshot_with_some_kinds_only_reads_back_with_the_others_empty()
    {
        var names = NameSnapshot.Empty.WithService("massage", "Massage");

        var read = StoredJson.ReadSession(StoredJson.Write(PlainSession() with { Details = PlainSession().Details with { Names = names } }), "s1").Details.Names;

        read!.Services.Should().Equal(new Dictionary<string, string> { ["massage"] = "Massage" });
        read.Clients.Should().BeEmpty();
        read.Staff.Should().BeEmpty();
    }

    [Fact]
    public void A_recurring_session_with_every_new_field_reads_back_field_by_field()
    {
        var series = PlainSeries() with
        {
            Details = PlainSeries().Details with
            {
                ClientId = "c1",
                ServiceIds = ["physio"],
                FieldValues = EveryKindOfFieldValue,
                Attachments = Attachments,
                NoteLog = NoteLog,
                Invoice = Invoice,
                Names = Names,
            },
            CancelledFrom = Instant.FromUtc(2025, 6, 2, 13, 0),
        };

        var read = StoredJson.ReadRecurringSession(StoredJson.Write(series), "series-1");

        read.Details.ClientId.Should().Be("c1");
        read.Details.ServiceIds.Should().Equal("physio");
        read.Details.FieldValues.Should().Equal(EveryKindOfFieldValue);
        read.Details.Attachments.Should().Equal(Attachments);
        read.Details.NoteLog.Should().Equal(NoteLog);
        read.Details.Invoice.Should().Be(Invoice);
        ShouldHoldTheSameNames(read.Details.Names, Names);
        read.CancelledFrom.Should().Be(Instant.FromUtc(2025, 6, 2, 13, 0));
        read.Id.Should().Be(series.Id);
        read.Start.Should().Be(series.Start);
        read.Zone.Should().Be(series.Zone);
        read.Duration.Should().Be(series.Duration);
        read.Rule.ToString().Should().Be(series.Rule.ToString());
        read.IdentityStart.Should().Be(series.IdentityStart);
        read.Revision.Should().Be(series.Revision);
    }

    [Fact]
    public void An_override_with_every_new_field_reads_back_field_by_field()
    {
        var value = PlainOverride() with
        {
            Details = PlainOverride().Details with
            {
                ClientId = "c2",
                ServiceIds = ["massage"],
                FieldValues = EveryKindOfFieldValue,
                Attachments = Attachments,
                NoteLog = NoteLog,
                Invoice = Invoice,
                Names = Names,
            },
            Progress = ProgressMark.Completed,
        };

        var read = StoredJson.ReadOverride(StoredJson.Write(value), "series-1");

        read.Details.ClientId.Should().Be("c2");
        read.Details.ServiceIds!.Value.Should().Equal("massage");
        read.Details.FieldValues!.Value.Should().Equal(EveryKindOfFieldValue);
        read.Details.Attachments!.Value.Should().Equal(Attachments);
        read.Details.NoteLog!.Value.Should().Equal(NoteLog);
        read.Details.Invoice.Should().Be(Invoice);
        ShouldHoldTheSameNames(read.Details.Names, Names);
        read.Progress.Should().Be(ProgressMark.Completed);
        read.RecurringSessionId.Should().Be(value.RecurringSessionId);
        read.IdentityStart.Should().Be(value.IdentityStart);
        read.Details.Title.Should().Be(value.Details.Title);
        read.Revision.Should().Be(value.Revision);
    }

    [Fact]
    public void A_session_without_the_new_fields_is_written_without_their_properties()
    {
        var json = StoredJson.Write(PlainSession() with { Details = PlainSession().Details with { ServiceIds = [], FieldValues = [], Attachments = [], NoteLog = [] } });

        PropertyNames(json).Should().NotIntersectWith(NewPropertyNames);
    }

    [Fact]
    public void A_recurring_session_without_the_new_fields_is_written_without_their_properties()
    {
        PropertyNames(StoredJson.Write(PlainSeries())).Should().NotIntersectWith(NewPropertyNames);
    }

    [Fact]
    public void An_override_that_inherits_every_new_field_is_written_without_their_properties()
    {
        PropertyNames(StoredJson.Write(PlainOverride())).Should().NotIntersectWith(NewPropertyNames);
    }

    [Fact]
    public void A_session_without_the_new_fields_is_written_exactly_as_before()
    {
        StoredJson.Write(PlainSession()).Should().Be(SessionBodyOfBefore);
    }

    [Fact]
    public void A_session_body_written_before_the_new_fields_reads_with_them_empty()
    {
        var read = StoredJson.ReadSession(SessionBodyOfBefore, "s1");

        read.Details.ClientId.Should().BeNull();
        read.Details.ServiceIds.IsDefault.Should().BeFalse();
        read.Details.ServiceIds.Should().BeEmpty();
        read.Details.FieldValues.IsDefault.Should().BeFalse();
        read.Details.FieldValues.Should().BeEmpty();
        read.Details.Attachments.IsDefault.Should().BeFalse();
        read.Details.Attachments.Should().BeEmpty();
        read.Details.NoteLog.IsDefault.Should().BeFalse();
        read.Details.NoteLog.Should().BeEmpty();
        read.Details.Invoice.Should().BeNull();
        read.Details.Names.Should().BeNull();
        read.Progress.Should().Be(ProgressMark.None);
        ShouldKeepTheSessionFieldsOfBefore(read, PlainSession());
    }

    [Fact]
    public void A_recurring_session_body_written_before_the_new_fields_reads_with_them_empty()
    {
        var read = StoredJson.ReadRecurringSession(SeriesBodyOfBefore, "series-1");

        read.Details.ClientId.Should().BeNull();
        read.Details.ServiceIds.IsDefault.Should().BeFalse();
        read.Details.ServiceIds.Should().BeEmpty();
        read.Details.FieldValues.IsDefault.Should().BeFalse();
        read.Details.FieldValues.Should().BeEmpty();
        read.Details.Attachments.IsDefault.Should().BeFalse();
        read.Details.Attachments.Should().BeEmpty();
        read.Details.NoteLog.IsDefault.Should().BeFalse();
        read.Details.NoteLog.Should().BeEmpty();
        read.Details.Invoice.Should().BeNull();
        read.Details.Names.Should().BeNull();
        read.Details.Title.Should().Be("Physio");
        read.Start.Should().Be(new LocalDateTime(2025, 3, 10, 9, 0));
        read.Zone.Should().Be(NewYork);
        read.Duration.Should().Be(Duration.FromMinutes(45));
        read.Rule.ToString().Should().Be("FREQ=WEEKLY;BYDAY=MO");
    }

    [Fact]
    public void An_override_body_written_before_the_new_fields_inherits_every_one()
    {
        var read = StoredJson.ReadOverride(OverrideBodyOfBefore, "series-1");

        read.Details.ClientId.Should().BeNull();
        read.Details.ServiceIds.Should().BeNull();
        read.Details.FieldValues.Should().BeNull();
        read.Details.Attachments.Should().BeNull();
        read.Details.NoteLog.Should().BeNull();
        read.Details.Invoice.Should().BeNull();
        read.Details.Names.Should().BeNull();
        read.Progress.Should().Be(ProgressMark.None);
        read.Details.Title.Should().Be("Moved physio");
        read.Details.Tags.Should().BeNull();
        read.Duration.Should().Be(Duration.FromMinutes(30));
    }

    [Fact]
    public void A_session_body_the_previous_version_wrote_reads_with_the_new_fields_empty()
    {
        // Written by the release before workspaces, kept verbatim.
        const string Stored = """{"id":"old","scheduleId":"room-2","scheduleOwnerId":"bo","type":1,"tags":[],"status":1,"participants":[],"start":{"at":"2024-11-04T15:00:00Z"},"end":{"at":"2024-11-04T16:30:00Z"},"revision":7,"createdAt":"2024-10-01T08:00:00Z","updatedAt":"2024-10-02T08:00:00.5Z"}""";

        var read = StoredJson.ReadSession(Stored, "s1");

        read.Id.Should().Be("old");
        read.Type.Should().Be(SessionType.WorkingHours);
        read.Status.Should().Be(SessionStatus.Cancelled);
        read.End.Should().Be(CalendarDateTime.AtInstant(Instant.FromUtc(2024, 11, 4, 16, 30)));
        read.UpdatedAt.Should().Be(Instant.FromUtc(2024, 10, 2, 8, 0) + Duration.FromMilliseconds(500));
        read.Details.ClientId.Should().BeNull();
        read.Details.ServiceIds.Should().BeEmpty();
        read.Details.FieldValues.Should().BeEmpty();
        read.Details.Attachments.Should().BeEmpty();
        read.Details.NoteLog.Should().BeEmpty();
        read.Details.Invoice.Should().BeNull();
        read.Details.Names.Should().BeNull();
        read.Progress.Should().Be(ProgressMark.None);
    }

    [Fact]
    public void On_an_override_absent_lists_inherit()
    {
        var read = StoredJson.ReadOverride(StoredJson.Write(PlainOverride()), "series-1");

        read.Details.ServiceIds.Should().BeNull();
        read.Details.FieldValues.Should().BeNull();
        read.Details.Attachments.Should().BeNull();
        read.Details.NoteLog.Should().BeNull();
    }

    [Fact]
    public void On_an_override_present_empty_lists_are_the_instance_own_and_stay_empty()
    {
        var value = PlainOverride() with { Details = PlainOverride().Details with { ServiceIds = [], FieldValues = [], Attachments = [], NoteLog = [] } };

        var json = StoredJson.Write(value);
        var read = StoredJson.ReadOverride(json, "series-1");

        PropertyNames(json).Should().Contain(["serviceIds", "fieldValues", "attachments", "noteLog"]);
        read.Details.ServiceIds.Should().NotBeNull();
        read.Details.ServiceIds!.Value.Should().BeEmpty();
        read.Details.FieldValues.Should().NotBeNull();
        read.Details.FieldValues!.Value.Should().BeEmpty();
        read.Details.Attachments.Should().NotBeNull();
        read.Details.Attachments!.Value.Should().BeEmpty();
        read.Details.NoteLog.Should().NotBeNull();
        read.Details.NoteLog!.Value.Should().BeEmpty();
    }

    [Fact]
    public void On_an_override_an_empty_name_snapshot_of_its_own_stays_apart_from_inheriting()
    {
        var read = StoredJson.ReadOverride(StoredJson.Write(PlainOverride() with { Details = PlainOverride().Details with { Names = NameSnapshot.Empty } }), "series-1");

        read.Details.Names.Should().NotBeNull();
        read.Details.Names!.IsEmpty.Should().BeTrue();
    }

    [Fact]
    public void An_override_with_only_new_fields_of_its_own_still_changes_the_instance()
    {
        var read = StoredJson.ReadOverride(StoredJson.Write(PlainOverride() with { Details = PlainOverride().Details with { Title = null, ServiceIds = [] }, Duration = null }), "series-1");

        read.ChangesInstance.Should().BeTrue();
    }

    private const string SessionBodyOfBefore =
        """{"id":"s1","scheduleId":"room-1","scheduleOwnerId":"ada","type":0,"title":"Physio","tags":["rehab"],"notes":"Bring shorts","location":"Room 1","capacity":2,"status":0,"participants":[{"id":"p1","name":"Carla Diaz","email":"carla@example.com"}],"start":{"local":"2025-03-10T09:00:00","zone":"America/New_York","at":"2025-03-10T13:00:00Z"},"end":{"local":"2025-03-10T10:00:00","zone":"America/New_York","at":"2025-03-10T14:00:00Z"},"revision":3,"createdAt":"2025-03-01T12:00:00Z","updatedAt":"2025-03-02T12:00:00Z"}""";

    private const string SeriesBodyOfBefore =
        """{"id":"weekly","scheduleId":"room-1","scheduleOwnerId":"ada","type":0,"title":"Physio","tags":[],"start":"2025-03-10T09:00:00","zone":"America/New_York","durationNanoseconds":2700000000000,"rule":"FREQ=WEEKLY;BYDAY=MO","identityStart":"2025-03-10T09:00:00","revision":1,"createdAt":"2025-03-01T12:00:00Z","updatedAt":"2025-03-01T12:00:00Z"}""";

    private const string OverrideBodyOfBefore =
        """{"recurringSessionId":"weekly","identityStart":"2025-03-17T09:00:00","isCancelled":false,"durationNanoseconds":1800000000000,"title":"Moved physio","participants":[{"id":"p1"}],"revision":2,"createdAt":"2025-03-05T12:00:00Z","updatedAt":"2025-03-06T12:00:00Z"}""";

    private static Session PlainSession() => new()
    {
        Id = "s1",
        ScheduleId = "room-1",
        ScheduleOwnerId = "ada",
        Type = SessionType.Event,
        Status = SessionStatus.Confirmed,
        Details = new SessionDetails
        {
            Title = "Physio",
            Tags = ["rehab"],
            Notes = "Bring shorts",
            Location = "Room 1",
            Capacity = 2,
        },
        Participants = [new Participant("p1", "Carla Diaz", "carla@example.com")],
        Start = CalendarDateTime.AtLocal(new LocalDateTime(2025, 3, 10, 9, 0), NewYork),
        End = CalendarDateTime.AtLocal(new LocalDateTime(2025, 3, 10, 10, 0), NewYork),
        Revision = 3,
        CreatedAt = Instant.FromUtc(2025, 3, 1, 12, 0),
        UpdatedAt = Instant.FromUtc(2025, 3, 2, 12, 0),
    };

    private static RecurringSession PlainSeries() => new()
    {
        Id = "weekly",
        ScheduleId = "room-1",
        ScheduleOwnerId = "ada",
        Details = new SessionDetails { Title = "Physio" },
        Start = new LocalDateTime(2025, 3, 10, 9, 0),
        Zone = NewYork,
        Duration = Duration.FromMinutes(45),
        Rule = RecurrenceRule.Parse("FREQ=WEEKLY;BYDAY=MO"),
        IdentityStart = new LocalDateTime(2025, 3, 10, 9, 0),
        Revision = 1,
        CreatedAt = Instant.FromUtc(2025, 3, 1, 12, 0),
        UpdatedAt = Instant.FromUtc(2025, 3, 1, 12, 0),
    };

    private static InstanceOverride PlainOverride() => new()
    {
        RecurringSessionId = "weekly",
        IdentityStart = new LocalDateTime(2025, 3, 17, 9, 0),
        Duration = Duration.FromMinutes(30),
        Details = new SessionDetailsOverride { Title = "Moved physio" },
        Participants = [new Participant("p1")],
        Revision = 2,
        CreatedAt = Instant.FromUtc(2025, 3, 5, 12, 0),
        UpdatedAt = Instant.FromUtc(2025, 3, 6, 12, 0),
    };

    private static void ShouldKeepTheSessionFieldsOfBefore(Session read, Session written)
    {
        read.Id.Should().Be(written.Id);
        read.ScheduleId.Should().Be(written.ScheduleId);
        read.ScheduleOwnerId.Should().Be(written.ScheduleOwnerId);
        read.Type.Should().Be(written.Type);
        read.Status.Should().Be(written.Status);
        read.Details.Title.Should().Be(written.Details.Title);
        read.Details.Tags.Should().Equal(written.Details.Tags);
        read.Details.Notes.Should().Be(written.Details.Notes);
        read.Details.Location.Should().Be(written.Details.Location);
        read.Details.Capacity.Should().Be(written.Details.Capacity);
        read.Participants.Should().Equal(written.Participants);
        read.Start.Should().Be(written.Start);
        read.End.Should().Be(written.End);
        read.Revision.Should().Be(written.Revision);
        read.CreatedAt.Should().Be(written.CreatedAt);
        read.UpdatedAt.Should().Be(written.UpdatedAt);
    }

    private static void ShouldHoldTheSameNames(NameSnapshot? read, NameSnapshot written)
    {
        read.Should().NotBeNull();
        read!.Clients.Should().Equal(written.Clients);
        read.Services.Should().Equal(written.Services);
        read.Staff.Should().Equal(written.Staff);
    }

    private static List<string> PropertyNames(string json)
    {
        using var document = JsonDocument.Parse(json);
        return [.. document.RootElement.EnumerateObject().Select(p => p.Name)];
    }
}
