using System.Text.Json;
using System.Text.Json.Serialization;

namespace Scheduling.Json;

/// <summary>
/// An <see cref="Optional{T}"/> as its value: <c>null</c> is "given as null". "Not given" has no JSON value of its own:
/// it is an absent property, which the change requests' converter (<see cref="RecordConverter{T}"/>) leaves out and
/// reads back as not given. A bare <see cref="Optional{T}"/> that was not given cannot be written.
/// </summary>
internal sealed class OptionalConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) =>
        typeToConvert.IsGenericType && typeToConvert.GetGenericTypeDefinition() == typeof(Optional<>);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(OptionalConverter<>).MakeGenericType(typeToConvert.GetGenericArguments()[0]))!;

    private sealed class OptionalConverter<T> : JsonConverter<Optional<T>>
    {
        public override bool HandleNull => true;

        public override Optional<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            new(JsonValues.Read<T>(ref reader, options)!);

        public override void Write(Utf8JsonWriter writer, Optional<T> value, JsonSerializerOptions options)
        {
            if (!value.HasValue)
            {
                throw JsonFailure.Because(
                    $"An Optional<{typeof(T).Name}> that was not given has no JSON value: leave its property out (the change requests do).");
            }

            JsonValues.Write(writer, value.Value, options);
        }
    }
}
