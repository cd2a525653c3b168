using NodaTime;

namespace Scheduling.Sessions;

/// <summary>
/// A file attached to a session, by reference: its metadata and the reference the host gave it (a URL, a blob key, a
/// document id). The library never holds or moves file bytes; the host stores the file and resolves the reference.
/// </summary>
/// <remarks>Validated at construction. Immutable and thread-safe.</remarks>
public sealed record Attachment
{
    private readonly long? _sizeBytes;

    /// <summary>Creates an attachment.</summary>
    /// <param name="id">The attachment's id, unique on its session.</param>
    /// <param name="fileName">The file's name as shown to people, such as <c>referral.pdf</c>.</param>
    /// <param name="reference">The host's reference to the stored file (URL, blob key, document id).</param>
    /// <param name="addedAt">When it was attached.</param>
    /// <exception cref="SchedulingException"><see cref="SchedulingErrorCode.InvalidArgument"/> on <c>id</c>, <c>fileName</c> or <c>reference</c>: null, empty or white space.</exception>
    public Attachment(string id, string fileName, string reference, Instant addedAt)
    {
        Id = Required(id, nameof(id));
        FileName = Required(fileName, nameof(fileName));
        Reference = Required(reference, nameof(reference));
        AddedAt = addedAt;
    }

    /// <summary>Gets the attachment's id, unique on its session.</summary>
    public string Id { get; }

    /// <summary>Gets the file's name as shown to people.</summary>
    public string FileName { get; }

    /// <summary>Gets the host's reference to the stored file; opaque to the library.</summary>
    public string Reference { get; }

    /// <summary>Gets when the file was attached.</summary>
    public Instant AddedAt { get; }

    /// <summary>Gets the file's media type (<c>application/pdf</c>), or null.</summary>
    public string? ContentType { get; init; }

    /// <summary>Gets the file's size in bytes, or null when unknown.</summary>
    /// <exception cref="SchedulingException"><see cref="SchedulingErrorCode.InvalidArgument"/> on <c>sizeBytes</c>: the size is negative.</exception>
    public long? SizeBytes
    {
        get => _sizeBytes;
        init => _sizeBytes = value is < 0 ? throw SchedulingException.Invalid("sizeBytes", $"A size must not be negative; {value} was given.") : value;
    }

    /// <summary>Gets the id of who attached it (a staff or member id), or null.</summary>
    public string? AddedBy { get; init; }

    private static string Required(string value, string name) =>
        string.IsNullOrWhiteSpace(value) ? throw SchedulingException.Invalid(name, $"An attachment needs a {name}.") : value;
}
