namespace Scheduling.Stores;

/// <summary>
/// The order of ids among results with equal keys: by Unicode code point, which is the order of their UTF-8 bytes, so
/// SQL databases index it as it is (SQLite's <c>BINARY</c> collation, PostgreSQL's <c>"C"</c> collation). It is the
/// ordinal order of <see cref="string"/>, except that a character beyond U+FFFF (a surrogate pair in UTF-16) sorts
/// after U+E000 to U+FFFF instead of before them.
/// </summary>
/// <remarks>Thread-safe. Allocates nothing.</remarks>
public static class IdOrder
{
    /// <summary>The order as a comparer, for sorts and sorted collections; null comes first.</summary>
    public static IComparer<string?> Comparer { get; } = new CodePointComparer();

    /// <summary>Compares two ids by code point.</summary>
    /// <returns>Less than zero when <paramref name="left"/> comes first, zero when they are the same text, greater than zero otherwise.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="left"/> or <paramref name="right"/> is null.</exception>
    public static int Compare(string left, string right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        var common = left.AsSpan().CommonPrefixLength(right);
        if (common == left.Length || common == right.Length)
        {
            return left.Length.CompareTo(right.Length);
        }

        return CodePointRank(left[common]).CompareTo(CodePointRank(right[common]));
    }

    /// <summary>
    /// Ranks the UTF-16 code unit where two texts first differ so that ranks compare as code points do: surrogates
    /// (the halves of characters beyond U+FFFF) move above U+E000 to U+FFFF, which move down to make room.
    /// </summary>
    private static int CodePointRank(char unit) =>
        unit < 0xD800 ? unit : unit >= 0xE000 ? unit - 0x800 : unit + 0x2000;

    private sealed class CodePointComparer : IComparer<string?>
    {
        public int Compare(string? x, string? y) =>
            x is null ? (y is null ? 0 : -1) : y is null ? 1 : IdOrder.Compare(x, y);
    }
}
