namespace Scheduling.Querying;

/// <summary>
/// The limits of the filter language, the same for every kind of item and wherever a filter comes from (parsed JSON
/// or a tree built in code). A <see cref="FilterNode"/> checks them when it is made, so every filter that exists is
/// within them, and the JSON reader checks them while it reads, so oversized text is refused before it is read whole.
/// A filter within these limits always has a canonical JSON form the reader accepts, so a cursor carrying it can
/// always be continued.
/// </summary>
/// <remarks>
/// A filter over the limits is <see cref="SchedulingErrorCode.LimitExceeded"/> on <c>filter</c>. The limits bound
/// the work of one page: evaluating a filter against an item visits at most <see cref="MaxNodes"/> nodes and values,
/// and its canonical JSON is at most <see cref="MaxCanonicalJsonLength"/> characters.
/// </remarks>
public static class FilterLimits
{
    /// <summary>
    /// The deepest nesting a filter may have: 16. A condition or an empty filter (<c>{}</c>) is at depth 0, and
    /// <c>$and</c>, <c>$or</c>, <c>$not</c> (and an object with several keys, which is an <c>$and</c>) add one level
    /// to what they hold. In the canonical JSON, depth is the nesting of filter objects.
    /// </summary>
    public const int MaxDepth = 16;

    /// <summary>
    /// The most nodes and values a filter may hold in all: 1,000. Every node counts one (<c>$and</c>, <c>$or</c>,
    /// <c>$not</c>, the empty filter <c>{}</c>, each condition, that is each operator on a field) and so does every
    /// value of a condition (<c>{"id":{"$in":["a","b"]}}</c> counts three).
    /// </summary>
    public const int MaxNodes = 1_000;

    /// <summary>The longest string value a condition may hold, in UTF-16 code units: 256.</summary>
    public const int MaxValueLength = 256;

    /// <summary>The most characters all string values of a filter may hold together, in UTF-16 code units: 16,384.</summary>
    public const int MaxTextLength = 16_384;

    /// <summary>The longest field name a condition may name: 64 characters.</summary>
    public const int MaxFieldNameLength = 64;

    /// <summary>
    /// The longest JSON text the reader accepts: 262,144 characters of a string, or bytes of UTF-8. Checked before
    /// anything is read. Longer than <see cref="MaxCanonicalJsonLength"/>, so a filter's canonical form, and the same
    /// filter written with some spacing, always fit.
    /// </summary>
    public const int MaxJsonLength = 262_144;

    /// <summary>
    /// The longest canonical JSON a filter within the limits can have: 183,304 characters, all ASCII. Each node or
    /// value writes at most 85 characters besides its text (a condition: braces, a field name of at most
    /// <see cref="MaxFieldNameLength"/> characters, the operator, brackets and a comma; a value: at most an instant
    /// of 33 characters and a comma), and each character of text at most 6 (<c>\u0001</c>).
    /// </summary>
    public const int MaxCanonicalJsonLength = (MaxNodes * 85) + (MaxTextLength * 6);
}
