namespace Scheduling.Querying;

/// <summary>The operators of the filter language (the HTTP API's API query language).</summary>
public enum FilterOperator
{
    /// <summary><c>$eq</c>: equal to (for a list field: contains).</summary>
    Eq,

    /// <summary><c>$ne</c>: not equal to (for a list field: does not contain).</summary>
    Ne,

    /// <summary><c>$in</c>: equal to one of.</summary>
    In,

    /// <summary><c>$nin</c>: equal to none of.</summary>
    Nin,

    /// <summary><c>$gt</c>: greater than.</summary>
    Gt,

    /// <summary><c>$gte</c>: greater than or equal to.</summary>
    Gte,

    /// <summary><c>$lt</c>: less than.</summary>
    Lt,

    /// <summary><c>$lte</c>: less than or equal to.</summary>
    Lte,

    /// <summary><c>$hasSome</c>: a list field contains at least one of.</summary>
    HasSome,

    /// <summary><c>$hasAll</c>: a list field contains all of.</summary>
    HasAll,

    /// <summary><c>$exists</c>: the field has a value (true) or not (false).</summary>
    Exists,
}
