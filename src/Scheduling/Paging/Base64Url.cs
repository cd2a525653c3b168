using System.Buffers;

namespace Scheduling.Paging;

/// <summary>
/// Base64url without padding (RFC 4648 section 5), in its one canonical spelling: every byte string has exactly one
/// text, and every other text (padding, '+' or '/', whitespace, a length no encoding has, or bits set past the last
/// byte) is refused rather than read as the same bytes.
/// </summary>
internal static class Base64Url
{
    /// <summary>The canonical text of <paramref name="bytes"/>.</summary>
    public static string Encode(ReadOnlySpan<byte> bytes)
    {
        var text = Convert.ToBase64String(bytes);
        var end = text.Length;
        while (end > 0 && text[end - 1] == '=')
        {
            end--;
        }

        return string.Create(end, text, static (span, source) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = source[i] switch { '+' => '-', '/' => '_', var c => c };
            }
        });
    }

    /// <summary>The bytes of a canonical text; null, with the reason, for any other text.</summary>
    public static byte[]? TryDecode(string text, out string? problem)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (!char.IsAsciiLetterOrDigit(text[i]) && text[i] is not ('-' or '_'))
            {
                problem = $"character {i} is not one of A-Z, a-z, 0-9, '-' and '_' (base64url, without padding)";
                return null;
            }
        }

        if (text.Length % 4 == 1)
        {
            problem = $"{text.Length} characters is a length no base64url text has";
            return null;
        }

        // Only the last character can still be spelled two ways: with bits set past the last byte, which decoding
        // ignores. The canonical spelling has them clear.
        var unusedBits = (text.Length % 4) switch { 2 => 4, 3 => 2, _ => 0 };
        if (unusedBits > 0 && (Value(text[^1]) & ((1 << unusedBits) - 1)) != 0)
        {
            problem = "its last character sets bits past the last byte";
            return null;
        }

        var padding = (4 - (text.Length % 4)) % 4;
        var length = text.Length + padding;
        var rented = length <= 512 ? null : ArrayPool<char>.Shared.Rent(length);
        var standard = rented is null ? stackalloc char[length] : rented.AsSpan(0, length);
        for (var i = 0; i < length; i++)
        {
            standard[i] = i >= text.Length ? '=' : text[i] switch { '-' => '+', '_' => '/', var c => c };
        }

        var bytes = new byte[(text.Length * 3) / 4];
        var decoded = Convert.TryFromBase64Chars(standard, bytes, out var written) && written == bytes.Length;
        if (rented is not null)
        {
            ArrayPool<char>.Shared.Return(rented);
        }

        if (!decoded)
        {
            problem = "it is not base64url";
            return null;
        }

        problem = null;
        return bytes;
    }

    /// <summary>The six bits a base64url character stands for (the character is known to be one).</summary>
    private static int Value(char c) => c switch
    {
        >= 'A' and <= 'Z' => c - 'A',
        >= 'a' and <= 'z' => c - 'a' + 26,
        >= '0' and <= '9' => c - '0' + 52,
        '-' => 62,
        _ => 63,
    };
}
