using NodaTime;

namespace Scheduling.Sessions;

/// <summary>
/// One dated entry in a session's <see cref="SessionDetails.NoteLog"/>: who wrote what, and when (the HTTP API's <c>notes</c>
/// list, such as a practitioner's notes on an appointment). Entries are appended, never edited.
/// </summary>
/// <remarks>
/// Not to be confused with <see cref="SessionDetails.Notes"/>, the session's single free-text note (its standing
/// instructions, such as "bring a mat"), which is set and replaced like a title. Validated at construction.
/// Immutable and thread-safe.
/// </remarks>
public sealed record SessionNote
{
    /// <summary>Creates a note.</summary>
    /// <param name="id">The note's id, unique on its session.</param>
    /// <param name="authorId">The id of who wrote it (a staff or member id, as the host knows them).</param>
    /// <param name="text">What it says; not empty.</param>
    /// <param name="createdAt">When it was written.</param>
    /// <exception cref="SchedulingException"><see cref="SchedulingErrorCode.InvalidArgument"/> on <c>id</c>, <c>authorId</c> or <c>text</c>: null, empty or white space.</exception>
    public SessionNote(string id, string authorId, string text, Instant createdAt)
    {
        Id = string.IsNullOrWhiteSpace(id) ? throw SchedulingException.Invalid(nameof(id), "A note needs an id.") : id;
        AuthorId = string.IsNullOrWhiteSpace(authorId) ? throw SchedulingException.Invalid(nameof(authorId), "A note needs an author.") : authorId;
        Text = string.IsNullOrWhiteSpace(text) ? throw SchedulingException.Invalid(nameof(text), "A note must say something.") : text;
        CreatedAt = createdAt;
    }

    /// <summary>Gets the note's id, unique on its session.</summary>
    public string Id { get; }

    /// <summary>Gets the id of who wrote it.</summary>
    public string AuthorId { get; }

    /// <summary>Gets what it says.</summary>
    public string Text { get; }

    /// <summary>Gets when it was written.</summary>
    public Instant CreatedAt { get; }
}
