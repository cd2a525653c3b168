using System.Collections.Immutable;
using Scheduling.Sessions;
using Scheduling.Stores.ContractTests;
using Scheduling.Testing;

namespace Scheduling.Tests.Sessions;

/// <summary>
/// Payload limits: a write that would store more than <see cref="PayloadLimits"/> allows is refused with
/// <see cref="SchedulingErrorCode.LimitExceeded"/> naming the field, and nothing is stored.
/// </summary>
public sealed partial class SessionServiceTest
{
    private static readonly PayloadLimits Limits = PayloadLimits.Default;

    [Fact]
    public async Task A_fifty_megabyte_title_is_refused_and_nothing_is_stored()
    {
        var request = OneHour("s1", Time.Utc(2025, 3, 3, 10)) with { Details = new SessionDetails { Title = new string('t', 50_000_000) } };

        var error = await FailsAsync(() => CreateAsync(request), SchedulingErrorCode.LimitExceeded, "title");

        error.Message.Should().Contain("2,048");
        await FailsAsync(() => GetAsync("s1"), SchedulingErrorCode.NotFound);
    }

    [Fact]
    public async Task A_title_of_the_longest_allowed_length_is_stored()
    {
        var title = new string('t', Limits.MaxTextLength);

        (await CreateAsync(OneHour("s1", Time.Utc(2025, 3, 3, 10)) with { Details = new SessionDetails { Title = title } })).Details.Title.Should().Be(title);
    }

    [Fact]
    public async Task A_million_tags_are_refused()
    {
        var tags = Enumerable.Repeat("yoga", 1_000_000).ToImmutableArray();

        await FailsAsync(() => CreateAsync(OneHour("s1", Time.Utc(2025, 3, 3, 10)) with { Details = new SessionDetails { Tags = tags } }), SchedulingErrorCode.LimitExceeded, "tags");
        await FailsAsync(() => CreateAsync(WeeklyYoga() with { Details = WeeklyYoga().Details with { Tags = tags } }), SchedulingErrorCode.LimitExceeded, "tags");
    }

    [Theory]
    [InlineData("id")]
    [InlineData("scheduleId")]
    [InlineData("scheduleOwnerId")]
    [InlineData("clientId")]
    [InlineData("serviceIds")]
    [InlineData("participants.id")]
    [InlineData("participants.email")]
    [InlineData("fieldValues.fieldId")]
    [InlineData("fieldValues.text")]
    [InlineData("attachments.fileName")]
    [InlineData("attachments.reference")]
    [InlineData("noteLog.text")]
    [InlineData("invoice.number")]
    [InlineData("notes")]
    [InlineData("location")]
    public async Task A_session_field_one_character_too_long_is_refused_naming_it(string field)
    {
        var request = WithOneTooLong(OneHour("s1", Time.Utc(2025, 3, 3, 10)), field);

        await FailsAsync(() => CreateAsync(request), SchedulingErrorCode.LimitExceeded, field);
    }

    [Fact]
    public async Task A_recurring_session_with_notes_too_long_is_refused()
    {
        var request = WeeklyYoga() with { Details = WeeklyYoga().Details with { Notes = new string('n', Limits.MaxNotesLength + 1) } };

        await FailsAsync(() => CreateAsync(request), SchedulingErrorCode.LimitExceeded, "notes");
        await FailsAsync(() => Service.GetRecurringSessionAsync(Host, "yoga").AsTask(), SchedulingErrorCode.NotFound);
    }

    [Fact]
    public async Task An_update_past_a_limit_leaves_the_session_as_it_was()
    {
        await CreateAsync(OneHour("s1", Time.Utc(2025, 3, 3, 10)) with { Details = new SessionDetails { Title = "Before" } });

        await FailsAsync(
            () => Service.UpdateSessionAsync(Host, "s1", new SessionChanges { Details = new SessionDetailsChanges { Location = new string('l', Limits.MaxTextLength + 1) } }, 1).AsTask(),
            SchedulingErrorCode.LimitExceeded,
            "location");

        var stored = await GetAsync("s1");
        (stored.Revision, stored.Details.Title, stored.Details.Location).Should().Be((1L, "Before", (string?)null));
    }

    [Fact]
    public async Task A_series_update_past_a_limit_is_refused()
    {
        await CreateAsync(WeeklyYoga());

        await FailsAsync(
            () => Service.UpdateRecurringSessionAsync(Host, "yoga", new RecurringSessionChanges { Details = new SessionDetailsChanges { ServiceIds = Enumerable.Range(0, Limits.MaxServices + 1).Select(i => $"service-{i}").ToImmutableArray() } }, 1).AsTask(),
            SchedulingErrorCode.LimitExceeded,
            "serviceIds");

        (await Service.GetRecurringSessionAsync(Host, "yoga")).Revision.Should().Be(1);
    }

    [Fact]
    public async Task An_instance_edit_past_a_limit_is_refused_and_the_instance_keeps_its_series_fields()
    {
        await CreateAsync(WeeklyYoga());
        var instance = InstanceId("yoga", 3, 10);

        await FailsAsync(
            () => Service.UpdateSessionAsync(Host, instance, new SessionChanges { Details = new SessionDetailsChanges { Title = new string('t', Limits.MaxTextLength + 1) } }, expectedRevision: 0).AsTask(),
            SchedulingErrorCode.LimitExceeded,
            "title");

        var stored = await GetAsync(instance);
        (stored.Details.Title, stored.IsOverridden).Should().Be(("Yoga", false));
    }

    [Fact]
    public async Task This_and_following_past_a_limit_leaves_the_series_whole()
    {
        await CreateAsync(WeeklyYoga());

        await FailsAsync(
            () => Service.UpdateFollowingAsync(Host, InstanceId("yoga", 3, 17), new RecurringSessionChanges { Details = new SessionDetailsChanges { Title = new string('t', Limits.MaxTextLength + 1) } }, 1).AsTask(),
            SchedulingErrorCode.LimitExceeded,
            "title");

        var series = await Service.GetRecurringSessionAsync(Host, "yoga");
        (series.Revision, series.Rule.ToString()).Should().Be((1L, "FREQ=WEEKLY"));
    }

    [Fact]
    public async Task A_participant_with_a_name_too_long_is_not_booked()
    {
        await CreateAsync(OneHour("s1", Time.Utc(2025, 3, 3, 10)));

        await FailsAsync(
            () => Service.AddParticipantAsync(Host, "s1", new Participant("p1", new string('n', Limits.MaxTextLength + 1))).AsTask(),
            SchedulingErrorCode.LimitExceeded,
            "participant.name");

        (await GetAsync("s1")).Participants.Should().BeEmpty();
    }

    [Fact]
    public async Task Bookings_stop_at_the_most_participants_a_session_may_hold_whatever_its_capacity()
    {
        var service = ServiceWith(new SchedulingOptions { PayloadLimits = Limits with { MaxParticipants = 2 } });
        await service.CreateSessionAsync(Host, OneHour("s1", Time.Utc(2025, 3, 3, 10)));
        await service.CreateRecurringSessionAsync(Host, WeeklyYoga() with { Details = WeeklyYoga().Details with { Capacity = null } });
        var instance = InstanceId("yoga", 3, 10);
        foreach (var id in new[] { "s1", instance })
        {
            await service.AddParticipantAsync(Host, id, new Participant("p1"));
            await service.AddParticipantAsync(Host, id, new Participant("p2"));

            await FailsAsync(() => service.AddParticipantAsync(Host, id, new Participant("p3")).AsTask(), SchedulingErrorCode.LimitExceeded, "participants");

            (await service.GetSessionAsync(Host, id)).Participants.Select(p => p.Id).Should().Equal("p1", "p2");
        }

        await FailsAsync(
            () => service.CreateSessionAsync(Host, OneHour("s2", Time.Utc(2025, 3, 3, 10)) with { Participants = [new("p1"), new("p2"), new("p3")] }).AsTask(),
            SchedulingErrorCode.LimitExceeded,
            "participants");
    }

    [Fact]
    public async Task A_note_too_long_is_refused()
    {
        await CreateAsync(OneHour("s1", Time.Utc(2025, 3, 3, 10)));

        await FailsAsync(() => Service.AddNoteAsync(Host, "s1", new string('n', Limits.MaxNotesLength + 1), "staff-1").AsTask(), SchedulingErrorCode.LimitExceeded, "text");

        (await GetAsync("s1")).Details.NoteLog.Should().BeEmpty();
    }

    [Fact]
    public async Task A_full_note_log_takes_no_more_notes_on_a_session_or_an_instance()
    {
        var service = ServiceWith(new SchedulingOptions { PayloadLimits = Limits with { MaxNoteLogEntries = 2 } });
        await service.CreateSessionAsync(Host, OneHour("s1", Time.Utc(2025, 3, 3, 10)));
        await service.CreateRecurringSessionAsync(Host, WeeklyYoga());
        foreach (var id in new[] { "s1", InstanceId("yoga", 3, 10) })
        {
            await service.AddNoteAsync(Host, id, "first", "staff-1");
            await service.AddNoteAsync(Host, id, "second", "staff-1");

            await FailsAsync(() => service.AddNoteAsync(Host, id, "third", "staff-1").AsTask(), SchedulingErrorCode.LimitExceeded, "noteLog");

            (await service.GetSessionAsync(Host, id)).Details.NoteLog.Select(n => n.Text).Should().Equal("first", "second");
        }
    }

    [Fact]
    public async Task Text_that_passes_each_field_limit_is_still_refused_past_the_record_total()
    {
        var service = ServiceWith(new SchedulingOptions { PayloadLimits = Limits with { MaxRecordLength = 100 } });
        var request = OneHour("s1", Time.Utc(2025, 3, 3, 10)) with { Details = new SessionDetails { Title = new string('t', 40), Location = new string('l', 60) } };

        var error = await FailsAsync(() => service.CreateSessionAsync(Host, request).AsTask(), SchedulingErrorCode.LimitExceeded, "location");

        error.Message.Should().Contain("100 characters of text in all");
    }

    [Fact]
    public void Payload_limits_below_one_are_refused_when_the_service_is_made()
    {
        var options = new SchedulingOptions { PayloadLimits = Limits with { MaxTags = 0 } };

        ((Action)(() => ServiceWith(options))).Should().Throw<ArgumentException>().WithMessage("*MaxTags*");
    }

    /// <summary>
    /// Generated sessions with field lengths and counts around small limits: a session is stored exactly when every
    /// field, every list and the total are within them, and a refusal names a field that is past its limit.
    /// </summary>
    [Fact]
    public async Task Generated_sessions_are_stored_exactly_when_they_fit_the_limits()
    {
        var limits = new PayloadLimits { MaxIdLength = 8, MaxTextLength = 12, MaxNotesLength = 20, MaxTags = 3, MaxParticipants = 3, MaxServices = 2, MaxRecordLength = 90 };
        var service = ServiceWith(new SchedulingOptions { PayloadLimits = limits });
        var random = PropertyRuns.RandomSource(5);
        var (stored, refused) = (0, 0);
        for (var i = 0; i < PropertyRuns.Cases(300); i++)
        {
            string Text(int max) => new('x', random.Next(0, max + 2));
            var id = $"s{i}";
            var request = OneHour(id, Time.Utc(2025, 3, 3, 10)) with
            {
                ScheduleId = "room",
                ScheduleOwnerId = "owner",
                Details = OneHour(id, Time.Utc(2025, 3, 3, 10)).Details with
                {
                    Title = "T" + Text(limits.MaxTextLength - 1),
                    Notes = Text(limits.MaxNotesLength),
                    Tags = [.. Enumerable.Range(0, random.Next(0, limits.MaxTags + 2)).Select(_ => "t" + Text(limits.MaxTextLength - 1))],
                    ServiceIds = [.. Enumerable.Range(0, random.Next(0, limits.MaxServices + 2)).Select(s => $"v{s}" + new string('i', random.Next(0, limits.MaxIdLength)))],
                },
                Participants = [.. Enumerable.Range(0, random.Next(0, limits.MaxParticipants + 2)).Select(p => new Participant($"p{p}", Text(limits.MaxTextLength)))],
            };
            var over = OverLimits(request, limits);

            var attempt = async () => await service.CreateSessionAsync(Host, request);

            if (over.Count == 0)
            {
                await attempt.Should().NotThrowAsync($"case {i} fits every limit");
                stored++;
            }
            else
            {
                var error = (await attempt.Should().ThrowAsync<SchedulingException>($"case {i} is past {string.Join(", ", over)}")).Which;
                error.Code.Should().Be(SchedulingErrorCode.LimitExceeded);
                over.Should().Contain(error.Field!);
                refused++;
            }
        }

        (stored, refused).Should().Match<(int Stored, int Refused)>(r => r.Stored > 10 && r.Refused > 10, "the cases must cover both sides of the limits");
    }

    /// <summary>The fields of a generated session that are past a limit, worked out apart from the library's meter.</summary>
    private static List<string> OverLimits(NewSession request, PayloadLimits limits)
    {
        var over = new List<string>();
        void Length(string? value, int max, string field)
        {
            if (value?.Length > max)
            {
                over.Add(field);
            }
        }

        Length(request.Details.Title, limits.MaxTextLength, "title");
        Length(request.Details.Notes, limits.MaxNotesLength, "notes");
        if (request.Details.Tags.Length > limits.MaxTags)
        {
            over.Add("tags");
        }

        request.Details.Tags.ToList().ForEach(t => Length(t, limits.MaxTextLength, "tags"));
        if (request.Participants.Length > limits.MaxParticipants)
        {
            over.Add("participants");
        }

        request.Participants.ToList().ForEach(p => Length(p.Name, limits.MaxTextLength, "participants.name"));
        if (request.Details.ServiceIds.Length > limits.MaxServices)
        {
            over.Add("serviceIds");
        }

        request.Details.ServiceIds.ToList().ForEach(s => Length(s, limits.MaxIdLength, "serviceIds"));
        var total = new[] { request.Id, request.ScheduleId, request.ScheduleOwnerId, request.Details.Title, request.Details.Notes }.Sum(s => s?.Length ?? 0)
            + request.Details.Tags.Sum(t => t.Length)
            + request.Participants.Sum(p => p.Id.Length + (p.Name?.Length ?? 0))
            + request.Details.ServiceIds.Sum(s => s.Length);
        if (total > limits.MaxRecordLength)
        {
            // Past the total, the refusal names whichever field the meter reached it at: any field may be named.
            over.AddRange(["id", "scheduleId", "scheduleOwnerId", "title", "notes", "tags", "participants.id", "participants.name", "serviceIds"]);
        }

        return over;
    }

    /// <summary>The request with one field (or one item of a list) one character longer than its limit allows.</summary>
    private static NewSession WithOneTooLong(NewSession request, string field)
    {
        var id = new string('i', Limits.MaxIdLength + 1);
        var text = new string('t', Limits.MaxTextLength + 1);
        var notes = new string('n', Limits.MaxNotesLength + 1);
        var added = Time.Utc(2025, 1, 1);
        return field switch
        {
            "id" => request with { Id = id },
            "scheduleId" => request with { ScheduleId = id },
            "scheduleOwnerId" => request with { ScheduleOwnerId = id },
            "clientId" => request with { Details = request.Details with { ClientId = id } },
            "serviceIds" => request with { Details = request.Details with { ServiceIds = ["ok", id] } },
            "participants.id" => request with { Participants = [new Participant("ok"), new Participant(id)] },
            "participants.email" => request with { Participants = [new Participant("p1", Email: text)] },
            "fieldValues.fieldId" => request with { Details = request.Details with { FieldValues = [FieldValue.OfText(id, "x")] } },
            "fieldValues.text" => request with { Details = request.Details with { FieldValues = [FieldValue.OfText("f1", text)] } },
            "attachments.fileName" => request with { Details = request.Details with { Attachments = [new Attachment("a1", text, "ref", added)] } },
            "attachments.reference" => request with { Details = request.Details with { Attachments = [new Attachment("a1", "file.pdf", text, added)] } },
            "noteLog.text" => request with { Details = request.Details with { NoteLog = [new SessionNote("n1", "staff-1", notes, added)] } },
            "invoice.number" => request with { Details = request.Details with { Invoice = new InvoiceReference("inv-1") { Number = text } } },
            "notes" => request with { Details = request.Details with { Notes = notes } },
            "location" => request with { Details = request.Details with { Location = text } },
            _ => throw new ArgumentOutOfRangeException(nameof(field), field, "No such field in this test."),
        };
    }
}
