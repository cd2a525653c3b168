namespace Scheduling.Sessions;

/// <summary>
/// The invoice a session was billed on, by reference: the library does not bill; the host's billing system owns the
/// invoice and gives its id (and, if it likes, the number people see).
/// </summary>
/// <remarks>Validated at construction. Immutable and thread-safe.</remarks>
public sealed record InvoiceReference
{
    /// <summary>Creates a reference.</summary>
    /// <param name="id">The billing system's id of the invoice.</param>
    /// <exception cref="SchedulingException"><see cref="SchedulingErrorCode.InvalidArgument"/> on <c>id</c>: null, empty or white space.</exception>
    public InvoiceReference(string id)
    {
        Id = string.IsNullOrWhiteSpace(id) ? throw SchedulingException.Invalid(nameof(id), "An invoice reference needs an id.") : id;
    }

    /// <summary>Gets the billing system's id of the invoice.</summary>
    public string Id { get; }

    /// <summary>Gets the invoice number people see (<c>INV-2025-0042</c>), or null.</summary>
    public string? Number { get; init; }
}
