using System.Security.Cryptography;
using System.Text;

namespace Scheduling.Paging;

/// <summary>
/// Seals a cursor's payload so a caller can hold it but not read or change it usefully: the payload is signed with
/// HMAC-SHA256 over the payload and the tenant, so a cursor is rejected when it was altered, forged, or made for
/// another tenant. Tenant and permissions always come from the caller; the cursor only remembers the query and the
/// position.
/// </summary>
internal sealed class CursorCodec(ReadOnlyMemory<byte> key)
{
    private const int MacLength = 32;

    public string Seal(string tenantId, ReadOnlySpan<byte> payload)
    {
        var mac = Mac(tenantId, payload);
        var sealedBytes = new byte[payload.Length + MacLength];
        payload.CopyTo(sealedBytes);
        mac.CopyTo(sealedBytes.AsSpan(payload.Length));
        return Convert.ToBase64String(sealedBytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    public byte[] Open(string tenantId, string cursor)
    {
        byte[] bytes;
        try
        {
            var base64 = cursor.Replace('-', '+').Replace('_', '/');
            bytes = Convert.FromBase64String(base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '='));
        }
        catch (FormatException exception)
        {
            throw Malformed(exception);
        }

        if (bytes.Length <= MacLength)
        {
            throw Malformed(null);
        }

        var payload = bytes.AsSpan(0, bytes.Length - MacLength);
        if (!CryptographicOperations.FixedTimeEquals(Mac(tenantId, payload), bytes.AsSpan(bytes.Length - MacLength)))
        {
            throw new SchedulingException(SchedulingErrorCode.InvalidArgument, "The cursor was altered, or was not issued for this tenant.", "cursor");
        }

        return payload.ToArray();
    }

    private byte[] Mac(string tenantId, ReadOnlySpan<byte> payload)
    {
        using var hmac = new HMACSHA256(key.ToArray());
        hmac.TransformBlock(Encoding.UTF8.GetBytes(tenantId + "\n"), 0, Encoding.UTF8.GetByteCount(tenantId + "\n"), null, 0);
        hmac.TransformFinalBlock(payload.ToArray(), 0, payload.Length);
        return hmac.Hash!;
    }

    private static SchedulingException Malformed(Exception? inner) =>
        new(SchedulingErrorCode.InvalidArgument, "The cursor is malformed: pass back exactly the cursor a page returned.", "cursor", inner);
}
