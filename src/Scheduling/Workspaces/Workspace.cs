using System.Collections.Immutable;
using NodaTime;
using Scheduling.Sessions;

namespace Scheduling.Workspaces;

/// <summary>
/// A workspace as the host describes it (a clinic, a salon, a tutoring business): its id, which is the tenant of every
/// session in it, the IANA time zone its dates and times are read and shown in, and the custom fields its sessions
/// carry. The host hands it over through <see cref="IWorkspaceDirectory.FindWorkspaceAsync"/>.
/// </summary>
/// <remarks>Validated at construction. Immutable and thread-safe.</remarks>
public sealed record Workspace
{
    /// <summary>Creates a workspace.</summary>
    /// <param name="id">The workspace's id; also the tenant id of its sessions (<see cref="Security.CallerContext.TenantId"/>).</param>
    /// <param name="zone">The time zone the workspace works in.</param>
    /// <param name="fieldDefinitions">The custom fields its sessions carry, each id once; none when null.</param>
    /// <exception cref="SchedulingException">
    /// <see cref="SchedulingErrorCode.InvalidArgument"/> on <c>id</c> (null, empty or white space) or
    /// <c>fieldDefinitions</c> (a field definition is null, or two share an id).
    /// </exception>
    /// <exception cref="ArgumentNullException"><paramref name="zone"/> is null (find a zone by its id with <see cref="SessionText.ParseZone"/>).</exception>
    public Workspace(string id, DateTimeZone zone, IEnumerable<FieldDefinition>? fieldDefinitions = null)
    {
        Id = string.IsNullOrWhiteSpace(id) ? throw SchedulingException.Invalid(nameof(id), "A workspace needs an id.") : id;
        Zone = zone ?? throw new ArgumentNullException(nameof(zone));
        FieldDefinitions = fieldDefinitions is null ? [] : [.. fieldDefinitions];
        if (FieldDefinitions.Any(d => d is null))
        {
            throw SchedulingException.Invalid(nameof(fieldDefinitions), "A field definition is null.");
        }

        if (FieldDefinitions.Select(d => d.Id).Distinct(StringComparer.Ordinal).Count() != FieldDefinitions.Length)
        {
            throw SchedulingException.Invalid(nameof(fieldDefinitions), $"Two fields of workspace '{id}' share an id.");
        }
    }

    /// <summary>Gets the workspace's id, which is also the tenant id of its sessions.</summary>
    public string Id { get; }

    /// <summary>Gets the time zone the workspace's dates and times are read and shown in.</summary>
    public DateTimeZone Zone { get; }

    /// <summary>Gets the custom fields its sessions carry.</summary>
    public ImmutableArray<FieldDefinition> FieldDefinitions { get; }

    /// <summary>Gets the workspace's name, or null.</summary>
    public string? Name { get; init; }

    /// <summary>The definition of a field, or null when the workspace has none by that id.</summary>
    public FieldDefinition? FindField(string fieldId) => FieldDefinitions.FirstOrDefault(d => d.Id == fieldId);

    /// <summary>
    /// Checks a session's field values against the workspace's definitions: every value names a defined field, at most
    /// once, with a value of the field's kind (a choice among its choices), and every required field has a value.
    /// </summary>
    /// <exception cref="SchedulingException">Invalid argument naming <c>fieldValues.{fieldId}</c>, the first field at fault.</exception>
    public void CheckFieldValues(IEnumerable<FieldValue> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            if (value is null)
            {
                throw SchedulingException.Invalid("fieldValues", "A field value is missing (null).");
            }

            var path = $"fieldValues.{value.FieldId}";
            if (!seen.Add(value.FieldId))
            {
                throw SchedulingException.Invalid(path, $"Field '{value.FieldId}' has more than one value.");
            }

            var definition = FindField(value.FieldId)
                ?? throw SchedulingException.Invalid(path, $"Workspace '{Id}' defines no field '{value.FieldId}'.");
            if (definition.ProblemWith(value) is { } problem)
            {
                throw SchedulingException.Invalid(path, problem);
            }
        }

        if (FieldDefinitions.FirstOrDefault(d => d.IsRequired && !seen.Contains(d.Id)) is { } missing)
        {
            throw SchedulingException.Invalid($"fieldValues.{missing.Id}", $"Field '{missing.Id}' ({missing.Label}) is required.");
        }
    }
}
