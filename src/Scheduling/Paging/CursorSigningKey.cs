using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;

namespace Scheduling.Paging;

/// <summary>
/// A key cursors are signed with, and its id: the first four bytes of an HMAC of a fixed label under the key, written
/// in every cursor so a host can tell a cursor signed with a key it does not hold from an altered one, without the id
/// saying anything about the key.
/// </summary>
internal sealed class CursorSigningKey
{
    /// <summary>The fewest bytes a key may have: as many as the HMAC-SHA256 output, so the key is not the weak link.</summary>
    public const int MinimumLength = 32;

    private CursorSigningKey(byte[] bytes)
    {
        Bytes = bytes;
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(bytes, "Scheduling cursor key id"u8, mac);
        Id = BinaryPrimitives.ReadUInt32BigEndian(mac);
    }

    /// <summary>Gets the key's bytes (a copy of what it was made from, never changed).</summary>
    public byte[] Bytes { get; }

    /// <summary>Gets the key's id.</summary>
    public uint Id { get; }

    /// <summary>Gets the id as a person reads it: eight hexadecimal digits.</summary>
    public string IdText => FormatId(Id);

    /// <summary>A key made of a copy of <paramref name="bytes"/>.</summary>
    /// <exception cref="ArgumentException">Fewer than <see cref="MinimumLength"/> bytes.</exception>
    public static CursorSigningKey Of(ReadOnlySpan<byte> bytes, string what) =>
        bytes.Length >= MinimumLength
            ? new CursorSigningKey(bytes.ToArray())
            : throw new ArgumentException($"{what} is {bytes.Length} bytes long; a cursor key needs at least {MinimumLength}.", what);

    /// <summary>A key id as a person reads it.</summary>
    public static string FormatId(uint id) => id.ToString("x8", CultureInfo.InvariantCulture);
}
