using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Scheduling.Paging;

/// <summary>
/// Seals a cursor's payload so a caller can hold it but not change it usefully, and opens it again only for the
/// query kind and the tenant it was sealed for. Tenant and permissions always come from the caller; the cursor only
/// remembers the query and the position.
/// </summary>
/// <remarks>
/// <para>A cursor is base64url without padding (<see cref="Base64Url"/>: one spelling per cursor) of these bytes:</para>
/// <code>
/// offset  length  field
/// 0       1       format version: 1
/// 1       1       kind (CursorKind: 1 sessions, 2 attendance, 3 workspace)
/// 2       4       key id, big-endian (CursorSigningKey.Id)
/// 6       n       payload (the kind's own JSON: SessionCursor, AttendanceCursor, WorkspaceCursor)
/// 6 + n   32      HMAC-SHA256 under the key of:
///                   bytes 0..5 | tenant length in bytes (uint32, big-endian) | tenant id as UTF-16LE |
///                   payload length (uint32, big-endian) | payload
/// </code>
/// <para>The tenant is framed by its length and taken as UTF-16 code units, so no two tenant ids (lone surrogates
/// included) sign alike. The signature is checked before anything in the cursor is believed; then a cursor of another
/// kind is refused. A cursor whose key id names no key the host holds is told apart from an altered one.</para>
/// </remarks>
internal sealed class CursorCodec
{
    /// <summary>The format version this codec writes and reads.</summary>
    public const byte FormatVersion = 1;

    /// <summary>Version, kind and key id.</summary>
    public const int HeaderLength = 6;

    /// <summary>The HMAC-SHA256 at the end.</summary>
    public const int MacLength = 32;

    private readonly CursorKind _kind;
    private readonly CursorKeyRing _keys;

    /// <summary>A codec for the cursors of one kind of query, signed with the keys of <paramref name="keys"/>.</summary>
    public CursorCodec(CursorKind kind, CursorKeyRing keys)
    {
        _kind = kind;
        _keys = keys ?? throw new ArgumentNullException(nameof(keys));
    }

    /// <summary>A cursor that carries <paramref name="payload"/> for <paramref name="tenantId"/>, signed with the signing key.</summary>
    public async ValueTask<string> SealAsync(string tenantId, byte[] payload, CancellationToken cancellationToken)
    {
        var keys = await _keys.GetAsync(cancellationToken).ConfigureAwait(false);
        return Seal(_kind, keys.Signing, tenantId, payload);
    }

    /// <summary>The payload of a cursor this codec's kind sealed for <paramref name="tenantId"/> with a key the host holds.</summary>
    /// <exception cref="SchedulingException">Invalid argument on <c>cursor</c>, saying why it was refused.</exception>
    public async ValueTask<byte[]> OpenAsync(string tenantId, string cursor, CancellationToken cancellationToken)
    {
        var keys = await _keys.GetAsync(cancellationToken).ConfigureAwait(false);
        return Open(_kind, keys, tenantId, cursor);
    }

    /// <summary>Seals <paramref name="payload"/> as a <paramref name="kind"/> cursor with <paramref name="key"/>.</summary>
    public static string Seal(CursorKind kind, CursorSigningKey key, string tenantId, ReadOnlySpan<byte> payload)
    {
        ArgumentNullException.ThrowIfNull(tenantId);
        var bytes = new byte[HeaderLength + payload.Length + MacLength];
        bytes[0] = FormatVersion;
        bytes[1] = (byte)kind;
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(2), key.Id);
        payload.CopyTo(bytes.AsSpan(HeaderLength));
        Mac(key, bytes.AsSpan(0, HeaderLength), tenantId, payload, bytes.AsSpan(HeaderLength + payload.Length));
        return Base64Url.Encode(bytes);
    }

    /// <summary>Opens a <paramref name="kind"/> cursor with any of <paramref name="keys"/>.</summary>
    /// <exception cref="SchedulingException">Invalid argument on <c>cursor</c>, saying why it was refused.</exception>
    public static byte[] Open(CursorKind kind, CursorKeys keys, string tenantId, string cursor)
    {
        ArgumentNullException.ThrowIfNull(tenantId);
        ArgumentNullException.ThrowIfNull(cursor);
        if (Base64Url.TryDecode(cursor, out var problem) is not { } bytes)
        {
            throw Malformed(problem!);
        }

        if (bytes.Length < HeaderLength + MacLength)
        {
            throw Malformed($"{bytes.Length} bytes are too few for a cursor");
        }

        if (bytes[0] != FormatVersion)
        {
            throw Refused($"The cursor is in format {bytes[0]}, which this version of the library does not read (it may come from an earlier or a later one): start the query again.");
        }

        var stated = (CursorKind)bytes[1];
        if (!Enum.IsDefined(stated))
        {
            throw Malformed($"kind {bytes[1]} is no kind of cursor");
        }

        var keyId = BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(2));
        var header = bytes.AsSpan(0, HeaderLength);
        var payload = bytes.AsSpan(HeaderLength, bytes.Length - HeaderLength - MacLength);
        var mac = bytes.AsSpan(bytes.Length - MacLength);
        Span<byte> expected = stackalloc byte[MacLength];
        var held = false;
        var verified = false;
        foreach (var key in keys.Accepted)
        {
            if (key.Id != keyId)
            {
                continue;
            }

            held = true;
            Mac(key, header, tenantId, payload, expected);
            if (CryptographicOperations.FixedTimeEquals(expected, mac))
            {
                verified = true;
                break;
            }
        }

        if (!held)
        {
            throw Refused(
                $"The cursor was signed with key {CursorSigningKey.FormatId(keyId)}, which this host does not hold: it was issued by another deployment, or before a key rotation removed its key. Start the query again.");
        }

        if (!verified)
        {
            throw Refused("The cursor was altered, or was not issued for this tenant.");
        }

        if (stated != kind)
        {
            throw Refused($"The cursor continues {Describe(stated)}, not {Describe(kind)}: pass it back to the query that returned it.");
        }

        return payload.ToArray();
    }

    private static void Mac(CursorSigningKey key, ReadOnlySpan<byte> header, string tenantId, ReadOnlySpan<byte> payload, Span<byte> destination)
    {
        // One buffer and the one-shot HMAC: several times cheaper than an incremental hash per cursor.
        var tenantLength = tenantId.Length * sizeof(char);
        var length = header.Length + 4 + tenantLength + 4 + payload.Length;
        var rented = length <= 1024 ? null : ArrayPool<byte>.Shared.Rent(length);
        var input = rented is null ? stackalloc byte[length] : rented.AsSpan(0, length);
        header.CopyTo(input);
        var at = header.Length;
        BinaryPrimitives.WriteUInt32BigEndian(input[at..], (uint)tenantLength);
        at += 4;
        foreach (var unit in tenantId)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(input[at..], unit);
            at += 2;
        }

        BinaryPrimitives.WriteUInt32BigEndian(input[at..], (uint)payload.Length);
        payload.CopyTo(input[(at + 4)..]);
        HMACSHA256.HashData(key.Bytes, input, destination);
        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private static string Describe(CursorKind kind) => kind switch
    {
        CursorKind.Sessions => "a session query",
        CursorKind.Attendance => "an attendance query",
        _ => "a workspace session list",
    };

    private static SchedulingException Malformed(string problem) =>
        Refused($"The cursor is malformed ({problem}): pass back exactly the cursor a page returned.");

    private static SchedulingException Refused(string message) => new(SchedulingErrorCode.InvalidArgument, message, "cursor");
}
