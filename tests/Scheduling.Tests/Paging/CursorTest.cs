using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Scheduling.Paging;
using Scheduling.Sessions;

namespace Scheduling.Tests.Paging;

/// <summary>
/// Sealing and opening cursors: the payload comes back only for the kind, the tenant and a key it was sealed with,
/// unaltered and spelled the one way a page spells it; each kind of refusal says what it is.
/// </summary>
public sealed class CursorTest
{
    private static readonly CursorSigningKey Key = CursorSigningKey.Of(RandomNumberGenerator.GetBytes(32), "key");
    private static readonly CursorSigningKey OtherKey = CursorSigningKey.Of(RandomNumberGenerator.GetBytes(32), "other key");
    private static readonly CursorKeys Keys = CursorKeys.Of([Key]);
    private static readonly byte[] Payload = Encoding.UTF8.GetBytes("""{"v":1,"anything":"at all"}""");

    [Fact]
    public void Sealed_cursor_opens_to_its_payload()
    {
        var cursor = Seal("tenant-a", Payload);

        Open("tenant-a", cursor).Should().Equal(Payload);
    }

    [Fact]
    public void Sealed_cursor_is_url_safe_text()
    {
        for (var length = 0; length < 40; length++)
        {
            Seal("tenant-a", RandomNumberGenerator.GetBytes(length)).Should().MatchRegex("^[A-Za-z0-9_-]+$");
        }
    }

    [Fact]
    public void Cursor_bytes_start_with_the_format_version_the_kind_and_the_key_id()
    {
        var bytes = Decode(CursorCodec.Seal(CursorKind.Attendance, Key, "tenant-a", Payload));

        bytes[0].Should().Be(1);
        bytes[1].Should().Be((byte)CursorKind.Attendance);
        BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(2)).Should().Be(Key.Id);
        bytes.AsSpan(6, Payload.Length).ToArray().Should().Equal(Payload);
        bytes.Should().HaveCount(6 + Payload.Length + 32);
    }

    [Fact]
    public void Cursor_with_any_character_changed_is_refused()
    {
        var cursor = Seal("tenant-a", Payload);

        for (var i = 0; i < cursor.Length; i++)
        {
            var tampered = string.Concat(cursor.AsSpan(0, i), cursor[i] == 'A' ? "B" : "A", cursor.AsSpan(i + 1));

            ShouldBeRefused(() => Open("tenant-a", tampered));
        }
    }

    [Fact]
    public void Cursor_with_its_payload_altered_says_it_was_altered()
    {
        var bytes = Decode(Seal("tenant-a", Payload));
        bytes[10] ^= 0x01;

        ShouldBeRefused(() => Open("tenant-a", Base64Url.Encode(bytes))).Message.Should().Contain("altered");
    }

    [Fact]
    public void Cursor_sealed_for_another_tenant_is_refused()
    {
        var cursor = Seal("tenant-a", Payload);

        ShouldBeRefused(() => Open("tenant-b", cursor)).Message.Should().Contain("not issued for this tenant");
        ShouldBeRefused(() => Open("tenant-a\n", cursor));
        ShouldBeRefused(() => Open("tenant-", cursor));
        ShouldBeRefused(() => Open("", cursor));
    }

    [Fact]
    public void Tenant_ids_that_differ_only_in_a_lone_surrogate_do_not_share_cursors()
    {
        // UTF-8 would turn both lone surrogates into U+FFFD; the signature covers the UTF-16 code units themselves.
        var cursor = Seal("tenant-\uD800", Payload);

        Open("tenant-\uD800", cursor).Should().Equal(Payload);
        ShouldBeRefused(() => Open("tenant-\uDBFF", cursor));
        ShouldBeRefused(() => Open("tenant-\uFFFD", cursor));
    }

    [Fact]
    public void Tenant_and_payload_cannot_trade_bytes_at_their_border()
    {
        // Without the tenant's length in the signature, "ab" + "c..." and "a" + "bc..." would sign alike.
        var cursor = CursorCodec.Seal(CursorKind.Sessions, Key, "ab", "c{}"u8);
        var bytes = Decode(cursor);
        var moved = new byte[bytes.Length + 2];
        bytes.AsSpan(0, 6).CopyTo(moved);
        Encoding.Unicode.GetBytes("b").CopyTo(moved, 6);
        bytes.AsSpan(6).CopyTo(moved.AsSpan(8));

        ShouldBeRefused(() => Open("a", Base64Url.Encode(moved)));
    }

    [Fact]
    public void Cursor_sealed_with_a_key_the_host_does_not_hold_says_so_and_names_the_key()
    {
        var cursor = CursorCodec.Seal(CursorKind.Sessions, OtherKey, "tenant-a", Payload);

        var error = ShouldBeRefused(() => Open("tenant-a", cursor));

        error.Message.Should().Contain(OtherKey.IdText).And.Contain("another deployment").And.Contain("key rotation").And.NotContain("altered");
    }

    [Fact]
    public void Every_listed_key_is_accepted_and_the_first_signs()
    {
        var rotated = CursorKeys.Of([OtherKey, Key]);
        var old = Seal("tenant-a", Payload);

        CursorCodec.Open(CursorKind.Sessions, rotated, "tenant-a", old).Should().Equal(Payload);
        var fresh = CursorCodec.Seal(CursorKind.Sessions, rotated.Signing, "tenant-a", Payload);
        BinaryPrimitives.ReadUInt32BigEndian(Decode(fresh).AsSpan(2)).Should().Be(OtherKey.Id);
        ShouldBeRefused(() => Open("tenant-a", fresh)).Message.Should().Contain("does not hold");
    }

    [Fact]
    public void Cursor_of_another_kind_is_refused_and_says_which_it_is()
    {
        var attendance = CursorCodec.Seal(CursorKind.Attendance, Key, "tenant-a", Payload);
        var workspace = CursorCodec.Seal(CursorKind.Workspace, Key, "tenant-a", Payload);

        ShouldBeRefused(() => Open("tenant-a", attendance)).Message.Should().Contain("an attendance query").And.Contain("not a session query");
        ShouldBeRefused(() => Open("tenant-a", workspace)).Message.Should().Contain("a workspace session list");
        ShouldBeRefused(() => CursorCodec.Open(CursorKind.Workspace, Keys, "tenant-a", Seal("tenant-a", Payload)));
    }

    [Fact]
    public void Kind_byte_changed_in_place_is_refused_as_altered()
    {
        var bytes = Decode(Seal("tenant-a", Payload));
        bytes[1] = (byte)CursorKind.Attendance;

        ShouldBeRefused(() => CursorCodec.Open(CursorKind.Attendance, Keys, "tenant-a", Base64Url.Encode(bytes))).Message.Should().Contain("altered");
    }

    [Fact]
    public void Cursor_of_another_format_version_is_refused_as_such()
    {
        var bytes = Decode(Seal("tenant-a", Payload));
        bytes[0] = 2;

        ShouldBeRefused(() => Open("tenant-a", Base64Url.Encode(bytes))).Message.Should().Contain("format 2");
    }

    [Fact]
    public void Cursor_in_the_unframed_format_of_earlier_versions_is_refused_as_another_format()
    {
        // Earlier versions sealed JSON payload + HMAC(tenant + "\n" + payload), with no header.
        var mac = HMACSHA256.HashData(Key.Bytes, (byte[])[.. Encoding.UTF8.GetBytes("tenant-a\n"), .. Payload]);

        ShouldBeRefused(() => Open("tenant-a", Base64Url.Encode([.. Payload, .. mac]))).Message.Should().Contain("format");
    }

    [Theory]
    [InlineData("")]
    [InlineData("!!!")]
    [InlineData("AAAA")]
    [InlineData("a b c")]
    [InlineData("A")]
    public void Text_that_is_no_cursor_is_refused(string cursor)
    {
        ShouldBeRefused(() => Open("tenant-a", cursor));
    }

    [Fact]
    public void Truncated_or_extended_cursor_is_refused()
    {
        var cursor = Seal("tenant-a", Payload);

        ShouldBeRefused(() => Open("tenant-a", cursor[..^3]));
        ShouldBeRefused(() => Open("tenant-a", cursor[3..]));
        ShouldBeRefused(() => Open("tenant-a", cursor[..^1]));
        ShouldBeRefused(() => Open("tenant-a", cursor + "A"));
        ShouldBeRefused(() => Open("tenant-a", cursor + "AA"));
        ShouldBeRefused(() => Open("tenant-a", cursor + "AAAA"));
    }

    [Fact]
    public void Padded_spelling_of_a_cursor_is_refused()
    {
        var cursor = CursorWithLength(length => length % 4 != 0);

        var padded = cursor + new string('=', (4 - (cursor.Length % 4)) % 4);

        ShouldBeRefused(() => Open("tenant-a", padded)).Message.Should().Contain("base64url");
        ShouldBeRefused(() => Open("tenant-a", cursor + "="));
    }

    [Fact]
    public void Standard_base64_alphabet_spelling_of_a_cursor_is_refused()
    {
        var cursor = CursorWhere(c => c.Contains('-') && c.Contains('_'));

        ShouldBeRefused(() => Open("tenant-a", cursor.Replace('-', '+')));
        ShouldBeRefused(() => Open("tenant-a", cursor.Replace('_', '/')));
    }

    [Fact]
    public void Cursor_with_whitespace_is_refused()
    {
        var cursor = Seal("tenant-a", Payload);

        ShouldBeRefused(() => Open("tenant-a", " " + cursor));
        ShouldBeRefused(() => Open("tenant-a", cursor + "\n"));
        ShouldBeRefused(() => Open("tenant-a", cursor.Insert(8, "\t")));
    }

    [Fact]
    public void Cursor_whose_last_character_sets_bits_past_the_last_byte_is_refused()
    {
        var cursor = CursorWithLength(length => length % 4 != 0);
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        var last = alphabet.IndexOf(cursor[^1], StringComparison.Ordinal);
        var unusedBits = cursor.Length % 4 == 2 ? 4 : 2;

        // Same bytes when decoded leniently, another spelling.
        var spelledOtherwise = cursor[..^1] + alphabet[last | ((1 << unusedBits) - 1)];

        spelledOtherwise.Should().NotBe(cursor);
        ShouldBeRefused(() => Open("tenant-a", spelledOtherwise)).Message.Should().Contain("bits past the last byte");
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

    private static string Seal(string tenantId, byte[] payload) => CursorCodec.Seal(CursorKind.Sessions, Key, tenantId, payload);

    private static byte[] Open(string tenantId, string cursor) => CursorCodec.Open(CursorKind.Sessions, Keys, tenantId, cursor);

    private static byte[] Decode(string cursor) => Base64Url.TryDecode(cursor, out _)!;

    /// <summary>A cursor whose text length satisfies <paramref name="wanted"/>.</summary>
    private static string CursorWithLength(Func<int, bool> wanted) => CursorWhere(c => wanted(c.Length));

    private static string CursorWhere(Func<string, bool> wanted)
    {
        for (var length = 1; ; length++)
        {
            var cursor = Seal("tenant-a", RandomNumberGenerator.GetBytes(length % 64));
            if (wanted(cursor))
            {
                return cursor;
            }
        }
    }

    private static SchedulingException ShouldBeRefused(Func<object> open)
    {
        var error = open.Should().Throw<SchedulingException>().Which;
        error.Code.Should().Be(SchedulingErrorCode.InvalidArgument);
        error.Field.Should().Be("cursor");
        return error;
    }
}
