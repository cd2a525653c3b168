using System.Text.Json;

namespace Scheduling.Cli.Json;

/// <summary>
/// The <c>id</c> of a JSON lines request, echoed back as given: a string, a number (its JSON text kept exactly, so
/// <c>1e3</c> comes back as <c>1e3</c>), or null when it is null or absent.
/// </summary>
/// <remarks>This type is an immutable value and is thread-safe.</remarks>
internal readonly struct RequestId : IEquatable<RequestId>
{
    private readonly string? _text;
    private readonly bool _isNumber;

    private RequestId(string text, bool isNumber)
    {
        _text = text;
        _isNumber = isNumber;
    }

    /// <summary>Gets the null id, which the default value also is.</summary>
    public static RequestId Null => default;

    /// <summary>Gets a value indicating whether the id is null.</summary>
    public bool IsNull => _text is null;

    /// <summary>Creates a string id.</summary>
    public static RequestId FromString(string value) => new(value ?? throw new ArgumentNullException(nameof(value)), isNumber: false);

    /// <summary>Creates a number id from its JSON text, which the caller has read as a valid JSON number.</summary>
    public static RequestId FromNumberText(string json) => new(json ?? throw new ArgumentNullException(nameof(json)), isNumber: true);

    /// <summary>Tests two ids for equality: same kind and same text.</summary>
    public static bool operator ==(RequestId left, RequestId right) =>
        left._isNumber == right._isNumber && string.Equals(left._text, right._text, StringComparison.Ordinal);

    /// <summary>Tests two ids for inequality.</summary>
    public static bool operator !=(RequestId left, RequestId right) => !(left == right);

    /// <summary>Writes the id as the value of property <paramref name="propertyName"/>.</summary>
    public void WriteTo(Utf8JsonWriter writer, JsonEncodedText propertyName)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (_text is null)
        {
            writer.WriteNull(propertyName);
        }
        else if (_isNumber)
        {
            writer.WritePropertyName(propertyName);
            writer.WriteRawValue(_text, skipInputValidation: true);
        }
        else
        {
            writer.WriteString(propertyName, _text);
        }
    }

    /// <inheritdoc />
    public bool Equals(RequestId other) => this == other;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is RequestId other && this == other;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(_text, _isNumber);

    /// <summary>Returns the id as JSON: <c>null</c>, a number, or a quoted string.</summary>
    public override string ToString() => _text is null ? "null" : _isNumber ? _text : JsonSerializer.Serialize(_text);
}
