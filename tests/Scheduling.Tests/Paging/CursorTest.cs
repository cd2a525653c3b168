using System.Security.Cryptography;
using System.Text;
using Scheduling.Paging;
using Scheduling.Sessions;

namespace Scheduling.Tests.Paging;

/// <summary>Sealing and opening cursors: the payload comes back only for the tenant and key it was sealed with, unaltered.</summary>
public sealed class CursorTest
{
    private static readonly byte[] Key = RandomNumberGenerator.GetBytes(32);
    private static readonly byte[] Payload = Encoding.UTF8.GetBytes("""{"v":1,"anything":"at all"}""");

    private readonly CursorCodec _codec = new(Key);

    [Fact]
    public void Sealed_cursor_opens_to_its_payload()
    {
        var cursor = _codec.Seal("tenant-a", Payload);

        _codec.Open("tenant-a", cursor).Should().Equal(Payload);
    }

    [Fact]
    public void Sealed_cursor_is_url_safe_text()
    {
        for (var length = 0; length < 40; length++)
        {
            _codec.Seal("tenant-a", RandomNumberGenerator.GetBytes(length)).Should().MatchRegex("^[A-Za-z0-9_-]+$");
        }
    }

    [Fact]
    public void Cursor_with_a_character_changed_is_refused()
    {
        var cursor = _codec.Seal("tenant-a", Payload);

        for (var i = 0; i < cursor.Length - 1; i++)
        {
            var tampered = string.Concat(cursor.AsSpan(0, i), cursor[i] == 'A' ? "B" : "A", cursor.AsSpan(i + 1));

            ShouldBeRefused(() => _codec.Open("tenant-a", tampered));
        }
    }

    [Fact]
    public void Cursor_sealed_for_another_tenant_is_refused()
    {
        var cursor = _codec.Seal("tenant-a", Payload);

        ShouldBeRefused(() => _codec.Open("tenant-b", cursor));
        ShouldBeRefused(() => _codec.Open("tenant-a\n", cursor));
    }

    [Fact]
    public void Cursor_sealed_with_another_key_is_refused()
    {
        var cursor = new CursorCodec(RandomNumberGenerator.GetBytes(32)).Seal("tenant-a", Payload);

        ShouldBeRefused(() => _codec.Open("tenant-a", cursor));
    }

    [Theory]
    [InlineData("")]
    [InlineData("!!!")]
    [InlineData("AAAA")]
    [InlineData("a b c")]
    public void Text_that_is_no_cursor_is_refused(string cursor)
    {
        ShouldBeRefused(() => _codec.Open("tenant-a", cursor));
    }

    [Fact]
    public void Truncated_cursor_is_refused()
    {
        var cursor = _codec.Seal("tenant-a", Payload);

        ShouldBeRefused(() => _codec.Open("tenant-a", cursor[..^3]));
        ShouldBeRefused(() => _codec.Open("tenant-a", cursor[3..]));
    }

    [Fact]
    public void Session_cursor_survives_its_payload_round_trip()
    {
        var cursor = new SessionCursor(
            Instant.FromUtc(2025, 3, 1, 0, 0),
            Instant.FromUtc(2025, 4, 1, 0, 0),
            """{"tags":{"$hasSome":["yoga"]}}""",
            SessionFieldset.AllPersonalInformation,
            25,
            Instant.FromUtc(2025, 3, 10, 22, 30) + Duration.FromMilliseconds(5),
            "yoga_20250310T183000");

        SessionCursor.FromPayload(cursor.ToPayload()).Should().Be(cursor);
    }

    [Theory]
    [InlineData("""{}""")]
    [InlineData("""{"v":2,"from":"2025-03-01T00:00:00Z"}""")]
    [InlineData("""{"v":1,"from":"yesterday","to":"2025-04-01T00:00:00Z","filter":"{}","fieldset":0,"size":10,"afterStart":"2025-03-01T00:00:00Z","afterId":"a"}""")]
    [InlineData("""{"v":1,"from":5}""")]
    [InlineData("""[1,2,3]""")]
    [InlineData("""not json""")]
    public void Session_cursor_payload_that_is_not_one_is_refused(string payload)
    {
        ShouldBeRefused(() => SessionCursor.FromPayload(Encoding.UTF8.GetBytes(payload)));
    }

    private static void ShouldBeRefused(Func<object> open)
    {
        var error = open.Should().Throw<SchedulingException>().Which;
        error.Code.Should().Be(SchedulingErrorCode.InvalidArgument);
        error.Field.Should().Be("cursor");
    }
}
