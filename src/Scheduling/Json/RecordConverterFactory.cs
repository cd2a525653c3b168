using System.Text.Json;
using System.Text.Json.Serialization;

namespace Scheduling.Json;

/// <summary>
/// Converts the Scheduling types that System.Text.Json's own object contract cannot carry exactly (see
/// <see cref="RecordShape.Applies"/>): change requests, whose <see cref="Optional{T}"/> properties are left out when
/// not given, and types built through a validating constructor, whose refusals become <see cref="JsonException"/>s.
/// Every other model is left to System.Text.Json (and so to a host's source-generated context).
/// </summary>
internal sealed class RecordConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => RecordShape.Applies(typeToConvert);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(RecordConverter<>).MakeGenericType(typeToConvert), RecordShape.Of(typeToConvert, options))!;
}
