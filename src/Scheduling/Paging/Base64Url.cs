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

        var padding = (4 - (text.Length % 4)) % 4;
        var standard = string.Create(text.Length + padding, text, static (span, source) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = i >= source.Length ? '=' : source[i] switch { '-' => '+', '_' => '/', var c => c };
            }
        });
        var bytes = Convert.FromBase64String(standard);

        // Only the last character can still be spelled two ways: with bits set past the last byte, which decoding
        // ignores. The one canonical text is the encoding of the bytes.
        if (padding > 0 && !string.Equals(Encode(bytes), text, StringComparison.Ordinal))
        {
            problem = "its last character sets bits past the last byte";
            return null;
        }

        problem = null;
        return bytes;
    }
}
