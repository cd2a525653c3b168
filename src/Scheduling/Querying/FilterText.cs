namespace Scheduling.Querying;

/// <summary>Checks on the text a filter holds: it must be valid UTF-16, so its canonical JSON can be written and read back.</summary>
internal static class FilterText
{
    /// <summary>The index of the first surrogate in <paramref name="text"/> that is not half of a pair, or null when there is none.</summary>
    public static int? FindLoneSurrogate(ReadOnlySpan<char> text)
    {
        var first = text.IndexOfAnyInRange('\uD800', '\uDFFF');
        if (first < 0)
        {
            return null;
        }

        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            if (!char.IsSurrogate(c))
            {
                continue;
            }

            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            return i;
        }

        return null;
    }
}
