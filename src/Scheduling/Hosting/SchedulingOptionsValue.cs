namespace Scheduling.Hosting;

/// <summary>
/// <see cref="SchedulingOptions"/> compared by value (keys byte by byte), so that two registrations given equal
/// options count as the same.
/// </summary>
internal sealed class SchedulingOptionsValue : IEquatable<SchedulingOptionsValue>
{
    public SchedulingOptionsValue(SchedulingOptions options)
    {
        Options = options;
    }

    public SchedulingOptions Options { get; }

    public bool Equals(SchedulingOptionsValue? other)
    {
        if (other is null)
        {
            return false;
        }

        var (a, b) = (Options, other.Options);
        return a.MaxQueryWindow == b.MaxQueryWindow
            && a.DefaultPageSize == b.DefaultPageSize
            && a.MaxPageSize == b.MaxPageSize
            && a.MaxExaminedPerPage == b.MaxExaminedPerPage
            && a.MaxIdsPerList == b.MaxIdsPerList
            && a.DefaultAttendancePageSize == b.DefaultAttendancePageSize
            && a.MaxAttendanceBatchSize == b.MaxAttendanceBatchSize
            && a.SnapshotNamesAtBooking == b.SnapshotNamesAtBooking
            && a.PayloadLimits == b.PayloadLimits
            && a.CursorKey.Span.SequenceEqual(b.CursorKey.Span)
            && SameKeys(a.CursorKeys, b.CursorKeys);
    }

    public override bool Equals(object? obj) => Equals(obj as SchedulingOptionsValue);

    public override int GetHashCode() => HashCode.Combine(Options.MaxQueryWindow, Options.DefaultPageSize, Options.MaxPageSize, Options.PayloadLimits);

    private static bool SameKeys(System.Collections.Immutable.ImmutableArray<ReadOnlyMemory<byte>> a, System.Collections.Immutable.ImmutableArray<ReadOnlyMemory<byte>> b)
    {
        var (left, right) = (a.IsDefault ? [] : a, b.IsDefault ? [] : b);
        if (left.Length != right.Length)
        {
            return false;
        }

        for (var i = 0; i < left.Length; i++)
        {
            if (!left[i].Span.SequenceEqual(right[i].Span))
            {
                return false;
            }
        }

        return true;
    }
}
