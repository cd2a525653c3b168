namespace Scheduling;

/// <summary>
/// Measures one record against <see cref="PayloadLimits"/> as its fields are walked: each text against its own
/// limit, each list against its count, and all of it against the record's total. The first field past a limit is
/// refused with <see cref="SchedulingErrorCode.LimitExceeded"/> naming it; a text that is not well-formed UTF-16 (a
/// lone surrogate, which UTF-8 cannot hold) with <see cref="SchedulingErrorCode.InvalidArgument"/> naming it. Not
/// thread-safe: one meter per record.
/// </summary>
internal sealed class PayloadMeter
{
    private readonly PayloadLimits _limits;
    private readonly string _record;
    private long _total;

    /// <summary>Creates a meter for one record.</summary>
    /// <param name="limits">The limits.</param>
    /// <param name="record">What the record is, for messages ("session", "recurring session", "attendance").</param>
    public PayloadMeter(PayloadLimits limits, string record)
    {
        _limits = limits;
        _record = record;
    }

    /// <summary>Counts an id against <see cref="PayloadLimits.MaxIdLength"/>.</summary>
    public void Id(string? value, string field, int? index = null) => Text(value, field, _limits.MaxIdLength, index);

    /// <summary>Counts a short text against <see cref="PayloadLimits.MaxTextLength"/>.</summary>
    public void ShortText(string? value, string field, int? index = null) => Text(value, field, _limits.MaxTextLength, index);

    /// <summary>Counts a free text against <see cref="PayloadLimits.MaxNotesLength"/>.</summary>
    public void LongText(string? value, string field, int? index = null) => Text(value, field, _limits.MaxNotesLength, index);

    /// <summary>Refuses a list longer than <paramref name="max"/>.</summary>
    public void Count(int count, int max, string field)
    {
        if (count > max)
        {
            throw SchedulingException.Limit(field, $"The {_record} has {count:N0} {field}; at most {max:N0} are allowed.");
        }
    }

    private void Text(string? value, string field, int max, int? index)
    {
        if (value is null)
        {
            return;
        }

        var where = index is int position ? $"{field}[{position}]" : field;
        if (Querying.FilterText.FindLoneSurrogate(value) is int at)
        {
            // Stores keep text as UTF-8, which has no form for half a surrogate pair.
            throw SchedulingException.Invalid(field, $"'{where}' is not valid text: a lone surrogate at character {at}.");
        }

        if (value.Length > max)
        {
            throw SchedulingException.Limit(field, $"'{where}' is {value.Length:N0} characters long; at most {max:N0} are allowed.");
        }

        _total += value.Length;
        if (_total > _limits.MaxRecordLength)
        {
            throw SchedulingException.Limit(field, $"The {_record} holds more than {_limits.MaxRecordLength:N0} characters of text in all (reached at '{field}').");
        }
    }
}
